"""Guidance down: sent to chosen congresses below, delivered by the real worker as tasks in
each, refused as a whole for bad input, idempotent on retry, changes brought down."""

import datetime as dt

import pytest
from django.test import Client

from daihoi.accounts.models import Role
from daihoi.core.dates import today as local_today
from daihoi.core.exceptions import BusinessError
from daihoi.levels import services
from daihoi.levels.models import (
    Guidance,
    GuidanceItem,
    GuidanceNotice,
    GuidanceRecipient,
    GuidanceSend,
    GuidanceTask,
)
from daihoi.levels.tests.helpers import build_tree
from daihoi.organizations.models import Agency, Congress
from daihoi.organizations.permissions import Access
from daihoi.planning import services as planning_services
from daihoi.planning import summary
from daihoi.planning.models import Area, Task
from daihoi.testing.conflicts import CONFLICT, edit_meanwhile
from daihoi.testing.mail import run_worker


@pytest.fixture
def tree(world):
    build_tree(world)
    return world


def province(tree):
    return Access(tree.users["secretariat"], tree.congress, Role.SECRETARIAT)


def second_district(tree) -> Congress:
    district = services.subordinate_create(
        access=province(tree),
        fields=services.SubordinateFields(
            name="Đại hội đại biểu Đảng bộ huyện Ngọc Hồi",
            organization="Đảng bộ huyện Ngọc Hồi",
            level=Congress.Level.DISTRICT,
            ordinal=10,
            term_start=2020,
            term_end=2025,
        ),
    )
    Agency.objects.create(congress=district, name="Văn phòng Huyện ủy", is_issuer=True)
    return district


def propaganda_guidance(tree) -> Guidance:
    access = province(tree)
    guidance = services.guidance_create(
        access=access,
        kind=Guidance.Kind.GUIDANCE,
        title="Hướng dẫn tuyên truyền Đại hội Đảng bộ các cấp",
        symbol="05-HD/BTGTU",
    )
    services.guidance_item_add(
        access=access,
        guidance=guidance,
        fields=services.ItemFields(
            title="Treo băng rôn, khẩu hiệu chào mừng Đại hội",
            area=Area.PROPAGANDA,
            offset_days=-10,
        ),
    )
    services.guidance_item_add(
        access=access,
        guidance=guidance,
        fields=services.ItemFields(
            title="Báo cáo kết quả tuyên truyền",
            area=Area.PROPAGANDA,
            deadline=dt.date(2020, 9, 30),
        ),
    )
    return guidance


@pytest.mark.django_db(transaction=True)
def test_a_guidance_reaches_each_district_as_tasks_through_the_worker(tree):
    other = second_district(tree)
    guidance = propaganda_guidance(tree)
    Congress.objects.filter(pk=tree.district.pk).update(opening_date=dt.date(2020, 7, 15))
    send = services.guidance_send(
        access=province(tree),
        guidance=guidance,
        congress_ids=services.targets(province(tree), level=Congress.Level.DISTRICT),
    )
    assert Task.objects.filter(congress=tree.district).count() == 0  # not yet: the job does it
    run_worker()
    send.refresh_from_db()
    assert (send.state, send.done, send.total) == (GuidanceSend.State.DONE, 2, 2)
    tasks = Task.objects.filter(congress=tree.district).order_by("title")
    assert [t.title for t in tasks] == [
        "Báo cáo kết quả tuyên truyền",
        "Treo băng rôn, khẩu hiệu chào mừng Đại hội",
    ]
    # Relative to each one's own opening day; the district without one has no deadline yet.
    assert tasks[1].deadline == dt.date(2020, 7, 5)
    assert Task.objects.get(congress=other, deadline_offset_days=-10).deadline is None
    assert tasks[0].lead_agency.name == "Văn phòng Huyện ủy"
    assert "05-HD/BTGTU" in tasks[0].source_text
    assert summary.stored_cells(tree.district.pk) == summary.direct_cells(
        tree.district.pk, local_today()
    )
    # A retried job creates nothing twice.
    services.deliver(send.pk)
    assert Task.objects.filter(congress__in=[tree.district, other]).count() == 4


