"""Hậu cần — lodging (the service staff's only: who sleeps where is personal): hotels and their
rooms for a night, rooms added and edited, a delegate given, moved to or released from a room,
the automatic lodging, and a hotel's manifest as JSON and XLSX."""

import datetime as dt

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema, Status

from daihoi.core.uploads import XLSX_CONTENT_TYPE
from daihoi.core.views import content_file
from daihoi.delegates.models import Delegate
from daihoi.logistics import manifest_sheet, permissions, selectors, services
from daihoi.logistics.forms import HotelForm, NightForm, RoomForm, RoomsForm, StayForm
from daihoi.logistics.models import Hotel, Room, Stay, StayMove
from daihoi.logistics.selectors import RoomNight
from daihoi.organizations.permissions import Access

from ..common import (
    Detail,
    access,
    answers,
    display,
    form_data,
    gate,
    listed,
    removal,
    removed,
    valid,
    versioned_put,
    write,
    write_versioned,
)

router = Router(tags=["Hậu cần"])
L = "/{congress_id}/logistics"


def staff(request: HttpRequest, congress_id: int) -> Access:
    """The caller's access when they are of the service staff (the pages' first gate), else 403."""
    acting = access(request, congress_id)
    gate(permissions.can_manage_logistics(acting), permissions.STAFF_ONLY)
    return acting


class Ref(Schema):
    id: int
    name: str


class DelegateRef(Schema):
    id: int
    full_name: str
    gender: str
    delegation: Ref

    @staticmethod
    def resolve_delegation(obj: Delegate) -> dict:
        return {"id": obj.delegation.pk, "name": obj.delegation.name}


class HotelOut(Schema):
    id: int
    name: str
    address: str
    phone: str
    contact: str
    version: int


class HotelCountOut(Schema):
    id: int
    name: str
    rooms: int
    places: int
    lodged: int


class LodgingOut(Schema):
    """The lodging page: the hotels with their rooms, places and lodged delegates, how many
    delegates still have no room, the congress's nights."""

    hotels: list[HotelCountOut]
    waiting_count: int
    nights: list[dt.date]


class RoomOut(Schema):
    id: int
    number: str
    capacity: int
    gender_rule: str
    gender_rule_label: str = display("gender_rule")
    note: str
    version: int


class GuestOut(Schema):
    """A delegate's stay in a room, as the manifest lists it."""

    stay_id: int
    delegate: DelegateRef
    phone: str
    first_night: dt.date
    last_night: dt.date


class RoomNightOut(Schema):
    room: RoomOut
    free: int
    guests: list[GuestOut]


class MoveOut(Schema):
    """A change of room: assigned (no `from_room`), moved, or released (no `to_room`)."""

    id: int
    delegate: str
    from_room: str | None
    to_room: str | None
    reason: str
    moved_at: dt.datetime
    moved_by: str | None


class HotelDetailOut(Schema):
    hotel: HotelOut
    night: dt.date | None
    nights: list[dt.date]
    rooms: list[RoomNightOut]
    moves: list[MoveOut]


class ManifestOut(Schema):
    hotel: HotelOut
    night: dt.date | None
    rooms: list[RoomNightOut]


class StayOut(Schema):
    id: int
    delegate: DelegateRef
    hotel: Ref
    room: RoomOut
    first_night: dt.date
    last_night: dt.date
    moved_from: RoomOut | None


class AutoLodgingOut(Schema):
    assigned: int
    without_room: int
    detail: str


class HotelIn(Schema):
    name: str
    address: str | None = None
    phone: str | None = None
    contact: str | None = None


class HotelUpdateIn(HotelIn):
    version: int | None = None


class RoomsIn(Schema):
    """`numbers` as on the page: "101-110, 201, 202"."""

    numbers: str
    capacity: int
    gender_rule: str


class RoomIn(Schema):
    number: str
    capacity: int
    gender_rule: str
    note: str | None = None
    version: int | None = None


class StayIn(Schema):
    """A delegate into a room (or moved to another: give the `reason`); nights as dd/mm/yyyy
    or yyyy-mm-dd, none: the whole congress."""

    delegate: int
    room: int
    first_night: str | None = None
    last_night: str | None = None
    reason: str | None = None


class NightQuery(Schema):
    """`night` dd/mm/yyyy or yyyy-mm-dd; none: the congress's first night."""

    night: str | None = None


