"""Split the working text into paragraphs, sentences and clauses, keeping offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon as lx

# Abbreviations after which a dot does not end a sentence.
_ABBREV = frozenset(
    [
        "tp",
        "tx",
        "tt",
        "ts",
        "ths",
        "pgs",
        "gs",
        "bs",
        "ks",
        "th",
        "st",
        "v.v",
        "vv",
        "q",
        "p",
        "tw",
        "t.ư",
        "ctv",
        "pv",
        "btv",
        "ubnd",
        "hđnd",
        "no",
        "số",
        "tr",
    ]
)
_END = re.compile(r"[.!?…]+(?:\s*/\s*\.)?")
# "… một số nhiệm vụ: Khẩn trương …": a colon that opens a list of tasks ends a sentence.
_UMBRELLA = re.compile(
    r"(?:(?:một số|các|những)\s+(?:nhiệm vụ|nội dung|việc|công việc|yêu cầu|giải pháp)"
    r"(?:\s+(?:trọng tâm|cụ thể|chủ yếu|chính|quan trọng|trọng yếu))?(?:\s+(?:sau|như sau))?"
    r"|như sau|sau đây|cụ thể(?: là)?|gồm|bao gồm)\s*:\s*$",
    re.IGNORECASE,
)
# A line that ends with a colon after a directive opens a list of that directive's tasks.
_OPENS_LIST = re.compile(
    r"(?:yêu\s+cầu|đề\s+nghị|giao|chỉ\s+đạo|lưu\s+ý|nhiệm\s+vụ|sau|như\s+sau)\b[^:]*:$",
    re.IGNORECASE,
)
# List markers at the start of a line ("1.", "a)", "-", "+", "•").
_LIST_MARKER = re.compile(r"^\s*(?:[-+•*–—]+|\d{1,2}[.)]|[a-zđ][.)]|[IVX]{1,4}[.)])\s+")
# Ordinals that open the items of a list inside a paragraph ("Một là, …", "Thứ hai, …").
_ENUMERATOR = re.compile(
    r"(?:(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+là|"
    r"thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười))\s*[,:]\s*",
    re.IGNORECASE,
)
_LAST_WORD = re.compile(r"([\w.]+)$")
_COLON = re.compile(r":\s+")
# A piece of text longer than this is cut at commas, so no sentence is unbounded.
MAX_SENTENCE = 1500


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    umbrella: bool = False  # ends with a colon that opens a list of tasks
    cut: bool = False  # the text stops inside this sentence (no final punctuation)
    listed: bool = False  # opens a line with a list marker ("-", "1.", "a)")


def _last_word(line: str, end: int) -> re.Match[str] | None:
    """``_LAST_WORD.search(line, 0, end)``, searched first in the last 40 characters: a
    match that starts after the window's start is the whole word."""
    start = max(0, end - 40)
    word = _LAST_WORD.search(line, start, end)
    if start and word and word.start() == start:
        word = _LAST_WORD.search(line, 0, end)
    return word


