"""Every change users make to the propaganda register and the press output: atomic, checked,
audited."""

from .media import (
    EventFields,
    PieceFields,
    column_create,
    column_update,
    event_create,
    event_update,
    outlet_create,
    outlet_update,
    piece_create,
    piece_update,
)
from .visual import (
    ItemFields,
    item_add_photo,
    item_create,
    item_set_state,
    item_update,
    route_create,
    route_update,
    slogan_create,
    slogan_update,
)

__all__ = [
    "EventFields",
    "ItemFields",
    "PieceFields",
    "column_create",
    "column_update",
    "event_create",
    "event_update",
    "item_add_photo",
    "item_create",
    "item_set_state",
    "item_update",
    "outlet_create",
    "outlet_update",
    "piece_create",
    "piece_update",
    "route_create",
    "route_update",
    "slogan_create",
    "slogan_update",
]
