"""Logistics models, one module a subdomain; every name is importable from here."""

from .actions import LogisticsAction
from .board import (
    AUDIENCE_KINDS,
    MAX_VEHICLE_SEATS,
    Audience,
    Diet,
    DietNote,
    Meal,
    MealKind,
    Ride,
    Trip,
    Vehicle,
)
from .lodging import MAX_ROOM_CAPACITY, GenderRule, Hotel, Room, Stay, StayMove
from .readiness import (
    ReadinessArea,
    ReadinessItem,
    ReadinessPhoto,
    ReadinessState,
    late_q,
)
from .seating import MAX_ROWS, MAX_SEATS_PER_ROW, Block, BlockDelegation, Hall, Seat

__all__ = [
    "MAX_ROWS",
    "MAX_SEATS_PER_ROW",
    "Block",
    "BlockDelegation",
    "Hall",
    "Seat",
    "AUDIENCE_KINDS",
    "MAX_VEHICLE_SEATS",
    "Audience",
    "Diet",
    "DietNote",
    "Meal",
    "MealKind",
    "Ride",
    "Trip",
    "Vehicle",
    "MAX_ROOM_CAPACITY",
    "GenderRule",
    "Hotel",
    "Room",
    "Stay",
    "StayMove",
    "LogisticsAction",
    "ReadinessArea",
    "ReadinessItem",
    "ReadinessPhoto",
    "ReadinessState",
    "late_q",
]
