"""Tasks from an XLSX sheet with Vietnamese headers: check every row, then save all or none."""

import datetime as dt
import io
import zipfile
from dataclasses import asdict, dataclass, field

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.datavalidation import DataValidation

from daihoi.core.audit import record
from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.core.spreadsheets import (
    append_row,
    header_row,
    read_date,
    set_widths,
    unsafe_text,
    workbook_bytes,
)
from daihoi.core.text import fold
from daihoi.organizations.matching import AgencyMatcher
from daihoi.organizations.models import Agency
from daihoi.organizations.permissions import Access
from daihoi.planning import services as planning_services
from daihoi.planning.models import Area, Phase, Task

from .models import TaskImportAction

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 1000
# Unzipped size a 2 MB sheet of tasks never reaches; beyond it the file is a zip bomb.
MAX_UNZIPPED_BYTES = 50 * 1024 * 1024
SIGNING_SALT = "daihoi.reporting.task-import"

COLUMNS = [
    ("title", "Nội dung nhiệm vụ", 50),
    ("lead", "Đơn vị chủ trì", 30),
    ("coordinating", "Đơn vị phối hợp", 36),
    ("area", "Lĩnh vực", 22),
    ("phase", "Giai đoạn", 22),
    ("start_date", "Ngày bắt đầu", 14),
    ("deadline", "Hạn hoàn thành", 14),
    ("description", "Mô tả, yêu cầu", 40),
]
REQUIRED = {"title", "lead", "area", "phase"}
_HEADERS = {fold(label): key for key, label, _ in COLUMNS} | {"stt": "number"}
_AREAS = {fold(str(a.label)): a.value for a in Area} | {a.value: a.value for a in Area}
_PHASES = {fold(str(p.label)): p.value for p in Phase} | {p.value: p.value for p in Phase}


@dataclass
class ImportRow:
    line: int
    title: str = ""
    lead_id: int | None = None
    lead_name: str = ""
    coordinating_ids: list[int] = field(default_factory=list)
    coordinating_names: list[str] = field(default_factory=list)
    area: str = ""
    phase: str = ""
    start_date: str = ""  # ISO, so the row travels in a signed payload
    deadline: str = ""
    description: str = ""
    errors: list[str] = field(default_factory=list)

    @property
    def area_label(self) -> str:
        return str(Area(self.area).label) if self.area else ""

    @property
    def phase_label(self) -> str:
        return str(Phase(self.phase).label) if self.phase else ""

    @property
    def deadline_display(self) -> str:
        deadline = self.date("deadline")
        return deadline.strftime("%d/%m/%Y") if deadline else ""

    def date(self, name: str) -> dt.date | None:
        value = getattr(self, name)
        return dt.date.fromisoformat(value) if value else None


@dataclass
class ImportResult:
    rows: list[ImportRow]
    errors: list[str]  # for the whole file ("Tệp không phải…")

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.errors and not any(r.errors for r in self.rows)

    @property
    def row_errors(self) -> list[str]:
        return [f"Dòng {r.line}: {'; '.join(r.errors)}." for r in self.rows if r.errors]


class TaskImportError(BusinessError):
    """Bad rows; nothing was saved. `errors` names each sheet row."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__(f"Tệp có {len(errors)} lỗi, chưa lưu nhiệm vụ nào.", field="file")
        self.errors = errors


def template_xlsx() -> bytes:
    """The sheet to fill: the headers, one example row, lists for area and phase."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Nhiệm vụ"
    header_row(sheet, ["STT", *(label for _, label, _ in COLUMNS)])
    append_row(
        sheet,
        [
            1,
            "Xây dựng chuyên mục tuyên truyền chào mừng Đại hội",
            "Ban Tuyên giáo Tỉnh ủy",
            "Sở Văn hóa, Thể thao và Du lịch; Báo Kon Tum",
            str(Area.PROPAGANDA.label),
            str(Phase.BEFORE.label),
            "01/08/2020",
            "30/09/2020",
            "Ghi rõ yêu cầu, sản phẩm",
        ],
    )
    set_widths(sheet, [6, *(width for _, _, width in COLUMNS)])
    lists = workbook.create_sheet("Danh mục")
    append_row(lists, ["Lĩnh vực", "Giai đoạn"])
    areas = [str(a.label) for a in Area]
    phases = [str(p.label) for p in Phase]
    for i in range(max(len(areas), len(phases))):
        append_row(
            lists, [areas[i] if i < len(areas) else None, phases[i] if i < len(phases) else None]
        )
    for column, values in (("E", areas), ("F", phases)):
        letter = "A" if column == "E" else "B"
        validation = DataValidation(
            type="list", formula1=f"'Danh mục'!${letter}$2:${letter}${len(values) + 1}"
        )
        validation.error = "Chọn trong danh mục"
        sheet.add_data_validation(validation)
        validation.add(f"{column}2:{column}{MAX_ROWS + 1}")
    notes = workbook.create_sheet("Hướng dẫn")
    for line in [
        "Mỗi dòng một nhiệm vụ; dòng 1 là tiêu đề cột, giữ nguyên.",
        "Đơn vị ghi tên đầy đủ hoặc tên viết tắt như trong danh mục cơ quan, đơn vị.",
        "Nhiều đơn vị phối hợp cách nhau bằng dấu chấm phẩy (;).",
        "Ngày ghi dd/mm/yyyy (ví dụ 30/09/2020) hoặc định dạng ngày của Excel.",
        "Không dùng công thức; nếu có dòng sai, không nhiệm vụ nào được lưu.",
    ]:
        append_row(notes, [line])
    notes.column_dimensions["A"].width = 100
    return workbook_bytes(workbook)