def _is_boundary(line: str, m: re.Match[str]) -> bool:
    dot_at = m.start()
    rest = line[m.end() :]
    nxt = rest.lstrip()
    if not nxt:
        return True
    if m.group(0) == "." and dot_at > 0:
        # A dot inside a number ("21.9", "1.000") or an abbreviation ("TP. Hà Nội").
        if line[dot_at - 1].isdigit() and nxt[:1].isdigit() and not rest[:1].isspace():
            return False
        word = _last_word(line, dot_at)
        if word and word.group(1).lower() in _ABBREV:
            return False
        if word and len(word.group(1)) == 1 and word.group(1).isupper():
            return False  # an initial ("P. Hoa")
    if not rest[:1].isspace():
        return False
    first = nxt[0]
    return first.isupper() or first.isdigit() or first in "\"“‘'(-–—[•+*"


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    pos = 0
    para = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        para += 1
        marker = _LIST_MARKER.match(line)
        start = marker.end() if marker else 0
        pieces: list[tuple[int, int, bool]] = []
        for m in _END.finditer(line):
            if m.end() <= start or not _is_boundary(line, m):
                continue
            pieces.append((start, m.end(), False))
            start = m.end()
        if line[start:].strip():
            pieces.append((start, len(line), True))
        for index, (a, b, unterminated, item) in enumerate(_inline_items(line, pieces)):
            for a2, b2, umbrella in _split_umbrella(line, a, b):
                for a3, b3 in _bound(line, a2, b2):
                    seg = line[a3:b3]
                    lead = len(seg) - len(seg.lstrip())
                    trail = len(seg.rstrip())
                    head = seg[lead : lead + 10].lower()  # cheap test before the pattern
                    enumerated = (
                        _ENUMERATOR.match(seg, lead)
                        if " là" in head or head.startswith("thứ")
                        else None
                    )
                    if enumerated:
                        lead = enumerated.end()
                    if trail <= lead:
                        continue
                    sentences.append(
                        Sentence(
                            line_start + a3 + lead,
                            line_start + a3 + trail,
                            para,
                            umbrella,
                            listed=bool(enumerated)
                            or (bool(marker) and index == 0 or item)
                            and a3 == a,
                        )
                    )
            if unterminated and sentences:
                last = sentences[-1]
                if text[last.start : last.end].endswith(":") and _OPENS_LIST.search(
                    text[last.start : last.end]
                ):
                    last.umbrella = True  # "đề nghị UBND các tỉnh:" with the list below
                else:
                    last.cut = True
    return sentences


_ITEM_NUMBER = re.compile(r"\s*\d{1,2}[.)]\s*$")


def _inline_items(
    line: str, pieces: list[tuple[int, int, bool]]
) -> list[tuple[int, int, bool, bool]]:
    """The pieces of a line with the bare numbers of an inline list ("…: 1. Rà soát … 2. Tổng
    hợp …") dropped; the piece after such a number is marked as a list item."""
    out: list[tuple[int, int, bool, bool]] = []
    item = False
    for a, b, unterminated in pieces:
        if _ITEM_NUMBER.match(line[a:b]) and not unterminated:
            item = True
            continue
        out.append((a, b, unterminated, item))
        item = False
    return out


def _split_umbrella(line: str, a: int, b: int) -> list[tuple[int, int, bool]]:
    out: list[tuple[int, int, bool]] = []
    seg = line[a:b]
    for m in _COLON.finditer(seg):
        if (
            m.end() < len(seg)
            and seg[m.end()].isupper()
            and _UMBRELLA.search(seg[: m.start() + 1])
            and _opens_task(seg[m.end() : m.end() + 40])
        ):
            out.append((a, a + m.start() + 1, True))
            out.append((a + m.end(), b, False))
            return out
    return [(a, b, False)]


_TASK_OPENINGS = lx.TASK_VERBS | lx.MODALS


def _opens_task(text: str) -> bool:
    """The list after a colon opens with a task verb ("…: Rà soát …"), not with nouns
    ("… chuẩn bị các hạng mục: Sân khấu, âm thanh …", which stay one task)."""
    enumerated = _ENUMERATOR.match(text)
    if enumerated:
        text = text[enumerated.end() :]
    words = tuple(text.lower().split()[:3])
    return any(words[:k] in _TASK_OPENINGS for k in (1, 2, 3))


def _bound(line: str, a: int, b: int) -> list[tuple[int, int]]:
    if b - a <= MAX_SENTENCE:
        return [(a, b)]
    out = []
    while b - a > MAX_SENTENCE:
        cut = line.rfind(",", a, a + MAX_SENTENCE)
        if cut <= a:
            cut = line.rfind(" ", a, a + MAX_SENTENCE)
        if cut <= a:
            cut = a + MAX_SENTENCE
        out.append((a, cut))
        a = cut + 1
    out.append((a, b))
    return out


def split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clauses separated by ";" outside brackets, as (start, end) offsets."""
    k = text.find(";", start, end)
    if k < 0:
        return [(start, end)] if text[start:end].strip() else []
    out = []
    a = start
    while k >= 0:
        # A ";" inside brackets does not end a clause.
        if text.count("(", start, k) <= text.count(")", start, k):
            out.append((a, k))
            a = k + 1
        k = text.find(";", k + 1, end)
    out.append((a, end))
    return [(x, y) for x, y in out if text[x:y].strip()]
