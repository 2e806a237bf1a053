"""The extractor's entry point: text in, :class:`Draft` out."""

from __future__ import annotations

from datetime import date

from .assignments import extract_assignments
from .meeting import read_meeting
from .model import Draft
from .normalize import clean, looks_vietnamese, nfc
from .sentences import split_sentences

# Beyond this many characters the text is not an article: read only its beginning.
MAX_CHARS = 6_000_000


def extract(text: str, today: date | None = None) -> Draft:
    """Meeting fields and proposed assignments of a Vietnamese meeting report or notice.

    ``today`` gives the year of dates written without one when the text itself does not
    (no dateline, explicit year, term or national congress ordinal).
    """
    if not text or not text.strip():
        return Draft()
    nfc_text = nfc(text[:MAX_CHARS])
    work = clean(nfc_text)
    if not looks_vietnamese(work):
        return Draft()
    sentences = split_sentences(work)
    meeting, ctx = read_meeting(work, today, sentences)
    return Draft(meeting, extract_assignments(nfc_text, work, ctx, sentences))
