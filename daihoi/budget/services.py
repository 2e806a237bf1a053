"""Every change of budgets that users cause. Keyword-only, explicit access, atomic, audited."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.core.history import audit as _audit
from daihoi.core.money import format_vnd
from daihoi.core.uploads import validate_attachment
from daihoi.organizations.permissions import Access
from daihoi.planning.models import Task

from . import permissions, spreadsheets
from .models import (
    MAX_AMOUNT,
    MAX_QUANTITY,
    MAX_UNIT_PRICE,
    BudgetNotice,
    Category,
    Estimate,
    EstimateLine,
    Norm,
    Spending,
    SpendingAttachment,
)


def _require(condition: bool, message: str = "Bạn không có quyền thực hiện thao tác này.") -> None:
    if not condition:
        raise PermissionDenied(message)


FINANCE_ONLY = "Chỉ Sở Tài chính mới thực hiện được thao tác này."
OWNER_ONLY = "Chỉ đầu mối của đơn vị lập dự trù mới được sửa dự trù này."


# Norms -----------------------------------------------------------------------------------------


def _validate_norm(
    *, code: str, name: str, unit: str, max_unit_price: int, valid_from, valid_to
) -> None:
    if not code.strip():
        raise BusinessError("Vui lòng nhập mã định mức.", field="code")
    if not name.strip():
        raise BusinessError("Vui lòng nhập nội dung chi.", field="name")
    if not unit.strip():
        raise BusinessError("Vui lòng nhập đơn vị tính.", field="unit")
    if not 0 <= max_unit_price <= MAX_UNIT_PRICE:
        raise BusinessError(
            f"Mức chi tối đa phải từ 0 đến {format_vnd(MAX_UNIT_PRICE)}.", field="max_unit_price"
        )
    if valid_from and valid_to and valid_to < valid_from:
        raise BusinessError(
            "Ngày hết hiệu lực không được trước ngày có hiệu lực.", field="valid_to"
        )


@transaction.atomic
def norm_create(
    *,
    access: Access,
    code: str,
    name: str,
    unit: str,
    max_unit_price: int,
    category: str = Category.OTHER,
    legal_basis: str = "",
    valid_from: dt.date | None = None,
    valid_to: dt.date | None = None,
) -> Norm:
    _require(permissions.is_finance(access), FINANCE_ONLY)
    _validate_norm(
        code=code,
        name=name,
        unit=unit,
        max_unit_price=max_unit_price,
        valid_from=valid_from,
        valid_to=valid_to,
    )
    code = code.strip().upper()
    if Norm.objects.filter(congress=access.congress, code=code).exists():
        raise BusinessError(f"Mã định mức {code} đã có.", field="code")
    norm = Norm(
        congress=access.congress,
        code=code,
        name=name.strip(),
        unit=unit.strip(),
        max_unit_price=max_unit_price,
        category=category,
        legal_basis=legal_basis.strip(),
        valid_from=valid_from,
        valid_to=valid_to,
    )
    _audit(norm, access, "Thêm định mức chi")
    norm.save()
    return norm


@transaction.atomic
def norm_update(*, access: Access, norm: Norm, **fields) -> Norm:
    _require(
        permissions.is_finance(access) and norm.congress_id == access.congress.pk, FINANCE_ONLY
    )
    norm = Norm.objects.select_for_update().get(pk=norm.pk)
    for name, value in fields.items():
        setattr(norm, name, value.strip() if isinstance(value, str) else value)
    norm.code = norm.code.upper()
    _validate_norm(
        code=norm.code,
        name=norm.name,
        unit=norm.unit,
        max_unit_price=norm.max_unit_price,
        valid_from=norm.valid_from,
        valid_to=norm.valid_to,
    )
    if Norm.objects.filter(congress=norm.congress, code=norm.code).exclude(pk=norm.pk).exists():
        raise BusinessError(f"Mã định mức {norm.code} đã có.", field="code")
    _audit(norm, access, "Sửa định mức chi")
    norm.save()
    return norm


class NormImportError(BusinessError):
    """The file had bad rows; `errors` lists them ("Dòng 5: …"). Nothing was saved."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__(f"Tệp có {len(errors)} lỗi, chưa lưu dòng nào.", field="file")
        self.errors = errors


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int


