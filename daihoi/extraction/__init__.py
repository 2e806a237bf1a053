"""Read a Vietnamese meeting report or conclusion notice and propose its tasks.

Plain Python (no Django): ``extract(text, today=None)`` returns a :class:`Draft` with the
meeting's fields and one :class:`Assignment` per agency and task; ``draft.to_dict()`` gives
the JSON shape used by ``python -m daihoi.extraction``.
"""

from __future__ import annotations

from .extract import extract
from .model import COORDINATE, LEAD, Assignment, Draft, Meeting

__all__ = ["COORDINATE", "LEAD", "Assignment", "Draft", "Meeting", "extract"]
