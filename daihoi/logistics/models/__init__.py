"""Logistics models, one module a subdomain; every name is importable from here."""

from .actions import LogisticsAction
from .lodging import MAX_ROOM_CAPACITY, GenderRule, Hotel, Room, Stay, StayMove
from .readiness import (
    ReadinessArea,
    ReadinessItem,
    ReadinessPhoto,
    ReadinessState,
    late_q,
)

__all__ = [
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