@transaction.atomic
def norms_import(*, access: Access, upload) -> ImportResult:
    """All rows or none: norms are matched by code; a new code adds a norm, a known one updates it.

    Raises NormImportError with a Vietnamese message per bad row.
    """
    _require(permissions.is_finance(access), FINANCE_ONLY)
    rows, errors = spreadsheets.read_norms(upload)
    seen: dict[str, int] = {}
    for row in rows:
        if row.code in seen:
            errors.append(f"Dòng {row.line}: mã {row.code} trùng với dòng {seen[row.code]}.")
        seen.setdefault(row.code, row.line)
    if not rows and not errors:
        errors.append("Tệp không có dòng định mức nào.")
    if errors:
        raise NormImportError(sorted(errors, key=spreadsheets.error_order))
    existing = {
        n.code: n for n in Norm.objects.select_for_update().filter(congress=access.congress)
    }
    created = updated = 0
    for row in rows:
        norm = existing.get(row.code) or Norm(congress=access.congress, code=row.code)
        is_new = norm.pk is None
        for name in ("name", "category", "unit", "max_unit_price", "legal_basis"):
            setattr(norm, name, getattr(row, name))
        norm.valid_from, norm.valid_to = row.valid_from, row.valid_to
        _audit(norm, access, "Nhập định mức từ tệp Excel")
        norm.save()
        created += is_new
        updated += not is_new
    return ImportResult(created=created, updated=updated)


# Estimates -------------------------------------------------------------------------------------


def _lock(estimate: Estimate) -> Estimate:
    return Estimate.objects.select_for_update().select_related("agency").get(pk=estimate.pk)


def _require_editable(estimate: Estimate) -> None:
    if not estimate.is_editable:
        raise BusinessError(
            f"Dự trù đang ở trạng thái “{estimate.get_status_display()}”, không thể sửa. "
            "Chỉ sửa được khi đang lập hoặc khi Sở Tài chính trả lại."
        )


def _refresh_total(estimate: Estimate) -> None:
    estimate.requested_total = estimate.lines.aggregate(s=Sum("amount"))["s"] or 0


@transaction.atomic
def estimate_create(*, access: Access, title: str, note: str = "") -> Estimate:
    _require(
        permissions.can_create_estimate(access),
        "Chỉ đầu mối của cơ quan, đơn vị mới lập dự trù kinh phí.",
    )
    if not title.strip():
        raise BusinessError("Vui lòng nhập tên dự trù.", field="title")
    if Estimate.objects.filter(congress=access.congress, agency_id=access.agency_id).exists():
        raise BusinessError("Đơn vị đã có dự trù kinh phí cho Đại hội này; hãy bổ sung vào đó.")
    estimate = Estimate(
        congress=access.congress,
        agency_id=access.agency_id,
        title=title.strip(),
        note=note.strip(),
        created_by=access.user,
    )
    _audit(estimate, access, "Lập dự trù kinh phí")
    estimate.save()
    return estimate


@transaction.atomic
def estimate_update(*, access: Access, estimate: Estimate, title: str, note: str = "") -> Estimate:
    _require(permissions.can_edit_estimate(access, estimate), OWNER_ONLY)
    estimate = _lock(estimate)
    _require_editable(estimate)
    if not title.strip():
        raise BusinessError("Vui lòng nhập tên dự trù.", field="title")
    estimate.title, estimate.note = title.strip(), note.strip()
    _audit(estimate, access, "Sửa thông tin dự trù")
    estimate.save()
    return estimate


