"""Norms and the compiled budget as XLSX: the sheets Finance used to mail back and forth."""

import datetime as dt
import re
from dataclasses import dataclass

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from daihoi.core.exceptions import BusinessError
from daihoi.core.money import format_vnd, parse_vnd
from daihoi.core.spreadsheets import (
    append_row,
    header_row,
    safe_cell,
    set_widths,
    workbook_bytes,
)
from daihoi.core.spreadsheets import unsafe_text as _unsafe_text
from daihoi.core.text import fold
from daihoi.core.uploads import check_content

from .models import MAX_UNIT_PRICE, Category

MONEY_FORMAT = "#,##0"

NORM_COLUMNS = [
    ("code", "Mã"),
    ("name", "Nội dung chi"),
    ("category", "Nhóm chi"),
    ("unit", "Đơn vị tính"),
    ("max_unit_price", "Mức chi tối đa (đồng)"),
    ("legal_basis", "Căn cứ"),
    ("valid_from", "Hiệu lực từ"),
    ("valid_to", "Hiệu lực đến"),
]
_CATEGORY_BY_LABEL = {fold(str(c.label)): c.value for c in Category} | {
    c.value: c.value for c in Category
}


# Norms -------------------------------------------------------------------------------------------


def export_norms(norms) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Định mức"
    header_row(sheet, [label for _, label in NORM_COLUMNS])
    for norm in norms:
        append_row(
            sheet,
            [
                safe_cell(norm.code),
                safe_cell(norm.name),
                str(Category(norm.category).label),
                safe_cell(norm.unit),
                norm.max_unit_price,
                safe_cell(norm.legal_basis),
                norm.valid_from,
                norm.valid_to,
            ],
        )
        row = sheet.max_row
        sheet.cell(row, 5).number_format = MONEY_FORMAT
        for column in (7, 8):
            sheet.cell(row, column).number_format = "DD/MM/YYYY"
    set_widths(sheet, [10, 45, 24, 14, 20, 36, 14, 14])
    sheet.freeze_panes = "A2"
    return workbook_bytes(workbook)


@dataclass(frozen=True)
class NormRow:
    line: int
    code: str
    name: str
    category: str
    unit: str
    max_unit_price: int
    legal_basis: str
    valid_from: dt.date | None
    valid_to: dt.date | None


def error_order(message: str) -> tuple[int, str]:
    match = re.match(r"Dòng (\d+)", message)
    return (int(match.group(1)) if match else 0, message)


def _date(value, label: str, errors: list[str]) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    errors.append(f"{label} “{text}” không phải ngày hợp lệ (dd/mm/yyyy)")
    return None


def _money(value, errors: list[str]) -> int | None:
    if value in (None, ""):
        errors.append("thiếu mức chi tối đa")
        return None
    if isinstance(value, bool):
        errors.append("mức chi tối đa không hợp lệ")
        return None
    if isinstance(value, int | float):
        if value != int(value):
            errors.append(f"mức chi tối đa {value} phải là số đồng nguyên")
            return None
        amount = int(value)
    else:
        try:
            amount = parse_vnd(str(value))
        except ValueError:
            errors.append(f"mức chi tối đa “{value}” không phải số tiền hợp lệ")
            return None
    if amount < 0:
        errors.append("mức chi tối đa không được âm")
        return None
    if amount > MAX_UNIT_PRICE:
        errors.append("mức chi tối đa quá lớn")
        return None
    return amount


# A province's norms run to a few hundred lines; a file far beyond that is a mistake, and reading
# it would hold a web worker for minutes.
MAX_NORM_ROWS = 2_000
MAX_NORM_BYTES = 2 * 1024 * 1024


