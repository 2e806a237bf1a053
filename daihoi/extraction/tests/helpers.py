"""Helpers shared by the extraction tests."""

from __future__ import annotations

from datetime import date

from daihoi.extraction import Draft, extract


def run(text: str, today: date | None = None) -> Draft:
    return extract(text, today=today)


def pairs(draft: Draft) -> list[tuple[str, str]]:
    return [(a.agency, a.role) for a in draft.assignments]


def agencies(draft: Draft, role: str = "lead") -> list[str]:
    return [a.agency for a in draft.assignments if a.role == role]
