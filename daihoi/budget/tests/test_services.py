import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from daihoi.accounts.models import Role
from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.notifications.models import Kind, Notification
from daihoi.organizations.permissions import Access
from daihoi.planning import services as planning_services
from daihoi.planning.models import Area, Phase

from .. import selectors, services
from ..models import Category, Estimate, EstimateAction, EstimateLine, Spending
from .helpers import accesses, make_norm

pytestmark = pytest.mark.django_db


@pytest.fixture
def a(world):
    result = accesses(world)
    result["svh"] = Access(
        world.users["member"], world.congress, Role.AGENCY_OFFICER, world.agencies["svh"].pk
    )
    return result


@pytest.fixture
def norm(world):
    return make_norm(world)


@pytest.fixture
def estimate(a):
    return services.estimate_create(access=a["btg"], title="Dự trù kinh phí tuyên truyền")


def add(a, estimate, **kwargs):
    values: dict[str, Any] = {
        "content": "Bồi dưỡng",
        "quantity": 10,
        "unit_price": 150_000,
        "unit": "người",
    }
    values.update(kwargs)
    return services.estimate_line_add(access=a["btg"], estimate=estimate, **values)


def test_line_amount_is_quantity_times_unit_price_and_the_estimate_keeps_the_total(a, estimate):
    add(a, estimate, quantity=12, unit_price=150_000)
    add(a, estimate, quantity=3, unit_price=1_250_500)
    estimate.refresh_from_db()
    amounts = list(estimate.lines.values_list("amount", flat=True))
    assert amounts == [1_800_000, 3_751_500]
    assert estimate.requested_total == 5_551_500
    assert isinstance(estimate.requested_total, int)


def test_editing_and_deleting_lines_keeps_the_total_right(a, estimate):
    line = add(a, estimate, quantity=2, unit_price=100_000)
    other = add(a, estimate, quantity=1, unit_price=50_000)
    services.estimate_line_update(
        access=a["btg"],
        line=line,
        content="Bồi dưỡng",
        quantity=5,
        unit_price=100_000,
        unit="người",
    )
    estimate.refresh_from_db()
    assert estimate.requested_total == 550_000
    services.estimate_line_delete(access=a["btg"], line=other)
    estimate.refresh_from_db()
    assert estimate.requested_total == 500_000


def test_a_price_above_the_norm_is_refused_without_an_explanation(a, estimate, norm):
    with pytest.raises(BusinessError) as error:
        add(a, estimate, norm=norm, unit_price=250_000)
    assert "vượt mức tối đa 200.000 đ/người/ngày" in error.value.message
    assert error.value.field == "notes"
    assert not EstimateLine.objects.exists()


def test_a_price_above_the_norm_with_an_explanation_is_kept_and_flagged(a, estimate, norm):
    line = add(a, estimate, norm=norm, unit_price=250_000, unit="", notes="Đại biểu ở xa")
    assert line.over_norm is True
    assert line.unit == "người/ngày"  # taken from the norm when left blank
    assert line.category == Category.ALLOWANCE
    within = add(a, estimate, norm=norm, unit_price=200_000)
    assert within.over_norm is False


def test_a_norm_out_of_its_validity_cannot_be_applied(world, a, estimate):
    old = make_norm(world, code="DM09", valid_to=dt.date(2019, 12, 31))
    with pytest.raises(BusinessError, match="không còn hiệu lực"):
        add(a, estimate, norm=old, today=dt.date(2020, 9, 1))


