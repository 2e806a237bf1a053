"""Reading the sheet: every row checked against the congress's agencies, plans and tasks, each
problem named by its sheet row; nothing is saved here."""

import datetime as dt
import re

from django.db.models import Prefetch

from daihoi.core.spreadsheets import open_workbook, read_date, unsafe_text
from daihoi.core.text import fold
from daihoi.organizations.matching import AgencyMatcher
from daihoi.organizations.models import Agency, Congress
from daihoi.planning.models import Area, Phase, Plan, Task, TaskAssignment

from .. import task_sheet
from .rows import ImportResult, ImportRow, offset_label

MAX_ROWS = 10_000
PROGRESS_EVERY = 500
# The export writes a few heading lines (date, filters) above the header row.
HEADER_SEARCH_ROWS = 10

_AREAS = {fold(str(a.label)): a.value for a in Area} | {a.value: a.value for a in Area}
_PHASES = {fold(str(p.label)): p.value for p in Phase} | {p.value: p.value for p in Phase}
_RELATIVE = re.compile(r"^\s*D\s*([+\-−–])\s*(\d{1,3})\s*$", re.IGNORECASE)


class _Matches:
    """The matcher's answers kept per written name: a sheet names the same few dozen agencies
    on thousands of rows."""

    def __init__(self, matcher: AgencyMatcher) -> None:
        self.matcher = matcher
        self.seen: dict[str, object] = {}

    def match(self, written: str):
        found = self.seen.get(written)
        if found is None:
            found = self.seen[written] = self.matcher.match(written)
        return found


def _file_error(message: str) -> ImportResult:
    return ImportResult(rows=[], errors=[message])


def _agency(
    matcher: AgencyMatcher | _Matches, written: str, label: str, errors: list[str]
) -> Agency | None:
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


def _header(rows_iter) -> tuple[int, dict[str, int]] | None:
    """The header row (its number, and each known column's position) among the first rows."""
    for number, cells in enumerate(rows_iter, start=1):
        positions = {}
        for i, cell in enumerate(cells):
            key = task_sheet.HEADERS.get(fold(unsafe_text(cell.value)))
            if key and key not in positions:
                positions[key] = i
        if "title" in positions:
            return number, positions
        if number >= HEADER_SEARCH_ROWS:
            break
    return None


def _code(value, row: ImportRow) -> int | None:
    if value in (None, ""):
        return None
    text = unsafe_text(value)
    try:
        number = float(text)
    except ValueError:
        number = -1
    if number != int(number) or number <= 0:
        row.errors.append(f"mã nhiệm vụ “{text}” không hợp lệ")
        return None
    return int(number)


def _deadline(value, congress: Congress, row: ImportRow) -> None:
    if value in (None, ""):
        return
    match = _RELATIVE.match(unsafe_text(value)) if isinstance(value, str) else None
    if match is None:
        row.deadline = _date(value, "hạn hoàn thành", row.errors)
        return
    offset = (-1 if match.group(1) != "+" else 1) * int(match.group(2))
    if congress.opening_date is None:
        row.errors.append("Đại hội chưa có ngày khai mạc nên chưa đặt được hạn theo D−…")
        return
    row.deadline_offset = offset
    row.deadline = (congress.opening_date + dt.timedelta(days=offset)).isoformat()


def _plan(plans: dict[str, Plan], written: str, row: ImportRow) -> None:
    if not written:
        return
    plan = plans.get(fold(written).replace(" ", ""))
    if plan is None:
        row.errors.append(f"kế hoạch “{written}” không có trong Đại hội này")
        return
    row.plan_id, row.plan_label = plan.pk, plan.symbol


def _names(agencies: list[Agency]) -> str:
    return "; ".join(sorted(a.name for a in agencies)) or "—"


def _shown(value) -> str:
    if value in (None, ""):
        return "—"
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _changes(task: Task, row: ImportRow, agencies: dict[int, Agency]) -> list[list[str]]:
    """[field, old, new] for each column the row changes on the task (prefetched assignments)."""
    partners = task.partner_assignments
    coordinating = [a.agency for a in partners if a.role == TaskAssignment.Role.COORDINATE]
    appraising = [a.agency for a in partners if a.role == TaskAssignment.Role.APPRAISE]
    old_deadline = _shown(task.deadline)
    if task.deadline_offset_days is not None:
        old_deadline = f"{offset_label(task.deadline_offset_days)} ({old_deadline})"
    new_agencies = [agencies[i] for i in row.coordinating_ids if i in agencies]
    new_appraiser = [agencies[row.appraising_id]] if row.appraising_id in agencies else []
    pairs = [
        ("Nội dung nhiệm vụ", task.title, row.title),
        ("Đơn vị chủ trì", task.lead_agency.name, row.lead_name),
        ("Đơn vị phối hợp", _names(coordinating), _names(new_agencies)),
        ("Đơn vị thẩm định", _names(appraising), _names(new_appraiser)),
        ("Lĩnh vực", task.get_area_display(), row.area_label),
        ("Giai đoạn", task.get_phase_display(), row.phase_label),
        ("Kế hoạch", task.plan.symbol if task.plan else "—", row.plan_label or "—"),
        ("Ngày bắt đầu", _shown(task.start_date), _shown(row.date("start_date"))),
        ("Hạn hoàn thành", old_deadline, row.deadline_display or "—"),
        ("Mô tả, yêu cầu", task.description or "—", row.description or "—"),
    ]
    return [[label, str(old), str(new)] for label, old, new in pairs if str(old) != str(new)]