def _file_error(message: str) -> ImportResult:
    return ImportResult(rows=[], errors=[message])


def _open_workbook(upload):
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
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNZIPPED_BYTES:
                return None, "Tệp quá lớn khi giải nén; hãy chia thành nhiều tệp nhỏ hơn."
        # Formulas are read as written (data_only=False) so they can be refused.
        return load_workbook(io.BytesIO(data), read_only=True, data_only=False), None
    except Exception:  # openpyxl and zipfile raise many kinds for a file that is not XLSX
        return None, "Tệp không phải bảng tính Excel (.xlsx) hợp lệ."


def _agency(matcher: AgencyMatcher, written: str, label: str, errors: list[str]) -> Agency | None:
    match = matcher.match(written)
    if isinstance(match.agency, Agency):
        return match.agency
    if len(match.candidates) > 1:
        names = ", ".join(a.name for a in match.candidates[:4])
        errors.append(f"{label} “{written}” khớp với nhiều đơn vị ({names}); hãy ghi tên đầy đủ")
    else:
        errors.append(f"{label} “{written}” không có trong danh mục cơ quan, đơn vị")
    return None


def _date(value, label: str, errors: list[str]) -> str:
    if value in (None, ""):
        return ""
    try:
        return read_date(value).isoformat()
    except ValueError as error:
        errors.append(f"{label} {error}")
        return ""


