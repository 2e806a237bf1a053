"""Every change users cause in logistics: one function per business action, atomic, audited."""

from .readiness import (
    ItemFields,
    readiness_item_create,
    readiness_item_report,
    readiness_item_update,
)

__all__ = [
    "ItemFields",
    "readiness_item_create",
    "readiness_item_report",
    "readiness_item_update",
]
