"""A letter's addressees: "Kính gửi: <agencies>" at its head, and "Quý <head>" ("Quý Sở",
"Quý cơ quan") in its body, which stands for them."""

from __future__ import annotations

from .agencies import parse_agency_list
from .indexes import GENERIC
from .tokens import Span, Tok, span_text, tokenize

_GREETING = "kính gửi"
_BULLETS = frozenset({":", "-", "–", "+", "•", "*", ";", ","})
_WINDOW = 400  # the addressees of a letter fit in its first lines after the greeting


def letter_addressees(nfc_text: str, work: str, lowered: str) -> list[str]:
    """The agencies after "Kính gửi" (a list over one or several bulleted lines), else []."""
    at = lowered.find(_GREETING)
    if at < 0:
        return []
    base = at + len(_GREETING)
    toks = tokenize(work[base : base + _WINDOW], base)
    names: list[str] = []
    q = 0
    while q < len(toks):
        while q < len(toks) and toks[q].text in _BULLETS:
            q += 1
        spans = parse_agency_list(toks, q)
        if not spans:
            break
        for s in spans:
            names.append(" ".join(span_text(nfc_text, toks, s.start, s.end).split()))
        q = spans[-1].end
        if q >= len(toks) or toks[q].text not in _BULLETS:
            break
    return names


def courtesy_addressee(toks: list[Tok], j: int) -> Span | None:
    """ "Quý Sở", "Quý Ủy ban", "Quý cơ quan": the letter's addressee, named by courtesy."""
    if j + 1 >= len(toks) or toks[j].low != "quý" or not toks[j].cap:
        return None
    k = GENERIC.match(toks, j + 1)
    if not k and toks[j + 1].cap:
        k = 2 if j + 2 < len(toks) and toks[j + 1].low == "ủy" else 1
    return Span(j, j + 1 + k) if k else None


def is_courtesy(name: str) -> bool:
    return name[:4].casefold() == "quý "
