"""Supplementary estimates (dự trù bổ sung): created after approval, reviewed like any estimate,
counted with the original in the dashboard, the compilation and its exports."""

import datetime as dt
import io
from typing import Any

import pytest
from django.urls import reverse
from docx import Document as DocxDocument
from openpyxl import load_workbook

from daihoi.accounts.models import Role
from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.notifications.models import Kind, Notification
from daihoi.organizations.models import Agency, Participation
from daihoi.organizations.permissions import Access
from daihoi.testing.factories import UserFactory

from .. import selectors, services
from ..models import Estimate, EstimateAction, EstimateLine
from .helpers import accesses, approved_estimate_with_spending

pytestmark = pytest.mark.django_db


def url(name, world, **kwargs):
    return reverse(f"budget:{name}", kwargs={"congress_id": world.congress.pk, **kwargs})


@pytest.fixture
def a(world):
    return accesses(world)


@pytest.fixture
def original(world):
    return Estimate.objects.get(pk=approved_estimate_with_spending(world)["estimate_id"])


def supplement_with_a_line(a, original, *, amount=500_000):
    supplement = services.estimate_supplement_create(access=a["btg"], original=original)
    line = services.estimate_line_add(
        access=a["btg"],
        estimate=supplement,
        content="In thêm pano",
        quantity=1,
        unit_price=amount,
        unit="tấm",
    )
    return supplement, line


def approve(a, estimate):
    decisions = [
        services.LineDecision(line_id=line.pk, approved_amount=line.amount)
        for line in estimate.lines.all()
    ]
    return services.estimate_approve(access=a["finance"], estimate=estimate, decisions=decisions)


# Services ---------------------------------------------------------------------------------------


def test_a_supplement_to_an_approved_estimate_is_numbered_per_agency_and_audited(a, original):
    first = services.estimate_supplement_create(access=a["btg"], original=original)
    second = services.estimate_supplement_create(
        access=a["btg"], original=original, title="Bổ sung kinh phí trang trí"
    )
    assert (first.kind, first.sequence, first.supplement_to) == (
        Estimate.Kind.SUPPLEMENT,
        1,
        original,
    )
    assert first.supplement_label == "Bổ sung lần 1" and second.supplement_label == "Bổ sung lần 2"
    assert first.title == "Dự trù kinh phí bổ sung lần 1"
    assert second.title == "Bổ sung kinh phí trang trí"
    assert first.status == Estimate.Status.DRAFT and first.agency_id == original.agency_id
    entry = history_of(first)[0]
    assert entry.action == EstimateAction.SUPPLEMENT_CREATED
    assert entry.data == {"original": original.pk, "sequence": 1}


def test_a_supplement_before_the_original_is_approved_is_refused_and_nothing_saved(a):
    draft = services.estimate_create(access=a["btg"], title="Dự trù")
    with pytest.raises(BusinessError, match="đã được Sở Tài chính thẩm định"):
        services.estimate_supplement_create(access=a["btg"], original=draft)
    assert Estimate.objects.filter(kind=Estimate.Kind.SUPPLEMENT).count() == 0


def test_a_supplement_to_another_agencys_estimate_is_refused_and_nothing_saved(world, original):
    svh = Access(
        world.users["member"], world.congress, Role.AGENCY_OFFICER, world.agencies["svh"].pk
    )
    with pytest.raises(PermissionDenied, match="Chỉ đầu mối của đơn vị lập dự trù"):
        services.estimate_supplement_create(access=svh, original=original)
    with pytest.raises(PermissionDenied):
        services.estimate_supplement_create(access=accesses(world)["finance"], original=original)
    assert Estimate.objects.filter(kind=Estimate.Kind.SUPPLEMENT).count() == 0


def test_a_supplement_of_a_supplement_is_refused(a, original):
    supplement, _ = supplement_with_a_line(a, original)
    services.estimate_submit(access=a["btg"], estimate=supplement)
    approve(a, supplement)
    with pytest.raises(BusinessError, match="dự trù ban đầu"):
        services.estimate_supplement_create(access=a["btg"], original=supplement)


def test_a_supplements_lines_are_checked_against_the_norms_like_any_estimate(world, a, original):
    norm = selectors.norms_of(a["btg"]).get()
    supplement = services.estimate_supplement_create(access=a["btg"], original=original)
    with pytest.raises(BusinessError, match="vượt mức tối đa"):
        services.estimate_line_add(
            access=a["btg"],
            estimate=supplement,
            content="Bồi dưỡng thêm",
            quantity=2,
            unit_price=norm.max_unit_price + 1,
            norm=norm,
        )
    assert not supplement.lines.exists()


