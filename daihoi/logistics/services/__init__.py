"""Every change users cause in logistics: one function per business action, atomic, audited."""

from .board import (
    diet_set,
    meal_save,
    ride_remove,
    riders_add,
    riders_add_delegation,
    trip_create,
    vehicle_save,
)
from .common import congress_days, congress_nights, lodging_nights, service_days
from .lodging import (
    StayResult,
    hotel_save,
    parse_room_numbers,
    room_update,
    rooms_create,
    stay_assign,
    stay_release,
)
from .lodging_auto import AutoResult, stays_auto_assign
from .readiness import (
    ItemFields,
    readiness_item_create,
    readiness_item_report,
    readiness_item_update,
)
from .seating import (
    SeatingResult,
    block_delegations_set,
    block_save,
    hall_save,
    seat_assign,
    seat_clear,
    seats_auto,
)

__all__ = [
    "SeatingResult",
    "block_delegations_set",
    "block_save",
    "hall_save",
    "seat_assign",
    "seat_clear",
    "seats_auto",
    "diet_set",
    "meal_save",
    "ride_remove",
    "riders_add",
    "riders_add_delegation",
    "trip_create",
    "vehicle_save",
    "AutoResult",
    "StayResult",
    "congress_days",
    "congress_nights",
    "lodging_nights",
    "service_days",
    "hotel_save",
    "parse_room_numbers",
    "room_update",
    "rooms_create",
    "stay_assign",
    "stay_release",
    "stays_auto_assign",
    "ItemFields",
    "readiness_item_create",
    "readiness_item_report",
    "readiness_item_update",
]