def _line_values(
    *,
    estimate: Estimate,
    content: str,
    quantity: int,
    unit_price: int,
    unit: str,
    task: Task | None,
    norm: Norm | None,
    category: str | None,
    notes: str,
    today: dt.date,
) -> dict:
    if not content.strip():
        raise BusinessError("Vui lòng nhập nội dung chi.", field="content")
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
    if task is not None and (
        task.congress_id != estimate.congress_id or task.lead_agency_id != estimate.agency_id
    ):
        raise BusinessError("Chỉ gắn được nhiệm vụ do đơn vị mình chủ trì.", field="task")
    over_norm = False
    if norm is not None:
        if norm.congress_id != estimate.congress_id:
            raise BusinessError("Định mức không thuộc Đại hội này.", field="norm")
        if not norm.is_valid_on(today):
            raise BusinessError(f"Định mức {norm.code} không còn hiệu lực.", field="norm")
        unit = unit.strip() or norm.unit
        category = category or norm.category
        over_norm = unit_price > norm.max_unit_price
        if over_norm and not notes.strip():
            raise BusinessError(
                f"Đơn giá {format_vnd(unit_price)} vượt mức tối đa "
                f"{format_vnd(norm.max_unit_price)}/{norm.unit} của định mức {norm.code}. "
                "Hãy giảm đơn giá hoặc ghi rõ lý do vượt định mức ở phần ghi chú, giải trình.",
                field="notes",
            )
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
    *,
    access: Access,
    estimate: Estimate,
    content: str,
    quantity: int,
    unit_price: int,
    unit: str = "",
    task: Task | None = None,
    norm: Norm | None = None,
    category: str | None = None,
    notes: str = "",
    today: dt.date | None = None,
) -> EstimateLine:
    """Locks the estimate row. A price above the norm is kept, flagged, and must be explained."""
    _require(permissions.can_edit_estimate(access, estimate), OWNER_ONLY)
    estimate = _lock(estimate)
    _require_editable(estimate)
    values = _line_values(
        estimate=estimate,
        content=content,
        quantity=quantity,
        unit_price=unit_price,
        unit=unit,
        task=task,
        norm=norm,
        category=category,
        notes=notes,
        today=today or timezone.localdate(),
    )
    last = estimate.lines.order_by("-position").values_list("position", flat=True).first() or 0
    line = EstimateLine(estimate=estimate, position=last + 1, **values)
    _audit(line, access, "Thêm dòng dự trù")
    line.save()
    _refresh_total(estimate)
    _audit(estimate, access, f"Thêm khoản “{line.content}”")
    estimate.save()
    return line


@transaction.atomic
def estimate_line_update(
    *,
    access: Access,
    line: EstimateLine,
    content: str,
    quantity: int,
    unit_price: int,
    unit: str = "",
    task: Task | None = None,
    norm: Norm | None = None,
    category: str | None = None,
    notes: str = "",
    today: dt.date | None = None,
) -> EstimateLine:
    estimate = line.estimate
    _require(permissions.can_edit_estimate(access, estimate), OWNER_ONLY)
    estimate = _lock(estimate)
    _require_editable(estimate)
    line = EstimateLine.objects.get(pk=line.pk, estimate=estimate)
    values = _line_values(
        estimate=estimate,
        content=content,
        quantity=quantity,
        unit_price=unit_price,
        unit=unit,
        task=task,
        norm=norm,
        category=category,
        notes=notes,
        today=today or timezone.localdate(),
    )
    for name, value in values.items():
        setattr(line, name, value)
    # A returned estimate is approved afresh: earlier decisions no longer apply.
    line.approved_amount, line.approval_reason = None, ""
    _audit(line, access, "Sửa dòng dự trù")
    line.save()
    _refresh_total(estimate)
    _audit(estimate, access, f"Sửa khoản “{line.content}”")
    estimate.save()
    return line


