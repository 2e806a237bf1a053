"""Agencies from an XLSX sheet: every row checked and shown first, then all saved or none.

Columns (Vietnamese headers, any order): Tên cơ quan, đơn vị (required), Tên viết tắt, Ký hiệu,
Cơ quan cấp trên (a name or short name from the registry or from the same file), Cơ quan tài
chính (x). A row is refused when its name is empty, repeats another row's or an agency's already
in the registry, or names a parent found nowhere.
"""

from dataclasses import dataclass, field

from django.db import transaction
from openpyxl import Workbook

from daihoi.core import spreadsheets
from daihoi.core.audit import record
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require
from daihoi.core.spreadsheets import header_row, open_workbook, set_widths, unsafe_text
from daihoi.core.spreadsheets import workbook_bytes as to_bytes
from daihoi.core.text import fold

from ..models import Agency, AgencyAction, Congress
from ..permissions import Access
from .agencies import MANAGERS_ONLY

MAX_ROWS = 2000
SIGNING_SALT = "daihoi.organizations.agency-import"
COLUMNS = {
    "name": "Tên cơ quan, đơn vị",
    "short_name": "Tên viết tắt",
    "code": "Ký hiệu",
    "parent": "Cơ quan cấp trên",
    "finance": "Cơ quan tài chính (x)",
}
HEADERS = {fold(label): key for key, label in COLUMNS.items()} | {
    "ten co quan": "name",
    "ten don vi": "name",
    "ten": "name",
    "viet tat": "short_name",
    "ky hieu tren van ban": "code",
    "cap tren": "parent",
    "co quan tai chinh": "finance",
}
YES = {"x", "co", "1", "yes", "true"}


@dataclass
class AgencyRow:
    line: int
    name: str
    short_name: str = ""
    code: str = ""
    parent: str = ""
    is_finance: bool = False
    parent_id: int | None = None  # a registry agency; else `parent` names a row of the file
    errors: list[str] = field(default_factory=list)


@dataclass
class AgencyImport:
    rows: list[AgencyRow]
    errors: list[str] = field(default_factory=list)  # about the file as a whole

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.errors and not any(r.errors for r in self.rows)

    @property
    def row_errors(self) -> list[str]:
        return [f"Dòng {r.line}: {'; '.join(r.errors)}." for r in self.rows if r.errors]


class AgencyImportError(BusinessError):
    def __init__(self, errors: list[str]) -> None:
        super().__init__("Không nhập được: có dòng chưa hợp lệ, chưa lưu dòng nào.")
        self.errors = errors


def template_xlsx() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Co quan don vi"
    header_row(sheet, list(COLUMNS.values()))
    set_widths(sheet, [48, 16, 12, 40, 22])
    return to_bytes(workbook)


def _header(cells) -> dict[str, int] | None:
    positions: dict[str, int] = {}
    for i, cell in enumerate(cells):
        key = HEADERS.get(fold(unsafe_text(cell.value)))
        if key and key not in positions:
            positions[key] = i
    return positions if "name" in positions else None


def _keys(*names: str) -> set[str]:
    return {fold(n) for n in names if n}


def read_agencies(upload, congress: Congress) -> AgencyImport:
    """The rows of the sheet, each with its errors in Vietnamese; nothing is saved."""
    workbook, problem = open_workbook(upload)
    if problem:
        return AgencyImport(rows=[], errors=[problem])
    sheet = workbook.worksheets[0]
    lines = sheet.iter_rows()
    positions = None
    for cells in lines:
        positions = _header(cells)
        if positions is not None:
            break
    if positions is None:
        return AgencyImport(
            rows=[], errors=[f"Không thấy dòng tiêu đề có cột “{COLUMNS['name']}”."]
        )
    rows: list[AgencyRow] = []
    for cells in lines:
        if len(rows) >= MAX_ROWS:
            return AgencyImport(rows=[], errors=[f"Tệp có quá {MAX_ROWS} dòng."])
        values = {
            k: unsafe_text(cells[i].value if i < len(cells) else None) for k, i in positions.items()
        }
        if not any(values.values()):
            continue
        rows.append(
            AgencyRow(
                line=cells[0].row or 0,
                name=values.get("name", ""),
                short_name=values.get("short_name", ""),
                code=values.get("code", "").upper(),
                parent=values.get("parent", ""),
                is_finance=fold(values.get("finance", "")) in YES,
            )
        )
    workbook.close()
    if not rows:
        return AgencyImport(rows=[], errors=["Tệp không có dòng cơ quan, đơn vị nào."])
    _check(rows, congress)
    return AgencyImport(rows=rows)


