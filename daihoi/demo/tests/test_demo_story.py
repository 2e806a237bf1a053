"""The demo tells the reports' whole story: their meetings, notice, report requests and budgets."""

import pytest
from django.contrib.auth import get_user_model

from daihoi.budget.models import Estimate, Norm, Spending
from daihoi.core.dates import today
from daihoi.demo import data
from daihoi.demo.loader import load_demo
from daihoi.demo.meetings_data import HA_NOI_MEETING, MEETINGS
from daihoi.demo.reset import reset_demo
from daihoi.documents.models import Document, DocumentKind
from daihoi.meetings.models import Attendance, Meeting
from daihoi.organizations.models import Congress, Person
from daihoi.planning.models import Task
from daihoi.reporting.models import ColumnKind, ReportRequest, SubmissionState

pytestmark = pytest.mark.django_db

# (congress key, chair the report names, the body that met)
ARTICLE_MEETINGS = [
    ("kontum", "Nguyễn Hữu Hải", "Tiểu ban Tổ chức phục vụ Đại hội"),
    ("haiduong", "Nguyễn Dương Thái", "Tiểu ban Tuyên truyền và Phục vụ Đại hội"),
    ("bacninh", "Đào Hồng Lan", "Tiểu ban Tổ chức phục vụ Đại hội"),
    ("thanhpho", "Vũ Văn Diện", "Tiểu ban Văn kiện"),
    ("hanoi", "Ngô Văn Quý", "Tiểu ban Phục vụ Đại hội XIII của Đảng"),
]


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_demo()
    yield
    with django_db_blocker.unblock():
        reset_demo()
        get_user_model().objects.filter(username__in=[u["username"] for u in data.USERS]).delete()


def congress(key: str) -> Congress:
    spec = next(c for c in data.CONGRESSES if c["key"] == key)
    return Congress.objects.get(organization=spec["organization"], ordinal=spec["ordinal"])


@pytest.mark.parametrize("key, chair, body", ARTICLE_MEETINGS)
def test_each_reports_meeting_is_held_in_its_congress_with_chair_body_attendance_and_conclusions(
    loaded, key, chair, body
):
    held = Meeting.objects.filter(congress=congress(key), status=Meeting.Status.HELD)
    meeting = held.select_related("chair", "committee").get()
    assert meeting.chair.full_name == chair and meeting.chair.titles
    assert meeting.committee is not None and meeting.committee.name == body
    assert meeting.starts_at.date() < today()
    present = meeting.attendance.filter(status=Attendance.Status.PRESENT)
    assert present.filter(person=meeting.chair).exists() and present.count() >= 4
    numbers = list(meeting.conclusions.order_by("number").values_list("number", flat=True))
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 4
    tasks = Task.objects.filter(conclusion__meeting=meeting)
    assert tasks.count() >= 2
    for task in tasks.select_related("conclusion"):
        assert task.from_conclusion and task.source == Task.Source.CONCLUSION
        assert task.lead_agency_id and (task.deadline or task.deadline_offset_days is not None)
        # The work a meeting gave starts after the meeting, and its story too.
        assert task.created_at >= meeting.starts_at
        assert not task.updates.filter(created_at__lt=meeting.starts_at).exists()


def test_hai_duong_met_on_d_minus_23_as_the_report_says(loaded):
    hai_duong = congress("haiduong")
    meeting = Meeting.objects.get(congress=hai_duong, status=Meeting.Status.HELD)
    assert hai_duong.opening_date is not None
    assert (hai_duong.opening_date - meeting.starts_at.date()).days == 23


def test_notice_540_tb_vp_is_issued_by_the_city_office_in_the_state_layout(loaded):
    hanoi = congress("hanoi")
    meeting = Meeting.objects.select_related("notice__issuer", "notice__signer").get(
        congress=hanoi, title=HA_NOI_MEETING
    )
    notice = meeting.notice
    assert notice is not None and notice.status == Document.Status.ISSUED
    assert notice.kind == DocumentKind.TB and notice.number == 540
    assert notice.symbol == "540/TB-VP" and hanoi.document_rules == Congress.Rules.STATE
    assert notice.issuer.name == "Văn phòng UBND thành phố"
    assert notice.signer is not None and not notice.signer.full_name.startswith("Lãnh đạo")
    assert notice.issued_on is not None and meeting.starts_at.date() < notice.issued_on < today()
    assert notice.docx
    for conclusion in meeting.conclusions.all():
        assert f"{conclusion.number}. {conclusion.text}" in notice.body
    tasks = Task.objects.filter(conclusion__meeting=meeting)
    assert tasks.count() >= 8 and set(tasks.values_list("congress", flat=True)) == {hanoi.pk}
    # The reports' tasks of Hà Nội that came from the notice all carry their conclusion.
    assert (
        not Task.objects.filter(
            congress=hanoi, title__in=[t for _, t in MEETINGS["hanoi"][0]["conclusions"] if t]
        )
        .exclude(conclusion__meeting=meeting)
        .exists()
    )