def test_a_supplement_is_submitted_returned_and_approved_line_by_line(a, original):
    supplement, line = supplement_with_a_line(a, original)
    services.estimate_submit(access=a["btg"], estimate=supplement)
    services.estimate_return(access=a["finance"], estimate=supplement, comment="Ghi rõ số lượng")
    supplement.refresh_from_db()
    assert supplement.status == Estimate.Status.RETURNED
    services.estimate_submit(access=a["btg"], estimate=supplement)
    services.estimate_approve(
        access=a["finance"],
        estimate=supplement,
        decisions=[services.LineDecision(line.pk, 400_000, "Giảm theo thực tế")],
    )
    supplement.refresh_from_db()
    assert supplement.status == Estimate.Status.APPROVED and supplement.approved_total == 400_000
    original.refresh_from_db()
    assert original.approved_total == 2_000_000  # the original is untouched


def test_notices_name_a_supplement_as_du_tru_bo_sung(
    world, a, original, django_capture_on_commit_callbacks
):
    supplement, line = supplement_with_a_line(a, original)
    with django_capture_on_commit_callbacks(execute=True):
        services.estimate_submit(access=a["btg"], estimate=supplement)
    sent = Notification.objects.filter(kind=Kind.ESTIMATE_SUBMITTED).latest("pk")
    assert "gửi dự trù bổ sung lần 1 500.000 đ" in sent.title
    assert sent.recipient == world.users["officer2"]
    with django_capture_on_commit_callbacks(execute=True):
        services.estimate_return(access=a["finance"], estimate=supplement, comment="Bổ sung hồ sơ")
    returned = Notification.objects.get(kind=Kind.ESTIMATE_RETURNED)
    assert returned.title.startswith("Sở Tài chính trả lại dự trù bổ sung lần 1")
    assert returned.recipient == world.users["officer"]
    services.estimate_submit(access=a["btg"], estimate=supplement)
    with django_capture_on_commit_callbacks(execute=True):
        approve(a, supplement)
    approved = Notification.objects.filter(kind=Kind.ESTIMATE_APPROVED).latest("pk")
    assert approved.title == "Sở Tài chính đã thẩm định dự trù bổ sung lần 1: 500.000 đ."


def test_spending_is_recorded_against_an_approved_supplement_line_only(a, original):
    supplement, line = supplement_with_a_line(a, original)
    spend: dict[str, Any] = {
        "amount": 100_000,
        "spent_on": dt.date(2020, 9, 2),
        "content": "In pano bổ sung",
    }
    with pytest.raises(BusinessError, match="đã được Sở Tài chính thẩm định"):
        services.spending_record(access=a["btg"], line=line, **spend)
    services.estimate_submit(access=a["btg"], estimate=supplement)
    approve(a, supplement)
    line.refresh_from_db()
    spending = services.spending_record(access=a["btg"], line=line, **spend)
    assert spending.agency_id == original.agency_id


# Selectors --------------------------------------------------------------------------------------


def test_the_dashboard_and_compilation_count_the_original_and_its_approved_supplements(
    world, a, original
):
    supplement, _ = supplement_with_a_line(a, original)
    draft_total = selectors.compilation(a["finance"]).approved
    assert draft_total == 2_000_000  # a supplement still drafting is private and not counted
    services.estimate_submit(access=a["btg"], estimate=supplement)
    assert selectors.compilation(a["finance"]).counts["supplements_submitted"] == 1
    approve(a, supplement)
    rows, _ = selectors.dashboard(a["finance"])
    assert [(r.agency_name, r.estimate_id, r.approved, r.spent) for r in rows] == [
        (world.agencies["btg"].name, original.pk, 2_500_000, 1_500_000)
    ]
    compiled = selectors.compilation(a["finance"])
    (row,) = [r for r in compiled.by_agency if r.estimate is not None]
    assert (row.requested, row.approved, row.supplements) == (2_500_000, 2_500_000, [supplement])
    assert compiled.approved == 2_500_000
    assert [line.estimate_id for line in compiled.lines] == [original.pk, supplement.pk]


# Views ------------------------------------------------------------------------------------------


@pytest.fixture
def svh_officer(world):
    user = UserFactory.create(username="svh")
    Participation.objects.create(
        user=user, congress=world.congress, role=Role.AGENCY_OFFICER, agency=world.agencies["svh"]
    )
    return user