@transaction.atomic
def estimate_line_delete(*, access: Access, line: EstimateLine) -> None:
    estimate = line.estimate
    _require(permissions.can_edit_estimate(access, estimate), OWNER_ONLY)
    estimate = _lock(estimate)
    _require_editable(estimate)
    line = EstimateLine.objects.get(pk=line.pk, estimate=estimate)
    _audit(line, access, "Xóa dòng dự trù")
    content = line.content
    line.delete()
    _refresh_total(estimate)
    _audit(estimate, access, f"Xóa khoản “{content}”")
    estimate.save()


def _notify(estimate: Estimate, text: str, *, for_finance: bool) -> None:
    BudgetNotice.objects.create(
        congress_id=estimate.congress_id,
        estimate=estimate,
        for_finance=for_finance,
        agency=None if for_finance else estimate.agency,
        text=text,
    )


@transaction.atomic
def estimate_submit(*, access: Access, estimate: Estimate) -> Estimate:
    """Locks the estimate; it stays locked until Finance returns it. Notifies Finance."""
    _require(permissions.can_edit_estimate(access, estimate), OWNER_ONLY)
    estimate = _lock(estimate)
    if estimate.status == Estimate.Status.SUBMITTED:
        raise BusinessError("Dự trù đã được gửi Sở Tài chính.")
    _require_editable(estimate)
    if not estimate.lines.exists():
        raise BusinessError("Dự trù chưa có dòng nào; hãy thêm nội dung chi trước khi gửi.")
    _refresh_total(estimate)
    estimate.status = Estimate.Status.SUBMITTED
    estimate.submitted_at = timezone.now()
    over = estimate.lines.filter(over_norm=True).count()
    _audit(estimate, access, "Gửi Sở Tài chính")
    estimate.save()
    note = f", {over} khoản vượt định mức" if over else ""
    _notify(
        estimate,
        f"{estimate.agency.name} gửi dự trù {format_vnd(estimate.requested_total)}{note}.",
        for_finance=True,
    )
    return estimate


@transaction.atomic
def estimate_return(*, access: Access, estimate: Estimate, comment: str) -> Estimate:
    _require(permissions.can_review_estimate(access, estimate, permissions.is_finance(access)),
             FINANCE_ONLY)  # fmt: skip
    estimate = _lock(estimate)
    if estimate.status != Estimate.Status.SUBMITTED:
        raise BusinessError("Chỉ trả lại được dự trù đã gửi và chưa thẩm định.")
    if not comment.strip():
        raise BusinessError("Khi trả lại dự trù phải ghi rõ ý kiến.", field="comment")
    estimate.status = Estimate.Status.RETURNED
    estimate.return_comment = comment.strip()
    estimate.reviewed_at = timezone.now()
    estimate.reviewed_by = access.user
    _audit(estimate, access, f"Trả lại: {comment.strip()}")
    estimate.save()
    _notify(estimate, f"Sở Tài chính trả lại dự trù: {comment.strip()}", for_finance=False)
    return estimate


@dataclass(frozen=True)
class LineDecision:
    line_id: int
    approved_amount: int
    reason: str = ""


