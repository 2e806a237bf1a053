"""A conclusion turned into a task: the form comes filled from the sentence, one field is
corrected by the officer, and the task keeps what the officer confirmed."""

import datetime as dt
import os

import pytest
from django.utils import timezone

from daihoi.accounts.models import Role
from daihoi.core.dates import today
from daihoi.meetings import services
from daihoi.meetings.models import Meeting
from daihoi.organizations.permissions import Access
from daihoi.planning.models import Area, Task, TaskAssignment
from daihoi.testing.factories import PASSWORD, build_world

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_conclusion_becomes_a_task_with_its_fields_proposed_and_one_corrected(page, live_server):
    world = build_world()
    world.congress.opening_date = today() + dt.timedelta(days=60)
    world.congress.save()
    access = Access(world.users["secretariat"], world.congress, Role.SECRETARIAT)
    start = timezone.now() - dt.timedelta(days=1)
    meeting = services.meeting_plan(
        access=access,
        title="Phiên họp Tiểu ban Tổ chức phục vụ",
        kind=Meeting.Kind.SUBCOMMITTEE,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        place="Phòng họp số 2",
        chair=world.chair,
        committee=world.committee,
    )
    due = today() + dt.timedelta(days=20)
    services.conclusion_add(
        access=access,
        meeting=meeting,
        text=(
            "Giao Sở Tài chính chủ trì, phối hợp với Ban Tuyên giáo Tỉnh ủy và Sở Nội vụ bố trí "
            f"kinh phí in tài liệu Đại hội, hoàn thành trước ngày {due.day}/{due.month}."
        ),
    )

    login(page, live_server, "secretariat", PASSWORD)
    page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/cuoc-hop/{meeting.pk}/")
    page.click("#conclusions a:has-text('Giao thành nhiệm vụ')")
    page.wait_for_load_state("networkidle")

    # Proposed from the sentence: lead, partner, deadline (this year's or next), area.
    stc, btg, vptu = (world.agencies[k] for k in ("stc", "btg", "vptu"))
    assert page.input_value("select[name=lead_agency]") == str(stc.pk)
    assert page.is_checked(f"input[name=coordinating_agencies][value='{btg.pk}']")
    assert page.input_value("input[name=deadline]") == due.strftime("%d/%m/%Y")
    assert page.input_value("select[name=area]") == Area.FINANCE
    unmatched = page.locator("#proposed-coordinating")
    assert "Chưa khớp danh mục" in unmatched.inner_text()
    assert "Sở Nội vụ" in unmatched.inner_text()
    if shots := os.environ.get("DAIHOI_SCREENSHOTS"):
        page.screenshot(path=f"{shots}/conclusion-task-1280.png", full_page=True)

    # The officer corrects the partner: the Văn phòng, not the Ban Tuyên giáo.
    page.uncheck(f"input[name=coordinating_agencies][value='{btg.pk}']")
    page.check(f"input[name=coordinating_agencies][value='{vptu.pk}']")
    page.click("button:has-text('Giao nhiệm vụ')")
    page.wait_for_load_state("networkidle")
    assert "Đã giao kết luận số 1 thành nhiệm vụ" in page.content()

    task = Task.objects.get()
    assert task.lead_agency == stc and task.deadline == due and task.area == Area.FINANCE
    partners = task.assignments.filter(role=TaskAssignment.Role.COORDINATE)
    assert [a.agency for a in partners] == [vptu]