def test_the_officer_creates_a_supplement_from_the_approved_estimate_page(world, client, original):
    client.force_login(world.users["officer"])
    page = client.get(url("estimate-detail", world, estimate_id=original.pk)).content.decode()
    assert "Lập dự trù bổ sung" in page
    form = url("estimate-supplement", world, estimate_id=original.pk)
    assert "Dự trù kinh phí bổ sung lần 1" in client.get(form).content.decode()
    response = client.post(form, {"title": "Bổ sung kinh phí in ấn", "note": ""})
    supplement = Estimate.objects.get(kind=Estimate.Kind.SUPPLEMENT)
    assert response.status_code == 302
    assert response["Location"] == url("estimate-detail", world, estimate_id=supplement.pk)
    detail = client.get(response["Location"]).content.decode()
    assert "Bổ sung lần 1" in detail and "Bổ sung kinh phí in ấn" in detail
    listing = client.get(url("estimate-list", world)).content.decode()
    assert "Bổ sung lần 1" in listing


def test_a_supplement_of_an_unapproved_estimate_is_refused_with_a_message(world, client, a):
    draft = services.estimate_create(access=a["btg"], title="Dự trù")
    client.force_login(world.users["officer"])
    form = url("estimate-supplement", world, estimate_id=draft.pk)
    response = client.post(form, {"title": "Bổ sung"}, follow=True)
    assert "đã được Sở Tài chính thẩm định" in response.content.decode()
    assert Estimate.objects.filter(kind=Estimate.Kind.SUPPLEMENT).count() == 0


def test_an_officer_of_another_agency_gets_404_for_the_supplement_pages(
    world, client, a, original, svh_officer
):
    supplement, _ = supplement_with_a_line(a, original)
    client.force_login(svh_officer)
    assert client.get(url("estimate-supplement", world, estimate_id=original.pk)).status_code == 404
    assert (
        client.post(url("estimate-supplement", world, estimate_id=original.pk)).status_code == 404
    )
    assert client.get(url("estimate-detail", world, estimate_id=supplement.pk)).status_code == 404
    assert Estimate.objects.filter(kind=Estimate.Kind.SUPPLEMENT).count() == 1


def test_finance_sees_the_supplement_under_its_agency_in_the_compilation_and_exports(
    world, client, a, original
):
    supplement, _ = supplement_with_a_line(a, original)
    services.estimate_submit(access=a["btg"], estimate=supplement)
    approve(a, supplement)
    client.force_login(world.users["officer2"])
    html = client.get(url("compilation", world)).content.decode()
    assert "Bổ sung lần 1" in html and "2.500.000 đ" in html
    book = load_workbook(io.BytesIO(client.get(url("compilation-xlsx", world)).content))
    summary = [row for row in book["Theo đơn vị"].iter_rows(values_only=True) if row[4]]
    assert summary[1][4] == 2_500_000 and "Bổ sung lần 1" in summary[1][6]
    detail = list(book["Chi tiết"].iter_rows(values_only=True))
    assert [row[-1] for row in detail[1:]] == ["Dự trù ban đầu", "Bổ sung lần 1"]
    docx = DocxDocument(io.BytesIO(client.get(url("compilation-docx", world)).content))
    cells = [cell.text for table in docx.tables for row in table.rows for cell in row.cells]
    assert "trong đó bổ sung lần 1" in cells and "2.500.000" in cells


def test_the_compilation_with_supplements_does_not_grow_queries_with_rows(
    world, client, a, original, django_assert_max_num_queries
):
    supplement, _ = supplement_with_a_line(a, original)
    services.estimate_submit(access=a["btg"], estimate=supplement)
    client.force_login(world.users["officer2"])
    html = client.get(url("compilation", world)).content.decode()
    assert "1\n  dự trù bổ sung</strong> đã gửi, chờ thẩm định" in html
    pages = [url("compilation", world), url("compilation-xlsx", world), url("overview", world)]
    counts = []
    for page in pages:
        with django_assert_max_num_queries(30) as small:
            client.get(page)
        counts.append(len(small.captured_queries))
    for i in range(8):
        agency = Agency.objects.create(congress=world.congress, name=f"Đơn vị {i}")
        base = Estimate.objects.create(
            congress=world.congress,
            agency=agency,
            title=f"Dự trù {i}",
            status=Estimate.Status.APPROVED,
            requested_total=100,
            approved_total=100,
        )
        extra = Estimate.objects.create(
            congress=world.congress,
            agency=agency,
            kind=Estimate.Kind.SUPPLEMENT,
            supplement_to=base,
            sequence=1,
            title=f"Bổ sung {i}",
            status=Estimate.Status.APPROVED,
            requested_total=50,
            approved_total=50,
        )
        for estimate in (base, extra):
            EstimateLine.objects.create(
                estimate=estimate, content="x", unit="bộ", quantity=1, unit_price=50, amount=50
            )
    for page, count in zip(pages, counts, strict=True):
        with django_assert_max_num_queries(count):
            assert client.get(page).status_code == 200
