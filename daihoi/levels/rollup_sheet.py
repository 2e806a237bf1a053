"""The roll-up as a spreadsheet: one row per congress directly below, the same columns for the
page's download and the API's."""

import datetime as dt

from daihoi.core.spreadsheets import table_workbook
from daihoi.planning.status import MAIN_CLASSES

from .models import ScheduleState
from .rollup import STATES, Rollup

HEADER = [
    "Đại hội",
    "Cấp",
    *[str(c.label) for c in MAIN_CLASSES],
    "Tổng số nhiệm vụ",
    "Tỷ lệ quá hạn (%)",
    *[str(s.label) for s in ScheduleState],
    "Báo cáo chưa gửi",
]


def sheet_rows(result: Rollup) -> list[list]:
    rows = []
    for row in result.rows:
        counts = row.counts
        rows.append(
            [
                row.congress.name,
                row.congress.get_level_display(),
                *[counts.by_class[c] for c in MAIN_CLASSES],
                counts.total,
                round(100 * counts.overdue_share),
                *[row.states.get(s, 0) for s in STATES],
                row.unanswered,
            ]
        )
    return rows


def rollup_workbook(result: Rollup, today: dt.date) -> bytes:
    """The workbook of the roll-up of `result.congress` on `today`."""
    numbers = [i for i in range(2, len(HEADER)) if i != 7]
    return table_workbook(
        "Tổng hợp các cấp",
        HEADER,
        sheet_rows(result),
        widths=[48, 18] + [14] * (len(HEADER) - 2),
        heading=[
            f"Tổng hợp Đại hội cấp dưới của {result.congress.name}",
            f"Ngày {today:%d/%m/%Y}",
        ],
        number_columns=numbers,
        totals_label="Tổng cộng",
    )


def file_name(today: dt.date) -> str:
    return f"tong-hop-cac-cap-{today:%Y%m%d}.xlsx"
