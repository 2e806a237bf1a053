"""Visual propaganda (pano, băng rôn, cờ, màn hình LED) and press and media output."""

from .media import (
    ArtEvent,
    Column,
    MediaAction,
    MediaPiece,
    Outlet,
)
from .visual import (
    MAX_QUANTITY,
    ItemKind,
    ItemPhoto,
    ItemState,
    Route,
    Slogan,
    VisualAction,
    VisualItem,
)

__all__ = [
    "MAX_QUANTITY",
    "ArtEvent",
    "Column",
    "ItemKind",
    "ItemPhoto",
    "ItemState",
    "MediaAction",
    "MediaPiece",
    "Outlet",
    "Route",
    "Slogan",
    "VisualAction",
    "VisualItem",
]
