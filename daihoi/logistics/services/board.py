"""Meals, special diets, vehicles, trips and riders. A trip never carries more riders than its
vehicle's seats: adding riders locks the vehicle's row, then the trip's (that order everywhere),
before counting; a delegate rides one trip at a time (a unique constraint on day and time)."""

import datetime as dt
from collections.abc import Sequence

from django.db import IntegrityError, transaction
from django.db.models import Count, Max

from daihoi.core import audit
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require_same_congress
from daihoi.delegates.models import Delegate, Delegation
from daihoi.organizations.models import Agency
from daihoi.organizations.permissions import Access

from ..models import (
    MAX_VEHICLE_SEATS,
    Diet,
    DietNote,
    LogisticsAction,
    Meal,
    Ride,
    Trip,
    Vehicle,
)
from .common import congress_days, new_or_locked, require_staff, save_recorded

MEAL_FIELDS = ("day", "kind", "venue", "audience", "extra", "note")
VEHICLE_FIELDS = ("plate", "description", "capacity", "driver", "driver_phone", "agency")


def _check_day(access: Access, day: dt.date) -> None:
    days = congress_days(access.congress)
    first, last = days[0] - dt.timedelta(days=1), days[-1]
    if not first <= day <= last:
        raise BusinessError(
            f"Ngày phải trong khoảng {first:%d/%m/%Y} – {last:%d/%m/%Y} "
            "(từ ngày đón đại biểu đến hết Đại hội).",
            field="day",
        )


@transaction.atomic
def meal_save(
    *, access: Access, meal: Meal | None = None, expected_version: int | None = None, **fields
) -> Meal:
    require_staff(access)
    _check_day(access, fields["day"])
    meal = new_or_locked(Meal, meal, expected_version, "Bữa ăn", congress=access.congress)
    before = audit.snapshot(meal, MEAL_FIELDS) if meal.pk else {}
    for name in MEAL_FIELDS:
        setattr(meal, name, fields[name])
    clash = Meal.objects.filter(
        congress=access.congress, day=meal.day, kind=meal.kind, venue=meal.venue
    ).exclude(pk=meal.pk)
    if clash.exists():
        raise BusinessError("Đã có bữa này tại địa điểm này trong ngày.", field="venue")
    meal.full_clean()
    save_recorded(access, meal, LogisticsAction.MEAL_SAVED, before)
    return meal


@transaction.atomic
def diet_set(*, access: Access, delegate: Delegate, diet: str, note: str = "") -> DietNote | None:
    """Records (or, with an empty diet, removes) a delegate's special diet."""
    require_staff(access)
    require_same_congress(access.congress, delegate)
    current = DietNote.objects.select_for_update().filter(delegate=delegate).first()
    if not diet:
        if current is not None:
            current.delete()
            audit.record(access, LogisticsAction.DIET_SAVED, delegate, reason="Bỏ chế độ ăn riêng")
        return None
    if diet not in Diet.values:
        raise BusinessError("Chế độ ăn không hợp lệ.", field="diet")
    note_obj = current or DietNote(congress=access.congress, delegate=delegate)
    note_obj.diet, note_obj.note = diet, note
    note_obj.save()
    audit.record(
        access,
        LogisticsAction.DIET_SAVED,
        delegate,
        reason=f"{note_obj.get_diet_display()}{': ' + note if note else ''}",
    )
    return note_obj


@transaction.atomic
def vehicle_save(
    *,
    access: Access,
    vehicle: Vehicle | None = None,
    expected_version: int | None = None,
    **fields,
) -> Vehicle:
    """Locks the vehicle; fewer seats must still carry every trip's riders."""
    require_staff(access)
    agency: Agency | None = fields.get("agency")
    require_same_congress(access.congress, agency)
    if not 1 <= fields["capacity"] <= MAX_VEHICLE_SEATS:
        raise BusinessError(f"Số chỗ từ 1 đến {MAX_VEHICLE_SEATS}.", field="capacity")
    vehicle = new_or_locked(Vehicle, vehicle, expected_version, "Xe", congress=access.congress)
    if vehicle.pk:
        most = Trip.objects.filter(vehicle=vehicle).annotate(n=Count("rides")).aggregate(m=Max("n"))
        if (most["m"] or 0) > fields["capacity"]:
            raise BusinessError(
                f"Có chuyến đang chở {most['m']} người: không giảm số chỗ được.", field="capacity"
            )
    before = audit.snapshot(vehicle, VEHICLE_FIELDS) if vehicle.pk else {}
    for name in VEHICLE_FIELDS:
        setattr(vehicle, name, fields.get(name))
    clash = Vehicle.objects.filter(congress=access.congress, plate=vehicle.plate)
    if clash.exclude(pk=vehicle.pk).exists():
        raise BusinessError("Đã có xe mang biển số này.", field="plate")
    vehicle.full_clean()
    save_recorded(access, vehicle, LogisticsAction.VEHICLE_SAVED, before)
    return vehicle


