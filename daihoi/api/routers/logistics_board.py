"""Hậu cần — meals and transport: the meals with their expected counts (everyone in the congress
reads them), the diets by name, vehicles, trips and who rides them, a vehicle's manifest for a
day and who rides what on a day (the service staff's: these are personal)."""

import datetime as dt

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status

from daihoi.logistics import permissions, selectors, services
from daihoi.logistics.forms import (
    DayForm,
    DietForm,
    MealForm,
    RidersForm,
    TripForm,
    VehicleForm,
)
from daihoi.logistics.models import DietNote, Meal, Ride, Trip, Vehicle
from daihoi.organizations.permissions import Access

from ..common import (
    ERRORS,
    access,
    answers,
    display,
    form_data,
    listed,
    removal,
    removed,
    valid,
    versioned_put,
    write,
    write_versioned,
)
from .logistics_lodging import DelegateRef, L, Ref, staff

router = Router(tags=["Hậu cần"])


class MealOut(Schema):
    id: int
    day: dt.date
    kind: str
    kind_label: str = display("kind")
    venue: str
    audience: str
    audience_label: str = display("audience")
    extra: int
    note: str
    version: int


class DietCountOut(Schema):
    diet: str
    count: int


class MealRowOut(Schema):
    """A meal with its expected count: the active delegates of its audience plus the extra
    portions, and the special diets among them."""

    meal: MealOut
    roster: int
    expected: int
    diets: list[DietCountOut]


class DietOut(Schema):
    id: int
    delegate: DelegateRef
    diet: str
    diet_label: str = display("diet")
    note: str


class VehicleOut(Schema):
    id: int
    plate: str
    description: str
    capacity: int
    driver: str
    driver_phone: str
    agency: Ref | None
    version: int

    @staticmethod
    def resolve_agency(obj: Vehicle) -> dict | None:
        return {"id": obj.agency.pk, "name": obj.agency.name} if obj.agency else None


class VehicleRef(Schema):
    id: int
    plate: str
    description: str
    capacity: int


class TripOut(Schema):
    id: int
    vehicle: VehicleRef
    day: dt.date
    departs_at: dt.time
    route: str
    riders: int


class RideOut(Schema):
    id: int
    trip_id: int
    delegate: DelegateRef


class TripDetailOut(TripOut):
    free: int
    rides: list[RideOut]


class DayRideOut(Schema):
    """Who rides which vehicle on the day."""

    id: int
    delegate: DelegateRef
    trip_id: int
    vehicle: VehicleRef = Field(alias="trip.vehicle")
    departs_at: dt.time
    route: str = Field(alias="trip.route")


class ManifestTripOut(Schema):
    trip: TripOut
    rides: list[RideOut]


class VehicleManifestOut(Schema):
    vehicle: VehicleOut
    day: dt.date | None
    days: list[dt.date]
    trips: list[ManifestTripOut]


class MealIn(Schema):
    """As the page "Thêm bữa ăn"; `day` dd/mm/yyyy or yyyy-mm-dd."""

    day: str
    kind: str
    venue: str
    audience: str
    extra: int = 0
    note: str | None = None


class MealUpdateIn(MealIn):
    version: int | None = None


class DietIn(Schema):
    """A delegate's diet; `diet` empty: back to the ordinary meals."""

    delegate: int
    diet: str | None = None
    note: str | None = None


class VehicleIn(Schema):
    plate: str
    description: str
    capacity: int
    driver: str
    driver_phone: str
    agency: int | None = None


class VehicleUpdateIn(VehicleIn):
    version: int | None = None


class TripIn(Schema):
    """`day` dd/mm/yyyy or yyyy-mm-dd, `departs_at` HH:MM."""

    vehicle: int
    day: str
    departs_at: str
    route: str


class RidersIn(Schema):
    """A whole delegation or one delegate onto the trip."""

    delegation: int | None = None
    delegate: int | None = None


class DayQuery(Schema):
    """`day` dd/mm/yyyy or yyyy-mm-dd; none: the congress's opening day."""

    day: str | None = None


