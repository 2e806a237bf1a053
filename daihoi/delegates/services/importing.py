"""The roster imported from XLSX: every row checked, every problem reported with its row number,
and nothing saved unless every row is right (all or nothing)."""

import datetime as dt
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from openpyxl import Workbook

from daihoi.core.audit import record, record_each
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require
from daihoi.core.spreadsheets import (
    header_row,
    open_workbook,
    read_date,
    set_widths,
    unsafe_text,
    workbook_bytes,
)
from daihoi.core.text import fold, normalize
from daihoi.organizations.permissions import Access

from ..models import Delegate, DelegateAction, Delegation
from ..permissions import ONLY_ROSTER_KEEPERS, can_keep_roster, roster_rights
from .roster import DelegateFields, apply_fields, check_fields

COLUMNS = [
    ("full_name", "Họ và tên"),
    ("kind", "Loại đại biểu"),
    ("gender", "Giới tính"),
    ("birth_year", "Năm sinh"),
    ("ethnicity", "Dân tộc"),
    ("religion", "Tôn giáo"),
    ("education", "Học vấn"),
    ("professional_level", "Chuyên môn"),
    ("theory_level", "Lý luận chính trị"),
    ("party_joined_on", "Ngày vào Đảng"),
    ("position", "Chức vụ"),
    ("workplace", "Đơn vị công tác"),
    ("delegation", "Đoàn đại biểu"),
    ("is_ex_officio", "Đương nhiên / Bầu"),
    ("phone", "Điện thoại"),
]
MAX_ROWS = 5000

_KINDS = {"chinh thuc": "official", "du khuyet": "alternate", "khach moi": "guest", "": "official"}
_GENDERS = {"nam": "male", "nu": "female"}
_PROFESSIONAL = {
    "tien si": "doctor",
    "ts": "doctor",
    "thac si": "master",
    "ths": "master",
    "dai hoc": "university",
    "cu nhan": "university",
    "ky su": "university",
    "cao dang": "college",
    "trung cap": "vocational",
    "chua qua dao tao": "none",
    "": "",
}
_THEORY = {
    "cao cap": "senior",
    "cu nhan": "senior",
    "cao cap, cu nhan": "senior",
    "trung cap": "intermediate",
    "so cap": "elementary",
    "chua qua dao tao": "none",
    "": "",
}
_EX_OFFICIO = {
    "duong nhien": True,
    "x": True,
    "co": True,
    "bau": False,
    "duoc bau": False,
    "": False,
}


@dataclass
class ImportResult:
    created: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


def template_workbook() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Đại biểu"
    header_row(sheet, [label for _, label in COLUMNS])
    sheet.append(
        [
            "Nguyễn Văn An",
            "Chính thức",
            "Nam",
            1970,
            "Kinh",
            "Không",
            "12/12",
            "Thạc sĩ",
            "Cao cấp",
            "19/05/1995",
            "Bí thư Huyện ủy",
            "Huyện ủy Đắk Hà",
            "Đoàn Đảng bộ huyện Đắk Hà",
            "Đương nhiên",
            "0905000000",
        ]
    )
    set_widths(sheet, [24, 14, 10, 10, 10, 10, 10, 14, 16, 14, 24, 24, 28, 16, 14])
    return workbook_bytes(workbook)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return normalize(unsafe_text(value))


def _choice(table: dict, value, label: str, problems: list[str]):
    key = fold(_text(value))
    if key in table:
        return table[key]
    problems.append(f"{label} “{_text(value)}” không có trong danh mục.")
    return None


def _year(value, problems: list[str]) -> int | None:
    if value is None or _text(value) == "":
        return None
    if isinstance(value, dt.date):
        return value.year
    text = _text(value)
    if text.isdigit() and len(text) == 4:
        return int(text)
    problems.append(f"Năm sinh “{text}” không hợp lệ.")
    return None


def _date(value, problems: list[str]) -> dt.date | None:
    if value is None or _text(value) == "":
        return None
    try:
        return read_date(value)
    except ValueError as error:
        problems.append(f"Ngày vào Đảng: {error}.")
        return None


def _header_map(header: tuple) -> dict[str, int]:
    wanted = {fold(label): name for name, label in COLUMNS}
    found = {}
    for index, cell in enumerate(header):
        name = wanted.get(fold(_text(cell)))
        if name:
            found[name] = index
    return found


