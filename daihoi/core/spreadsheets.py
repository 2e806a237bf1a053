"""XLSX helpers for every export and import: safe cells, headers, dates as people type them."""

import datetime as dt
import io
import zipfile
from collections.abc import Collection, Iterable, Sequence
from dataclasses import asdict

from django.core import signing
from django.utils.functional import Promise
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from daihoi.core.exceptions import BusinessError
from daihoi.core.text import clean_text
from daihoi.core.uploads import check_content

MAX_BYTES = 2 * 1024 * 1024
# Unzipped size a 2 MB sheet never reaches; beyond it the file is a zip bomb.
MAX_UNZIPPED_BYTES = 50 * 1024 * 1024
DATE_FORMAT = "DD/MM/YYYY"
INTEGER_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.00"


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _number_format(cell) -> None:
    if _is_number(cell.value):
        cell.number_format = INTEGER_FORMAT if float(cell.value).is_integer() else DECIMAL_FORMAT


# A cell a spreadsheet would run as a formula (CSV/formula injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Day 0 of Excel's 1900 date system, shifted by its fictitious 29/02/1900.
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d")


def safe_cell(value):
    """Text as a cell can hold it: controls a spreadsheet refuses are cleaned (`clean_text`), and
    text that begins like a formula gets a leading apostrophe, so it stays text."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str):
        value = clean_text(value)
        if value.startswith(FORMULA_START):
            return "'" + value
    return value


def sheet_title(text: str) -> str:
    """A sheet name Excel accepts: no controls or []:*?/\\, at most 31 characters."""
    cleaned = "".join(c for c in clean_text(text, multiline=False) if c not in "[]:*?/\\")
    return cleaned.strip("' ")[:31] or "Sheet"


def append_row(sheet, values: Iterable) -> None:
    """The one way a row is written: every value through `safe_cell`."""
    sheet.append([safe_cell(v) for v in values])


def unsafe_text(value) -> str:
    """The text of a cell read back, cleaned by the shared rule (`clean_text`), without the
    apostrophe `safe_cell` added."""
    text = "" if value is None else clean_text(str(value)).strip()
    if text.startswith("'") and text[1:].startswith(FORMULA_START):
        text = text[1:]
    return text


def header_row(sheet, labels: Sequence[str]) -> None:
    append_row(sheet, labels)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")


def set_widths(sheet, widths: Sequence[int]) -> None:
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width


def workbook_bytes(workbook: Workbook) -> bytes:
    """The file of a workbook. A last pass leaves no cell a spreadsheet would run as a formula,
    whichever way the cell was written."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and (
                    cell.data_type == "f" or cell.value.startswith(FORMULA_START)
                ):
                    cell.value = "'" + cell.value
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def table_workbook(
    title: str,
    header: Sequence[str],
    rows: Iterable[Sequence],
    *,
    widths: Sequence[int] = (),
    heading: Sequence[str] = (),
    number_columns: Collection[int] = (),
    totals_label: str = "",
) -> bytes:
    """One sheet: optional heading lines (the filters applied), the header, then the rows.

    Every text cell goes through `safe_cell`; dates get the dd/mm/yyyy format. Columns listed
    in `number_columns` (0-based) are shown with thousands separators; with `totals_label`,
    a bold last row carries that label in the first column and each number column's SUM.
    """
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title(title)
    for line in heading:
        append_row(sheet, [line])
        sheet.cell(sheet.max_row, 1).font = Font(italic=True)
    if heading:
        sheet.append([])
    header_row(sheet, header)
    first_data_row = sheet.max_row + 1
    for values in rows:
        append_row(sheet, values)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, dt.date):
                cell.number_format = DATE_FORMAT
            elif cell.column - 1 in number_columns:
                _number_format(cell)
    if totals_label:
        # Written as values, not SUM formulas, so every reader sees the figures.
        totals: list = [totals_label] + [None] * (len(header) - 1)
        for c in number_columns:
            column = sheet.iter_rows(min_row=first_data_row, min_col=c + 1, max_col=c + 1)
            figures = [row[0].value for row in column if _is_number(row[0].value)]
            totals[c] = sum(figures)
        append_row(sheet, totals)
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
            if cell.column - 1 in number_columns:
                _number_format(cell)
    if widths:
        set_widths(sheet, widths)
    sheet.freeze_panes = sheet.cell(first_data_row, 1).coordinate
    return workbook_bytes(workbook)


def read_date(value) -> dt.date:
    """A date cell as Excel stores it, an Excel serial number, or text dd/mm/yyyy.

    Raises ValueError with a message for people when the value is not a date.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise ValueError(f"“{value}” không phải ngày hợp lệ (dd/mm/yyyy)")
    if isinstance(value, int | float):
        if value != int(value) or not 1 <= value <= 2958465:
            raise ValueError(f"“{value}” không phải ngày hợp lệ (dd/mm/yyyy)")
        return _EXCEL_EPOCH + dt.timedelta(days=int(value))
    text = str(value).strip()
    if text.isdigit() and len(text) <= 6:
        return read_date(int(text))
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"“{text}” không phải ngày hợp lệ (dd/mm/yyyy)")


def open_workbook(upload):
    """(workbook, None) for an uploaded XLSX, read-only with formulas as written (so an import can
    refuse them); (None, a Vietnamese reason) for a file too big, a zip bomb or not an XLSX."""
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_BYTES:
        return None, f"Tệp quá lớn ({size // 1024} KB); tối đa {MAX_BYTES // (1024 * 1024)} MB."
    data = upload.read()
    upload.seek(0)
    if len(data) > MAX_BYTES:
        return None, f"Tệp quá lớn; tối đa {MAX_BYTES // (1024 * 1024)} MB."
    if not data.startswith(b"PK\x03\x04"):
        return None, "Tệp không phải bảng tính Excel (.xlsx). Hãy dùng tệp mẫu và lưu dạng .xlsx."
    try:
        check_content(io.BytesIO(data), ".xlsx", getattr(upload, "name", "") or "bảng tính")
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNZIPPED_BYTES:
                return None, "Tệp quá lớn khi giải nén; hãy chia thành nhiều tệp nhỏ hơn."
    except BusinessError as error:
        return None, error.message
    try:
        # Formulas are read as written (data_only=False) so they can be refused.
        return load_workbook(io.BytesIO(data), read_only=True, data_only=False), None
    except Exception:  # openpyxl and zipfile raise many kinds for a file that is not XLSX
        return None, "Tệp không phải bảng tính Excel (.xlsx) hợp lệ."


def sign_rows(rows: Iterable, salt: str) -> str:
    """An import's checked rows (dataclasses), signed, so its confirm step needs no server-side
    state."""
    return signing.dumps([asdict(r) for r in rows], salt=salt, compress=True)


def unsign_rows(token: str, salt: str, max_age: int = 3600) -> list[dict]:
    """The rows `sign_rows` signed, as dicts; refused once expired or tampered with."""
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:
        raise BusinessError(
            "Bản xem trước đã hết hạn hoặc không hợp lệ; hãy tải tệp lên lại."
        ) from None