def _night(query: NightQuery, nights: list[dt.date]) -> dt.date | None:
    form = valid(NightForm(form_data(query)))
    return form.cleaned_data["night"] or (nights[0] if nights else None)


def _hotel_night(
    request: HttpRequest, congress_id: int, hotel_id: int, query: NightQuery
) -> tuple[Access, Hotel, dt.date | None, list[dt.date]]:
    """The staff's hotel on the night asked for (the first night offered when none is), with
    the nights offered."""
    acting = staff(request, congress_id)
    hotel = permissions.access_hotel(acting, hotel_id)
    nights = services.lodging_nights(acting.congress)
    return acting, hotel, _night(query, nights), nights


def _rooms(rooms: list[RoomNight]) -> list[dict]:
    return [
        {
            "room": r.room,
            "free": r.free,
            "guests": [
                {
                    "stay_id": stay.pk,
                    "delegate": stay.delegate,
                    "phone": stay.delegate.phone,
                    "first_night": stay.first_night,
                    "last_night": stay.last_night,
                }
                for stay in r.stays
            ],
        }
        for r in rooms
    ]


def _room_label(room: Room | None) -> str | None:
    return f"{room.hotel.name} — {room}" if room else None


def _move(move: StayMove) -> dict:
    by = move.moved_by
    return {
        "id": move.pk,
        "delegate": move.delegate.full_name,
        "from_room": _room_label(move.from_room),
        "to_room": _room_label(move.to_room),
        "reason": move.reason,
        "moved_at": move.moved_at,
        "moved_by": (by.get_full_name() or by.username) if by else None,
    }


def _stay(stay: Stay, moved_from: Room | None = None) -> dict:
    return {
        "id": stay.pk,
        "delegate": stay.delegate,
        "hotel": {"id": stay.room.hotel.pk, "name": stay.room.hotel.name},
        "room": stay.room,
        "first_night": stay.first_night,
        "last_night": stay.last_night,
        "moved_from": moved_from,
    }


@router.get(
    L + "/lodging/",
    response=answers(LodgingOut),
    summary="Nơi nghỉ: các khách sạn (số phòng, số chỗ, đã xếp), số đại biểu chưa có phòng",
)
def lodging_overview(request: HttpRequest, congress_id: int) -> dict:
    acting = staff(request, congress_id)
    return {
        "hotels": [
            {"id": r.hotel.pk, "name": r.hotel.name, "rooms": r.rooms, "places": r.places}
            | {"lodged": r.lodged}
            for r in selectors.hotels_with_counts(acting)
        ],
        "waiting_count": selectors.delegates_without_room(acting).count(),
        "nights": services.lodging_nights(acting.congress),
    }


@listed(router, L + "/lodging/waiting/", DelegateRef, "Đại biểu chưa được xếp phòng")
def lodging_waiting(request: HttpRequest, congress_id: int) -> QuerySet[Delegate]:
    return selectors.delegates_without_room(staff(request, congress_id)).order_by()


@router.post(
    L + "/lodging/auto/",
    response=answers(AutoLodgingOut),
    summary="Xếp phòng tự động cho các đại biểu chưa có phòng",
)
def lodging_auto(request: HttpRequest, congress_id: int) -> dict:
    acting = staff(request, congress_id)
    result = write(request, lambda: services.stays_auto_assign(access=acting))
    text = f"Đã xếp phòng tự động cho {result.assigned} đại biểu."
    if result.without_room:
        text += f" Còn {result.without_room} đại biểu chưa có phòng phù hợp: hãy thêm phòng."
    return {"assigned": result.assigned, "without_room": result.without_room, "detail": text}


@router.post(L + "/hotels/", response=answers(HotelOut, 201), summary="Thêm nơi nghỉ")
def hotel_create(request: HttpRequest, congress_id: int, payload: HotelIn) -> Status:
    acting = staff(request, congress_id)
    form = valid(HotelForm(form_data(payload)))
    hotel = write(request, lambda: services.hotel_save(access=acting, **form.edited()))
    return Status(201, hotel)


