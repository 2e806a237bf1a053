"""Reports up: a parent asks congresses below for a report; each answers in its own congress
through its secretariat, the parent returns and compiles; a sibling or a congress above is
refused as a whole; the roll-up counts what is not answered, level by level."""

import datetime as dt
import io
from typing import Any

import openpyxl
import pytest
from django.urls import reverse

from daihoi.accounts.models import Role
from daihoi.core.dates import today
from daihoi.core.exceptions import BusinessError
from daihoi.levels import selectors, services
from daihoi.levels.models import ReportRecipient
from daihoi.levels.rollup import rollup
from daihoi.levels.tests.helpers import build_tree
from daihoi.organizations.models import Agency, Congress, Participation
from daihoi.organizations.permissions import Access
from daihoi.reporting import compilation, exports
from daihoi.reporting import selectors as reporting_selectors
from daihoi.reporting import services as reporting_services
from daihoi.reporting.models import ReportRequest, ReportSubmission, SubmissionState
from daihoi.testing.factories import UserFactory

COLUMNS = [
    {"label": "Số đảng viên", "kind": "number"},
    {"label": "Ghi chú", "kind": "text", "optional": True},
]


@pytest.fixture
def tree(world):
    build_tree(world)
    second = services.subordinate_create(
        access=province(world),
        fields=services.SubordinateFields(
            name="Đại hội đại biểu Đảng bộ huyện Ngọc Hồi",
            organization="Đảng bộ huyện Ngọc Hồi",
            level=Congress.Level.DISTRICT,
            ordinal=10,
            term_start=2020,
            term_end=2025,
        ),
    )
    Agency.objects.create(congress=second, name="Văn phòng Huyện ủy", is_issuer=True)
    world.second = second
    for key, congress in [("district", world.district), ("second", second)]:
        user = UserFactory.create(username=f"report-{key}")
        Participation.objects.create(user=user, congress=congress, role=Role.SECRETARIAT)
        world.users[key] = user
    return world


def province(tree) -> Access:
    return Access(tree.users["secretariat"], tree.congress, Role.SECRETARIAT)


def district(tree, key: str = "district") -> Access:
    congress = tree.district if key == "district" else tree.second
    return Access(tree.users[key], congress, Role.SECRETARIAT)


def ask(tree, **kwargs: Any) -> ReportRequest:
    fields: dict[str, Any] = dict(
        title="Báo cáo tình hình chuẩn bị Đại hội",
        deadline=today() + dt.timedelta(days=7),
        congress_ids=[tree.district.pk, tree.second.pk],
        columns=COLUMNS,
    )
    return services.report_request_send(access=province(tree), **(fields | kwargs))


def submission_of(request: ReportRequest, congress: Congress) -> ReportSubmission:
    return ReportRecipient.objects.get(request=request, congress=congress).submission


def test_a_province_asks_its_districts_and_each_sees_the_request_in_its_own_congress(tree):
    request = ask(tree)

    assert request.congress == tree.congress
    assert request.submissions.count() == 2
    for key, congress in [("district", tree.district), ("second", tree.second)]:
        received = list(selectors.reports_received(district(tree, key)))
        assert [r.request for r in received] == [request]
        assert received[0].submission.agency.congress == congress
    assert list(selectors.reports_received(province(tree))) == []


def test_a_district_answers_with_the_submission_form_and_the_province_sees_it_on_time(tree):
    request = ask(tree)
    submission = submission_of(request, tree.district)

    reporting_services.submission_submit(
        access=district(tree), submission=submission, text="Đã xong", values=["1.234", "đủ"]
    )

    submission.refresh_from_db()
    assert submission.is_submitted
    assert submission.values == ["1.234", "đủ"]
    assert submission.state(today()) == SubmissionState.ON_TIME
    rows = reporting_selectors.submissions_for(province(tree), request, today())
    names = {s.answerer_name: s.is_submitted for s in rows}
    assert names == {tree.district.name: True, tree.second.name: False}


def test_a_district_cannot_answer_for_another_district(tree):
    request = ask(tree)
    other = submission_of(request, tree.second)

    with pytest.raises(BusinessError):
        reporting_services.submission_submit(
            access=district(tree), submission=other, text="Thay", values=["1", ""]
        )
    other.refresh_from_db()
    assert other.status == ReportSubmission.Status.PENDING


