"""Logistics models, one module a subdomain; every name is importable from here."""

from .actions import LogisticsAction
from .readiness import (
    ReadinessArea,
    ReadinessItem,
    ReadinessPhoto,
    ReadinessState,
    late_q,
)

__all__ = [
    "LogisticsAction",
    "ReadinessArea",
    "ReadinessItem",
    "ReadinessPhoto",
    "ReadinessState",
    "late_q",
]