@pytest.mark.parametrize(
    ("quantity", "unit_price", "message"),
    [
        (0, 100_000, "Số lượng phải là số nguyên lớn hơn 0"),
        (-3, 100_000, "Số lượng phải là số nguyên lớn hơn 0"),
        (5_000_000, 100_000, "quá lớn"),
        (10, -1, "Đơn giá không được âm"),
        (10, 10**12, "Đơn giá vượt quá"),
        (1_000_000, 10**8, "Thành tiền vượt quá"),
    ],
)
def test_negative_or_absurd_quantities_and_prices_are_refused(
    a, estimate, quantity, unit_price, message
):
    with pytest.raises(BusinessError, match=message):
        add(a, estimate, quantity=quantity, unit_price=unit_price)
    estimate.refresh_from_db()
    assert estimate.requested_total == 0 and not estimate.lines.exists()


def test_only_tasks_led_by_the_agency_can_be_linked(world, a, estimate):
    other_task = planning_services.task_create(
        access=a["secretariat"],
        fields=planning_services.TaskFields(
            title="Bảo đảm an ninh",
            lead_agency=world.agencies["ca"],
            area=Area.SECURITY,
            phase=Phase.DURING,
        ),
    )
    with pytest.raises(BusinessError, match="do đơn vị mình chủ trì"):
        add(a, estimate, task=other_task)


def test_only_the_owning_agency_edits_its_draft(a, estimate):
    for key in ("finance", "secretariat", "admin", "svh"):
        with pytest.raises(PermissionDenied):
            add({"btg": a[key]}, estimate)
    assert not estimate.lines.exists()


def test_an_agency_has_one_estimate_per_congress(a, estimate):
    with pytest.raises(BusinessError, match="đã có dự trù"):
        services.estimate_create(access=a["btg"], title="Lần hai")


def test_submit_locks_the_estimate_and_notifies_finance(
    world, a, estimate, norm, django_capture_on_commit_callbacks
):
    line = add(a, estimate, norm=norm, unit_price=250_000, notes="Giá thị trường tăng")
    with django_capture_on_commit_callbacks(execute=True):
        services.estimate_submit(access=a["btg"], estimate=estimate)
    estimate.refresh_from_db()
    assert estimate.status == Estimate.Status.SUBMITTED
    notice = Notification.objects.get(kind=Kind.ESTIMATE_SUBMITTED)
    assert notice.recipient == world.users["officer2"]
    assert "1 khoản vượt định mức" in notice.title
    with pytest.raises(BusinessError, match="không thể sửa"):
        services.estimate_line_update(
            access=a["btg"], line=line, content="Sửa lén", quantity=1, unit_price=1, unit="người"
        )
    with pytest.raises(BusinessError, match="không thể sửa"):
        add(a, estimate)
    line.refresh_from_db()
    assert line.content == "Bồi dưỡng" and estimate.lines.count() == 1


def test_an_empty_estimate_cannot_be_submitted(a, estimate):
    with pytest.raises(BusinessError, match="chưa có dòng nào"):
        services.estimate_submit(access=a["btg"], estimate=estimate)


def test_return_needs_a_comment_and_reopens_the_estimate_for_the_agency(a, estimate):
    line = add(a, estimate)
    services.estimate_submit(access=a["btg"], estimate=estimate)
    with pytest.raises(BusinessError, match="phải ghi rõ ý kiến"):
        services.estimate_return(access=a["finance"], estimate=estimate, comment="  ")
    services.estimate_return(access=a["finance"], estimate=estimate, comment="Giảm số lượng")
    estimate.refresh_from_db()
    assert estimate.status == Estimate.Status.RETURNED
    assert estimate.return_comment == "Giảm số lượng"
    services.estimate_line_update(
        access=a["btg"],
        line=line,
        content="Bồi dưỡng",
        quantity=5,
        unit_price=150_000,
        unit="người",
    )
    services.estimate_submit(access=a["btg"], estimate=estimate)
    estimate.refresh_from_db()
    assert estimate.status == Estimate.Status.SUBMITTED and estimate.requested_total == 750_000
    returned = history_of(estimate).get(action=EstimateAction.RETURNED)
    assert returned.reason == "Giảm số lượng"


