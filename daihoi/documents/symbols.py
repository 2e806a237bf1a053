"""Number and symbol composition, the one place that knows "540/TB-VP" from "540-TB/TU"."""

from typing import Any

from . import layout


def rules_of(document: Any) -> str:
    """The layout, Party or state, of a document's issuing office: each issuer has its own
    (`Agency.layout`), the congress's default standing in for one never set."""
    return document.issuer.layout or document.congress.document_rules


def type_code(*, rules: str, kind: str) -> str:
    return layout.PARTY_CODES.get(kind, kind) if rules == "party" else kind


def compose_symbol(
    *, rules: str, kind: str, number: int | None, issuer_code: str, superior_code: str = ""
) -> str:
    """State "540/TB-VP", công văn "1234/UBND-VP"; Party "540-TB/TU". Leading zero below 10.

    A state công văn has no type code: its symbol is the issuing body's code followed by the
    code of the unit that drafted it, here the superior body's code then the issuer's own.
    """
    shown = f"{number:02d}" if number else "\u00a0" * 6  # a draft leaves the number blank
    if rules == "party":
        return f"{shown}-{type_code(rules=rules, kind=kind)}/{issuer_code}"
    if kind in layout.LETTER_KINDS and not layout.STATE_LETTER_HAS_CODE:
        codes = f"{superior_code}-{issuer_code}" if superior_code else issuer_code
        return f"{shown}/{codes}"
    return f"{shown}/{kind}-{issuer_code}"


def number_line(*, rules: str, symbol: str) -> str:
    """ "Số: 540/TB-VP" (state) or "Số 540-TB/TU" (Party, no colon)."""
    return f"{layout.for_rules(rules).number_separator}{symbol}"
