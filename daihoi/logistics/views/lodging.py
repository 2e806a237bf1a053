"""Lodging pages (staff only: who sleeps where is personal): hotels, rooms, stays, manifests."""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from daihoi.core.audit import history_of
from daihoi.core.uploads import XLSX_CONTENT_TYPE
from daihoi.core.versioning import edit_initial
from daihoi.core.views import content_file, forbidden, page_context, run_button
from daihoi.organizations.permissions import Access, access_congress

from .. import manifest_sheet, permissions, selectors, services
from ..forms import HotelForm, NightForm, RoomForm, RoomsForm, StayForm
from ..models import Hotel
from .common import simple_form_page


def staff_access(request: HttpRequest, congress_id: int) -> Access | HttpResponse:
    """The access of a logistics staff member, or the 403 page for anyone else."""
    access = access_congress(request.user, congress_id)
    if not permissions.can_manage_logistics(access):
        return forbidden(request, permissions.STAFF_ONLY)
    return access


@login_required
def lodging(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = staff_access(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    waiting = selectors.delegates_without_room(access)
    context = page_context(
        access,
        hotels=selectors.hotels_with_counts(access),
        waiting=list(waiting[:50]),
        waiting_count=waiting.count(),
        nights=services.lodging_nights(access.congress),
    )
    return render(request, "logistics/lodging.html", context)


@login_required
def hotel_form(request: HttpRequest, congress_id: int, hotel_id: int | None = None) -> HttpResponse:
    access = staff_access(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    hotel = permissions.access_hotel(access, hotel_id) if hotel_id else None
    form = HotelForm(request.POST or None, initial=edit_initial(hotel, HotelForm))
    return simple_form_page(
        request,
        access,
        form,
        lambda: services.hotel_save(
            access=access, hotel=hotel, expected_version=form.expected_version(), **form.edited()
        ),
        success="Đã lưu nơi nghỉ.",
        then=lambda saved: redirect("logistics:hotel-detail", congress_id, saved.pk),
        title="Sửa nơi nghỉ" if hotel else "Thêm nơi nghỉ",
        back=_back(access),
    )


def _back(access: Access, hotel: Hotel | None = None) -> str:
    if hotel is not None:
        return reverse("logistics:hotel-detail", args=[access.congress.pk, hotel.pk])
    return reverse("logistics:lodging", args=[access.congress.pk])


def _night(request: HttpRequest, nights: list[dt.date]) -> dt.date | None:
    form = NightForm(request.GET or None)
    if form.is_valid() and form.cleaned_data["night"]:
        return form.cleaned_data["night"]
    return nights[0] if nights else None


def _night_query(night: dt.date | None) -> str:
    return f"?night={night:%d/%m/%Y}" if night else ""


@login_required
def hotel_detail(request: HttpRequest, congress_id: int, hotel_id: int) -> HttpResponse:
    access = staff_access(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    hotel = permissions.access_hotel(access, hotel_id)
    nights = services.lodging_nights(access.congress)
    night = _night(request, nights)
    context = page_context(
        access,
        hotel=hotel,
        rooms=selectors.hotel_rooms(hotel, night),
        night=night,
        night_query=_night_query(night),
        nights=nights,
        rooms_form=RoomsForm(),
        moves=selectors.stay_moves(access, hotel),
        entries=history_of(hotel)[:30],
    )
    return render(request, "logistics/hotel_detail.html", context)


@login_required
def rooms_add(request: HttpRequest, congress_id: int, hotel_id: int) -> HttpResponse:
    access = staff_access(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    hotel = permissions.access_hotel(access, hotel_id)
    form = RoomsForm(request.POST or None)
    return simple_form_page(
        request,
        access,
        form,
        lambda: services.rooms_create(access=access, hotel=hotel, **form.cleaned_data),
        success="Đã thêm phòng.",
        title=f"Thêm phòng — {hotel.name}",
        back=_back(access, hotel),
    )


@login_required
def room_edit(request: HttpRequest, congress_id: int, room_id: int) -> HttpResponse:
    access = staff_access(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    room = permissions.access_room(access, room_id)
    form = RoomForm(request.POST or None, initial=edit_initial(room, RoomForm))
    return simple_form_page(
        request,
        access,
        form,
        lambda: services.room_update(
            access=access, room=room, expected_version=form.expected_version(), **form.edited()
        ),
        success="Đã lưu phòng.",
        title=f"{room} — {room.hotel.name}",
        back=_back(access, room.hotel),
    )


@login_required
def stay_assign(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = staff_access(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    initial = {k: request.GET[k] for k in ("room", "delegate") if request.GET.get(k, "").isdigit()}
    form = StayForm(request.POST or None, initial=initial, congress=access.congress)
    return simple_form_page(
        request,
        access,
        form,
        lambda: services.stay_assign(access=access, **form.cleaned_data),
        success="Đã xếp phòng.",
        then=lambda result: redirect(_back(access, result.stay.room.hotel)),
        title="Xếp phòng, chuyển phòng cho đại biểu",
        back=_back(access),
    )


@login_required
@require_POST
def stay_release(request: HttpRequest, congress_id: int, stay_id: int) -> HttpResponse:
    access = staff_access(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    stay = permissions.access_stay(access, stay_id)
    return run_button(
        request,
        lambda: services.stay_release(
            access=access, stay=stay, reason=request.POST.get("reason", "")
        ),
        success=f"Đã trả phòng của {stay.delegate.full_name}.",
        then=redirect(_back(access, stay.room.hotel)),
    )


@login_required
@require_POST
def lodging_auto(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = staff_access(request, congress_id)
    if isinstance(access, HttpResponse):
        return access

    def told(result: services.AutoResult) -> str:
        text = f"Đã xếp phòng tự động cho {result.assigned} đại biểu."
        if result.without_room:
            text += f" Còn {result.without_room} đại biểu chưa có phòng phù hợp: hãy thêm phòng."
        return text

    return run_button(
        request,
        lambda: services.stays_auto_assign(access=access),
        success=told,
        then=redirect(_back(access)),
    )


def _manifest(request: HttpRequest, congress_id: int, hotel_id: int):
    access = staff_access(request, congress_id)
    if isinstance(access, HttpResponse):
        return access, None, None, []
    hotel = permissions.access_hotel(access, hotel_id)
    night = _night(request, services.lodging_nights(access.congress))
    return access, hotel, night, selectors.hotel_rooms(hotel, night)


@login_required
def hotel_manifest(request: HttpRequest, congress_id: int, hotel_id: int) -> HttpResponse:
    access, hotel, night, rooms = _manifest(request, congress_id, hotel_id)
    if isinstance(access, HttpResponse):
        return access
    context = page_context(
        access,
        hotel=hotel,
        night=night,
        night_query=_night_query(night),
        rooms=rooms,
        nights=services.lodging_nights(access.congress),
    )
    return render(request, "logistics/hotel_manifest.html", context)


@login_required
def hotel_manifest_xlsx(request: HttpRequest, congress_id: int, hotel_id: int) -> HttpResponse:
    access, hotel, night, rooms = _manifest(request, congress_id, hotel_id)
    if isinstance(access, HttpResponse):
        return access
    assert hotel is not None
    content = manifest_sheet.hotel_manifest_xlsx(access.congress, hotel, night, rooms)
    return content_file(content, XLSX_CONTENT_TYPE, manifest_sheet.file_name(hotel, night))