def test_only_finance_returns_or_approves(a, estimate):
    line = add(a, estimate)
    services.estimate_submit(access=a["btg"], estimate=estimate)
    for key in ("btg", "secretariat", "svh"):
        with pytest.raises(PermissionDenied):
            services.estimate_return(access=a[key], estimate=estimate, comment="Không")
        with pytest.raises(PermissionDenied):
            services.estimate_approve(
                access=a[key],
                estimate=estimate,
                decisions=[services.LineDecision(line.pk, line.amount)],
            )
    services.estimate_approve(
        access=a["admin"], estimate=estimate, decisions=[services.LineDecision(line.pk, 1_500_000)]
    )
    estimate.refresh_from_db()
    assert estimate.status == Estimate.Status.APPROVED and estimate.approved_total == 1_500_000


def test_approval_different_from_the_request_needs_a_reason_and_nothing_is_half_saved(a, estimate):
    first = add(a, estimate, quantity=10, unit_price=100_000)
    second = add(a, estimate, quantity=4, unit_price=100_000)
    services.estimate_submit(access=a["btg"], estimate=estimate)
    with pytest.raises(BusinessError, match="lớn hơn số đề nghị 400.000 đ; phải ghi lý do"):
        services.estimate_approve(
            access=a["finance"],
            estimate=estimate,
            decisions=[
                services.LineDecision(first.pk, 800_000, "Cắt giảm theo định mức"),
                services.LineDecision(second.pk, 500_000),
            ],
        )
    first.refresh_from_db()
    estimate.refresh_from_db()
    assert first.approved_amount is None and estimate.status == Estimate.Status.SUBMITTED
    with pytest.raises(BusinessError, match="khác số đề nghị"):
        services.estimate_approve(
            access=a["finance"],
            estimate=estimate,
            decisions=[
                services.LineDecision(first.pk, 800_000),
                services.LineDecision(second.pk, 400_000),
            ],
        )
    services.estimate_approve(
        access=a["finance"],
        estimate=estimate,
        decisions=[
            services.LineDecision(first.pk, 800_000, "Cắt giảm theo định mức"),
            services.LineDecision(second.pk, 500_000, "Bổ sung khoản phát sinh"),
        ],
    )
    estimate.refresh_from_db()
    assert estimate.approved_total == 1_300_000 and estimate.requested_total == 1_400_000


def test_approval_above_the_norm_ceiling_needs_a_reason(a, estimate, norm):
    line = add(a, estimate, norm=norm, unit_price=250_000, notes="Đại biểu ở xa")
    services.estimate_submit(access=a["btg"], estimate=estimate)
    with pytest.raises(BusinessError, match="vượt định mức"):
        services.estimate_approve(
            access=a["finance"],
            estimate=estimate,
            decisions=[services.LineDecision(line.pk, line.amount)],
        )


def test_approval_must_cover_every_line(a, estimate):
    add(a, estimate)
    second = add(a, estimate)
    services.estimate_submit(access=a["btg"], estimate=estimate)
    with pytest.raises(BusinessError, match="đủ mọi dòng"):
        services.estimate_approve(
            access=a["finance"],
            estimate=estimate,
            decisions=[services.LineDecision(second.pk, second.amount)],
        )


def approve_all(a, estimate):
    services.estimate_submit(access=a["btg"], estimate=estimate)
    return services.estimate_approve(
        access=a["finance"],
        estimate=estimate,
        decisions=[services.LineDecision(x.pk, x.amount) for x in estimate.lines.all()],
    )


def test_spending_is_recorded_against_approved_lines_with_receipts(a, estimate):
    line = add(a, estimate, quantity=10, unit_price=100_000)
    with pytest.raises(BusinessError, match="đã được Sở Tài chính thẩm định"):
        services.spending_record(
            access=a["btg"], line=line, amount=1, spent_on=dt.date(2020, 9, 1), content="Chi"
        )
    approve_all(a, estimate)
    spending = services.spending_record(
        access=a["btg"],
        line=line,
        amount=400_000,
        spent_on=dt.date(2020, 9, 1),
        content="Chi đợt 1",
        attachments=[SimpleUploadedFile("phieu-chi.pdf", b"%PDF-1.4 x\n%%EOF")],
    )
    assert spending.agency_id == estimate.agency_id
    assert spending.attachments.get().original_name == "phieu-chi.pdf"