def _check(rows: list[AgencyRow], congress: Congress) -> None:
    registry: dict[str, Agency] = {}
    names = {}
    for agency in Agency.objects.filter(congress=congress).only("name", "short_name"):
        names[fold(agency.name)] = agency
        for key in _keys(agency.name, agency.short_name):
            registry.setdefault(key, agency)
    in_file: dict[str, AgencyRow] = {}
    for row in rows:
        key = fold(row.name)
        if not row.name:
            row.errors.append(f"thiếu {COLUMNS['name']}")
        elif key in names:
            row.errors.append(f"“{row.name}” đã có trong danh mục cơ quan, đơn vị")
        elif key in in_file:
            row.errors.append(f"“{row.name}” trùng với dòng {in_file[key].line}")
        else:
            in_file[key] = row
    short = {fold(r.short_name): r for r in rows if r.short_name and not r.errors}
    for row in rows:
        if not row.parent:
            continue
        key = fold(row.parent)
        if key == fold(row.name) or (row.short_name and key == fold(row.short_name)):
            row.errors.append("cơ quan cấp trên không thể là chính nó")
        elif key in registry:
            row.parent_id = registry[key].pk
        elif key not in in_file and key not in short:
            row.errors.append(
                f"cơ quan cấp trên “{row.parent}” không có trong danh mục cũng như trong tệp"
            )
    _check_cycles(rows, in_file, short)


def _in_file_parent(row: AgencyRow, in_file: dict, short: dict) -> AgencyRow | None:
    if not row.parent or row.parent_id is not None:
        return None
    return in_file.get(fold(row.parent)) or short.get(fold(row.parent))


def _check_cycles(rows: list[AgencyRow], in_file: dict, short: dict) -> None:
    for row in rows:
        seen = {row.line}
        current = _in_file_parent(row, in_file, short)
        while current is not None:
            if current.line in seen:
                row.errors.append("các cơ quan trong tệp là cấp trên của nhau (vòng lặp)")
                break
            seen.add(current.line)
            current = _in_file_parent(current, in_file, short)


def sign_rows(rows: list[AgencyRow]) -> str:
    """The checked rows, signed, so the confirm step needs no server-side state."""
    return spreadsheets.sign_rows(rows, SIGNING_SALT)


def unsign_rows(token: str, max_age: int = 3600) -> list[AgencyRow]:
    return [AgencyRow(**item) for item in spreadsheets.unsign_rows(token, SIGNING_SALT, max_age)]


@transaction.atomic
def agencies_import(*, access: Access, rows: list[AgencyRow]) -> list[Agency]:
    """Creates every row's agency, or none: the rows are checked again against the registry as
    it is now (someone may have added an agency since the preview)."""
    require(access.can_manage, MANAGERS_ONLY)
    fresh = [AgencyRow(r.line, r.name, r.short_name, r.code, r.parent, r.is_finance) for r in rows]
    _check(fresh, access.congress)
    errors = [f"Dòng {r.line}: {'; '.join(r.errors)}." for r in fresh if r.errors]
    if errors or not fresh:
        raise AgencyImportError(errors or ["Tệp không có dòng nào."])
    created = [
        Agency(
            congress=access.congress,
            name=r.name,
            short_name=r.short_name,
            code=r.code,
            is_finance=r.is_finance,
            parent_id=r.parent_id,
            layout=access.congress.document_rules,
        )
        for r in fresh
    ]
    for agency in created:
        agency.save()
    by_key: dict[str, Agency] = {}
    for agency in created:
        for key in _keys(agency.name, agency.short_name):
            by_key.setdefault(key, agency)
    for row, agency in zip(fresh, created, strict=True):
        if row.parent and row.parent_id is None:
            agency.parent = by_key[fold(row.parent)]
            agency.save(update_fields=["parent"])
    record(
        access,
        AgencyAction.IMPORTED,
        access.congress,
        data={"agencies": [a.pk for a in created], "count": len(created)},
    )
    return created