def _day(query: DayQuery, days: list[dt.date]) -> dt.date | None:
    form = valid(DayForm(form_data(query)))
    return form.cleaned_data["day"] or (days[1] if len(days) > 1 else None)


def _trip(trip: Trip) -> dict:
    return {name: getattr(trip, name) for name in ("id", "vehicle", "day", "departs_at", "route")}


def _trip_detail(acting: Access, trip_id: int) -> dict:
    trip = permissions.access_trip(acting, trip_id)
    rides = list(selectors.trip_riders(trip))
    return _trip(trip) | {
        "riders": len(rides),
        "free": trip.vehicle.capacity - len(rides),
        "rides": rides,
    }


# Meals -----------------------------------------------------------------------------------------


@router.get(
    L + "/meals/",
    response=answers(list[MealRowOut]),
    summary="Các bữa ăn và số suất dự kiến (theo danh sách đại biểu, kèm chế độ ăn riêng)",
)
def meal_list(request: HttpRequest, congress_id: int) -> list[dict]:
    return [
        {
            "meal": row.meal,
            "roster": row.roster,
            "expected": row.expected,
            "diets": [{"diet": d, "count": n} for d, n in row.diets],
        }
        for row in selectors.meal_rows(access(request, congress_id))
    ]


@router.post(L + "/meals/", response=answers(MealOut, 201), summary="Thêm bữa ăn")
def meal_create(request: HttpRequest, congress_id: int, payload: MealIn) -> Status:
    acting = staff(request, congress_id)
    form = valid(MealForm(form_data(payload) | {"extra": payload.extra}))
    return Status(201, write(request, lambda: services.meal_save(access=acting, **form.edited())))


@versioned_put(router, L + "/meals/{meal_id}/", MealOut, "Sửa bữa ăn")
def meal_update(
    request: HttpRequest, congress_id: int, meal_id: int, payload: MealUpdateIn
) -> Meal:
    acting = staff(request, congress_id)
    meal = permissions.access_meal(acting, meal_id)
    form = valid(MealForm(form_data(payload) | {"extra": payload.extra}))
    return write_versioned(
        request, services.meal_save, form, access=acting, meal=meal, **form.edited()
    )


@listed(router, L + "/diets/", DietOut, "Chế độ ăn riêng của đại biểu")
def diet_list(request: HttpRequest, congress_id: int) -> QuerySet[DietNote]:
    return selectors.diet_notes(staff(request, congress_id)).order_by()


@router.post(
    L + "/diets/",
    response={200: DietOut, 204: None, **ERRORS},
    summary="Ghi chế độ ăn của một đại biểu (bỏ trống `diet`: ăn bình thường, trả về 204)",
)
def diet_set(request: HttpRequest, congress_id: int, payload: DietIn) -> DietNote | Status:
    acting = staff(request, congress_id)
    form = valid(DietForm(form_data(payload), congress=acting.congress))
    note = write(request, lambda: services.diet_set(access=acting, **form.cleaned_data))
    return note if note is not None else Status(204, None)


# Transport -------------------------------------------------------------------------------------


@listed(router, L + "/vehicles/", VehicleOut, "Các xe phục vụ Đại hội")
def vehicle_list(request: HttpRequest, congress_id: int) -> QuerySet[Vehicle]:
    return selectors.vehicles(staff(request, congress_id)).order_by()


@router.post(L + "/vehicles/", response=answers(VehicleOut, 201), summary="Thêm xe")
def vehicle_create(request: HttpRequest, congress_id: int, payload: VehicleIn) -> Status:
    acting = staff(request, congress_id)
    form = valid(VehicleForm(form_data(payload), congress=acting.congress))
    vehicle = write(request, lambda: services.vehicle_save(access=acting, **form.edited()))
    return Status(201, vehicle)