def test_the_political_report_figures_are_asked_of_the_citys_blocks_in_a_table(loaded):
    request = ReportRequest.objects.get(
        congress=congress("thanhpho"), title__contains="báo cáo chính trị"
    )
    assert {c["kind"] for c in request.columns} == {ColumnKind.TEXT, ColumnKind.NUMBER}
    assert request.submissions.count() >= 6
    states = [s.state(today()) for s in request.submissions.select_related("request")]
    assert {SubmissionState.ON_TIME, SubmissionState.LATE, SubmissionState.MISSING} <= set(states)
    sent = request.submissions.filter(status="submitted")
    assert all(len(s.values) == len(request.columns) for s in sent)
    assert request.submissions.filter(status="returned").exclude(return_comment="").exists()


def test_hanoi_agencies_report_their_results_to_the_city_office(loaded):
    hanoi = congress("hanoi")
    request = ReportRequest.objects.get(congress=hanoi, title__startswith="Báo cáo kết quả")
    meeting = Meeting.objects.get(congress=hanoi, title=HA_NOI_MEETING)
    assert meeting.notice is not None and meeting.notice.issued_on is not None
    assert request.deadline > meeting.notice.issued_on
    states = [s.state(today()) for s in request.submissions.select_related("request")]
    assert states.count(SubmissionState.ON_TIME) >= 3
    assert states.count(SubmissionState.LATE) == 1
    assert request.submissions.filter(status="returned").count() == 1
    assert SubmissionState.MISSING in states


def test_hanoi_has_its_departments_with_short_names_and_codes(loaded):
    agencies = congress("hanoi").agencies
    for name in [
        "Sở Tài chính",
        "Sở Văn hóa và Thể thao",
        "Sở Thông tin và Truyền thông",
        "Công an thành phố Hà Nội",
        "Sở Y tế",
        "Sở Giao thông vận tải",
    ]:
        agency = agencies.get(name=name)
        assert agency.short_name and agency.code
    assert agencies.filter(is_finance=True).count() == 1


@pytest.mark.parametrize("key", ["kontum", "haiduong"])
def test_budget_data_exists_in_more_than_one_congress(loaded, key):
    c = congress(key)
    assert Norm.objects.filter(congress=c).count() >= 5
    states = set(Estimate.objects.filter(congress=c).values_list("status", flat=True))
    assert {Estimate.Status.APPROVED, Estimate.Status.SUBMITTED, Estimate.Status.RETURNED} <= states
    assert Spending.objects.filter(agency__congress=c).exists()


def test_no_person_in_any_demo_congress_is_named_after_a_post(loaded):
    assert not Person.objects.filter(full_name__startswith="Lãnh đạo").exists()
    assert not Document.objects.filter(signer__full_name__startswith="Lãnh đạo").exists()


def test_kon_tums_appraisals_show_a_round_returned_then_approved_and_one_waiting(loaded):
    from daihoi.planning.models import AppraisalRound, AppraisalState, TaskAssignment

    tasks = Task.objects.filter(congress=congress("kontum")).exclude(appraisal_state="")
    histories = {
        t.title: list(
            AppraisalRound.objects.filter(task=t).order_by("number").values_list("state", flat=True)
        )
        for t in tasks
    }
    assert [AppraisalState.RETURNED, AppraisalState.APPROVED] in histories.values()
    waiting = tasks.filter(appraisal_state=AppraisalState.PENDING)
    assert waiting.count() >= 1
    # Every appraised task reported complete was approved first.
    assert not tasks.filter(reported_complete_on__isnull=False).exclude(
        appraisal_state=AppraisalState.APPROVED
    )
    # Ban Tuyên giáo's demo officer sees what waits for its opinion.
    for task in waiting:
        appraiser = task.assignments.get(role=TaskAssignment.Role.APPRAISE).agency
        assert appraiser.short_name == "BTGTU"