def read_tasks(upload, congress: Congress, progress=None) -> ImportResult:
    """Every row checked; the result carries a list of problems per sheet row.

    Reads the congress's agencies, plans and the tasks the rows name in a fixed number of
    queries, however many rows the sheet has. `progress(done, total)`, when given, is told
    every `PROGRESS_EVERY` rows (total: the rows the sheet declares below its header).
    """
    workbook, problem = open_workbook(upload)
    if problem:
        return _file_error(problem)
    sheet = workbook.worksheets[0]
    rows_iter = sheet.iter_rows()
    found = _header(rows_iter)
    if found is None:
        return _file_error(
            "Không thấy dòng tiêu đề: thiếu cột “Nội dung nhiệm vụ” (dùng các cột của tệp mẫu)."
        )
    header_line, positions = found
    labels = {c.key: c.label for c in task_sheet.COLUMNS}
    missing = [labels[key] for key in sorted(task_sheet.REQUIRED) if key not in positions]
    if missing:
        return _file_error(
            f"Dòng {header_line}: thiếu cột "
            + ", ".join(f"“{m}”" for m in missing)
            + " (xem tệp mẫu)."
        )
    agencies = list(Agency.objects.filter(congress=congress))
    by_id = {a.pk: a for a in agencies}
    matcher = _Matches(AgencyMatcher(agencies))
    plans = {
        fold(p.symbol).replace(" ", ""): p
        for p in Plan.objects.filter(congress=congress).select_related("congress")
    }
    rows: list[ImportRow] = []
    total, told = max(0, (sheet.max_row or 0) - header_line), 0
    for number, cells in enumerate(rows_iter, start=header_line + 1):
        if progress is not None and len(rows) - told >= PROGRESS_EVERY:
            told = len(rows)
            progress(told, max(total, told))
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

        row.code = _code(value("code"), row)
        row.title = unsafe_text(value("title"))
        if not row.title:
            row.errors.append("thiếu nội dung nhiệm vụ")
        elif len(row.title) > 500:
            row.errors.append("nội dung nhiệm vụ dài quá 500 ký tự")
        lead_name = unsafe_text(value("lead"))
        lead = None
        if not lead_name:
            row.errors.append("thiếu đơn vị chủ trì")
        else:
            lead = _agency(matcher, lead_name, "đơn vị chủ trì", row.errors)
            row.lead_id = lead.pk if lead else None
            row.lead_name = lead.name if lead else lead_name
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
        appraiser_name = unsafe_text(value("appraising")).strip(" -–•+.;")
        if appraiser_name:
            appraiser = _agency(matcher, appraiser_name, "đơn vị thẩm định", row.errors)
            if appraiser is not None:
                if appraiser.pk == row.lead_id or appraiser.pk in row.coordinating_ids:
                    row.errors.append(
                        f"đơn vị thẩm định “{appraiser_name}” phải khác đơn vị chủ trì, phối hợp"
                    )
                row.appraising_id, row.appraising_name = appraiser.pk, appraiser.name
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
        _plan(plans, unsafe_text(value("plan")), row)
        row.start_date = _date(value("start_date"), "ngày bắt đầu", row.errors)
        _deadline(value("deadline"), congress, row)
        if row.start_date and row.deadline and row.deadline < row.start_date:
            row.errors.append("hạn hoàn thành trước ngày bắt đầu")
        row.description = unsafe_text(value("description"))[:5000]
        rows.append(row)
    if not rows:
        return _file_error("Tệp không có dòng nhiệm vụ nào dưới dòng tiêu đề.")
    _match_codes(rows, congress, by_id)
    return ImportResult(rows=rows, errors=[])


def _match_codes(rows: list[ImportRow], congress: Congress, agencies: dict[int, Agency]) -> None:
    """Rows with a code must name a task of this congress, once each; their changes are listed."""
    codes = [r.code for r in rows if r.code is not None]
    if not codes:
        return
    tasks = {
        t.pk: t
        for t in Task.objects.filter(congress=congress, pk__in=codes)
        .select_related("lead_agency", "plan__congress", "congress")
        .prefetch_related(
            Prefetch("assignments", queryset=TaskAssignment.objects.select_related("agency"))
        )
    }
    seen: set[int] = set()
    for row in rows:
        if row.code is None:
            continue
        task = tasks.get(row.code)
        if task is None:
            row.errors.append(f"mã nhiệm vụ {row.code} không phải nhiệm vụ của Đại hội này")
            continue
        if row.code in seen:
            row.errors.append(f"mã nhiệm vụ {row.code} xuất hiện ở nhiều dòng")
            continue
        seen.add(row.code)
        row.task_version = task.version
        if not row.errors:
            row.changes = _changes(task, row, agencies)
