"""An agency's estimate: drafting it line by line, sending it to Finance, Finance's review.

Every write locks the estimate row first (`_lock`) and checks the actor and the state on the
locked copy; lines are only written under their estimate's lock.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NotRequired, TypedDict, Unpack

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from daihoi.core.audit import changes_since, record, snapshot
from daihoi.core.exceptions import BusinessError
from daihoi.core.money import format_vnd
from daihoi.core.services import require, send_on_commit
from daihoi.core.versioning import check_version
from daihoi.organizations.permissions import Access
from daihoi.planning.models import Task

from .. import permissions, signals
from ..models import (
    MAX_AMOUNT,
    MAX_QUANTITY,
    MAX_UNIT_PRICE,
    Category,
    Estimate,
    EstimateAction,
    EstimateLine,
    Norm,
)
from ..permissions import CREATOR_ONLY, FINANCE_ONLY, OWNER_ONLY

LINE_FIELDS = ("content", "quantity", "unit_price", "unit", "task", "norm", "category", "notes")


def lock_estimate(estimate: Estimate) -> Estimate:
    return Estimate.objects.select_for_update().select_related("agency").get(pk=estimate.pk)


def _require_editable(estimate: Estimate) -> None:
    if not estimate.is_editable:
        raise BusinessError(
            f"Dự trù đang ở trạng thái “{estimate.get_status_display()}”, không thể sửa. "
            "Chỉ sửa được khi đang lập hoặc khi Sở Tài chính trả lại."
        )


def _lock_editable(access: Access, estimate: Estimate) -> Estimate:
    """Locks the estimate, then checks the owner and that the state still allows editing."""
    estimate = lock_estimate(estimate)
    require(permissions.can_edit_estimate(access, estimate), OWNER_ONLY)
    _require_editable(estimate)
    return estimate


def _refresh_total(estimate: Estimate) -> None:
    estimate.requested_total = estimate.lines.aggregate(s=Sum("amount"))["s"] or 0


@transaction.atomic
def estimate_create(*, access: Access, title: str, note: str = "") -> Estimate:
    """The unique (congress, agency) constraint settles two officers creating at once."""
    require(permissions.can_create_estimate(access), CREATOR_ONLY)
    agency_id = access.agency_id
    assert agency_id is not None  # can_create_estimate requires an agency
    if not title.strip():
        raise BusinessError("Vui lòng nhập tên dự trù.", field="title")
    if Estimate.objects.filter(
        congress=access.congress, agency_id=agency_id, kind=Estimate.Kind.ORIGINAL
    ).exists():
        raise BusinessError(
            "Đơn vị đã có dự trù kinh phí cho Đại hội này; hãy sửa dự trù đó, hoặc lập dự trù "
            "bổ sung khi dự trù đã được thẩm định."
        )
    estimate = Estimate(
        congress=access.congress,
        agency_id=agency_id,
        title=title.strip(),
        note=note.strip(),
        created_by=access.user,
    )
    estimate.save()
    record(access, EstimateAction.CREATED, estimate)
    return estimate


SUPPLEMENT_OWNER_ONLY = (
    "Chỉ đầu mối của đơn vị lập dự trù mới lập được dự trù bổ sung cho dự trù này."
)
SUPPLEMENT_NEEDS_APPROVAL = (
    "Chỉ lập được dự trù bổ sung khi dự trù kinh phí của đơn vị đã được Sở Tài chính thẩm định."
)


@transaction.atomic
def estimate_supplement_create(
    *, access: Access, original: Estimate, title: str = "", note: str = ""
) -> Estimate:
    """A supplementary estimate (dự trù bổ sung) to an approved original of the actor's agency.

    Locks the original row: the supplements' numbers ("Bổ sung lần n") are read and taken under
    it, so two created at once get 1 and 2, never the same number.
    """
    original = lock_estimate(original)
    require(permissions.can_edit_estimate(access, original), SUPPLEMENT_OWNER_ONLY)
    if original.is_supplement:
        raise BusinessError(
            "Dự trù bổ sung được lập cho dự trù ban đầu của đơn vị, không cho "
            "một dự trù bổ sung khác."
        )
    if original.status != Estimate.Status.APPROVED:
        raise BusinessError(SUPPLEMENT_NEEDS_APPROVAL)
    last = original.supplements.order_by("-sequence").values_list("sequence", flat=True).first()
    sequence = (last or 0) + 1
    supplement = Estimate(
        congress_id=original.congress_id,
        agency_id=original.agency_id,
        kind=Estimate.Kind.SUPPLEMENT,
        supplement_to=original,
        sequence=sequence,
        title=title.strip() or f"Dự trù kinh phí bổ sung lần {sequence}",
        note=note.strip(),
        created_by=access.user,
    )
    supplement.save()
    record(
        access,
        EstimateAction.SUPPLEMENT_CREATED,
        supplement,
        data={"original": original.pk, "sequence": sequence},
    )
    return supplement


@transaction.atomic
def estimate_update(
    *,
    access: Access,
    estimate: Estimate,
    title: str,
    note: str = "",
    expected_version: int | None = None,
) -> Estimate:
    """Locks the estimate row."""
    estimate = _lock_editable(access, estimate)
    check_version(estimate, expected_version, "Dự trù kinh phí")
    if not title.strip():
        raise BusinessError("Vui lòng nhập tên dự trù.", field="title")
    before = snapshot(estimate, ["title", "note"])
    estimate.title, estimate.note = title.strip(), note.strip()
    estimate.save()
    record(access, EstimateAction.UPDATED, estimate, changes=changes_since(estimate, before))
    return estimate


def _check_amounts(quantity: int, unit_price: int) -> None:
    if not isinstance(quantity, int) or quantity < 1:
        raise BusinessError("Số lượng phải là số nguyên lớn hơn 0.", field="quantity")
    if quantity > MAX_QUANTITY:
        raise BusinessError(
            f"Số lượng {quantity:,} quá lớn (tối đa {MAX_QUANTITY:,}); hãy kiểm tra lại.".replace(
                ",", "."
            ),
            field="quantity",
        )
    if not isinstance(unit_price, int) or unit_price < 0:
        raise BusinessError("Đơn giá không được âm.", field="unit_price")
    if unit_price > MAX_UNIT_PRICE:
        raise BusinessError(
            f"Đơn giá vượt quá {format_vnd(MAX_UNIT_PRICE)}; hãy kiểm tra lại.", field="unit_price"
        )
    if quantity * unit_price > MAX_AMOUNT:
        raise BusinessError(
            f"Thành tiền vượt quá {format_vnd(MAX_AMOUNT)}; hãy kiểm tra số lượng và đơn giá.",
            field="quantity",
        )


def _check_norm(
    norm: Norm, estimate: Estimate, unit_price: int, notes: str, today: dt.date
) -> bool:
    """Whether the price passes the norm; passing it needs an explanation."""
    if norm.congress_id != estimate.congress_id:
        raise BusinessError("Định mức không thuộc Đại hội này.", field="norm")
    if not norm.is_valid_on(today):
        raise BusinessError(f"Định mức {norm.code} không còn hiệu lực.", field="norm")
    over_norm = unit_price > norm.max_unit_price
    if over_norm and not notes.strip():
        raise BusinessError(
            f"Đơn giá {format_vnd(unit_price)} vượt mức tối đa "
            f"{format_vnd(norm.max_unit_price)}/{norm.unit} của định mức {norm.code}. "
            "Hãy giảm đơn giá hoặc ghi rõ lý do vượt định mức ở phần ghi chú, giải trình.",
            field="notes",
        )
    return over_norm


class LineFields(TypedDict):
    """What people enter on an estimate line; `today` decides which norms are in force."""

    content: str
    quantity: int
    unit_price: int
    unit: NotRequired[str]
    task: NotRequired[Task | None]
    norm: NotRequired[Norm | None]
    category: NotRequired[str | None]
    notes: NotRequired[str]
    today: NotRequired[dt.date | None]


def _line_values(estimate: Estimate, fields: LineFields) -> dict[str, Any]:
    content, quantity, unit_price = fields["content"], fields["quantity"], fields["unit_price"]
    unit, task, norm = fields.get("unit", ""), fields.get("task"), fields.get("norm")
    category, notes = fields.get("category"), fields.get("notes", "")
    today = fields.get("today") or timezone.localdate()
    if not content.strip():
        raise BusinessError("Vui lòng nhập nội dung chi.", field="content")
    _check_amounts(quantity, unit_price)
    if task is not None and (
        task.congress_id != estimate.congress_id or task.lead_agency_id != estimate.agency_id
    ):
        raise BusinessError("Chỉ gắn được nhiệm vụ do đơn vị mình chủ trì.", field="task")
    over_norm = False
    if norm is not None:
        over_norm = _check_norm(norm, estimate, unit_price, notes, today)
        unit = unit.strip() or norm.unit
        category = category or norm.category
    if not unit.strip():
        raise BusinessError("Vui lòng nhập đơn vị tính.", field="unit")
    return {
        "content": content.strip(),
        "quantity": quantity,
        "unit_price": unit_price,
        "amount": quantity * unit_price,
        "unit": unit.strip(),
        "task": task,
        "norm": norm,
        "category": category or Category.OTHER,
        "notes": notes.strip(),
        "over_norm": over_norm,
    }


@transaction.atomic
def estimate_line_add(
    *, access: Access, estimate: Estimate, **fields: Unpack[LineFields]
) -> EstimateLine:
    """Locks the estimate row. A price above the norm is kept, flagged, and must be explained."""
    estimate = _lock_editable(access, estimate)
    values = _line_values(estimate, fields)
    last = estimate.lines.order_by("-position").values_list("position", flat=True).first() or 0
    line = EstimateLine(estimate=estimate, position=last + 1, **values)
    line.save()
    _refresh_total(estimate)
    estimate.save()
    record(
        access,
        EstimateAction.LINE_ADDED,
        estimate,
        data={"line": line.pk, "content": line.content, "amount": line.amount},
    )
    return line


@transaction.atomic
def estimate_line_update(
    *,
    access: Access,
    line: EstimateLine,
    expected_version: int | None = None,
    **fields: Unpack[LineFields],
) -> EstimateLine:
    """Locks the estimate row, then edits the line under it."""
    estimate = _lock_editable(access, line.estimate)
    line = EstimateLine.objects.get(pk=line.pk, estimate=estimate)
    check_version(line, expected_version, "Khoản chi", trail=estimate)
    values = _line_values(estimate, fields)
    before = snapshot(line, LINE_FIELDS)
    for name, value in values.items():
        setattr(line, name, value)
    # A returned estimate is approved afresh: earlier decisions no longer apply.
    line.approved_amount, line.approval_reason = None, ""
    line.save()
    _refresh_total(estimate)
    estimate.save()
    record(
        access,
        EstimateAction.LINE_UPDATED,
        estimate,
        data={"line": line.pk, "content": line.content, "amount": line.amount},
        changes=changes_since(line, before),
    )
    return line


@transaction.atomic
def estimate_line_delete(*, access: Access, line: EstimateLine) -> None:
    """Locks the estimate row."""
    estimate = _lock_editable(access, line.estimate)
    line = EstimateLine.objects.get(pk=line.pk, estimate=estimate)
    data = {"line": line.pk, "content": line.content, "amount": line.amount}
    line.delete()
    _refresh_total(estimate)
    estimate.save()
    record(access, EstimateAction.LINE_DELETED, estimate, data=data)


@transaction.atomic
def estimate_submit(*, access: Access, estimate: Estimate) -> Estimate:
    """Locks the estimate; it stays locked until Finance returns it. Finance is told after
    commit."""
    estimate = lock_estimate(estimate)
    require(permissions.can_edit_estimate(access, estimate), OWNER_ONLY)
    if estimate.status == Estimate.Status.SUBMITTED:
        raise BusinessError("Dự trù đã được gửi Sở Tài chính.")
    _require_editable(estimate)
    if not estimate.lines.exists():
        raise BusinessError("Dự trù chưa có dòng nào; hãy thêm nội dung chi trước khi gửi.")
    _refresh_total(estimate)
    estimate.status = Estimate.Status.SUBMITTED
    estimate.submitted_at = timezone.now()
    over = estimate.lines.filter(over_norm=True).count()
    estimate.save()
    record(
        access,
        EstimateAction.SUBMITTED,
        estimate,
        data={"requested_total": estimate.requested_total, "over_norm_lines": over},
    )
    send_on_commit(
        signals.estimate_submitted,
        Estimate,
        estimate=estimate,
        over_norm_lines=over,
        actor=access.user,
    )
    return estimate


def _lock_for_review(access: Access, estimate: Estimate, refusal: str) -> Estimate:
    estimate = lock_estimate(estimate)
    require(permissions.can_review_estimate(access, estimate), FINANCE_ONLY)
    if estimate.status != Estimate.Status.SUBMITTED:
        raise BusinessError(refusal)
    return estimate


@transaction.atomic
def estimate_return(*, access: Access, estimate: Estimate, comment: str) -> Estimate:
    """Locks the estimate; only a submitted one goes back. The agency is told after commit."""
    estimate = _lock_for_review(
        access, estimate, "Chỉ trả lại được dự trù đã gửi và chưa thẩm định."
    )
    if not comment.strip():
        raise BusinessError("Khi trả lại dự trù phải ghi rõ ý kiến.", field="comment")
    estimate.status = Estimate.Status.RETURNED
    estimate.return_comment = comment.strip()
    estimate.reviewed_at = timezone.now()
    estimate.reviewed_by = access.user
    estimate.save()
    record(access, EstimateAction.RETURNED, estimate, reason=estimate.return_comment)
    send_on_commit(
        signals.estimate_returned,
        Estimate,
        estimate=estimate,
        comment=estimate.return_comment,
        actor=access.user,
    )
    return estimate


@dataclass(frozen=True)
class LineDecision:
    line_id: int
    approved_amount: int
    reason: str = ""


def _check_decision(line: EstimateLine, approved: int, reason: str) -> None:
    label = f"Dòng {line.position} (“{line.content}”)"
    if not isinstance(approved, int) or approved < 0:
        raise BusinessError(f"{label}: số thẩm định không được âm.")
    if approved > MAX_AMOUNT:
        raise BusinessError(f"{label}: số thẩm định quá lớn, hãy kiểm tra lại.")
    if reason:
        return
    ceiling = line.norm_ceiling
    if approved > line.amount:
        raise BusinessError(
            f"{label}: số thẩm định {format_vnd(approved)} lớn hơn số đề nghị "
            f"{format_vnd(line.amount)}; phải ghi lý do."
        )
    if ceiling is not None and approved > ceiling:
        raise BusinessError(
            f"{label}: số thẩm định {format_vnd(approved)} vượt định mức "
            f"({format_vnd(ceiling)}); phải ghi lý do."
        )
    if approved != line.amount:
        raise BusinessError(
            f"{label}: số thẩm định khác số đề nghị {format_vnd(line.amount)}; phải ghi lý do."
        )


@transaction.atomic
def estimate_approve(
    *, access: Access, estimate: Estimate, decisions: Sequence[LineDecision]
) -> Estimate:
    """Every line gets an approved amount; a reason is required where it differs from the request
    or passes the norm's ceiling. Locks the estimate; all lines or none are saved."""
    estimate = _lock_for_review(
        access, estimate, "Chỉ thẩm định được dự trù đã gửi và chưa thẩm định."
    )
    lines = {line.pk: line for line in estimate.lines.select_related("norm")}
    by_line = {d.line_id: d for d in decisions}
    if set(lines) != set(by_line):
        raise BusinessError("Cần ghi số thẩm định cho đủ mọi dòng của dự trù.")
    for pk, line in lines.items():
        decision = by_line[pk]
        _check_decision(line, decision.approved_amount, decision.reason.strip())
        line.approved_amount, line.approval_reason = (
            decision.approved_amount,
            decision.reason.strip(),
        )
    for line in lines.values():
        line.save(update_fields=["approved_amount", "approval_reason"])
    estimate.approved_total = sum(line.approved_amount or 0 for line in lines.values())
    _refresh_total(estimate)
    estimate.status = Estimate.Status.APPROVED
    estimate.reviewed_at = timezone.now()
    estimate.reviewed_by = access.user
    estimate.save()
    record(
        access,
        EstimateAction.APPROVED,
        estimate,
        data={
            "requested_total": estimate.requested_total,
            "approved_total": estimate.approved_total,
        },
    )
    send_on_commit(signals.estimate_approved, Estimate, estimate=estimate, actor=access.user)
    return estimate
