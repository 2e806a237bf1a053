"""Every list as XLSX, with the filters applied written above the table."""

import datetime as dt
from collections.abc import Iterable

from django import forms

from daihoi.core.dates import format_date
from daihoi.core.spreadsheets import table_workbook
from daihoi.planning.models import Task
from daihoi.planning.status import MAIN_CLASSES, StatusClass

from . import task_sheet
from .models import ColumnKind, ReportRequest, ReportSubmission
from .selectors import Scorecard
from .services import parse_number

# The most tasks one export writes (the page's and the API's).
MAX_TASK_ROWS = 50_000


def figure(text: str) -> int | float | str:
    """A number column's value as a spreadsheet number; text that is not one stays as written."""
    number = parse_number(text)
    if number is None:
        return text or ""
    return int(number) if number == number.to_integral_value() else float(number)


def filters_applied(form: forms.Form) -> list[str]:
    """The task list's filters as written above the exported table ("Lọc theo: …")."""
    if not form.is_bound or not form.is_valid():
        return []
    lines = []
    for name, field in form.fields.items():
        value = form.cleaned_data.get(name)
        if value in (None, "", False):
            continue
        if isinstance(value, dt.date):
            shown = format_date(value)
        elif value is True:
            shown = "có"
        elif hasattr(field, "choices") and not hasattr(value, "pk"):
            shown = str(dict(field.choices).get(value, value))
        else:
            shown = str(value)
        lines.append(f"{field.label}: {shown}")
    return ["Lọc theo: " + "; ".join(lines)] if lines else []


def tasks_xlsx(tasks: Iterable[Task], today: dt.date, filters: list[str]) -> bytes:
    """The task list in the import's own columns, so it can be edited and imported back."""
    return table_workbook(
        "Nhiệm vụ",
        task_sheet.LABELS,
        (task_sheet.task_row(t, today) for t in tasks),
        widths=task_sheet.WIDTHS,
        heading=[f"Danh sách nhiệm vụ, tính đến ngày {format_date(today)}", *filters],
    )


def agencies_xlsx(rows, today: dt.date) -> bytes:
    return table_workbook(
        "Đơn vị",
        [
            "Đơn vị chủ trì",
            *(str(s.label) for s in MAIN_CLASSES),
            "Tạm dừng",
            "Hủy",
            "Tỷ lệ hoàn thành (%)",
        ],
        [
            [
                r.agency.name,
                *(r.counts[s] for s in MAIN_CLASSES),
                r.counts[StatusClass.PAUSED],
                r.counts[StatusClass.CANCELLED],
                r.completion_rate,
            ]
            for r in rows
        ],
        widths=[44, 16, 16, 16, 16, 10, 10, 14],
        heading=[f"Nhiệm vụ theo đơn vị chủ trì, tính đến ngày {format_date(today)}"],
    )


def request_xlsx(
    request: ReportRequest, submissions: Iterable[ReportSubmission], today: dt.date, state: str
) -> bytes:
    labels = request.column_labels
    kinds = [c["kind"] for c in request.columns]
    rows = []
    for s in submissions:
        values = [
            figure(v) if kind == ColumnKind.NUMBER else v
            for v, kind in zip(
                list(s.values) + [""] * (len(labels) - len(s.values)), kinds, strict=False
            )
        ]
        rows.append(
            [
                s.answerer_name,
                str(s.state(today).label),
                s.get_status_display(),
                s.submitted_on,
                s.text,
                ", ".join(f.original_name for f in s.files.all()),
                s.return_comment if s.status == s.Status.RETURNED else "",
                *values[: len(labels)],
            ]
        )
    heading = [f"{request.title} — hạn gửi {format_date(request.deadline)}"]
    if state:
        heading.append(f"Lọc: {state}")
    return table_workbook(
        "Tình hình gửi báo cáo",
        [
            "Đại hội cấp dưới" if request.to_congresses_below else "Cơ quan, đơn vị",
            "Tình hình",
            "Trạng thái",
            "Ngày gửi",
            "Nội dung",
            "Tệp đính kèm",
            "Ý kiến trả lại",
            *labels,
        ],
        rows,
        widths=[36, 20, 16, 12, 60, 30, 30, *([16] * len(labels))],
        heading=heading,
        number_columns={7 + i for i, kind in enumerate(kinds) if kind == ColumnKind.NUMBER},
        totals_label="Cộng" if ColumnKind.NUMBER in kinds else "",
    )


def scorecards_xlsx(cards: list[Scorecard], today: dt.date) -> bytes:
    return table_workbook(
        "Đánh giá đơn vị",
        [
            "Cơ quan, đơn vị",
            "Tổng nhiệm vụ",
            *(str(s.label) for s in MAIN_CLASSES),
            "Tỷ lệ hoàn thành đúng hạn (%)",
            "Số ngày trễ bình quân",
            "Báo cáo đến hạn",
            "Báo cáo đúng hạn",
            "Báo cáo quá hạn",
            "Chưa gửi (quá hạn)",
        ],
        [
            [
                c.agency.name,
                c.tasks,
                *(c.counts.get(s, 0) for s in MAIN_CLASSES),
                c.on_time_rate,
                c.average_days_late,
                c.reports_due,
                c.reports_on_time,
                c.reports_late,
                c.reports_missing,
            ]
            for c in cards
        ],
        widths=[40, 10, 14, 14, 14, 14, 16, 14, 12, 12, 12, 12],
        heading=[f"Đánh giá thực hiện nhiệm vụ của các cơ quan, đơn vị đến {format_date(today)}"],
    )