def read_norms(upload) -> tuple[list[NormRow], list[str]]:
    """Rows of the first sheet under the header of `export_norms`; errors name the sheet row."""
    if (getattr(upload, "size", 0) or 0) > MAX_NORM_BYTES:
        return [], [f"Tệp quá lớn; tối đa {MAX_NORM_BYTES // (1024 * 1024)} MB."]
    try:
        if upload.read(4) == b"PK\x03\x04":  # a ZIP: its size and health are checked first
            check_content(upload, ".xlsx", getattr(upload, "name", "") or "bảng tính")
        upload.seek(0)
    except BusinessError as error:
        return [], [error.message]
    try:
        workbook = load_workbook(upload, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not XLSX
        return [], ["Tệp không phải bảng tính Excel (.xlsx) hợp lệ."]
    sheet = workbook.worksheets[0]
    rows_iter = sheet.iter_rows(values_only=True)
    header = next(rows_iter, None)
    expected = [fold(label) for _, label in NORM_COLUMNS]
    found = [fold(_unsafe_text(h)) for h in (header or [])][: len(expected)]
    if found != expected:
        labels = ", ".join(label for _, label in NORM_COLUMNS)
        return [], [f"Dòng 1: tiêu đề cột phải là: {labels}."]
    rows: list[NormRow] = []
    errors: list[str] = []
    for number, values in enumerate(rows_iter, start=2):
        values = list(values or []) + [None] * len(NORM_COLUMNS)
        if all(v in (None, "") for v in values[: len(NORM_COLUMNS)]):
            continue
        if len(rows) + len(errors) >= MAX_NORM_ROWS:
            return [], [
                f"Tệp có quá {MAX_NORM_ROWS:,} dòng định mức; hãy chia thành nhiều tệp.".replace(
                    ",", "."
                )
            ]
        code, name, category, unit, price, basis, valid_from, valid_to = values[:8]
        problems: list[str] = []
        code = _unsafe_text(code).upper()
        name, unit, basis = _unsafe_text(name), _unsafe_text(unit), _unsafe_text(basis)
        if not code:
            problems.append("thiếu mã")
        elif len(code) > 20:
            problems.append("mã dài quá 20 ký tự")
        if not name:
            problems.append("thiếu nội dung chi")
        if not unit:
            problems.append("thiếu đơn vị tính")
        category_value = _CATEGORY_BY_LABEL.get(fold(_unsafe_text(category)) or "other")
        if category_value is None:
            problems.append(f"nhóm chi “{_unsafe_text(category)}” không có trong danh mục")
        amount = _money(price, problems)
        start = _date(valid_from, "ngày hiệu lực", problems)
        end = _date(valid_to, "ngày hết hiệu lực", problems)
        if start and end and end < start:
            problems.append("ngày hết hiệu lực trước ngày có hiệu lực")
        if problems:
            errors.append(f"Dòng {number}: " + "; ".join(problems) + ".")
            continue
        # Each of these being None added a problem above.
        assert category_value is not None and amount is not None
        rows.append(
            NormRow(
                line=number,
                code=code,
                name=name[:255],
                category=category_value,
                unit=unit[:40],
                max_unit_price=amount,
                legal_basis=basis[:255],
                valid_from=start,
                valid_to=end,
            )
        )
    return rows, errors


# The compiled table ---------------------------------------------------------------------------


def export_compilation(compiled) -> bytes:
    """`compiled` is selectors.Compilation: by agency, every line, by area and by category."""
    workbook = Workbook()
    summary = workbook.active
    summary.title = "Theo đơn vị"
    header_row(
        summary,
        [
            "STT",
            "Cơ quan, đơn vị",
            "Trạng thái",
            "Đề nghị (đồng)",
            "Thẩm định (đồng)",
            "Đã chi (đồng)",
            "Trong đó dự trù bổ sung",
        ],
    )
    for i, row in enumerate(compiled.by_agency, start=1):
        append_row(
            summary,
            [
                i,
                safe_cell(row.agency_name),
                row.status_label,
                row.requested,
                row.approved,
                row.spent,
                "; ".join(_supplement_note(s) for s in row.supplements),
            ],
        )
    append_row(
        summary, ["", "Tổng cộng", "", compiled.requested, compiled.approved, compiled.spent]
    )
    for cell in summary[summary.max_row]:
        cell.font = Font(bold=True)
    _money_columns(summary, (4, 5, 6))
    set_widths(summary, [6, 44, 24, 18, 18, 18, 40])

    detail = workbook.create_sheet("Chi tiết")
    header_row(
        detail,
        [
            "Cơ quan, đơn vị",
            "STT",
            "Nội dung chi",
            "Nhiệm vụ",
            "Lĩnh vực",
            "Nhóm chi",
            "Định mức",
            "Đơn vị tính",
            "Số lượng",
            "Đơn giá (đồng)",
            "Thành tiền (đồng)",
            "Vượt định mức",
            "Ghi chú",
            "Thẩm định (đồng)",
            "Lý do điều chỉnh",
            "Dự trù",
        ],
    )
    for line in compiled.lines:
        append_row(
            detail,
            [
                safe_cell(line.estimate.agency.name),
                line.position,
                safe_cell(line.content),
                safe_cell(line.task.title) if line.task else "",
                line.task.get_area_display() if line.task else "",
                line.get_category_display(),
                safe_cell(line.norm.code) if line.norm else "",
                safe_cell(line.unit),
                line.quantity,
                line.unit_price,
                line.amount,
                "Có" if line.over_norm else "",
                safe_cell(line.notes),
                line.approved_amount,
                safe_cell(line.approval_reason),
                line.estimate.supplement_label or "Dự trù ban đầu",
            ],
        )
    _money_columns(detail, (10, 11, 14))
    set_widths(detail, [30, 6, 40, 30, 18, 20, 10, 12, 10, 16, 18, 10, 30, 18, 30, 16])
    detail.freeze_panes = "A2"

    for title, rows in (
        ("Theo lĩnh vực", compiled.by_area),
        ("Theo nhóm chi", compiled.by_category),
    ):
        sheet = workbook.create_sheet(title)
        header_row(
            sheet, [title.removeprefix("Theo ").capitalize(), "Đề nghị (đồng)", "Thẩm định (đồng)"]
        )
        for row in rows:
            append_row(sheet, [row.label, row.requested, row.approved])
        _money_columns(sheet, (2, 3))
        set_widths(sheet, [36, 18, 18])
    return workbook_bytes(workbook)


def _supplement_note(supplement) -> str:
    amounts = f"đề nghị {format_vnd(supplement.requested_total)}"
    if supplement.approved_total is not None:
        amounts += f", thẩm định {format_vnd(supplement.approved_total)}"
    return f"{supplement.supplement_label} ({supplement.status_label}): {amounts}"


def _money_columns(sheet, columns: tuple[int, ...]) -> None:
    for row in sheet.iter_rows(min_row=2):
        for column in columns:
            row[column - 1].number_format = MONEY_FORMAT
