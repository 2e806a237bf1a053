"""Each event reaches the right people, and only them."""

import datetime as dt
from types import SimpleNamespace

import pytest

from daihoi.meetings import services as meeting_services
from daihoi.notifications.models import Kind, Notification
from daihoi.planning import services as planning_services
from daihoi.reporting import signals as reporting_signals

from .conftest import ReportRequest, make_task

pytestmark = pytest.mark.django_db


def recipients(kind: str) -> set[str]:
    return set(Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True))


def test_assigned_task_reaches_the_officers_of_lead_and_coordinating_agencies_only(
    world, secretariat_access, culture_officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        task = make_task(secretariat_access, world)
    assert recipients(Kind.TASK_ASSIGNED) == {"officer", "vanhoa"}
    notice = Notification.objects.get(recipient=world.users["officer"])
    assert notice.title == f"Nhiệm vụ mới: {task.title}"
    assert "Ban Tuyên giáo Tỉnh ủy được giao chủ trì" in notice.body
    assert "30/09/2020" in notice.body
    assert notice.link == f"/dai-hoi/{world.congress.pk}/nhiem-vu/{task.pk}/"
    assert notice.congress == world.congress


def test_agency_added_later_is_told_and_the_others_are_not_told_again(
    world, secretariat_access, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        task = make_task(secretariat_access, world, coordinating_agencies=[])
    with django_capture_on_commit_callbacks(execute=True):
        planning_services.task_update(
            access=secretariat_access,
            task=task,
            expected_version=task.version,
            fields=planning_services.TaskFields(
                title=task.title,
                lead_agency=task.lead_agency,
                area=task.area,
                phase=task.phase,
                deadline=task.deadline,
                coordinating_agencies=[world.agencies["stc"]],
            ),
        )
    assert sorted(
        Notification.objects.filter(kind=Kind.TASK_ASSIGNED).values_list(
            "recipient__username", flat=True
        )
    ) == ["officer", "officer2"]


def test_completion_report_reaches_secretariat_and_leaders_not_agencies(
    world, secretariat_access, propaganda_access, django_capture_on_commit_callbacks
):
    task = make_task(secretariat_access, world)
    with django_capture_on_commit_callbacks(execute=True):
        planning_services.task_report_progress(
            access=propaganda_access,
            task=task,
            text="Đã xong",
            percent=100,
            reports_completion=True,
        )
    assert recipients(Kind.COMPLETION_REPORTED) == {"secretariat", "leader"}


@pytest.mark.parametrize(
    ("decision", "kind"),
    [("accept", Kind.COMPLETION_ACCEPTED), ("return", Kind.COMPLETION_RETURNED)],
)
def test_review_reaches_the_lead_agency_officers_only(
    world,
    secretariat_access,
    propaganda_access,
    leader_access,
    culture_officer,
    django_capture_on_commit_callbacks,
    decision,
    kind,
):
    task = make_task(secretariat_access, world)
    planning_services.task_report_progress(
        access=propaganda_access, task=task, text="Đã xong", percent=100, reports_completion=True
    )
    task.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        if decision == "accept":
            planning_services.task_accept(access=leader_access, task=task)
        else:
            planning_services.task_return(access=leader_access, task=task, comment="Bổ sung ảnh")
    assert recipients(kind) == {"officer"}
    if decision == "return":
        assert "Ý kiến: Bổ sung ảnh" in Notification.objects.get(kind=kind).body


def test_invitation_reaches_the_invitees_and_a_new_invitation_is_a_new_notice(
    world, secretariat_access, meeting, django_capture_on_commit_callbacks
):
    def issue():
        with django_capture_on_commit_callbacks(execute=True):
            meeting_services.meeting_issue_invitation(
                access=secretariat_access,
                meeting=meeting,
                issuer=world.agencies["vptu"],
                signer=world.chair,
                recipients="- Như thành phần mời;\n- Lưu: VT.",
            )

    issue()
    # Ban Tuyên giáo and Sở Tài chính are invited; the leader's account is the chair.
    assert recipients(Kind.MEETING_INVITATION) == {"officer", "officer2", "leader"}
    notice = Notification.objects.filter(kind=Kind.MEETING_INVITATION).first()
    assert notice is not None
    assert notice.meeting == meeting
    assert "Thời gian: 08 giờ 00, ngày 05/10/2020." in notice.body
    issue()
    assert Notification.objects.filter(kind=Kind.MEETING_INVITATION).count() == 6


def test_report_request_reaches_the_officers_of_the_asked_agencies(world):
    request = ReportRequest(7, world.congress.pk, deadline=dt.date(2020, 11, 12))
    reporting_signals.report_requested.send(
        sender=None,
        request=request,
        agency_ids=[world.agencies["stc"].pk],
        actor=world.users["secretariat"],
    )
    assert recipients(Kind.REPORT_REQUESTED) == {"officer2"}
    notice = Notification.objects.get(kind=Kind.REPORT_REQUESTED)
    assert notice.title == "Yêu cầu báo cáo: Báo cáo quý" and notice.link == "/yc/7/"
    assert "Hạn gửi: 12/11/2020." in notice.body


def test_returned_submission_reaches_its_agency_each_time(world):
    request = ReportRequest(7, world.congress.pk)
    submission = SimpleNamespace(pk=3, agency_id=world.agencies["btg"].pk, request=request)
    for _ in range(2):
        reporting_signals.submission_returned.send(
            sender=None,
            submission=submission,
            comment="Thiếu số liệu",
            actor=world.users["secretariat"],
        )
    assert recipients(Kind.SUBMISSION_RETURNED) == {"officer"}
    assert Notification.objects.filter(kind=Kind.SUBMISSION_RETURNED).count() == 2


def test_the_actor_is_not_told_of_their_own_action(
    world, secretariat_access, django_capture_on_commit_callbacks
):
    from daihoi.organizations.models import Participation

    Participation.objects.filter(user=world.users["secretariat"]).update(
        role="agency", agency=world.agencies["btg"]
    )
    with django_capture_on_commit_callbacks(execute=True):
        make_task(secretariat_access, world)
    assert recipients(Kind.TASK_ASSIGNED) == {"officer"}


def test_an_officer_of_another_congress_never_gets_these_notices(
    world, secretariat_access, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_task(secretariat_access, world)
    assert not Notification.objects.filter(recipient=world.users["outsider"]).exists()


def test_a_moved_opening_day_tells_each_lead_and_coordinating_agency_once_with_every_task(
    world, secretariat_access, culture_officer, django_capture_on_commit_callbacks
):
    first = make_task(secretariat_access, world, title="Chuyên trang", deadline_offset_days=-30)
    second = make_task(
        secretariat_access,
        world,
        title="Pano cửa ngõ",
        deadline_offset_days=-10,
        coordinating_agencies=[],
    )
    make_task(secretariat_access, world, title="Hạn cố định")  # does not move
    Notification.objects.all().delete()

    with django_capture_on_commit_callbacks(execute=True):
        planning_services.congress_reschedule(
            access=secretariat_access, opening_date=dt.date(2020, 10, 24)
        )

    lead = Notification.objects.get(kind=Kind.DEADLINES_MOVED, recipient=world.users["officer"])
    assert "từ 14/10/2020 sang 24/10/2020" in lead.body
    assert f"- {first.title} (chủ trì): 14/09/2020 → 24/09/2020" in lead.body
    assert f"- {second.title} (chủ trì): 04/10/2020 → 14/10/2020" in lead.body
    assert "Hạn cố định" not in lead.body
    assert lead.title == "Dời hạn 2 nhiệm vụ theo ngày khai mạc mới 24/10/2020"
    coordinator = Notification.objects.get(kind=Kind.DEADLINES_MOVED, recipient=culture_officer)
    assert f"- {first.title} (phối hợp): 14/09/2020 → 24/09/2020" in coordinator.body
    assert second.title not in coordinator.body
    assert recipients(Kind.DEADLINES_MOVED) == {"officer", "vanhoa"}


def test_a_finished_task_moving_with_the_opening_day_tells_nobody(
    world, secretariat_access, propaganda_access, leader_access, django_capture_on_commit_callbacks
):
    task = make_task(secretariat_access, world, deadline_offset_days=-30)
    planning_services.task_report_progress(
        access=propaganda_access, task=task, text="Xong", percent=100, reports_completion=True
    )
    planning_services.task_accept(access=leader_access, task=task)
    with django_capture_on_commit_callbacks(execute=True):
        planning_services.congress_reschedule(
            access=secretariat_access, opening_date=dt.date(2020, 10, 24)
        )
    assert not Notification.objects.filter(kind=Kind.DEADLINES_MOVED).exists()