@pytest.mark.django_db
def test_sending_twice_to_a_congress_is_refused_and_creates_nothing(tree):
    guidance = propaganda_guidance(tree)
    services.guidance_send(
        access=province(tree), guidance=guidance, congress_ids=[tree.district.pk]
    )
    other = second_district(tree)
    with pytest.raises(
        BusinessError, match="đã được gửi cho Đại hội đại biểu Đảng bộ huyện Đắk Hà"
    ):
        services.guidance_send(
            access=province(tree), guidance=guidance, congress_ids=[other.pk, tree.district.pk]
        )
    assert GuidanceRecipient.objects.filter(congress=other).count() == 0
    assert GuidanceSend.objects.count() == 1


@pytest.mark.django_db
def test_a_congress_outside_the_tree_cannot_be_sent_to(tree):
    guidance = propaganda_guidance(tree)
    for outside in (tree.other.pk, tree.national.pk, tree.congress.pk, 999999):
        with pytest.raises(BusinessError, match="không thuộc cấp dưới"):
            services.guidance_send(access=province(tree), guidance=guidance, congress_ids=[outside])
    assert not GuidanceRecipient.objects.exists()


@pytest.mark.django_db
def test_a_guidance_without_items_or_a_congress_without_an_office_is_refused(tree):
    access = province(tree)
    empty = services.guidance_create(access=access, kind="guidance", title="Hướng dẫn trống")
    with pytest.raises(BusinessError, match="chưa có nhiệm vụ"):
        services.guidance_send(access=access, guidance=empty, congress_ids=[tree.district.pk])
    bare = services.subordinate_create(
        access=access,
        fields=services.SubordinateFields(
            name="Đại hội Đảng bộ xã Ngọk Réo",
            organization="Đảng bộ xã Ngọk Réo",
            level=Congress.Level.GRASSROOTS,
            ordinal=9,
            term_start=2020,
            term_end=2025,
        ),
    )
    with pytest.raises(BusinessError, match="chưa có cơ quan"):
        services.guidance_send(
            access=access, guidance=propaganda_guidance(tree), congress_ids=[bare.pk]
        )


@pytest.mark.django_db
def test_a_change_updates_untouched_tasks_and_only_tells_the_changed_ones(tree):
    other = second_district(tree)
    guidance = propaganda_guidance(tree)
    send = services.guidance_send(
        access=province(tree), guidance=guidance, congress_ids=[tree.district.pk, other.pk]
    )
    services.deliver(send.pk)
    item = guidance.items.get(title="Báo cáo kết quả tuyên truyền")
    # Đắk Hà changes its own task; Ngọc Hồi leaves it as received.
    changed = GuidanceTask.objects.get(item=item, recipient__congress=tree.district).task
    district_access = Access(tree.users["secretariat"], tree.district, Role.SECRETARIAT)
    fields = planning_services.TaskFields(
        title="Báo cáo kết quả tuyên truyền (bổ sung số liệu xã)",
        lead_agency=changed.lead_agency,
        area=Area.PROPAGANDA,
        phase=changed.phase,
        deadline=changed.deadline,
    )
    planning_services.task_update(
        access=district_access, task=changed, fields=fields, expected_version=changed.version
    )
    services.guidance_item_update(
        access=province(tree),
        item=item,
        fields=services.ItemFields(
            title="Báo cáo kết quả tuyên truyền",
            area=Area.PROPAGANDA,
            deadline=dt.date(2020, 9, 25),
        ),
    )
    assert services.propagate(item.pk) == 1
    untouched = GuidanceTask.objects.get(item=item, recipient__congress=other).task
    untouched.refresh_from_db()
    changed.refresh_from_db()
    assert untouched.deadline == dt.date(2020, 9, 25)
    assert changed.deadline == dt.date(2020, 9, 30) and "bổ sung" in changed.title
    notices = {n.recipient.congress_id: n for n in GuidanceNotice.objects.all()}
    assert notices[other.pk].applied and not notices[tree.district.pk].applied
    assert services.propagate(item.pk) == 0  # running it again does nothing
    assert GuidanceNotice.objects.count() == 2


