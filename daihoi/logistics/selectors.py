"""Reads for the logistics pages, already restricted to the user."""

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from django.db.models import Case, Count, Q, QuerySet, Sum, Value, When

from daihoi.delegates.models import Delegate
from daihoi.organizations.permissions import Access

from .models import (
    AUDIENCE_KINDS,
    Audience,
    Block,
    BlockDelegation,
    Diet,
    DietNote,
    Hall,
    Hotel,
    Meal,
    MealKind,
    ReadinessArea,
    ReadinessItem,
    ReadinessState,
    Ride,
    Room,
    Seat,
    Stay,
    StayMove,
    Trip,
    Vehicle,
    late_q,
)


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


# Lodging ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HotelRow:
    hotel: Hotel
    rooms: int
    places: int
    lodged: int


def hotels_with_counts(access: Access) -> list[HotelRow]:
    hotels = Hotel.objects.filter(congress=access.congress).annotate(
        room_count=Count("rooms", distinct=True),
        places=Sum("rooms__capacity"),
    )
    lodged = dict(
        Stay.objects.filter(congress=access.congress)
        .values_list("room__hotel")
        .annotate(n=Count("pk"))
        .values_list("room__hotel", "n")
    )
    return [HotelRow(h, h.room_count, h.places or 0, lodged.get(h.pk, 0)) for h in hotels]


def delegates_without_room(access: Access) -> QuerySet[Delegate]:
    return (
        Delegate.objects.filter(congress=access.congress, is_active=True, stay__isnull=True)
        .select_related("delegation")
        .order_by("delegation__order", "delegation__name", "name_key")
    )


@dataclass
class RoomNight:
    room: Room
    stays: list[Stay]

    @property
    def free(self) -> int:
        return self.room.capacity - len(self.stays)


def hotel_rooms(hotel: Hotel, night: dt.date | None) -> list[RoomNight]:
    """The hotel's rooms with who sleeps there on `night` (or anyone with a stay, if None)."""
    stays = Stay.objects.filter(room__hotel=hotel).select_related(
        "delegate", "delegate__delegation"
    )
    if night is not None:
        stays = stays.filter(first_night__lte=night, last_night__gte=night)
    by_room: dict[int, list[Stay]] = {}
    for stay in stays.order_by("delegate__name_key"):
        by_room.setdefault(stay.room_id, []).append(stay)
    return [RoomNight(room, by_room.get(room.pk, [])) for room in hotel.rooms.order_by("number")]


def stay_moves(access: Access, hotel: Hotel, limit: int = 50) -> QuerySet[StayMove]:
    return (
        StayMove.objects.filter(congress=access.congress)
        .filter(Q(from_room__hotel=hotel) | Q(to_room__hotel=hotel))
        .select_related("delegate", "from_room__hotel", "to_room__hotel", "moved_by")[:limit]
    )


# Meals and transport ---------------------------------------------------------------------------


@dataclass(frozen=True)
class MealRow:
    meal: Meal
    roster: int
    diets: list[tuple[str, int]]

    @property
    def expected(self) -> int:
        return self.roster + self.meal.extra


def meal_rows(access: Access) -> list[MealRow]:
    """Each meal with its expected count from the roster (the active delegates of its audience,
    plus the extra portions) and the special diets among them: three queries in all."""
    active = Delegate.objects.filter(congress=access.congress, is_active=True)
    by_kind = dict(active.values_list("kind").annotate(n=Count("pk")).values_list("kind", "n"))
    diets: dict[str, Counter] = defaultdict(Counter)
    for kind, diet, n in (
        DietNote.objects.filter(congress=access.congress, delegate__is_active=True)
        .values_list("delegate__kind", "diet")
        .annotate(n=Count("pk"))
        .values_list("delegate__kind", "diet", "n")
    ):
        diets[kind][diet] += n
    labels = dict(Diet.choices)
    rows = []
    # A day reads breakfast, lunch, dinner (the codes' alphabet would put dinner before lunch),
    # the breaks between sessions last.
    day_order = Case(
        *(When(kind=kind, then=Value(i)) for i, kind in enumerate(MealKind.values)),
        default=Value(len(MealKind.values)),
    )
    meals = Meal.objects.filter(congress=access.congress).order_by("day", day_order, "venue")
    for meal in meals:
        kinds = AUDIENCE_KINDS[Audience(meal.audience)]
        counted: Counter = Counter()
        for kind in kinds:
            counted.update(diets[kind])
        rows.append(
            MealRow(
                meal,
                sum(by_kind.get(k, 0) for k in kinds),
                [(str(labels[d]), n) for d, n in sorted(counted.items())],
            )
        )
    return rows