@transaction.atomic
def trip_create(
    *, access: Access, vehicle: Vehicle, day: dt.date, departs_at: dt.time, route: str
) -> Trip:
    require_staff(access)
    require_same_congress(access.congress, vehicle)
    _check_day(access, day)
    if Trip.objects.filter(vehicle=vehicle, day=day, departs_at=departs_at).exists():
        raise BusinessError("Xe đã có chuyến vào giờ này.", field="departs_at")
    trip = Trip.objects.create(
        congress=access.congress, vehicle=vehicle, day=day, departs_at=departs_at, route=route
    )
    audit.record(access, LogisticsAction.TRIP_SAVED, vehicle, reason=f"{trip}: {route}")
    return trip


@transaction.atomic
def riders_add(*, access: Access, trip: Trip, delegates: Sequence[Delegate]) -> list[Ride]:
    """All of them or none: refuses when the seats left are fewer, or one already rides another
    trip at that time. Locks the vehicle, then the trip."""
    require_staff(access)
    vehicle = Vehicle.objects.select_for_update().get(pk=trip.vehicle_id)
    locked = Trip.objects.select_for_update().get(pk=trip.pk, congress=access.congress)
    require_same_congress(access.congress, *delegates)
    if any(not d.is_active for d in delegates):
        raise BusinessError("Có đại biểu đã được thay thế, không còn dự Đại hội.")
    busy = Ride.objects.filter(
        delegate__in=delegates, day=locked.day, departs_at=locked.departs_at
    ).select_related("delegate", "trip__vehicle")
    if busy:
        ride = busy[0]
        raise BusinessError(
            f"{ride.delegate.full_name} đã đi xe {ride.trip.vehicle.plate} vào giờ này.",
            field="delegate",
        )
    free = vehicle.capacity - locked.rides.count()
    if len(delegates) > free:
        raise BusinessError(
            f"Xe {vehicle.plate} chỉ còn {free} chỗ, không xếp được {len(delegates)} người.",
            field="delegate",
        )
    try:
        with transaction.atomic():
            rides = Ride.objects.bulk_create(
                Ride(
                    congress=access.congress,
                    trip=locked,
                    delegate=d,
                    day=locked.day,
                    departs_at=locked.departs_at,
                )
                for d in delegates
            )
    except IntegrityError:
        raise BusinessError("Có đại biểu vừa được xếp xe khác vào giờ này; hãy tải lại.") from None
    names = ", ".join(d.full_name for d in delegates[:10])
    more = f" và {len(delegates) - 10} người khác" if len(delegates) > 10 else ""
    audit.record(access, LogisticsAction.RIDERS_ADDED, vehicle, reason=f"{locked}: {names}{more}")
    return rides


def riders_add_delegation(*, access: Access, trip: Trip, delegation: Delegation) -> list[Ride]:
    """The delegation's active delegates not yet riding at the trip's time."""
    require_same_congress(access.congress, delegation)
    delegates = list(
        Delegate.objects.filter(delegation=delegation, is_active=True)
        .exclude(rides__day=trip.day, rides__departs_at=trip.departs_at)
        .order_by("name_key")
    )
    if not delegates:
        raise BusinessError("Đoàn không còn ai chưa được xếp xe vào giờ này.", field="delegation")
    return riders_add(access=access, trip=trip, delegates=delegates)


@transaction.atomic
def ride_remove(*, access: Access, ride: Ride) -> None:
    require_staff(access)
    locked = (
        Ride.objects.select_for_update()
        .select_related("trip__vehicle", "delegate")
        .filter(pk=ride.pk, congress=access.congress)
        .first()
    )
    if locked is None:
        raise BusinessError("Đại biểu này không còn trong chuyến xe.")
    audit.record(
        access,
        LogisticsAction.RIDER_REMOVED,
        locked.trip.vehicle,
        reason=f"{locked.trip}: {locked.delegate.full_name}",
    )
    locked.delete()