@pytest.mark.django_db
def test_only_the_parents_secretariat_sends(tree):
    guidance = propaganda_guidance(tree)
    leader = Access(tree.users["leader"], tree.congress, Role.COMMITTEE_LEADER)
    with pytest.raises(BusinessError):
        services.guidance_send(access=leader, guidance=guidance, congress_ids=[tree.district.pk])


@pytest.mark.django_db(transaction=True)
def test_delivered_tasks_get_a_history_row_each_and_the_offices_one_notice_per_congress(tree):
    from daihoi.notifications.models import Notification
    from daihoi.organizations.models import Participation
    from daihoi.testing.factories import UserFactory

    other = second_district(tree)
    officers = []
    for congress in (tree.district, other):
        officer = UserFactory.create(username=f"vanphong-{congress.pk}")
        Participation.objects.create(
            user=officer,
            congress=congress,
            role=Role.AGENCY_OFFICER,
            agency=Agency.objects.get(congress=congress, is_issuer=True),
        )
        officers.append(officer)
    guidance = propaganda_guidance(tree)
    send = services.guidance_send(
        access=province(tree), guidance=guidance, congress_ids=[tree.district.pk, other.pk]
    )
    run_worker()

    tasks = Task.objects.filter(congress__in=[tree.district, other])
    assert tasks.count() == 4
    assert Task.history.filter(id__in=tasks.values("pk"), history_type="+").count() == 4
    for officer, congress in zip(officers, (tree.district, other), strict=True):
        notices = Notification.objects.filter(recipient=officer)
        assert [(n.congress_id, n.title) for n in notices] == [
            (congress.pk, "2 nhiệm vụ mới giao cho Văn phòng Huyện ủy")
        ]
    services.deliver(send.pk)  # a retry: nothing new, no second notice
    assert Notification.objects.filter(recipient__in=officers).count() == 2
    assert Task.history.filter(id__in=tasks.values("pk")).count() == 4


@pytest.mark.django_db
def test_the_roll_up_counts_a_guidances_tasks_not_done_below_and_nothing_for_a_congress_without(
    tree,
):
    from daihoi.levels import selectors

    other = second_district(tree)
    guidance = propaganda_guidance(tree)
    send = services.guidance_send(
        access=province(tree), guidance=guidance, congress_ids=[tree.district.pk, other.pk]
    )
    services.deliver(send.pk)
    assert selectors.open_guidance_tasks(tree.congress) == [(guidance, 4)]
    Task.objects.filter(pk=Task.objects.filter(congress=other).order_by("pk")[0].pk).update(
        cancelled=True
    )
    assert selectors.open_guidance_tasks(tree.congress) == [(guidance, 3)]
    assert selectors.open_guidance_tasks(tree.district) == []


def test_a_stale_guidance_item_form_is_refused_shows_the_change_then_saves_knowingly(tree):
    guidance = propaganda_guidance(tree)
    item = guidance.items.get(title="Báo cáo kết quả tuyên truyền")
    url = f"/dai-hoi/{tree.congress.pk}/cac-cap/huong-dan/{guidance.pk}/nhiem-vu/{item.pk}/"
    mine, theirs = Client(), Client()
    mine.force_login(tree.users["secretariat"])
    theirs.force_login(tree.admin)
    data = {"area": Area.PROPAGANDA, "deadline": "30/09/2020", "description": ""}

    def someone_else_saves() -> None:
        form = theirs.get(url).context["form"]
        other = {**data, "title": "Bản của người khác", "version": form.initial["version"]}
        assert theirs.post(url, other).status_code == 302

    stale, again = edit_meanwhile(
        mine,
        url,
        {**data, "title": "Bản của tôi"},
        someone_else_saves,
        lambda: GuidanceItem.objects.get(pk=item.pk).title == "Bản của người khác",
    )
    assert CONFLICT in stale.content.decode() and "Bản của người khác" in stale.content.decode()
    assert again.status_code == 302
    assert GuidanceItem.objects.get(pk=item.pk).title == "Bản của tôi"
