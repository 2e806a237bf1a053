"""Vietnamese text helpers: folding for search that ignores diacritics and case."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def normalize(text: str) -> str:
    """NFC, non-breaking spaces to spaces, runs of whitespace collapsed."""
    text = unicodedata.normalize("NFC", text or "")
    return _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()


def fold(text: str) -> str:
    """Lower-case and strip diacritics, đ→d: "Sở Tài chính" → "so tai chinh"."""
    decomposed = unicodedata.normalize("NFD", normalize(text).lower())
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return stripped.replace("đ", "d")