def _read_row(
    values: tuple, columns: dict[str, int], delegations: dict[str, Delegation], today: dt.date
) -> tuple[DelegateFields | None, list[str]]:
    def cell(name: str):
        index = columns.get(name)
        return values[index] if index is not None and index < len(values) else None

    problems: list[str] = []
    for name in columns:
        value = cell(name)
        if isinstance(value, str) and value.startswith("="):
            problems.append("Ô chứa công thức; hãy dán giá trị thay cho công thức.")
            return None, problems
    kind = _choice(_KINDS, cell("kind"), "Loại đại biểu", problems)
    gender = _choice(_GENDERS, cell("gender"), "Giới tính", problems)
    professional = _choice(_PROFESSIONAL, cell("professional_level"), "Chuyên môn", problems)
    theory = _choice(_THEORY, cell("theory_level"), "Lý luận chính trị", problems)
    ex_officio = _choice(_EX_OFFICIO, cell("is_ex_officio"), "Đương nhiên / Bầu", problems)
    birth_year = _year(cell("birth_year"), problems)
    joined = _date(cell("party_joined_on"), problems)
    delegation_name = _text(cell("delegation"))
    delegation = delegations.get(fold(delegation_name))
    if not delegation_name:
        problems.append("Thiếu đoàn đại biểu.")
    elif delegation is None:
        problems.append(f"Không có đoàn “{delegation_name}” trong Đại hội này.")
    if problems or delegation is None:
        if not _text(cell("full_name")):
            problems.insert(0, "Thiếu họ và tên.")
        return None, problems
    fields = DelegateFields(
        kind=kind or "",
        full_name=_text(cell("full_name")),
        gender=gender or "",
        delegation=delegation,
        birth_year=birth_year,
        ethnicity=_text(cell("ethnicity")) or "Kinh",
        religion=_text(cell("religion")) or "Không",
        education=_text(cell("education"))[:20],
        professional_level=professional or "",
        theory_level=theory or "",
        party_joined_on=joined,
        position=_text(cell("position"))[:255],
        workplace=_text(cell("workplace"))[:255],
        is_ex_officio=bool(ex_officio),
        phone=_text(cell("phone"))[:20],
    )
    problems += [message for _, message in check_fields(fields, today)]
    return fields, problems


def read_roster(access: Access, upload) -> tuple[list[DelegateFields], list[tuple[int, str]]]:
    """The rows of the uploaded roster and every problem as (row number, message)."""
    workbook, reason = open_workbook(upload)
    if workbook is None:
        return [], [(0, reason or "Không đọc được tệp.")]
    rows = workbook.active.iter_rows(values_only=True)
    header = next(rows, None)
    columns = _header_map(header or ())
    missing = [label for name, label in COLUMNS[:4] if name not in columns]
    if "delegation" not in columns:
        missing.append("Đoàn đại biểu")
    if missing:
        return [], [(1, "Thiếu cột: " + ", ".join(missing) + ". Hãy dùng tệp mẫu.")]
    delegations = {fold(d.name): d for d in Delegation.objects.filter(congress=access.congress)}
    existing = set(
        Delegate.objects.filter(congress=access.congress, is_active=True).values_list(
            "name_key", "birth_year"
        )
    )
    today = timezone.localdate()
    accepted: list[DelegateFields] = []
    errors: list[tuple[int, str]] = []
    seen: dict[tuple[str, int | None], int] = {}
    for number, values in enumerate(rows, start=2):
        if not any(_text(v) for v in values):
            continue
        if number > MAX_ROWS + 1:
            errors.append((number, f"Tệp có quá {MAX_ROWS} dòng; hãy chia nhỏ."))
            break
        fields, problems = _read_row(values, columns, delegations, today)
        if fields is not None:
            key = (fold(fields.full_name), fields.birth_year)
            if key in existing:
                problems.append(
                    f"{fields.full_name} (sinh năm {fields.birth_year}) đã có trong danh sách."
                )
            elif key in seen:
                problems.append(f"Trùng với dòng {seen[key]} (cùng họ tên và năm sinh).")
            else:
                seen[key] = number
        errors += [(number, message) for message in problems]
        if fields is not None and not problems:
            accepted.append(fields)
    if not accepted and not errors:
        errors.append((0, "Tệp không có dòng đại biểu nào."))
    return accepted, errors


def roster_import(*, access: Access, upload) -> ImportResult:
    """Imports the whole file or nothing: any row with a problem stops the import, and every
    problem is returned with its row number."""
    require(can_keep_roster(roster_rights(access)), ONLY_ROSTER_KEEPERS)
    accepted, errors = read_roster(access, upload)
    if errors:
        return ImportResult(errors=errors)
    try:
        with transaction.atomic():
            delegates = []
            for fields in accepted:
                delegate = Delegate(congress=access.congress)
                apply_fields(delegate, fields)
                delegates.append(delegate)
            created = Delegate.objects.bulk_create(delegates, batch_size=500)
            record_each(access, DelegateAction.IMPORTED, created, changes_of={})
            record(
                access,
                DelegateAction.IMPORTED,
                access.congress,
                data={"count": len(created), "file": getattr(upload, "name", "")},
            )
    except IntegrityError:
        raise BusinessError(
            "Trong lúc nhập, có người vừa thêm một đại biểu trùng với tệp; hãy tải tệp lên lại."
        ) from None
    return ImportResult(created=len(created))
