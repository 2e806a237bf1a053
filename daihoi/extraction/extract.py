"""The extractor's entry point: text in, :class:`Draft` out."""

from __future__ import annotations

from datetime import date

from .assignments import extract_candidates
from .meeting import read_meeting
from .model import Draft, Meeting
from .normalize import clean, looks_vietnamese, nfc
from .scorer import Candidate, Filter
from .sentences import split_sentences

# Beyond this many characters the text is not an article: read only its beginning.
MAX_CHARS = 6_000_000


def extract(text: str, today: date | None = None) -> Draft:
    """Meeting fields and proposed assignments of a Vietnamese meeting report or notice.

    ``today`` gives the year of dates written without one when the text itself does not
    (no dateline, explicit year, term or national congress ordinal).
    """
    return extract_with(text, today, None)


def extract_with(text: str, today: date | None, model: Filter | None) -> Draft:
    """:func:`extract` with a learned assignment filter (None keeps every candidate, as
    :func:`extract` does: cross-validation showed no gain from the filter, see
    bench/README.md)."""
    read = read_text(text, today)
    if read is None:
        return Draft()
    meeting, candidates = read
    return Draft(meeting, [c.assignment for c in candidates if model is None or model.keep(c)])


def read_text(text: str, today: date | None) -> tuple[Meeting, list[Candidate]] | None:
    """The meeting fields and the rules' candidate assignments, or None for a text that is
    empty or not Vietnamese."""
    if not text or not text.strip():
        return None
    nfc_text = nfc(text[:MAX_CHARS])
    work = clean(nfc_text)
    if not looks_vietnamese(work):
        return None
    sentences = split_sentences(work)
    meeting, ctx = read_meeting(work, today, sentences)
    return meeting, extract_candidates(nfc_text, work, ctx, sentences)
