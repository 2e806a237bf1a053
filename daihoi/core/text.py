"""Vietnamese text helpers: the one cleaning rule for typed/imported text, and search folding."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Line-like controls a paste brings (Word's manual line break is U+000B): kept as a line break.
_LINE_BREAKS = re.compile(r"\r\n|[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# Everything else XML 1.0 (DOCX, XLSX) refuses or a reader cannot see: other C0/C1 controls,
# DEL, lone surrogates and the non-characters U+FFFE/U+FFFF. Tab and newline are kept.
_DROPPED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str, *, multiline: bool = True) -> str:
    """The shared rule for every text field and import: NFC, tab/newline kept, other controls gone.

    Line-like controls (U+000B, U+000C, CR, NEL, U+2028…) become a newline, or a space when the
    field holds one line; every other C0/C1 control is dropped. Writers call it too, so what is
    already stored never breaks a DOCX, XLSX or ICS.
    """
    if not text:
        return text
    text = _LINE_BREAKS.sub("\n" if multiline else " ", text)
    if not multiline:
        text = text.replace("\n", " ")
    return unicodedata.normalize("NFC", _DROPPED.sub("", text))


def normalize(text: str) -> str:
    """NFC, non-breaking spaces to spaces, runs of whitespace collapsed."""
    text = unicodedata.normalize("NFC", text or "")
    return _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()


def fold(text: str) -> str:
    """Lower-case and strip diacritics, đ→d: "Sở Tài chính" → "so tai chinh"."""
    decomposed = unicodedata.normalize("NFD", normalize(text).lower())
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return stripped.replace("đ", "d")