@router.get(
    L + "/hotels/{hotel_id}/",
    response=answers(HotelDetailOut),
    summary="Một nơi nghỉ: các phòng và ai nghỉ ở đó trong đêm `night`, các lần chuyển phòng",
)
def hotel_detail(
    request: HttpRequest, congress_id: int, hotel_id: int, query: Query[NightQuery]
) -> dict:
    acting, hotel, night, nights = _hotel_night(request, congress_id, hotel_id, query)
    return {
        "hotel": hotel,
        "night": night,
        "nights": nights,
        "rooms": _rooms(selectors.hotel_rooms(hotel, night)),
        "moves": [_move(m) for m in selectors.stay_moves(acting, hotel)],
    }


@versioned_put(router, L + "/hotels/{hotel_id}/", HotelOut, "Sửa nơi nghỉ")
def hotel_update(
    request: HttpRequest, congress_id: int, hotel_id: int, payload: HotelUpdateIn
) -> Hotel:
    acting = staff(request, congress_id)
    hotel = permissions.access_hotel(acting, hotel_id)
    form = valid(HotelForm(form_data(payload)))
    return write_versioned(
        request, services.hotel_save, form, access=acting, hotel=hotel, **form.edited()
    )


@router.post(
    L + "/hotels/{hotel_id}/rooms/",
    response=answers(list[RoomOut], 201),
    summary="Thêm phòng (một dãy số phòng: 101-110, 201, 202)",
)
def rooms_add(request: HttpRequest, congress_id: int, hotel_id: int, payload: RoomsIn) -> Status:
    acting = staff(request, congress_id)
    hotel = permissions.access_hotel(acting, hotel_id)
    form = valid(RoomsForm(form_data(payload)))
    rooms = write(
        request, lambda: services.rooms_create(access=acting, hotel=hotel, **form.cleaned_data)
    )
    return Status(201, rooms)


@router.get(
    L + "/hotels/{hotel_id}/manifest/",
    response=answers(ManifestOut),
    summary="Danh sách nghỉ của nơi nghỉ trong một đêm (`night`)",
)
def hotel_manifest(
    request: HttpRequest, congress_id: int, hotel_id: int, query: Query[NightQuery]
) -> dict:
    _, hotel, night, _ = _hotel_night(request, congress_id, hotel_id, query)
    return {"hotel": hotel, "night": night, "rooms": _rooms(selectors.hotel_rooms(hotel, night))}


@router.get(
    L + "/hotels/{hotel_id}/manifest/xlsx/",
    response=answers(Detail),
    summary="Tải danh sách nghỉ của nơi nghỉ trong một đêm (XLSX)",
)
def hotel_manifest_xlsx(
    request: HttpRequest, congress_id: int, hotel_id: int, query: Query[NightQuery]
) -> HttpResponse:
    acting, hotel, night, _ = _hotel_night(request, congress_id, hotel_id, query)
    rooms = selectors.hotel_rooms(hotel, night)
    content = manifest_sheet.hotel_manifest_xlsx(acting.congress, hotel, night, rooms)
    return content_file(content, XLSX_CONTENT_TYPE, manifest_sheet.file_name(hotel, night))


@versioned_put(router, L + "/rooms/{room_id}/", RoomOut, "Sửa phòng")
def room_update(request: HttpRequest, congress_id: int, room_id: int, payload: RoomIn) -> Room:
    acting = staff(request, congress_id)
    room = permissions.access_room(acting, room_id)
    form = valid(RoomForm(form_data(payload)))
    return write_versioned(
        request, services.room_update, form, access=acting, room=room, **form.edited()
    )


@router.post(
    L + "/stays/",
    response=answers(StayOut),
    summary="Xếp phòng, chuyển phòng cho đại biểu",
)
def stay_assign(request: HttpRequest, congress_id: int, payload: StayIn) -> dict:
    acting = staff(request, congress_id)
    form = valid(StayForm(form_data(payload), congress=acting.congress))
    result = write(request, lambda: services.stay_assign(access=acting, **form.cleaned_data))
    return _stay(permissions.access_stay(acting, result.stay.pk), result.moved_from)


@removal(
    router, L + "/stays/{stay_id}/", "Trả phòng của đại biểu (`reason`: lý do, không bắt buộc)"
)
def stay_release(request: HttpRequest, congress_id: int, stay_id: int, reason: str = "") -> Status:
    acting = staff(request, congress_id)
    stay = permissions.access_stay(acting, stay_id)
    return removed(
        request, lambda: services.stay_release(access=acting, stay=stay, reason=reason[:300])
    )
