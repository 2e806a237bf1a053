"""Tasks counted by status class, lead agency and area for the dashboard and the tables, read
from the summary cells the writes keep (`planning/summary.py`)."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from daihoi.core.dates import today as local_today
from daihoi.organizations.models import Agency
from daihoi.organizations.permissions import Access

from .. import summary
from ..models import Area
from ..status import MAIN_CLASSES, StatusClass


def status_counts(access: Access, today: dt.date, agency_id: int | None = None) -> dict[str, int]:
    """The status classes counted for the actor (of one lead agency if given), from the summary
    kept by the writes when `today` is today."""
    if not access.sees_whole_congress:
        if agency_id is not None and agency_id != access.agency_id:
            return _finish_counts(dict.fromkeys(summary.SUMMED, 0))
        agency_id = access.agency_id
    totals = dict.fromkeys(summary.SUMMED, 0)
    for row in summary.grouped_counts(access.congress.pk, today, agency_id, by=()):
        for key in summary.SUMMED:
            totals[key] += row[key] or 0
    return _finish_counts(totals)


def _finish_counts(counts: dict) -> dict:
    counts["open"] = counts[StatusClass.OPEN_ON_TIME] + counts[StatusClass.OPEN_OVERDUE]
    counts["done"] = counts[StatusClass.DONE_ON_TIME] + counts[StatusClass.DONE_LATE]
    counted = counts["open"] + counts["done"]
    counts["completion_rate"] = round(100 * counts["done"] / counted) if counted else 0
    return counts


@dataclass
class Dashboard:
    counts: dict[str, int]
    agencies_behind: list["AgencyRow"]
    areas: list[dict]


def dashboard_counts(access: Access, today: dt.date) -> Dashboard:
    """The dashboard's three tables from the summary cells kept by the writes, summed in SQL
    by lead agency and by area (two queries of a few hundred rows at most)."""
    keys = summary.SUMMED
    agency_id = None if access.sees_whole_congress else access.agency_id
    congress_id = access.congress.pk
    if today == local_today():  # two sums over the summary's cells
        by_agency = _fold(
            summary.grouped_counts(congress_id, today, agency_id, by=("lead_agency_id",)),
            "lead_agency_id",
        )
        by_area = _fold(summary.grouped_counts(congress_id, today, agency_id, by=("area",)), "area")
    else:  # one grouped scan of the tasks, folded both ways
        grouped = summary.grouped_counts(congress_id, today, agency_id)
        by_agency, by_area = _fold(grouped, "lead_agency_id"), _fold(grouped, "area")
    totals = {key: sum(row[key] for row in by_area.values()) for key in keys}
    behind_ids = [pk for pk, c in by_agency.items() if c[StatusClass.OPEN_OVERDUE]]
    agencies_behind = []
    if access.sees_whole_congress and behind_ids:
        agencies = Agency.objects.in_bulk(behind_ids)
        agencies_behind = sorted(
            (AgencyRow(agencies[pk], by_agency[pk]) for pk in behind_ids),
            key=lambda r: (-r.counts[StatusClass.OPEN_OVERDUE], r.agency.name),
        )[:10]
    areas = [{"area": area, "label": Area(area).label, **c} for area, c in by_area.items()]
    areas.sort(key=lambda r: (-r[StatusClass.OPEN_OVERDUE], r["label"]))
    return Dashboard(_finish_counts(totals), agencies_behind, areas)


def _fold(rows: list[dict[str, Any]], key: str) -> dict[Any, dict[str, int]]:
    """Rows of `summary.grouped_counts` summed by one of their keys."""
    folded: dict[Any, dict[str, int]] = {}
    for row in rows:
        sums = folded.setdefault(row[key], dict.fromkeys(summary.SUMMED, 0))
        for name in summary.SUMMED:
            sums[name] += row[name]
    return folded


@dataclass
class AgencyRow:
    agency: Agency
    counts: dict[str, int]

    @property
    def completion_rate(self) -> int:
        done = self.counts[StatusClass.DONE_ON_TIME] + self.counts[StatusClass.DONE_LATE]
        counted = sum(self.counts[s] for s in MAIN_CLASSES)
        return round(100 * done / counted) if counted else 0


def agency_table(access: Access, today: dt.date, *, behind_only: bool = False) -> list[AgencyRow]:
    """Tasks counted by lead agency (the summary cells), then joined to the agencies."""
    agency_id = None if access.sees_whole_congress else access.agency_id
    by_agency = {
        row.pop("lead_agency_id"): row
        for row in summary.grouped_counts(
            access.congress.pk, today, agency_id, by=("lead_agency_id",)
        )
    }
    if behind_only:
        by_agency = {k: v for k, v in by_agency.items() if v[StatusClass.OPEN_OVERDUE]}
    agencies = Agency.objects.filter(pk__in=by_agency.keys()).order_by("name")
    rows = [AgencyRow(agency, by_agency[agency.pk]) for agency in agencies]
    if behind_only:
        rows.sort(key=lambda r: -r.counts[StatusClass.OPEN_OVERDUE])
    return rows


def area_table(access: Access, today: dt.date) -> list[dict]:
    agency_id = None if access.sees_whole_congress else access.agency_id
    rows = [
        {**row, "label": Area(row["area"]).label}
        for row in summary.grouped_counts(access.congress.pk, today, agency_id, by=("area",))
    ]
    rows.sort(key=lambda r: (-r[StatusClass.OPEN_OVERDUE], r["label"]))
    return rows
