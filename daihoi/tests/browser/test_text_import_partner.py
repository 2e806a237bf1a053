import pytest

from daihoi.meetings.models import Meeting
from daihoi.planning.models import Task
from daihoi.testing.factories import PASSWORD, build_world

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Written for this test: a meeting held in 2020, one task with a deadline already past.
NOTICE = (
    "Ngày 14/9/2020, đồng chí Nguyễn Hữu Hải, Phó Chủ tịch Thường trực UBND tỉnh, Trưởng Tiểu "
    "ban chủ trì cuộc họp Tiểu ban Tổ chức phục vụ Đại hội.\n\n"
    "Kết luận cuộc họp, đồng chí Trưởng Tiểu ban đề nghị Sở Tài chính tổng hợp dự trù kinh phí "
    "phục vụ Đại hội, hoàn thành trước ngày 25/9/2020."
)


def test_officer_adds_a_coordinating_agency_to_a_row_and_leaves_the_place_empty(page, live_server):
    world = build_world()
    login(page, live_server, "secretariat", PASSWORD)
    page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/")
    page.click("nav >> text=Nhập từ văn bản")
    page.fill("textarea[name=text]", NOTICE)
    page.click("button:has-text('Đọc văn bản')")
    page.wait_for_selector("text=Xem lại nhiệm vụ đề xuất")

    rows = page.locator("#rows .import-row")
    assert rows.count() == 1
    finance = rows.first
    # The deadline phrase is not in the title, and the past deadline is flagged before saving.
    assert "trước ngày" not in finance.locator("textarea[name$='-task']").input_value()
    assert finance.locator(".past-deadline").is_visible()

    finance.locator("button.add-partner").click()
    assert rows.count() == 2
    partner = rows.nth(1)
    assert partner.locator("select[name$='-role']").input_value() == "coordinate"
    partner.locator("select[name$='-agency']").select_option(str(world.agencies["vptu"].pk))
    page.click("button:has-text('Xác nhận, tạo nhiệm vụ')")
    page.wait_for_selector("text=Đã tạo 1 nhiệm vụ từ văn bản")

    task = Task.objects.get()
    assert task.lead_agency == world.agencies["stc"]
    assert [a.agency for a in task.partner_assignments] == [world.agencies["vptu"]]
    assert task.title.startswith("Tổng hợp dự trù kinh phí")
    meeting = Meeting.objects.get()
    assert meeting.status == Meeting.Status.HELD and meeting.place == ""