def read_tasks(upload, agencies) -> ImportResult:
    """Every row checked; the result carries a list of problems per sheet row."""
    workbook, problem = _open_workbook(upload)
    if problem:
        return _file_error(problem)
    sheet = workbook.worksheets[0]
    rows_iter = sheet.iter_rows()
    header = next(rows_iter, None)
    if header is None:
        return _file_error("Tệp trống: dòng 1 phải là tiêu đề cột như tệp mẫu.")
    positions = {}
    for i, cell in enumerate(header):
        key = _HEADERS.get(fold(unsafe_text(cell.value)))
        if key:
            positions[key] = i
    missing = [label for key, label, _ in COLUMNS if key in REQUIRED and key not in positions]
    if missing:
        return _file_error(
            "Dòng 1: thiếu cột " + ", ".join(f"“{m}”" for m in missing) + " (xem tệp mẫu)."
        )
    matcher = AgencyMatcher(agencies)
    rows: list[ImportRow] = []
    for number, cells in enumerate(rows_iter, start=2):
        cells = list(cells)
        if all(c.value in (None, "") for c in cells):
            continue
        if len(rows) >= MAX_ROWS:
            return _file_error(f"Tệp có quá {MAX_ROWS} nhiệm vụ; hãy chia thành nhiều tệp.")
        row = ImportRow(line=number)
        formulas = [c.coordinate for c in cells if c.data_type == "f"]
        if formulas:
            row.errors.append(
                "ô " + ", ".join(formulas) + " chứa công thức; hãy dán giá trị thay cho công thức"
            )
            rows.append(row)
            continue

        def value(key: str, cells=cells):
            i = positions.get(key)
            return cells[i].value if i is not None and i < len(cells) else None

        row.title = unsafe_text(value("title"))
        if not row.title:
            row.errors.append("thiếu nội dung nhiệm vụ")
        elif len(row.title) > 500:
            row.errors.append("nội dung nhiệm vụ dài quá 500 ký tự")
        lead_name = unsafe_text(value("lead"))
        row.lead_name = lead_name
        lead = None
        if not lead_name:
            row.errors.append("thiếu đơn vị chủ trì")
        else:
            lead = _agency(matcher, lead_name, "đơn vị chủ trì", row.errors)
            row.lead_id = lead.pk if lead else None
        for part in unsafe_text(value("coordinating")).replace("\n", ";").split(";"):
            part = part.strip(" -–•+.")
            if not part:
                continue
            agency = _agency(matcher, part, "đơn vị phối hợp", row.errors)
            if agency is not None:
                if lead is not None and agency.pk == lead.pk:
                    row.errors.append(f"đơn vị phối hợp “{part}” trùng đơn vị chủ trì")
                elif agency.pk not in row.coordinating_ids:
                    row.coordinating_ids.append(agency.pk)
                    row.coordinating_names.append(agency.name)
        area = unsafe_text(value("area"))
        row.area = _AREAS.get(fold(area), "")
        if not area:
            row.errors.append("thiếu lĩnh vực")
        elif not row.area:
            row.errors.append(f"lĩnh vực “{area}” không có trong danh mục")
        phase = unsafe_text(value("phase"))
        row.phase = _PHASES.get(fold(phase), "")
        if not phase:
            row.errors.append("thiếu giai đoạn")
        elif not row.phase:
            row.errors.append(f"giai đoạn “{phase}” không có trong danh mục")
        row.start_date = _date(value("start_date"), "ngày bắt đầu", row.errors)
        row.deadline = _date(value("deadline"), "hạn hoàn thành", row.errors)
        if row.start_date and row.deadline and row.deadline < row.start_date:
            row.errors.append("hạn hoàn thành trước ngày bắt đầu")
        row.description = unsafe_text(value("description"))[:5000]
        rows.append(row)
    if not rows:
        return _file_error("Tệp không có dòng nhiệm vụ nào dưới dòng tiêu đề.")
    return ImportResult(rows=rows, errors=[])


def sign_rows(rows: list[ImportRow]) -> str:
    """The checked rows, signed, so the confirm step needs no server-side state."""
    return signing.dumps([asdict(r) for r in rows], salt=SIGNING_SALT, compress=True)


def unsign_rows(token: str, max_age: int = 3600) -> list[ImportRow]:
    try:
        data = signing.loads(token, salt=SIGNING_SALT, max_age=max_age)
    except signing.BadSignature:
        raise BusinessError(
            "Bản xem trước đã hết hạn hoặc không hợp lệ; hãy tải tệp lên lại."
        ) from None
    return [ImportRow(**item) for item in data]


@transaction.atomic
def tasks_import(*, access: Access, rows: list[ImportRow]) -> list[Task]:
    """All rows or none, each through `task_create`; a refused row rolls back the others.

    Each task records its own creation; one more entry on the congress names the import.
    """
    errors = [f"Dòng {r.line}: {'; '.join(r.errors)}." for r in rows if r.errors]
    if errors or not rows:
        raise TaskImportError(errors or ["Tệp không có dòng nhiệm vụ nào."])
    ids = {r.lead_id for r in rows if r.lead_id} | {i for r in rows for i in r.coordinating_ids}
    agencies = {a.pk: a for a in Agency.objects.filter(congress=access.congress, pk__in=ids)}
    created = []
    for row in rows:
        try:
            lead = agencies[row.lead_id or 0]
            coordinating = [agencies[i] for i in row.coordinating_ids]
        except KeyError:
            raise TaskImportError([f"Dòng {row.line}: đơn vị không thuộc Đại hội này."]) from None
        try:
            created.append(
                planning_services.task_create(
                    access=access,
                    fields=planning_services.TaskFields(
                        title=row.title,
                        lead_agency=lead,
                        coordinating_agencies=coordinating,
                        area=row.area,
                        phase=row.phase,
                        start_date=row.date("start_date"),
                        deadline=row.date("deadline"),
                        description=row.description,
                    ),
                )
            )
        except PermissionDenied:
            raise
        except BusinessError as error:
            raise TaskImportError([f"Dòng {row.line}: {error.message}"]) from None
        except ValidationError as error:
            messages = "; ".join(error.messages)
            raise TaskImportError([f"Dòng {row.line}: {messages}"]) from None
    record(
        access,
        TaskImportAction.CONFIRMED,
        access.congress,
        data={"tasks": [task.pk for task in created]},
    )
    return created
