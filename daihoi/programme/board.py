"""Panels that other apps add to the presidium's board (màn hình điều hành).

The board lives with the list of speakers; an app lower in the layers (voting…) shows its part
there by registering a panel in its AppConfig.ready, so the board never imports it and works
without it:

    register_board_panel(BoardPanel("voting", "voting/board_slot.html", open_vote_context))

`context(access, session)` returns what the panel's template reads (`session` is the programme
session the board shows, or None); the template is included with it on every refresh, so it
should cost one or two queries.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from daihoi.organizations.permissions import Access

from .models import Session


@dataclass(frozen=True)
class BoardPanel:
    name: str
    template: str
    context: Callable[[Access, Session | None], dict[str, Any]]
    order: int = 100


_panels: dict[str, BoardPanel] = {}


def register_board_panel(panel: BoardPanel) -> None:
    """Adds (or replaces, by name) a panel of the board."""
    _panels[panel.name] = panel


def board_panels() -> list[BoardPanel]:
    return sorted(_panels.values(), key=lambda p: (p.order, p.name))
