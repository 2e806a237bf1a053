"""Meals (counts for everyone in the congress; diets by name for the staff) and transport
(staff only): vehicles, trips, riders, the manifest per vehicle and day, who rides what."""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from daihoi.core.audit import history_of
from daihoi.core.versioning import edit_initial
from daihoi.core.views import form_page, page_context, run_button
from daihoi.organizations.permissions import Access, access_congress

from .. import permissions, selectors, services
from ..forms import DayForm, DietForm, MealForm, RidersForm, TripForm, VehicleForm
from ..models import Trip
from .common import simple_form_page
from .lodging import staff_access


def _day(request: HttpRequest, days: list[dt.date]) -> dt.date | None:
    form = DayForm(request.GET or None)
    if form.is_valid() and form.cleaned_data["day"]:
        return form.cleaned_data["day"]
    return days[1] if len(days) > 1 else None


@login_required
def meals(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    context = page_context(
        access, rows=selectors.meal_rows(access), staff=permissions.is_service_staff(access)
    )
    return render(request, "logistics/meals.html", context)


@login_required
def meal_form(request: HttpRequest, congress_id: int, meal_id: int | None = None) -> HttpResponse:
    access = staff_access(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    meal = permissions.access_meal(access, meal_id) if meal_id else None
    form = MealForm(request.POST or None, initial=edit_initial(meal, MealForm))
    back = reverse("logistics:meals", args=[congress_id])
    return simple_form_page(
        request,
        access,
        form,
        lambda: services.meal_save(
            access=access, meal=meal, expected_version=form.expected_version(), **form.edited()
        ),
        success="Đã lưu bữa ăn.",
        title="Sửa bữa ăn" if meal else "Thêm bữa ăn",
        back=back,
    )


@login_required
def diets(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = staff_access(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    form = DietForm(request.POST or None, congress=access.congress)
    return form_page(
        request,
        form,
        lambda: services.diet_set(access=access, **form.cleaned_data),
        success="Đã ghi chế độ ăn.",
        then=lambda _: redirect("logistics:diets", congress_id),
        template="logistics/diets.html",
        context=page_context(access, form=form, notes=selectors.diet_notes(access)),
    )


@login_required
def transport(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = staff_access(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    days = services.service_days(access.congress)
    day = _day(request, days)
    context = page_context(
        access,
        vehicles=selectors.vehicles(access),
        trips=selectors.trips_of_day(access, day),
        day=day,
        days=days,
    )
    return render(request, "logistics/transport.html", context)


@login_required
def vehicle_form(
    request: HttpRequest, congress_id: int, vehicle_id: int | None = None
) -> HttpResponse:
    access = staff_access(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    vehicle = permissions.access_vehicle(access, vehicle_id) if vehicle_id else None
    initial = edit_initial(vehicle, VehicleForm)
    form = VehicleForm(request.POST or None, initial=initial, congress=access.congress)
    back = reverse("logistics:transport", args=[congress_id])
    return simple_form_page(
        request,
        access,
        form,
        lambda: services.vehicle_save(
            access=access,
            vehicle=vehicle,
            expected_version=form.expected_version(),
            **form.edited(),
        ),
        success="Đã lưu xe.",
        title="Sửa thông tin xe" if vehicle else "Thêm xe",
        back=back,
        entries=history_of(vehicle)[:30] if vehicle else None,
    )


@login_required
def trip_create(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = staff_access(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    initial = {"vehicle": request.GET.get("vehicle")} if request.GET.get("vehicle") else {}
    form = TripForm(request.POST or None, initial=initial, congress=access.congress)
    back = reverse("logistics:transport", args=[congress_id])
    return simple_form_page(
        request,
        access,
        form,
        lambda: services.trip_create(access=access, **form.cleaned_data),
        success="Đã thêm chuyến xe.",
        then=lambda trip: redirect("logistics:trip-detail", congress_id, trip.pk),
        title="Thêm chuyến xe",
        back=back,
    )


def _add_riders(access: Access, trip: Trip, form: RidersForm):
    if form.cleaned_data.get("delegation"):
        return services.riders_add_delegation(
            access=access, trip=trip, delegation=form.cleaned_data["delegation"]
        )
    return services.riders_add(access=access, trip=trip, delegates=[form.cleaned_data["delegate"]])


@login_required
def trip_detail(request: HttpRequest, congress_id: int, trip_id: int) -> HttpResponse:
    access = staff_access(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    trip = permissions.access_trip(access, trip_id)
    form = RidersForm(request.POST or None, congress=access.congress)
    riders = list(selectors.trip_riders(trip))
    return form_page(
        request,
        form,
        lambda: _add_riders(access, trip, form),
        success="Đã xếp đại biểu lên xe.",
        then=lambda _: redirect("logistics:trip-detail", congress_id, trip.pk),
        template="logistics/trip_detail.html",
        context=page_context(
            access, trip=trip, riders=riders, free=trip.vehicle.capacity - len(riders), form=form
        ),
    )


@login_required
@require_POST
def ride_remove(request: HttpRequest, congress_id: int, ride_id: int) -> HttpResponse:
    access = staff_access(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    ride = permissions.access_ride(access, ride_id)
    return run_button(
        request,
        lambda: services.ride_remove(access=access, ride=ride),
        success=f"Đã bỏ {ride.delegate.full_name} khỏi chuyến xe.",
        then=redirect("logistics:trip-detail", congress_id, ride.trip_id),
    )


@login_required
def vehicle_manifest(request: HttpRequest, congress_id: int, vehicle_id: int) -> HttpResponse:
    access = staff_access(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    vehicle = permissions.access_vehicle(access, vehicle_id)
    days = services.service_days(access.congress)
    day = _day(request, days)
    trips = selectors.vehicle_manifest(vehicle, day) if day else []
    context = page_context(access, vehicle=vehicle, day=day, days=days, trips=trips)
    return render(request, "logistics/vehicle_manifest.html", context)


@login_required
def rides_day(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = staff_access(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    days = services.service_days(access.congress)
    day = _day(request, days)
    rides = selectors.rides_of_day(access, day) if day else []
    context = page_context(access, day=day, days=days, rides=rides)
    return render(request, "logistics/rides_day.html", context)
