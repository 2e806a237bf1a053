"""Word tokens with offsets, and matching of lexicon phrases on them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# A word keeps its inner dots, hyphens, ampersands and slashes ("T.Ư", "VH-TT&DL",
# "268/KH-UBND", "21.9"); any other non-space character is a token of its own.
_TOKEN = re.compile(r"\w+(?:[.&'’/\-–]\w+)*|[^\w\s]")


@dataclass(slots=True)
class Tok:
    text: str
    low: str
    start: int
    end: int
    word: bool
    cap: bool  # starts with a capital letter
    ecap: bool  # its last hyphen-separated part starts with a capital ("thanh-Truyền")


def tokenize(text: str, base: int = 0) -> list[Tok]:
    toks: list[Tok] = []
    for m in _TOKEN.finditer(text):
        t = m.group(0)
        word = t[0].isalnum() or t[0] == "_"
        cap = t[0].isupper()
        last = t.rsplit("-", 1)[-1] if "-" in t else t
        ecap = bool(last) and last[0].isupper()
        toks.append(Tok(t, t.lower(), base + m.start(), base + m.end(), word, cap, ecap))
    return toks


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
