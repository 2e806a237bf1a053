"""Who may do what in logistics. Services call these; views use them as a first gate.

The secretariat and the members of the organising/service subcommittee (Tiểu ban Tổ chức phục
vụ, or Tuyên truyền và Phục vụ) run logistics and are the only ones who see delegates' personal
details (rooms, vehicles, diets, phones). Everyone in the congress reads the readiness checklist
and the seating plan; an agency's officer reports on the checklist items of its own agency.

The `access_*` functions fetch an object and authorise the user at once: a missing object and
one the user may not see both answer 404, so existence does not leak.
"""

from django.db import models
from django.db.models import QuerySet

from daihoi.core.views import first_or_404
from daihoi.organizations.models import Committee, Membership
from daihoi.organizations.permissions import Access

from .models import (
    Block,
    Hall,
    Hotel,
    Meal,
    ReadinessItem,
    ReadinessPhoto,
    Ride,
    Room,
    Seat,
    Stay,
    Trip,
    Vehicle,
)

SERVICE_KINDS = (Committee.Kind.SERVICE, Committee.Kind.PROPAGANDA_SERVICE)
STAFF_ONLY = "Chỉ Văn phòng và Tiểu ban Tổ chức phục vụ Đại hội thực hiện được thao tác này."
REPORTER_ONLY = (
    "Chỉ cơ quan chịu trách nhiệm hạng mục, Văn phòng hoặc Tiểu ban Tổ chức phục vụ cập nhật "
    "tình trạng hạng mục này."
)


def is_service_staff(access: Access) -> bool:
    """The secretariat, or a member of the congress's organising/service subcommittee."""
    if access.can_manage:
        return True
    if access.person_id is None:
        return False
    return Membership.objects.filter(
        person_id=access.person_id,
        committee__congress=access.congress,
        committee__kind__in=SERVICE_KINDS,
    ).exists()


def sees_personal_details(access: Access) -> bool:
    """Delegates' rooms, vehicles, diets and phones: the service staff only."""
    return is_service_staff(access)


def can_manage_logistics(access: Access) -> bool:
    return is_service_staff(access)


def can_report_readiness(access: Access, item: ReadinessItem) -> bool:
    return is_service_staff(access) or (
        access.is_agency_officer and item.agency_id == access.agency_id
    )


def access_readiness_item(access: Access, item_id: int) -> ReadinessItem:
    """A checklist item of the congress (everyone in it reads the checklist); 404 otherwise."""
    return _one(
        ReadinessItem.objects.select_related("agency").filter(congress=access.congress), item_id
    )


def access_readiness_photo(access: Access, photo_id: int) -> ReadinessPhoto:
    return _one(
        ReadinessPhoto.objects.select_related("item").filter(item__congress=access.congress),
        photo_id,
    )


def access_hotel(access: Access, hotel_id: int) -> Hotel:
    return _one(Hotel.objects.filter(congress=access.congress), hotel_id)


def access_room(access: Access, room_id: int) -> Room:
    return _one(
        Room.objects.select_related("hotel").filter(hotel__congress=access.congress), room_id
    )


def access_stay(access: Access, stay_id: int) -> Stay:
    return _one(
        Stay.objects.select_related("delegate", "room__hotel").filter(congress=access.congress),
        stay_id,
    )


def _one[M: models.Model](queryset: QuerySet[M], object_id: int | None) -> M:
    """The object of that id among those the user may reach; 404 alike when missing or not
    theirs."""
    return first_or_404(queryset.filter(pk=object_id))


def access_meal(access: Access, meal_id: int | None) -> Meal:
    return _one(Meal.objects.filter(congress=access.congress), meal_id)


def access_vehicle(access: Access, vehicle_id: int | None) -> Vehicle:
    return _one(Vehicle.objects.filter(congress=access.congress), vehicle_id)


def access_trip(access: Access, trip_id: int) -> Trip:
    return _one(Trip.objects.filter(congress=access.congress).select_related("vehicle"), trip_id)


def access_ride(access: Access, ride_id: int) -> Ride:
    return _one(
        Ride.objects.filter(congress=access.congress).select_related("delegate", "trip"), ride_id
    )


def access_hall(access: Access, hall_id: int) -> Hall:
    return _one(Hall.objects.filter(congress=access.congress), hall_id)


def access_block(access: Access, block_id: int) -> Block:
    return _one(
        Block.objects.filter(hall__congress=access.congress).select_related("hall"), block_id
    )


def access_seat(access: Access, seat_id: int) -> Seat:
    return _one(
        Seat.objects.filter(hall__congress=access.congress).select_related(
            "hall", "block", "delegate"
        ),
        seat_id,
    )
