import datetime as dt

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from daihoi.core.audit import history_of
from daihoi.core.dates import today
from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.core.models import AuditEntry
from daihoi.reporting import services, signals
from daihoi.reporting.models import (
    DailySnapshot,
    Explanation,
    ExplanationAction,
    ReportRequestAction,
    ReportSubmission,
    SubmissionAction,
    SubmissionState,
    submission_state_q,
)
from daihoi.reporting.tasks import take_daily_snapshot, take_snapshots
from daihoi.testing.factories import TaskFactory

from .helpers import make_request, officer, overdue_task, secretariat

pytestmark = pytest.mark.django_db


def test_a_request_creates_one_empty_submission_per_agency(world):
    request = make_request(world, agencies=("btg", "stc", "btg"))
    assert sorted(s.agency.short_name for s in request.submissions.all()) == ["BTGTU", "STC"]
    assert all(s.status == ReportSubmission.Status.PENDING for s in request.submissions.all())


def test_only_the_secretariat_asks_for_reports(world):
    with pytest.raises(PermissionDenied):
        services.report_request_create(
            access=officer(world),
            title="x",
            deadline=today(),
            agencies=[world.agencies["btg"]],
        )


def test_a_request_needs_at_least_one_agency_of_this_congress(world):
    with pytest.raises(BusinessError, match="ít nhất một"):
        services.report_request_create(
            access=secretariat(world), title="x", deadline=today(), agencies=[]
        )
    with pytest.raises(BusinessError, match="không thuộc"):
        services.report_request_create(
            access=secretariat(world), title="x", deadline=today(), agencies=[world.other_agency]
        )


def test_a_template_that_is_not_an_allowed_file_is_refused(world):
    with pytest.raises(BusinessError) as error:
        services.report_request_create(
            access=secretariat(world),
            title="x",
            deadline=today(),
            agencies=[world.agencies["btg"]],
            template=SimpleUploadedFile("virus.exe", b"MZ"),
        )
    assert error.value.field == "template"


def test_the_request_is_announced_to_the_agencies_after_commit(
    world, django_capture_on_commit_callbacks
):
    received = []

    def listener(sender, **kwargs):
        received.append(kwargs)

    signals.report_requested.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            request = make_request(world, agencies=("btg", "stc"))
    finally:
        signals.report_requested.disconnect(listener)
    assert len(received) == 1
    assert received[0]["request"] == request
    assert sorted(received[0]["agency_ids"]) == sorted(
        [world.agencies["btg"].pk, world.agencies["stc"].pk]
    )
    assert received[0]["actor"] == world.users["secretariat"]


def test_submission_lifecycle_submit_return_with_comment_and_resubmit(
    world, django_capture_on_commit_callbacks
):
    request = make_request(world, columns=[{"label": "Số đảng viên", "kind": "number"}])
    submission = request.submissions.get()
    assert submission.state(today()) == SubmissionState.WAITING

    services.submission_submit(
        access=officer(world), submission=submission, text="Số liệu năm 2020", values=["1.234"]
    )
    submission.refresh_from_db()
    assert submission.status == ReportSubmission.Status.SUBMITTED
    assert submission.submitted_on == today()
    assert submission.values == ["1.234"]
    assert submission.state(today()) == SubmissionState.ON_TIME

    with pytest.raises(PermissionDenied):
        services.submission_submit(access=officer(world), submission=submission, text="lần hai")

    returned = []

    def listener(sender, **kw):
        returned.append(kw)

    signals.submission_returned.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.submission_return(
                access=secretariat(world), submission=submission, comment="Bổ sung số liệu 2019"
            )
    finally:
        # Only our listener: the notifications app's receiver must stay connected.
        signals.submission_returned.disconnect(listener)
    submission.refresh_from_db()
    assert submission.status == ReportSubmission.Status.RETURNED
    assert submission.return_comment == "Bổ sung số liệu 2019"
    assert submission.submitted_on is None
    assert returned and returned[0]["comment"] == "Bổ sung số liệu 2019"

    services.submission_submit(
        access=officer(world), submission=submission, text="Đã bổ sung", values=["1.300"]
    )
    submission.refresh_from_db()
    assert submission.status == ReportSubmission.Status.SUBMITTED
    entries = list(history_of(submission, submission.request).order_by("id"))
    assert [e.action for e in entries] == [
        ReportRequestAction.CREATED,
        SubmissionAction.SUBMITTED,
        SubmissionAction.RETURNED,
        SubmissionAction.RESUBMITTED,
    ]
    assert entries[2].reason == "Bổ sung số liệu 2019"
    assert entries[-1].actor == world.users["officer"]


def test_a_report_sent_after_the_deadline_is_late_and_one_never_sent_is_missing(world):
    request = make_request(world, agencies=("btg", "stc"), days_left=2)
    btg = request.submissions.get(agency=world.agencies["btg"])
    stc = request.submissions.get(agency=world.agencies["stc"])
    later = today() + dt.timedelta(days=4)
    with time_machine.travel(dt.datetime.combine(later, dt.time(9)), tick=False):
        services.submission_submit(access=officer(world), submission=btg, text="Muộn")
    btg.refresh_from_db()
    assert btg.submitted_on == later
    assert btg.state(later) == SubmissionState.LATE
    assert stc.state(later) == SubmissionState.MISSING
    late = ReportSubmission.objects.filter(submission_state_q(SubmissionState.LATE, later))
    missing = ReportSubmission.objects.filter(submission_state_q(SubmissionState.MISSING, later))
    assert list(late) == [btg] and list(missing) == [stc]