def test_the_province_returns_an_answer_with_a_reason_and_the_district_sends_it_again(tree):
    request = ask(tree)
    submission = submission_of(request, tree.district)
    reporting_services.submission_submit(
        access=district(tree), submission=submission, text="Đợt 1", values=["10", ""]
    )

    reporting_services.submission_return(
        access=province(tree), submission=submission, comment="Thiếu số liệu xã Đắk Mar"
    )
    submission.refresh_from_db()
    assert submission.is_returned
    assert submission.return_comment == "Thiếu số liệu xã Đắk Mar"

    reporting_services.submission_submit(
        access=district(tree), submission=submission, text="Đợt 2", values=["12", ""]
    )
    submission.refresh_from_db()
    assert submission.is_submitted and submission.text == "Đợt 2"


def test_a_district_cannot_return_its_own_answer(tree):
    request = ask(tree)
    submission = submission_of(request, tree.district)
    reporting_services.submission_submit(
        access=district(tree), submission=submission, text="Đã xong", values=["1", ""]
    )
    with pytest.raises(BusinessError):
        reporting_services.submission_return(
            access=district(tree), submission=submission, comment="Tự trả"
        )


def test_a_request_to_a_congress_outside_the_tree_is_refused_and_nothing_is_created(tree):
    before = (ReportRequest.objects.count(), ReportSubmission.objects.count())

    for outside in (tree.other, tree.national, tree.congress):
        with pytest.raises(BusinessError, match="không thuộc cấp dưới"):
            ask(tree, congress_ids=[tree.district.pk, outside.pk])

    assert (ReportRequest.objects.count(), ReportSubmission.objects.count()) == before
    assert ReportRecipient.objects.count() == 0


def test_a_request_with_no_congress_or_a_past_deadline_is_refused(tree):
    with pytest.raises(BusinessError):
        ask(tree, congress_ids=[])
    with pytest.raises(BusinessError):
        ask(tree, deadline=today() - dt.timedelta(days=1))
    assert ReportRequest.objects.count() == 0


def test_only_the_secretariat_asks_the_congresses_below(tree):
    leader = Access(tree.users["leader"], tree.congress, Role.COMMITTEE_LEADER)
    with pytest.raises(BusinessError):
        services.report_request_send(
            access=leader,
            title="Báo cáo",
            deadline=today(),
            congress_ids=[tree.district.pk],
        )


def test_late_answers_and_missing_ones_are_told_apart(tree):
    request = ask(tree)
    ReportRequest.objects.filter(pk=request.pk).update(deadline=today() - dt.timedelta(days=2))
    request.refresh_from_db()
    submission = submission_of(request, tree.district)
    reporting_services.submission_submit(
        access=district(tree), submission=submission, text="Muộn", values=["5", ""]
    )

    rows = reporting_selectors.submissions_for(province(tree), request, today())
    states = {s.answerer_name: s.state(today()) for s in rows}
    assert states == {
        tree.district.name: SubmissionState.LATE,
        tree.second.name: SubmissionState.MISSING,
    }


def test_the_consolidated_table_names_the_congresses_in_xlsx_and_docx(tree):
    request = ask(tree)
    reporting_services.submission_submit(
        access=district(tree),
        submission=submission_of(request, tree.district),
        text="Đã xong",
        values=["1.234", "đủ"],
    )
    rows = list(reporting_selectors.submissions_for(province(tree), request, today()))

    sheet = openpyxl.load_workbook(
        io.BytesIO(exports.request_xlsx(request, rows, today(), ""))
    ).active
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row]
    assert "Đại hội cấp dưới" in cells
    assert tree.district.name in cells and tree.second.name in cells
    assert 1234 in cells

    content = compilation.render_docx(province(tree), request, rows, today())
    assert content[:2] == b"PK"


def test_the_roll_up_counts_unanswered_requests_per_subordinate_and_drills_down(tree):
    request = ask(tree)
    national = rollup(tree.national, today())
    kon_tum = next(r for r in national.rows if r.congress == tree.congress)
    assert kon_tum.unanswered == 2

    here = rollup(tree.congress, today())
    assert {r.congress.pk: r.unanswered for r in here.rows} == {
        tree.district.pk: 1,
        tree.second.pk: 1,
    }
    open_requests = [
        (r.pk, r.unanswered, r.asked)  # type: ignore[attr-defined]
        for r in selectors.requests_to_below(tree.congress)
    ]
    assert open_requests == [(request.pk, 2, 2)]

    reporting_services.submission_submit(
        access=district(tree),
        submission=submission_of(request, tree.district),
        text="Đã xong",
        values=["3", ""],
    )
    here = rollup(tree.congress, today())
    assert {r.congress.pk: r.unanswered for r in here.rows} == {
        tree.district.pk: 0,
        tree.second.pk: 1,
    }


