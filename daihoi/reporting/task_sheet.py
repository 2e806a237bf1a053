"""The one column set of the task spreadsheet: the export writes it, the template shows it and
the import reads it, so an exported list can be edited and imported back."""

import datetime as dt
from dataclasses import dataclass

from daihoi.core.dates import format_date
from daihoi.core.text import fold
from daihoi.organizations.models import Congress
from daihoi.planning.models import Area, Phase, Task, TaskAssignment


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: int
    # Columns the import reads; the others only inform whoever reads the sheet.
    editable: bool = True


COLUMNS = (
    Column("code", "Mã nhiệm vụ", 10),
    Column("title", "Nội dung nhiệm vụ", 50),
    Column("lead", "Đơn vị chủ trì", 30),
    Column("coordinating", "Đơn vị phối hợp", 36),
    Column("appraising", "Đơn vị thẩm định", 26),
    Column("area", "Lĩnh vực", 22),
    Column("phase", "Giai đoạn", 22),
    Column("plan", "Kế hoạch", 16),
    Column("start_date", "Ngày bắt đầu", 14),
    Column("deadline", "Hạn hoàn thành", 14),
    Column("description", "Mô tả, yêu cầu", 40),
    Column("key_item", "Trọng tâm", 10, editable=False),
    Column("progress", "Tiến độ (%)", 10, editable=False),
    Column("status", "Tình trạng", 24, editable=False),
    Column("reported_complete_on", "Ngày báo cáo hoàn thành", 14, editable=False),
)
LABELS = [c.label for c in COLUMNS]
WIDTHS = [c.width for c in COLUMNS]
REQUIRED = {"title", "lead", "area", "phase"}
# Headers as people may have typed them, folded: each column's label, and older spellings.
HEADERS = {fold(c.label): c.key for c in COLUMNS if c.editable} | {
    "ma": "code",
    "ma nv": "code",
    "han": "deadline",
}
SEPARATOR = "; "


def deadline_cell(task: Task) -> str | dt.date | None:
    """A deadline set relative to the opening day is written as it was set ("D-30")."""
    if task.deadline_offset_days is not None:
        sign = "-" if task.deadline_offset_days < 0 else "+"
        return f"D{sign}{abs(task.deadline_offset_days)}"
    return task.deadline


def task_row(task: Task, today: dt.date) -> list:
    """One task in the column order; uses the prefetched assignments."""
    partners = task.partner_assignments
    coordinating = [a.agency.name for a in partners if a.role == TaskAssignment.Role.COORDINATE]
    appraising = [a.agency.name for a in partners if a.role == TaskAssignment.Role.APPRAISE]
    return [
        task.pk,
        task.title,
        task.lead_agency.name,
        SEPARATOR.join(coordinating),
        SEPARATOR.join(appraising),
        task.get_area_display(),
        task.get_phase_display(),
        task.plan.symbol if task.plan else "",
        task.start_date,
        deadline_cell(task),
        task.description,
        "Trọng tâm" if task.key_item else "",
        task.progress,
        str(task.status_class(today).label),
        task.reported_complete_on,
    ]


def example_rows(congress: Congress, agencies: list[str], today: dt.date) -> list[list]:
    """Two example rows whose dates fall in the congress's preparation, counted from its
    opening day (90 days ahead of today when it has none yet), naming its own agencies."""
    opening = congress.opening_date or today + dt.timedelta(days=90)
    start = opening - dt.timedelta(days=60)
    names = [*agencies, "Ban Tuyên giáo", "Sở Văn hóa, Thể thao và Du lịch", "Văn phòng"]
    return [
        [
            "",
            "Xây dựng chuyên mục tuyên truyền chào mừng Đại hội",
            names[0],
            names[1],
            "",
            str(Area.PROPAGANDA.label),
            str(Phase.BEFORE.label),
            "",
            format_date(start),
            "D-30",
            "Ghi rõ yêu cầu, sản phẩm",
        ],
        [
            "",
            "Bảo đảm trang trí khánh tiết hội trường Đại hội",
            names[2],
            "",
            "",
            str(Area.CEREMONY.label),
            str(Phase.BEFORE.label),
            "",
            format_date(start),
            format_date(opening - dt.timedelta(days=3)),
            "",
        ],
    ]