def test_another_agency_cannot_send_a_report_not_addressed_to_it(world):
    submission = make_request(world).submissions.get()
    with pytest.raises(PermissionDenied):
        services.submission_submit(
            access=officer(world, "officer2"), submission=submission, text="x"
        )
    with pytest.raises(PermissionDenied):
        services.submission_submit(access=secretariat(world), submission=submission, text="x")


def test_an_empty_report_and_a_missing_figure_are_refused(world):
    request = make_request(world, columns=[{"label": "Số đảng viên", "kind": "number"}])
    submission = request.submissions.get()
    with pytest.raises(BusinessError, match="Chưa điền cột bắt buộc “Số đảng viên”"):
        services.submission_submit(access=officer(world), submission=submission, text="Có chữ")
    with pytest.raises(BusinessError, match="phải là số"):
        services.submission_submit(
            access=officer(world), submission=submission, text="x", values=["nhiều"]
        )


def test_returning_needs_a_comment_and_a_sent_report(world):
    submission = make_request(world).submissions.get()
    with pytest.raises(PermissionDenied):
        services.submission_return(access=secretariat(world), submission=submission, comment="x")
    services.submission_submit(access=officer(world), submission=submission, text="Báo cáo")
    with pytest.raises(BusinessError, match="ý kiến"):
        services.submission_return(access=secretariat(world), submission=submission, comment=" ")


def test_a_leader_asks_the_lead_agency_to_explain_an_overdue_task_and_it_answers(world):
    task = overdue_task(world)
    explanation = services.explanation_request(
        access=secretariat(world), task=task, reason="Vì sao chậm?"
    )
    assert explanation.agency == world.agencies["btg"]
    with pytest.raises(BusinessError, match="chưa được trả lời"):
        services.explanation_request(access=secretariat(world), task=task, reason="Lần hai")
    with pytest.raises(PermissionDenied):
        services.explanation_answer(
            access=officer(world, "officer2"), explanation=explanation, answer="Không phải tôi"
        )
    services.explanation_answer(
        access=officer(world), explanation=explanation, answer="Chờ kinh phí in ấn"
    )
    explanation.refresh_from_db()
    assert explanation.is_answered and explanation.answered_by == world.users["officer"]
    assert [e.action for e in history_of(explanation).order_by("id")] == [
        ExplanationAction.REQUESTED,
        ExplanationAction.ANSWERED,
    ]
    assert history_of(explanation)[0].actor == world.users["officer"]


def test_an_explanation_is_asked_only_for_an_overdue_task_and_only_by_leaders(world):
    task = TaskFactory.create(
        lead_agency=world.agencies["btg"], deadline=today() + dt.timedelta(days=3)
    )
    with pytest.raises(BusinessError, match="quá hạn"):
        services.explanation_request(access=secretariat(world), task=task, reason="x")
    with pytest.raises(PermissionDenied):
        services.explanation_request(access=officer(world), task=overdue_task(world), reason="x")
    assert not Explanation.objects.exists()


def test_the_daily_snapshot_is_one_row_per_congress_per_day_however_often_it_runs(world):
    TaskFactory(lead_agency=world.agencies["btg"], deadline=today() - dt.timedelta(days=1))
    TaskFactory(lead_agency=world.agencies["btg"])
    take_snapshots()
    take_snapshots()
    take_daily_snapshot.call()
    snapshot = DailySnapshot.objects.get(congress=world.congress, day=today())
    assert DailySnapshot.objects.filter(day=today()).count() == 2  # both congresses
    assert (snapshot.open_on_time, snapshot.open_overdue, snapshot.total) == (1, 1, 2)


def test_the_snapshot_of_a_past_day_keeps_its_counts(world):
    yesterday = today() - dt.timedelta(days=1)
    services.snapshot_take(congress=world.congress, day=yesterday)
    TaskFactory(lead_agency=world.agencies["btg"])
    take_snapshots()
    assert DailySnapshot.objects.get(congress=world.congress, day=yesterday).total == 0
    assert DailySnapshot.objects.get(congress=world.congress, day=today()).total == 1


def test_the_management_command_takes_the_snapshot(world):
    from django.core.management import call_command

    call_command("take_daily_snapshot")
    call_command("take_daily_snapshot")
    assert DailySnapshot.objects.filter(congress=world.congress).count() == 1


def test_each_reporting_service_writes_exactly_one_entry_with_its_action_code(world):
    before = AuditEntry.objects.count()

    def new_actions() -> list[str]:
        nonlocal before
        entries = list(AuditEntry.objects.order_by("id")[before:].values_list("action", flat=True))
        before += len(entries)
        return entries

    request = make_request(world)
    assert new_actions() == [ReportRequestAction.CREATED]
    submission = request.submissions.get()
    services.submission_submit(access=officer(world), submission=submission, text="Báo cáo")
    assert new_actions() == [SubmissionAction.SUBMITTED]
    services.submission_return(access=secretariat(world), submission=submission, comment="Thiếu")
    assert new_actions() == [SubmissionAction.RETURNED]
    services.submission_submit(access=officer(world), submission=submission, text="Đã bổ sung")
    assert new_actions() == [SubmissionAction.RESUBMITTED]
    task = overdue_task(world)
    new_actions()  # whatever planning records for the task's creation
    explanation = services.explanation_request(
        access=secretariat(world), task=task, reason="Vì sao?"
    )
    assert new_actions() == [ExplanationAction.REQUESTED]
    services.explanation_answer(access=officer(world), explanation=explanation, answer="Chờ in")
    assert new_actions() == [ExplanationAction.ANSWERED]
