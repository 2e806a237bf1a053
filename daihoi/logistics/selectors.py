"""Reads for the logistics pages, already restricted to the user."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from daihoi.organizations.permissions import Access

from .models import ReadinessArea, ReadinessItem, ReadinessState, late_q


def readiness_items(
    access: Access,
    *,
    area: str = "",
    state: str = "",
    agency_id: int | None = None,
    late_on: dt.date | None = None,
) -> QuerySet[ReadinessItem]:
    items = (
        ReadinessItem.objects.filter(congress=access.congress)
        .select_related("agency")
        .annotate(photo_count=Count("photos"))
    )
    if area:
        items = items.filter(area=area)
    if state:
        items = items.filter(state=state)
    if agency_id:
        items = items.filter(agency_id=agency_id)
    if late_on is not None:
        items = items.filter(late_q(late_on))
    return items.order_by("area", "deadline", "pk")


@dataclass(frozen=True)
class AreaReadiness:
    area: str
    label: str
    total: int
    ready: int
    problem: int
    late: int

    @property
    def percent(self) -> int:
        return round(100 * self.ready / self.total) if self.total else 0


@dataclass(frozen=True)
class ReadinessSummary:
    areas: list[AreaReadiness]

    @property
    def total(self) -> int:
        return sum(a.total for a in self.areas)

    @property
    def ready(self) -> int:
        return sum(a.ready for a in self.areas)

    @property
    def problem(self) -> int:
        return sum(a.problem for a in self.areas)

    @property
    def late(self) -> int:
        return sum(a.late for a in self.areas)

    @property
    def percent(self) -> int:
        return round(100 * self.ready / self.total) if self.total else 0


def readiness_summary(access: Access, today: dt.date) -> ReadinessSummary:
    """Counts per area in one grouped query (ready, with a problem, late)."""
    rows = (
        ReadinessItem.objects.filter(congress=access.congress)
        .values("area")
        .annotate(
            total=Count("pk"),
            ready=Count("pk", filter=Q(state=ReadinessState.READY)),
            problem=Count("pk", filter=Q(state=ReadinessState.PROBLEM)),
            late=Count("pk", filter=late_q(today)),
        )
    )
    by_area = {row["area"]: row for row in rows}
    return ReadinessSummary(
        [
            AreaReadiness(
                area,
                str(label),
                by_area[area]["total"],
                by_area[area]["ready"],
                by_area[area]["problem"],
                by_area[area]["late"],
            )
            for area, label in ReadinessArea.choices
            if area in by_area
        ]
    )