def diet_notes(access: Access) -> QuerySet[DietNote]:
    return DietNote.objects.filter(
        congress=access.congress, delegate__is_active=True
    ).select_related("delegate", "delegate__delegation")


def vehicles(access: Access) -> QuerySet[Vehicle]:
    return Vehicle.objects.filter(congress=access.congress).select_related("agency")


def trips_of_day(access: Access, day: dt.date | None) -> QuerySet[Trip]:
    trips = Trip.objects.filter(congress=access.congress).select_related("vehicle")
    if day is not None:
        trips = trips.filter(day=day)
    return trips.annotate(riders=Count("rides")).order_by("day", "departs_at", "vehicle__plate")


def trip_riders(trip: Trip) -> QuerySet[Ride]:
    return trip.rides.select_related("delegate", "delegate__delegation").order_by(
        "delegate__delegation__order", "delegate__delegation__name", "delegate__name_key"
    )


def vehicle_manifest(vehicle: Vehicle, day: dt.date) -> list[tuple[Trip, list[Ride]]]:
    trips = list(Trip.objects.filter(vehicle=vehicle, day=day).order_by("departs_at"))
    rides = (
        Ride.objects.filter(trip__in=trips)
        .select_related("delegate", "delegate__delegation")
        .order_by("delegate__delegation__order", "delegate__delegation__name", "delegate__name_key")
    )
    by_trip: dict[int, list[Ride]] = defaultdict(list)
    for ride in rides:
        by_trip[ride.trip_id].append(ride)
    return [(trip, by_trip[trip.pk]) for trip in trips]


def rides_of_day(access: Access, day: dt.date) -> QuerySet[Ride]:
    """Who rides which vehicle on a day, by delegation and name."""
    return (
        Ride.objects.filter(congress=access.congress, day=day)
        .select_related("delegate", "delegate__delegation", "trip", "trip__vehicle")
        .order_by(
            "delegate__delegation__order",
            "delegate__delegation__name",
            "delegate__name_key",
            "departs_at",
        )
    )


# Seating ---------------------------------------------------------------------------------------


class SeatCell(NamedTuple):
    """A taken seat as the plan shows it: read as plain values, not as four model instances
    (a national congress's plan has some 1,500 of them)."""

    pk: int
    block_id: int
    row: int
    number: int
    name: str
    delegation: str
    block_name: str

    def __str__(self) -> str:
        return f"{self.block_name}, hàng {self.row}, ghế {self.number}"


@dataclass
class BlockPlan:
    block: Block
    delegations: list[str]
    rows: list[tuple[int, list[tuple[int, SeatCell | None]]]]
    taken: int


def hall_plan(hall: Hall) -> list[BlockPlan]:
    """Each block as rows of (seat number, taken seat or None), from the stage: three queries."""
    blocks = list(hall.blocks.order_by("order", "name"))
    cells = Seat.objects.filter(hall=hall).values_list(
        "pk",
        "block_id",
        "row",
        "number",
        "delegate__full_name",
        "delegate__delegation__name",
        "block__name",
    )
    at = {(c[1], c[2], c[3]): SeatCell(*c) for c in cells}
    names: dict[int, list[str]] = defaultdict(list)
    for block_id, name in BlockDelegation.objects.filter(hall=hall).values_list(
        "block_id", "delegation__name"
    ):
        names[block_id].append(name)
    taken = Counter(key[0] for key in at)
    return [
        BlockPlan(
            block,
            names[block.pk],
            [
                (row, [(n, at.get((block.pk, row, n))) for n in range(1, block.seats_per_row + 1)])
                for row in range(1, block.rows + 1)
            ],
            taken[block.pk],
        )
        for block in blocks
    ]


def halls_of(access: Access) -> QuerySet[Hall]:
    return Hall.objects.filter(congress=access.congress).annotate(
        block_count=Count("blocks", distinct=True), seated=Count("seats", distinct=True)
    )


def unseated_delegates(access: Access, hall: Hall) -> QuerySet[Delegate]:
    return (
        Delegate.objects.filter(congress=access.congress, is_active=True)
        .exclude(seats__hall=hall)
        .select_related("delegation")
        .order_by("delegation__order", "delegation__name", "name_key")
    )
