"""Reads of the propaganda register and the press output, already within the user's congress.

Every participant of the congress reads these (see permissions.py), so restricting to the
congress is the whole visibility rule.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.db.models.functions import TruncWeek

from daihoi.organizations.permissions import Access

from .models import (
    ArtEvent,
    Column,
    ItemPhoto,
    ItemState,
    MediaPiece,
    Outlet,
    Route,
    Slogan,
    VisualItem,
)
from .models.visual import overdue_install_q, overdue_removal_q

# Visual propaganda -----------------------------------------------------------------------------


def slogans_of(access: Access) -> QuerySet[Slogan]:
    return Slogan.objects.filter(congress=access.congress).annotate(item_count=Count("items"))


def approved_slogans(access: Access, keep: Slogan | None = None) -> QuerySet[Slogan]:
    """The slogans a form offers: the approved list, plus the one an item already carries."""
    condition = Q(approved=True)
    if keep is not None:
        condition |= Q(pk=keep.pk)
    return Slogan.objects.filter(condition, congress=access.congress)


def routes_of(access: Access) -> QuerySet[Route]:
    return Route.objects.filter(congress=access.congress).annotate(
        item_count=Count("items"),
        quantity=Sum("items__quantity"),
        pending=Count("items", filter=Q(items__state=ItemState.PLANNED)),
    )


@dataclass(frozen=True)
class ItemFilters:
    route: int | None = None
    kind: str = ""
    state: str = ""
    agency: int | None = None
    overdue: bool = False


def items_of(
    access: Access, filters: ItemFilters | None = None, today: dt.date | None = None
) -> QuerySet[VisualItem]:
    filters = filters or ItemFilters()
    items = VisualItem.objects.filter(congress=access.congress).select_related(
        "route", "slogan", "agency"
    )
    if filters.route:
        items = items.filter(route_id=filters.route)
    if filters.kind:
        items = items.filter(kind=filters.kind)
    if filters.state:
        items = items.filter(state=filters.state)
    if filters.agency:
        items = items.filter(agency_id=filters.agency)
    if filters.overdue and today is not None:
        items = items.filter(overdue_install_q(today))
    # By route (in the order routes were entered), then by day: the index
    # visual_item_list_idx answers it without sorting the congress's items.
    return items.order_by("route_id", "install_on", "id")


def with_photo_marks(items: list[VisualItem]) -> list[VisualItem]:
    """Marks `has_photo` on one page of items (one query for the page, not a subquery per row
    of the whole list)."""
    with_photos = set(
        ItemPhoto.objects.filter(item__in=items).values_list("item_id", flat=True).distinct()
    )
    for item in items:
        item.has_photo = item.pk in with_photos  # type: ignore[attr-defined]
    return items


def item_photos(item: VisualItem) -> QuerySet[ItemPhoto]:
    return item.photos.select_related("uploaded_by")


@dataclass
class OverdueBoard:
    overdue_install: int = 0
    overdue_removal: int = 0
    first: list[VisualItem] = field(default_factory=list)


def overdue_board(access: Access, today: dt.date, limit: int = 5) -> OverdueBoard:
    """What the congress dashboard shows: items not installed by their day, the first few, and
    items left up past their removal day. Two queries."""
    counts = VisualItem.objects.filter(congress=access.congress).aggregate(
        install=Count("pk", filter=overdue_install_q(today)),
        removal=Count("pk", filter=overdue_removal_q(today)),
    )
    first = list(
        VisualItem.objects.filter(overdue_install_q(today), congress=access.congress)
        .select_related("route", "agency")
        .order_by("install_on", "id")[:limit]
    )
    return OverdueBoard(counts["install"] or 0, counts["removal"] or 0, first)


def route_items(access: Access, route: Route) -> QuerySet[VisualItem]:
    """A route's items for its printed list and spreadsheet, in the order they stand."""
    return (
        VisualItem.objects.filter(congress=access.congress, route=route)
        .exclude(state=ItemState.CANCELLED)
        .select_related("slogan", "agency")
        .order_by("install_on", "location", "id")
    )


# Beyond this many points the drawing is a blot; the map says so and asks for a route filter.
MAP_LIMIT = 2000
MAP_COLUMNS = ("id", "kind", "state", "location", "latitude", "longitude", "quantity")


def map_points(access: Access, filters: ItemFilters | None = None, limit: int = MAP_LIMIT) -> list:
    """The positioned items as plain rows of `MAP_COLUMNS` (no model instances: a map reads
    thousands), at most `limit` + 1 so the page can tell it was capped."""
    items = items_of(access, filters).filter(latitude__isnull=False, longitude__isnull=False)
    return list(items.select_related(None).values_list(*MAP_COLUMNS)[: limit + 1])


# Press and media -------------------------------------------------------------------------------


def outlets_of(access: Access) -> QuerySet[Outlet]:
    return (
        Outlet.objects.filter(congress=access.congress)
        .annotate(
            planned=Count("pieces"),
            published=Count("pieces", filter=Q(pieces__published_on__isnull=False)),
        )
        .prefetch_related(Prefetch("columns", queryset=Column.objects.order_by("kind", "name")))
    )


def columns_of(access: Access) -> QuerySet[Column]:
    return Column.objects.filter(outlet__congress=access.congress).select_related("outlet")


@dataclass(frozen=True)
class PieceFilters:
    outlet: int | None = None
    kind: str = ""
    published: str = ""  # "yes", "no" or ""


def pieces_of(access: Access, filters: PieceFilters | None = None) -> QuerySet[MediaPiece]:
    filters = filters or PieceFilters()
    pieces = MediaPiece.objects.filter(congress=access.congress).select_related("outlet", "column")
    if filters.outlet:
        pieces = pieces.filter(outlet_id=filters.outlet)
    if filters.kind:
        pieces = pieces.filter(kind=filters.kind)
    if filters.published == "yes":
        pieces = pieces.filter(published_on__isnull=False)
    elif filters.published == "no":
        pieces = pieces.filter(published_on__isnull=True)
    return pieces.order_by("-planned_on", "-id")


@dataclass
class WeekRow:
    monday: dt.date
    planned: int = 0
    published: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)

    @property
    def sunday(self) -> dt.date:
        return self.monday + dt.timedelta(days=6)


def weekly_counts(access: Access, filters: PieceFilters | None = None) -> list[WeekRow]:
    """Pieces planned (by their planned day) and published (by their publication day) per
    week, Monday first, newest week first; published ones also by kind. Two grouped queries."""
    pieces = pieces_of(access, filters).order_by()
    weeks: dict[dt.date, WeekRow] = {}

    def row(day: dt.datetime | dt.date) -> WeekRow:
        monday = day.date() if isinstance(day, dt.datetime) else day
        return weeks.setdefault(monday, WeekRow(monday))

    planned = pieces.annotate(week=TruncWeek("planned_on")).values("week").annotate(n=Count("pk"))
    for entry in planned:
        row(entry["week"]).planned += entry["n"]
    published = (
        pieces.filter(published_on__isnull=False)
        .annotate(week=TruncWeek("published_on"))
        .values("week", "kind")
        .annotate(n=Count("pk"))
    )
    for entry in published:
        week = row(entry["week"])
        week.published += entry["n"]
        week.by_kind[entry["kind"]] = week.by_kind.get(entry["kind"], 0) + entry["n"]
    return sorted(weeks.values(), key=lambda w: w.monday, reverse=True)


def events_of(access: Access) -> QuerySet[ArtEvent]:
    return ArtEvent.objects.filter(congress=access.congress).select_related("agency")
