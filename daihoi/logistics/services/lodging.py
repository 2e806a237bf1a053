"""Hotels, rooms and stays. A room never holds more people on a night than its capacity, nor
both genders: every write that adds someone to a room locks the room's row first (rooms in
ascending id when several), then counts the stays covering each night."""

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from daihoi.core import audit
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require_same_congress
from daihoi.core.versioning import check_version
from daihoi.delegates.models import Delegate
from daihoi.organizations.permissions import Access

from ..models import (
    MAX_ROOM_CAPACITY,
    GenderRule,
    Hotel,
    LogisticsAction,
    Room,
    Stay,
    StayMove,
)
from .common import congress_nights, new_or_locked, require_staff, save_recorded

ROOM_FULL = "Phòng {room} ({hotel}) đã đủ {capacity} người đêm {night}."
WRONG_GENDER = "Phòng {room} dành cho đại biểu {rule}."
MIXED = "Phòng {room} đêm {night} đã có đại biểu khác giới."
INACTIVE = "Đại biểu đã được thay thế, không còn trong danh sách dự Đại hội."
NIGHTS_OUTSIDE = "Đêm nghỉ phải trong khoảng {first} – {last} của Đại hội."
HOTEL_FIELDS = ("name", "address", "phone", "contact")
ROOM_FIELDS = ("number", "capacity", "gender_rule", "note")


