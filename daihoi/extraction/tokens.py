"""Word tokens with offsets, and matching of lexicon phrases on them."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from typing import NamedTuple

# A word keeps its inner dots, hyphens, ampersands and slashes ("T.Ư", "VH-TT&DL",
# "268/KH-UBND", "21.9"); any other non-space character is a token of its own.
_TOKEN = re.compile(r"\w+(?:[.&'’/\-–]\w+)*|[^\w\s]")


class Tok(NamedTuple):
    text: str
    low: str
    start: int
    end: int
    word: bool
    cap: bool  # starts with a capital letter
    ecap: bool  # its last hyphen-separated part starts with a capital ("thanh-Truyền")


# Building the tuple directly skips the Python-level __new__ of a named tuple: tokenising is
# the largest single cost of the extractor.
_NEW: Callable[[type[Tok], tuple[str, str, int, int, bool, bool, bool]], Tok] = tuple.__new__  # type: ignore[assignment]


def tokenize(text: str, base: int = 0) -> list[Tok]:
    toks: list[Tok] = []
    append = toks.append
    new = _NEW
    lowered = text.lower()
    # Lower-casing keeps the length of Vietnamese text; if some other script does not, the
    # slices would shift, so each token is then lowered on its own.
    same = len(lowered) == len(text)
    for m in _TOKEN.finditer(text):
        a, b = m.span()
        t = m.group(0)
        c = t[0]
        cap = c.isupper()
        if "-" in t:
            last = t.rsplit("-", 1)[-1]
            ecap = bool(last) and last[0].isupper()
        else:
            ecap = cap
        low = lowered[a:b] if same else t.lower()
        append(new(Tok, (t, low, base + a, base + b, c.isalnum(), cap, ecap)))
    return toks


def tokens_between(toks: list[Tok], starts: list[int], a: int, b: int) -> list[Tok]:
    """The tokens of a text that lie within [a, b), given the list of their start offsets."""
    i = bisect_left(starts, a)
    j = bisect_left(starts, b)
    while j > i and toks[j - 1].end > b:
        j -= 1
    return toks[i:j]


class PhraseIndex:
    """Longest-match lookup of lower-case syllable tuples at a token position."""

    def __init__(self, items: Iterable[tuple[str, ...]]) -> None:
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for item in items:
            self.by_first.setdefault(item[0], []).append(item)
        for lst in self.by_first.values():
            lst.sort(key=len, reverse=True)

    def match(self, toks: list[Tok], i: int) -> int:
        """Length (in tokens) of the longest phrase starting at ``toks[i]``, else 0."""
        if i >= len(toks):
            return 0
        cands = self.by_first.get(toks[i].low)
        if not cands:
            return 0
        n = len(toks)
        for cand in cands:
            k = len(cand)
            if i + k <= n and all(toks[i + j].low == cand[j] for j in range(1, k)):
                return k
        return 0


def span_text(text: str, toks: list[Tok], i: int, j: int) -> str:
    """The original text from token i to token j-1 inclusive."""
    if j <= i:
        return ""
    return text[toks[i].start : toks[j - 1].end]