def test_a_receipt_whose_content_does_not_match_its_extension_saves_nothing(a, estimate):
    line = add(a, estimate)
    approve_all(a, estimate)
    with pytest.raises(BusinessError, match="không khớp"):
        services.spending_record(
            access=a["btg"],
            line=line,
            amount=100_000,
            spent_on=dt.date(2020, 9, 1),
            content="Chi",
            attachments=[SimpleUploadedFile("phieu.pdf", b"MZ\x90\x00 not a pdf")],
        )
    assert not Spending.objects.exists()


def test_only_the_owning_agency_records_spending(a, estimate):
    line = add(a, estimate)
    approve_all(a, estimate)
    with pytest.raises(PermissionDenied):
        services.spending_record(
            access=a["finance"], line=line, amount=1, spent_on=dt.date(2020, 9, 1), content="x"
        )


def test_the_dashboard_warns_where_spending_exceeds_the_approval(world, a, estimate):
    line = add(a, estimate, quantity=10, unit_price=100_000)
    approve_all(a, estimate)
    for amount in (600_000, 500_000):
        services.spending_record(
            access=a["btg"], line=line, amount=amount, spent_on=dt.date(2020, 9, 1), content="Chi"
        )
    rows, over = selectors.dashboard(a["secretariat"])
    assert [(r.agency_name, r.approved, r.spent, r.overspent) for r in rows] == [
        ("Ban Tuyên giáo Tỉnh ủy", 1_000_000, 1_100_000, True)
    ]
    assert [x.pk for x in over] == [line.pk]


def test_totals_by_agency_area_and_category_count_what_finance_has_seen(world, a, estimate):
    task = planning_services.task_create(
        access=a["secretariat"],
        fields=planning_services.TaskFields(
            title="Tuyên truyền trực quan",
            lead_agency=world.agencies["btg"],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
        ),
    )
    add(a, estimate, quantity=10, unit_price=100_000, task=task, category=Category.PRINTING)
    add(a, estimate, quantity=1, unit_price=500_000, category=Category.DECORATION)
    draft = services.estimate_create(access=a["finance"], title="Dự trù của Sở Tài chính")
    services.estimate_line_add(
        access=a["finance"], estimate=draft, content="Họp", quantity=1, unit_price=9, unit="cuộc"
    )
    before = selectors.compilation(a["finance"])
    assert before.requested == 0  # drafts are private
    assert {r.agency_name: r.status for r in before.by_agency}["Ban Tuyên giáo Tỉnh ủy"] == (
        "missing"
    )
    approve_all(a, estimate)
    compiled = selectors.compilation(a["finance"])
    assert compiled.requested == 1_500_000 and compiled.approved == 1_500_000
    assert [(r.label, r.requested) for r in compiled.by_area] == [
        ("Tuyên truyền", 1_000_000),
        ("Chưa gắn nhiệm vụ", 500_000),
    ]
    assert [(r.key, r.approved) for r in compiled.by_category] == [
        ("printing", 1_000_000),
        ("decoration", 500_000),
    ]
    assert compiled.counts["approved"] == 1 and compiled.counts["missing"] == 1


def test_norm_codes_are_unique_and_only_finance_keeps_norms(world, a, norm):
    with pytest.raises(BusinessError, match="đã có"):
        make_norm(world, code="dm01")
    with pytest.raises(PermissionDenied):
        services.norm_create(
            access=a["secretariat"], code="X", name="X", unit="bộ", max_unit_price=1
        )