@versioned_put(router, L + "/vehicles/{vehicle_id}/", VehicleOut, "Sửa thông tin xe")
def vehicle_update(
    request: HttpRequest, congress_id: int, vehicle_id: int, payload: VehicleUpdateIn
) -> Vehicle:
    acting = staff(request, congress_id)
    vehicle = permissions.access_vehicle(acting, vehicle_id)
    form = valid(VehicleForm(form_data(payload), congress=acting.congress))
    return write_versioned(
        request,
        services.vehicle_save,
        form,
        access=acting,
        vehicle=vehicle,
        **form.edited(),
    )


@router.get(
    L + "/vehicles/{vehicle_id}/manifest/",
    response=answers(VehicleManifestOut),
    summary="Danh sách đi xe của một xe trong ngày (`day`)",
)
def vehicle_manifest(
    request: HttpRequest, congress_id: int, vehicle_id: int, query: Query[DayQuery]
) -> dict:
    acting = staff(request, congress_id)
    vehicle = permissions.access_vehicle(acting, vehicle_id)
    days = services.service_days(acting.congress)
    day = _day(query, days)
    trips = selectors.vehicle_manifest(vehicle, day) if day else []
    return {
        "vehicle": vehicle,
        "day": day,
        "days": days,
        "trips": [{"trip": _trip(t) | {"riders": len(r)}, "rides": r} for t, r in trips],
    }


@listed(router, L + "/trips/", TripOut, "Các chuyến xe trong ngày (`day`), với số đại biểu đã xếp")
def trip_list(request: HttpRequest, congress_id: int, query: Query[DayQuery]) -> QuerySet[Trip]:
    acting = staff(request, congress_id)
    return selectors.trips_of_day(
        acting, _day(query, services.service_days(acting.congress))
    ).order_by()


@router.post(L + "/trips/", response=answers(TripDetailOut, 201), summary="Thêm chuyến xe")
def trip_create(request: HttpRequest, congress_id: int, payload: TripIn) -> Status:
    acting = staff(request, congress_id)
    form = valid(TripForm(form_data(payload), congress=acting.congress))
    trip = write(request, lambda: services.trip_create(access=acting, **form.cleaned_data))
    return Status(201, _trip_detail(acting, trip.pk))


@router.get(
    L + "/trips/{trip_id}/",
    response=answers(TripDetailOut),
    summary="Một chuyến xe và các đại biểu đi chuyến đó",
)
def trip_detail(request: HttpRequest, congress_id: int, trip_id: int) -> dict:
    return _trip_detail(staff(request, congress_id), trip_id)


@router.post(
    L + "/trips/{trip_id}/riders/",
    response=answers(TripDetailOut),
    summary="Xếp cả đoàn hoặc một đại biểu lên chuyến xe",
)
def trip_riders_add(
    request: HttpRequest, congress_id: int, trip_id: int, payload: RidersIn
) -> dict:
    acting = staff(request, congress_id)
    trip = permissions.access_trip(acting, trip_id)
    form = valid(RidersForm(form_data(payload), congress=acting.congress))
    data = form.cleaned_data
    if data.get("delegation"):
        write(
            request,
            lambda: services.riders_add_delegation(
                access=acting, trip=trip, delegation=data["delegation"]
            ),
        )
    else:
        write(
            request,
            lambda: services.riders_add(access=acting, trip=trip, delegates=[data["delegate"]]),
        )
    return _trip_detail(acting, trip.pk)


@removal(router, L + "/rides/{ride_id}/", "Bỏ đại biểu khỏi chuyến xe")
def ride_remove(request: HttpRequest, congress_id: int, ride_id: int) -> Status:
    acting = staff(request, congress_id)
    ride = permissions.access_ride(acting, ride_id)
    return removed(request, lambda: services.ride_remove(access=acting, ride=ride))


@listed(router, L + "/rides/", DayRideOut, "Ai đi xe nào trong ngày (`day`), theo đoàn và tên")
def rides_day(request: HttpRequest, congress_id: int, query: Query[DayQuery]) -> QuerySet[Ride]:
    acting = staff(request, congress_id)
    day = _day(query, services.service_days(acting.congress))
    if day is None:
        return Ride.objects.none()
    return selectors.rides_of_day(acting, day).order_by()