def _day(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


@transaction.atomic
def hotel_save(
    *,
    access: Access,
    hotel: Hotel | None = None,
    expected_version: int | None = None,
    **fields: str,
) -> Hotel:
    require_staff(access)
    hotel = new_or_locked(Hotel, hotel, expected_version, "Nơi nghỉ", congress=access.congress)
    before = audit.snapshot(hotel, HOTEL_FIELDS) if hotel.pk else {}
    for name in HOTEL_FIELDS:
        setattr(hotel, name, fields.get(name, getattr(hotel, name)))
    if Hotel.objects.filter(congress=access.congress, name=hotel.name).exclude(pk=hotel.pk):
        raise BusinessError("Đã có nơi nghỉ trùng tên.", field="name")
    hotel.full_clean()
    save_recorded(access, hotel, LogisticsAction.HOTEL_SAVED, before)
    return hotel


_RANGE = re.compile(r"^(\d{1,5})\s*[-–]\s*(\d{1,5})$")


def parse_room_numbers(text: str) -> list[str]:
    """ "101-105, 201, A3" → the room numbers, in order, without repeats."""
    numbers: list[str] = []
    for part in re.split(r"[,;\s]+(?![-–])", text.strip()):
        part = part.strip()
        if not part:
            continue
        match = _RANGE.match(part)
        if match:
            low, high = int(match.group(1)), int(match.group(2))
            if high < low or high - low > 200:
                raise BusinessError(f"Dãy phòng “{part}” không hợp lệ.", field="numbers")
            numbers += [str(n) for n in range(low, high + 1)]
        elif len(part) <= 20:
            numbers.append(part)
        else:
            raise BusinessError(f"Số phòng “{part[:30]}” quá dài.", field="numbers")
    if not numbers:
        raise BusinessError("Hãy nhập số phòng, ví dụ 101-110, 201.", field="numbers")
    return list(dict.fromkeys(numbers))


def _check_capacity(capacity: int) -> None:
    if not 1 <= capacity <= MAX_ROOM_CAPACITY:
        raise BusinessError(f"Số người một phòng từ 1 đến {MAX_ROOM_CAPACITY}.", field="capacity")


@transaction.atomic
def rooms_create(
    *, access: Access, hotel: Hotel, numbers: str, capacity: int, gender_rule: str
) -> list[Room]:
    require_staff(access)
    require_same_congress(access.congress, hotel)
    _check_capacity(capacity)
    wanted = parse_room_numbers(numbers)
    taken = set(
        Room.objects.filter(hotel=hotel, number__in=wanted).values_list("number", flat=True)
    )
    if taken:
        raise BusinessError(f"Đã có phòng: {', '.join(sorted(taken))}.", field="numbers")
    rooms = Room.objects.bulk_create(
        [Room(hotel=hotel, number=n, capacity=capacity, gender_rule=gender_rule) for n in wanted]
    )
    audit.record(
        access,
        LogisticsAction.ROOM_SAVED,
        hotel,
        reason=f"Thêm {len(rooms)} phòng: {', '.join(wanted[:20])}",
    )
    return rooms


@transaction.atomic
def room_update(
    *, access: Access, room: Room, expected_version: int | None = None, **fields
) -> Room:
    """Locks the room; a smaller capacity or another gender rule must still fit who is in it."""
    require_staff(access)
    locked = Room.objects.select_for_update().select_related("hotel").get(pk=room.pk)
    require_same_congress(access.congress, locked.hotel)
    check_version(locked, expected_version, "Phòng")
    before = audit.snapshot(locked, ROOM_FIELDS)
    for name in ROOM_FIELDS:
        setattr(locked, name, fields.get(name, getattr(locked, name)))
    _check_capacity(locked.capacity)
    if Room.objects.filter(hotel=locked.hotel, number=locked.number).exclude(pk=locked.pk):
        raise BusinessError("Nơi nghỉ đã có phòng số này.", field="number")
    stays = list(Stay.objects.filter(room=locked).select_related("delegate"))
    for night, people in _by_night(stays).items():
        if len(people) > locked.capacity:
            raise BusinessError(
                f"Đêm {_day(night)} phòng đang có {len(people)} người: không giảm được sức chứa.",
                field="capacity",
            )
    if any(not locked.admits(s.delegate.gender) for s in stays):
        raise BusinessError("Phòng đang có đại biểu không hợp quy định mới.", field="gender_rule")
    locked.full_clean()
    locked.save()
    audit.record(
        access,
        LogisticsAction.ROOM_SAVED,
        locked.hotel,
        reason=str(locked),
        changes=audit.changes_since(locked, before),
    )
    return locked


def _by_night(stays: Iterable[Stay]) -> dict[dt.date, list[Stay]]:
    nights: dict[dt.date, list[Stay]] = defaultdict(list)
    for stay in stays:
        for night in stay.nights():
            nights[night].append(stay)
    return nights


def _check_room(room: Room, delegate: Delegate, first: dt.date, last: dt.date) -> None:
    """On the locked room: the delegate fits every night from `first` to `last`."""
    if not room.admits(delegate.gender):
        rule = GenderRule(room.gender_rule).label.lower()
        raise BusinessError(WRONG_GENDER.format(room=room.number, rule=rule), field="room")
    others = Stay.objects.filter(room=room, first_night__lte=last, last_night__gte=first)
    others = others.exclude(delegate=delegate).select_related("delegate")
    for night, people in sorted(_by_night(others).items()):
        if not first <= night <= last:
            continue
        if len(people) >= room.capacity:
            raise BusinessError(
                ROOM_FULL.format(
                    room=room.number,
                    hotel=room.hotel.name,
                    capacity=room.capacity,
                    night=_day(night),
                ),
                field="room",
            )
        if any(p.delegate.gender != delegate.gender for p in people):
            raise BusinessError(MIXED.format(room=room.number, night=_day(night)), field="room")


@dataclass(frozen=True)
class StayResult:
    stay: Stay
    moved_from: Room | None


@transaction.atomic
def stay_assign(
    *,
    access: Access,
    delegate: Delegate,
    room: Room,
    first_night: dt.date | None = None,
    last_night: dt.date | None = None,
    reason: str = "",
) -> StayResult:
    """Puts a delegate in a room (or moves them there). Locks the room, then the delegate's stay."""
    require_staff(access)
    locked_room = Room.objects.select_for_update().select_related("hotel").get(pk=room.pk)
    require_same_congress(access.congress, delegate, locked_room.hotel)
    if not delegate.is_active:
        raise BusinessError(INACTIVE, field="delegate")
    first, last = congress_nights(access.congress)
    first_night, last_night = first_night or first, last_night or last
    if not (first <= first_night <= last_night <= last):
        raise BusinessError(
            NIGHTS_OUTSIDE.format(first=_day(first), last=_day(last)), field="first_night"
        )
    _check_room(locked_room, delegate, first_night, last_night)
    stay = Stay.objects.select_for_update().filter(delegate=delegate).first()
    moved_from = stay.room if stay else None
    if stay is None:
        stay = Stay(congress=access.congress, delegate=delegate)
    stay.room, stay.first_night, stay.last_night = locked_room, first_night, last_night
    try:
        with transaction.atomic():
            stay.save()
    except IntegrityError:
        raise BusinessError("Đại biểu vừa được xếp phòng khác; hãy tải lại trang.") from None
    if moved_from is None or moved_from.pk != locked_room.pk:
        StayMove.objects.create(
            congress=access.congress,
            delegate=delegate,
            from_room=moved_from,
            to_room=locked_room,
            reason=reason,
            moved_by=access.user,
        )
    action = LogisticsAction.STAY_MOVED if moved_from else LogisticsAction.STAY_ASSIGNED
    where = f"{delegate.full_name}: phòng {locked_room.number}"
    if moved_from:
        where = f"{delegate.full_name}: phòng {moved_from.number} → {locked_room.number}"
    audit.record(
        access,
        action,
        locked_room.hotel,
        reason=where + (f" ({reason})" if reason else ""),
        data={"delegate": delegate.pk, "room": locked_room.pk},
    )
    return StayResult(stay, moved_from)


@transaction.atomic
def stay_release(*, access: Access, stay: Stay, reason: str = "") -> None:
    require_staff(access)
    locked = (
        Stay.objects.select_for_update()
        .select_related("room__hotel", "delegate")
        .filter(pk=stay.pk, congress=access.congress)
        .first()
    )
    if locked is None:
        raise BusinessError("Đại biểu này không còn được xếp phòng.")
    StayMove.objects.create(
        congress=access.congress,
        delegate=locked.delegate,
        from_room=locked.room,
        to_room=None,
        reason=reason,
        moved_by=access.user,
    )
    audit.record(
        access,
        LogisticsAction.STAY_REMOVED,
        locked.room.hotel,
        reason=f"{locked.delegate.full_name}: trả phòng {locked.room.number}",
    )
    locked.delete()
