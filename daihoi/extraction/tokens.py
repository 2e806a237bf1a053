"""Word tokens with offsets, and matching of lexicon phrases on them."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import accumulate, repeat
from operator import itemgetter
from typing import NamedTuple

# A word keeps its inner dots, hyphens, ampersands and slashes ("T.Ư", "VH-TT&DL",
# "268/KH-UBND", "21.9"); any other non-space character is a token of its own. Every
# character is either in a token or a space, so splitting on the tokens (kept by the group)
# leaves only the spaces between them.
_TOKEN = re.compile(r"(\w+(?:[.&'’/\-–]\w+)*|[^\w\s])")


class Tok(NamedTuple):
    text: str
    low: str
    start: int
    end: int
    word: bool
    cap: bool  # starts with a capital letter
    ecap: bool  # its last hyphen-separated part starts with a capital ("thanh-Truyền")


# Tokenising is the largest single cost of the extractor, so it runs as C-level loops: the
# text is split into spaces and tokens in turn, the offsets are running sums of their
# lengths, the fields are mapped column by column and zipped into tuples, whose named type is
# set by calling tuple.__new__ directly (no Python-level __new__ per token).
_NEW: Callable[[type[Tok], tuple[str, str, int, int, bool, bool, bool]], Tok] = tuple.__new__
_FIRST = itemgetter(0)
_LOW = itemgetter(1)  # Tok.low


def tokenize(text: str, base: int = 0) -> list[Tok]:
    parts = _TOKEN.split(text)  # space, token, space, token, …, space
    words = parts[1::2]
    ends = list(accumulate(map(len, parts), initial=base))
    starts = ends[1::2]  # the end of the space before each token
    ends = ends[2::2]
    firsts = list(map(_FIRST, words))
    caps = list(map(str.isupper, firsts))
    ecaps = caps
    if "-" in text:
        ecaps = caps.copy()
        for k, w in enumerate(words):
            if "-" in w:
                last = w.rsplit("-", 1)[-1]
                ecaps[k] = bool(last) and last[0].isupper()
    lows = map(str.lower, words)
    columns = zip(words, lows, starts, ends, map(str.isalnum, firsts), caps, ecaps, strict=False)
    return list(map(_NEW, repeat(Tok), columns))


def tokens_between(toks: list[Tok], starts: list[int], a: int, b: int) -> list[Tok]:
    """The tokens of a text that lie within [a, b), given the list of their start offsets."""
    i = bisect_left(starts, a)
    j = bisect_left(starts, b)
    while j > i and toks[j - 1].end > b:
        j -= 1
    return toks[i:j]


@dataclass(slots=True)
class Span:
    """Tokens [start, end) that name an agency."""

    start: int
    end: int
    generic: bool = False


_Node = dict[str | None, "_Node"]
_SINGLE: _Node = {}  # the node of a first syllable whose every phrase is that one syllable


class PhraseIndex:
    """Longest-match lookup of lower-case syllable tuples at a token position.

    The phrases are kept as a trie of syllables: a lookup walks the tokens only as far as
    some phrase goes on, instead of comparing every phrase that shares the first syllable."""

    def __init__(self, items: Iterable[tuple[str, ...]]) -> None:
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for item in items:
            self.by_first.setdefault(item[0], []).append(item)
        for lst in self.by_first.values():
            lst.sort(key=len, reverse=True)
        # Per first syllable, its trie node: a dict from the next syllable to the next node,
        # where the key None marks the end of a phrase.
        self._first: dict[str, _Node] = {}
        self._longest = max((len(lst[0]) for lst in self.by_first.values()), default=1)
        for w, lst in self.by_first.items():
            if len(lst[0]) == 1:
                self._first[w] = _SINGLE
                continue
            root: _Node = {}
            for cand in lst:
                node = root
                for syl in cand[1:]:
                    node = node.setdefault(syl, {})
                node[None] = {}
            self._first[w] = root

    def match(self, toks: list[Tok], i: int) -> int:
        """Length (in tokens) of the longest phrase starting at ``toks[i]``, else 0."""
        try:
            low = toks[i][1]  # Tok.low, read by index (the commonest call of the extractor)
        except IndexError:
            return 0
        node = self._first.get(low)
        if node is None:
            return 0
        if node is _SINGLE:
            return 1
        best = 1 if None in node else 0
        k = i + 1
        for tok in toks[k : i + self._longest]:
            nxt = node.get(tok[1])
            if nxt is None:
                break
            node = nxt
            k += 1
            if None in node:
                best = k - i
        return best


def span_text(text: str, toks: list[Tok], i: int, j: int) -> str:
    """The original text from token i to token j-1 inclusive."""
    if j <= i:
        return ""
    return text[toks[i].start : toks[j - 1].end]
