"""Automatic lodging: the delegates without a room, delegation by delegation and gender by
gender, into rooms that admit them, keeping a delegation's people together and never passing a
room's capacity. Locks every room it may fill (ascending id) before reading who is in them."""

from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction

from daihoi.core import audit
from daihoi.delegates.models import Delegate
from daihoi.organizations.permissions import Access

from ..models import GenderRule, Hotel, LogisticsAction, Room, Stay, StayMove
from .common import congress_nights, require_staff


@dataclass
class _Place:
    room: Room
    taken: int
    genders: set[str] = field(default_factory=set)
    delegations: set[int] = field(default_factory=set)

    @property
    def free(self) -> int:
        return self.room.capacity - self.taken

    def fits(self, delegate: Delegate) -> bool:
        return (
            self.free > 0
            and self.room.admits(delegate.gender)
            and self.genders <= {delegate.gender}
        )


@dataclass(frozen=True)
class AutoResult:
    assigned: int
    without_room: int


def _places(rooms: list[Room], stays: list[Stay]) -> list[_Place]:
    """Each room with its fullest night's count, and who is in it."""
    per_night: dict[int, Counter] = {room.pk: Counter() for room in rooms}
    places = {room.pk: _Place(room, 0) for room in rooms}
    for stay in stays:
        place = places[stay.room_id]
        place.genders.add(stay.delegate.gender)
        place.delegations.add(stay.delegate.delegation_id)
        per_night[stay.room_id].update(stay.nights())
    for pk, counts in per_night.items():
        places[pk].taken = max(counts.values(), default=0)
    return list(places.values())


def _next_place(places: list[_Place], delegate: Delegate) -> _Place | None:
    fitting = [p for p in places if p.fits(delegate)]
    together = [p for p in fitting if delegate.delegation_id in p.delegations]
    empty = [p for p in fitting if p.taken == 0]
    # An empty room meant for this gender before a room open to anyone.
    empty.sort(key=lambda p: p.room.gender_rule == GenderRule.ANY)
    for choice in (together, empty, fitting):
        if choice:
            return choice[0]
    return None


@transaction.atomic
def stays_auto_assign(*, access: Access, hotel: Hotel | None = None) -> AutoResult:
    """Every active delegate without a room gets one, for all the congress's nights, in `hotel`
    or in any of the congress's hotels."""
    require_staff(access)
    first, last = congress_nights(access.congress)
    rooms_q = Room.objects.filter(hotel__congress=access.congress)
    if hotel is not None:
        rooms_q = rooms_q.filter(hotel=hotel)
    rooms = list(rooms_q.select_for_update().order_by("pk"))
    hotels = {h.pk: h for h in Hotel.objects.filter(rooms__in=rooms).distinct()}
    for room in rooms:
        room.hotel = hotels[room.hotel_id]
    stays = list(Stay.objects.filter(room__in=rooms).select_related("delegate"))
    places = _places(rooms, stays)
    waiting = list(
        Delegate.objects.filter(congress=access.congress, is_active=True, stay__isnull=True)
        .select_related("delegation")
        .order_by("delegation__order", "delegation__name", "gender", "name_key", "pk")
    )
    new_stays: list[Stay] = []
    current: _Place | None = None
    for delegate in waiting:
        if current is None or not current.fits(delegate):
            current = _next_place(places, delegate)
        if current is None:
            continue
        current.taken += 1
        current.genders.add(delegate.gender)
        current.delegations.add(delegate.delegation_id)
        new_stays.append(
            Stay(
                congress=access.congress,
                delegate=delegate,
                room=current.room,
                first_night=first,
                last_night=last,
            )
        )
    Stay.objects.bulk_create(new_stays)
    StayMove.objects.bulk_create(
        StayMove(
            congress=access.congress,
            delegate=s.delegate,
            to_room=s.room,
            reason="Xếp phòng tự động",
            moved_by=access.user,
        )
        for s in new_stays
    )
    per_hotel = Counter(s.room.hotel_id for s in new_stays)
    for hotel_id, count in per_hotel.items():
        audit.record(
            access,
            LogisticsAction.STAYS_AUTO,
            hotels[hotel_id],
            reason=f"Xếp tự động {count} đại biểu",
        )
    return AutoResult(len(new_stays), len(waiting) - len(new_stays))