def test_the_district_answers_through_its_page_and_a_sibling_or_officer_cannot_open_it(
    tree, client
):
    request = ask(tree)
    recipient = ReportRecipient.objects.get(request=request, congress=tree.district)
    url = reverse("levels:report-received", args=[tree.district.pk, recipient.pk])

    client.force_login(tree.users["second"])
    assert client.get(url).status_code == 404
    other_url = reverse("levels:report-received", args=[tree.second.pk, recipient.pk])
    assert client.get(other_url).status_code == 404

    client.force_login(tree.users["district"])
    page = client.get(url)
    assert page.status_code == 200 and "Gửi báo cáo lên cấp trên" in page.content.decode()
    sent = client.post(url, {"text": "Đã tổ chức 3 hội nghị", "value_0": "1.500", "value_1": ""})
    assert sent.status_code == 302
    assert submission_of(request, tree.district).values == ["1.500", ""]
    listed = client.get(reverse("levels:reports-received", args=[tree.district.pk]))
    assert "Đã gửi đúng hạn" in listed.content.decode()

    client.force_login(tree.users["secretariat"])
    detail = client.get(reverse("reporting:request-detail", args=[tree.congress.pk, request.pk]))
    assert tree.district.name in detail.content.decode()


def test_the_create_page_refuses_a_congress_outside_the_tree_with_a_message(tree, client):
    client.force_login(tree.users["secretariat"])
    url = reverse("levels:report-create", args=[tree.congress.pk])
    page = client.post(
        url,
        {
            "title": "Báo cáo nhanh",
            "deadline": (today() + dt.timedelta(days=3)).strftime("%d/%m/%Y"),
            "congresses": [tree.other.pk],
        },
    )
    assert page.status_code == 200
    assert ReportRequest.objects.count() == 0

    sent = client.post(
        url,
        {
            "title": "Báo cáo nhanh",
            "deadline": (today() + dt.timedelta(days=3)).strftime("%d/%m/%Y"),
            "level": Congress.Level.DISTRICT,
        },
    )
    assert sent.status_code == 302
    assert ReportRecipient.objects.count() == 2


def test_the_received_list_reads_in_a_fixed_number_of_queries(tree, django_assert_max_num_queries):
    for n in range(3):
        ask(tree, title=f"Báo cáo đợt {n}")
    with django_assert_max_num_queries(3):
        rows = list(selectors.reports_received(district(tree)))
        [(r.request.congress.name, r.submission.state(today())) for r in rows]
    assert len(rows) == 3


def test_each_congress_asked_has_its_secretariat_told_in_its_own_congress_and_nobody_else(
    tree, django_capture_on_commit_callbacks
):
    from daihoi.notifications.models import Kind, Notification

    sibling_office = UserFactory.create(username="report-other")
    Participation.objects.create(user=sibling_office, congress=tree.other, role=Role.SECRETARIAT)
    with django_capture_on_commit_callbacks(execute=True):
        request = ask(tree, congress_ids=[tree.district.pk])

    told = Notification.objects.get(kind=Kind.REPORT_REQUESTED)
    recipient = ReportRecipient.objects.get(request=request)
    assert told.recipient == tree.users["district"] and told.congress_id == tree.district.pk
    assert told.link == reverse("levels:report-received", args=[tree.district.pk, recipient.pk])
    assert tree.congress.name in told.body and "Hạn gửi" in told.body
    assert not Notification.objects.exclude(pk=told.pk).exists()


def test_a_returned_answer_tells_the_congress_below_why(tree, django_capture_on_commit_callbacks):
    from daihoi.notifications.models import Kind, Notification

    request = ask(tree)
    submission = submission_of(request, tree.district)
    reporting_services.submission_submit(
        access=district(tree), submission=submission, text="Đợt 1", values=["10", ""]
    )
    with django_capture_on_commit_callbacks(execute=True):
        reporting_services.submission_return(
            access=province(tree), submission=submission, comment="Thiếu số liệu xã Đắk Mar"
        )

    told = Notification.objects.get(kind=Kind.SUBMISSION_RETURNED)
    assert told.recipient == tree.users["district"] and told.congress_id == tree.district.pk
    assert "Thiếu số liệu xã Đắk Mar" in told.body


def test_the_request_list_and_page_count_congresses_below_not_agencies(tree, client):
    request = ask(tree)
    client.force_login(tree.users["secretariat"])
    listed = client.get(reverse("reporting:request-list", args=[tree.congress.pk])).content
    assert "2 Đại hội cấp dưới" in " ".join(listed.decode().split())
    detail = client.get(reverse("reporting:request-detail", args=[tree.congress.pk, request.pk]))
    text = " ".join(detail.content.decode().split())
    assert "2 Đại hội cấp dưới" in text and "cơ quan, đơn vị" not in text
