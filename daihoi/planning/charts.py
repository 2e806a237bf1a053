"""The status-class donut of the dashboard, computed on the server and drawn as inline SVG."""

from dataclasses import dataclass

from .status import MAIN_CLASSES, StatusClass

COLOURS = {
    StatusClass.OPEN_ON_TIME: "#1f5fa8",
    StatusClass.OPEN_OVERDUE: "#b3261e",
    StatusClass.DONE_ON_TIME: "#1d7a3a",
    StatusClass.DONE_LATE: "#b35c00",
}


@dataclass
class Slice:
    value: str
    label: str
    count: int
    percent: float
    offset: float  # stroke-dashoffset on a circle whose circumference is 100
    colour: str


def donut(counts: dict[str, int]) -> list[Slice]:
    total = sum(counts.get(s, 0) for s in MAIN_CLASSES)
    slices, start = [], 0.0
    for status in MAIN_CLASSES:
        n = counts.get(status, 0)
        share = 100 * n / total if total else 0
        # Segments start at 12 o'clock (offset 25) and go clockwise.
        slices.append(
            Slice(
                status.value,
                str(status.label),
                n,
                round(share, 2),
                round(25 - start, 2),
                COLOURS[status],
            )
        )
        start += share
    return slices