@transaction.atomic
def estimate_approve(
    *, access: Access, estimate: Estimate, decisions: Sequence[LineDecision]
) -> Estimate:
    """Every line gets an approved amount; a reason is required where it differs from the request
    or passes the norm's ceiling. All lines or none are saved."""
    _require(permissions.can_review_estimate(access, estimate, permissions.is_finance(access)),
             FINANCE_ONLY)  # fmt: skip
    estimate = _lock(estimate)
    if estimate.status != Estimate.Status.SUBMITTED:
        raise BusinessError("Chỉ thẩm định được dự trù đã gửi và chưa thẩm định.")
    lines = {line.pk: line for line in estimate.lines.select_related("norm")}
    by_line = {d.line_id: d for d in decisions}
    missing = [line for pk, line in lines.items() if pk not in by_line]
    if missing or set(by_line) - set(lines):
        raise BusinessError("Cần ghi số thẩm định cho đủ mọi dòng của dự trù.")
    for pk, line in lines.items():
        decision = by_line[pk]
        approved, reason = decision.approved_amount, decision.reason.strip()
        label = f"Dòng {line.position} (“{line.content}”)"
        if not isinstance(approved, int) or approved < 0:
            raise BusinessError(f"{label}: số thẩm định không được âm.")
        if approved > MAX_AMOUNT:
            raise BusinessError(f"{label}: số thẩm định quá lớn, hãy kiểm tra lại.")
        ceiling = line.norm_ceiling
        if approved > line.amount and not reason:
            raise BusinessError(
                f"{label}: số thẩm định {format_vnd(approved)} lớn hơn số đề nghị "
                f"{format_vnd(line.amount)}; phải ghi lý do."
            )
        if ceiling is not None and approved > ceiling and not reason:
            raise BusinessError(
                f"{label}: số thẩm định {format_vnd(approved)} vượt định mức "
                f"({format_vnd(ceiling)}); phải ghi lý do."
            )
        if approved != line.amount and not reason:
            raise BusinessError(
                f"{label}: số thẩm định khác số đề nghị {format_vnd(line.amount)}; phải ghi lý do."
            )
        line.approved_amount, line.approval_reason = approved, reason
    for line in lines.values():
        _audit(line, access, "Thẩm định")
        line.save(update_fields=["approved_amount", "approval_reason"])
    estimate.approved_total = sum(line.approved_amount for line in lines.values())
    _refresh_total(estimate)
    estimate.status = Estimate.Status.APPROVED
    estimate.reviewed_at = timezone.now()
    estimate.reviewed_by = access.user
    _audit(estimate, access, f"Thẩm định: {format_vnd(estimate.approved_total)}")
    estimate.save()
    _notify(
        estimate,
        f"Sở Tài chính đã thẩm định dự trù: {format_vnd(estimate.approved_total)}.",
        for_finance=False,
    )
    return estimate


# Spending ---------------------------------------------------------------------------------------


@transaction.atomic
def spending_record(
    *,
    access: Access,
    line: EstimateLine,
    amount: int,
    spent_on: dt.date,
    content: str,
    attachments: Sequence[UploadedFile] = (),
) -> Spending:
    """Spending beyond the approved amount is recorded (it happened) and shown as a warning."""
    estimate = line.estimate
    _require(
        permissions.can_record_spending(access, estimate),
        "Chỉ đầu mối của đơn vị được giao kinh phí mới ghi nhận chi.",
    )
    estimate = _lock(estimate)
    line = EstimateLine.objects.get(pk=line.pk, estimate=estimate)
    if estimate.status != Estimate.Status.APPROVED or line.approved_amount is None:
        raise BusinessError("Chỉ ghi nhận chi cho khoản đã được Sở Tài chính thẩm định.")
    if not isinstance(amount, int) or amount < 1:
        raise BusinessError("Số tiền chi phải lớn hơn 0.", field="amount")
    if amount > MAX_AMOUNT:
        raise BusinessError("Số tiền chi quá lớn, hãy kiểm tra lại.", field="amount")
    if not content.strip():
        raise BusinessError("Vui lòng nhập nội dung chi.", field="content")
    if spent_on > timezone.localdate():
        raise BusinessError("Ngày chi không được sau hôm nay.", field="spent_on")
    content_types = [validate_attachment(f) for f in attachments]
    spending = Spending(
        line=line,
        agency_id=estimate.agency_id,
        congress_id=estimate.congress_id,
        spent_on=spent_on,
        content=content.strip(),
        amount=amount,
        recorded_by=access.user,
    )
    _audit(spending, access, "Ghi nhận chi")
    spending.save()
    for upload, content_type in zip(attachments, content_types, strict=True):
        SpendingAttachment.objects.create(
            spending=spending,
            file=upload,
            original_name=(upload.name or "tep")[:255],
            size=upload.size,
            content_type=content_type,
        )
    return spending
