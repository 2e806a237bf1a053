"""Geometry of the dashboard charts, computed on the server and drawn as inline SVG."""

import datetime as dt
from dataclasses import dataclass

from daihoi.core.dates import format_date
from daihoi.planning.status import MAIN_CLASSES, StatusClass

from .models import DailySnapshot


@dataclass
class Bar:
    label: str
    rate: int
    done: int
    counted: int
    y: int
    url_agency: int

    @property
    def width(self) -> int:
        return self.rate * 3  # the bar area is 300 units wide


BAR_ROW = 36


def completion_bars(rows, limit: int = 12) -> list[Bar]:
    """Agencies with the most tasks first, each with its completion rate."""

    def counted(row) -> int:
        return sum(row.counts[s] for s in MAIN_CLASSES)

    chosen = sorted((r for r in rows if counted(r)), key=lambda r: (-counted(r), r.agency.name))
    bars = []
    for i, row in enumerate(chosen[:limit]):
        done = row.counts[StatusClass.DONE_ON_TIME] + row.counts[StatusClass.DONE_LATE]
        bars.append(
            Bar(
                row.agency.label,
                row.completion_rate,
                done,
                counted(row),
                i * BAR_ROW,
                row.agency.pk,
            )
        )
    return bars


@dataclass
class Line:
    open_points: str
    overdue_points: str
    max_value: int
    first_day: str
    last_day: str
    last_open: int
    last_overdue: int
    days: int
    dots: list[tuple[float, float, str]]  # preformatted: the template would write "40,5" in vi


WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 600, 180, 40, 10, 10, 24


def open_over_time(snapshots: list[DailySnapshot], today: dt.date) -> Line | None:
    if not snapshots:
        return None
    first = snapshots[0].day
    span = max((snapshots[-1].day - first).days, 1)
    top = max(max(s.open_total for s in snapshots), 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def point(day: dt.date, value: int) -> tuple[float, float]:
        x = LEFT + plot_w * (day - first).days / span
        y = TOP + plot_h * (1 - value / top)
        return round(x, 1), round(y, 1)

    open_points = [point(s.day, s.open_total) for s in snapshots]
    overdue_points = [point(s.day, s.open_overdue) for s in snapshots]
    last = snapshots[-1]
    return Line(
        open_points=" ".join(f"{x},{y}" for x, y in open_points),
        overdue_points=" ".join(f"{x},{y}" for x, y in overdue_points),
        max_value=top,
        first_day=format_date(first),
        last_day=format_date(last.day),
        last_open=last.open_total,
        last_overdue=last.open_overdue,
        days=len(snapshots),
        dots=[
            (x, y, f"{format_date(s.day)}: {s.open_total} đang thực hiện")
            for (x, y), s in zip(open_points, snapshots, strict=True)
        ],
    )


def frame() -> dict[str, int]:
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "top": TOP,
        "bottom": HEIGHT - BOTTOM,
    }
