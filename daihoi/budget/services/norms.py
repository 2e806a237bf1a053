"""Spending norms, kept by Finance: added one by one or imported from a spreadsheet."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from daihoi.core.audit import changes_since, record, snapshot
from daihoi.core.exceptions import BusinessError
from daihoi.core.money import format_vnd
from daihoi.core.services import require
from daihoi.core.versioning import check_version
from daihoi.organizations.permissions import Access

from .. import permissions, spreadsheets
from ..models import MAX_UNIT_PRICE, Category, EstimateAction, Norm
from ..permissions import FINANCE_ONLY

NORM_FIELDS = (
    "code",
    "name",
    "category",
    "unit",
    "max_unit_price",
    "legal_basis",
    "valid_from",
    "valid_to",
)


def _validate_norm(
    *,
    code: str,
    name: str,
    unit: str,
    max_unit_price: int,
    valid_from: dt.date | None,
    valid_to: dt.date | None,
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
    """The unique (congress, code) constraint settles two Finance officers adding one code."""
    require(permissions.can_manage_norms(access), FINANCE_ONLY)
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
    norm.save()
    record(access, EstimateAction.NORM_CREATED, norm, data={"code": norm.code})
    return norm


@transaction.atomic
def norm_update(
    *, access: Access, norm: Norm, expected_version: int | None = None, **fields: Any
) -> Norm:
    """Locks the norm row, checks nobody saved it since the form was opened (its version),
    then checks and writes."""
    norm = Norm.objects.select_for_update().get(pk=norm.pk)
    require(
        permissions.can_manage_norms(access) and norm.congress_id == access.congress.pk,
        FINANCE_ONLY,
    )
    check_version(norm, expected_version, "Định mức")
    before = snapshot(norm, NORM_FIELDS)
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
    norm.save()
    record(
        access,
        EstimateAction.NORM_UPDATED,
        norm,
        data={"code": norm.code},
        changes=changes_since(norm, before),
    )
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
def norms_import(*, access: Access, upload: UploadedFile) -> ImportResult:
    """All rows or none: norms are matched by code; a new code adds a norm, a known one updates it.

    Locks every norm of the congress before writing. Raises NormImportError with a Vietnamese
    message per bad row. Each norm added or changed gets one `norm.imported` entry.
    """
    require(permissions.can_manage_norms(access), FINANCE_ONLY)
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
        before = snapshot(norm, NORM_FIELDS)
        for name in ("name", "category", "unit", "max_unit_price", "legal_basis"):
            setattr(norm, name, getattr(row, name))
        norm.valid_from, norm.valid_to = row.valid_from, row.valid_to
        norm.save()
        record(
            access,
            EstimateAction.NORM_IMPORTED,
            norm,
            data={"code": norm.code, "new": is_new},
            changes=None if is_new else changes_since(norm, before),
        )
        created += is_new
        updated += not is_new
    return ImportResult(created=created, updated=updated)
