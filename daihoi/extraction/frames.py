"""Frames around an addressee: an apposition after it ("Sở Nội vụ (cơ quan thường trực …)",
"- cơ quan thường trực …"), a topic ("Đối với <agencies>, …"), a condition ("Đơn vị nào chưa …
thì …") and a mandate ("Nhiệm vụ của <agency> là …")."""

from __future__ import annotations

from .agencies import parse_agency_list
from .indexes import GENERIC, STARTERS, TASKS
from .tokens import Span, Tok

APPOSED = frozenset({"cơ", "đơn", "thường"})  # "- cơ quan …", "- đơn vị …", "- thường trực …"
ROLE = frozenset({"thường", "chủ", "đầu", "tham", "giúp"})  # "cơ quan thường trực / chủ trì …"


def past_apposition(toks: list[Tok], q: int) -> int:
    """Past "(cơ quan thường trực Tiểu ban)" or "- cơ quan thường trực của …" after an
    agency: the predicate follows it."""
    n = len(toks)
    if q < n and toks[q].text == "(":
        for r in range(q + 1, min(n, q + 12)):
            if toks[r].text == ")":
                return r + 1
    dashed = q + 1 < n and toks[q].text in ("-", "–") and toks[q + 1].low in APPOSED
    bare = (
        q + 2 < n and toks[q].low == "cơ" and toks[q + 1].low == "quan" and toks[q + 2].low in ROLE
    )
    if dashed or bare:
        for r in range(q + 3, min(n, q + 16)):
            if not toks[r].word and toks[r].text not in ("-", "–"):
                break
            if TASKS.match(toks, r) >= 2:
                return r
    return q


def topic(toks: list[Tok], p0: int) -> tuple[list[Span], int] | None:
    """ "Đối với (trách nhiệm của) <agencies>, …", "Về phía <agencies>, …", "Riêng
    <agencies>, …" """
    n = len(toks)
    if 0 < p0 < n and toks[p0 - 1].low == "riêng":
        q = p0  # "Riêng" is skipped as a connector: the agencies start at p0
    elif p0 + 2 >= n or (toks[p0].low, toks[p0 + 1].low) not in (("đối", "với"), ("về", "phía")):
        return None
    else:
        q = p0 + 2
    if q + 2 < n and toks[q].low in ("trách", "nhiệm") and toks[q + 2].low == "của":
        q += 3
    spans = parse_agency_list(toks, q)
    if not spans or spans[-1].end >= n or toks[spans[-1].end].text not in (",", ":"):
        return None
    return spans, spans[-1].end + 1


def conditional(toks: list[Tok], p0: int) -> tuple[list[Span], int] | None:
    """ "Đơn vị nào chưa gửi báo cáo thì …": the units the condition picks out, as written."""
    n = len(toks)
    q = p0 + STARTERS.match(toks, p0)
    g = GENERIC.match(toks, q)
    if not g or q + g >= n or toks[q + g].low != "nào":
        return None
    for r in range(q + g + 1, min(n - 2, q + g + 16)):
        if toks[r].low == "thì":
            end = r - 1 if toks[r - 1].text == "," else r
            return [Span(p0, end, generic=True)], r + 1
    return None


def mandate(toks: list[Tok], p0: int) -> tuple[list[Span], int] | None:
    """ "Nhiệm vụ / Trách nhiệm của <agency> là …" """
    n = len(toks)
    if p0 + 3 >= n or toks[p0 + 2].low != "của":
        return None
    if (toks[p0].low, toks[p0 + 1].low) not in (("nhiệm", "vụ"), ("trách", "nhiệm")):
        return None
    spans = parse_agency_list(toks, p0 + 3)
    if not spans:
        return None
    e = spans[-1].end
    if e < n and toks[e].low == "là":
        return spans, e + 1
    if e < n and toks[e].text == ":":
        return spans, e + 1
    return None


# Openings of a clause that reports what was done before the meeting.
_PAST_FRAMES = frozenset(
    {("thời", "gian", "qua"), ("vừa", "qua"), ("trước", "đó"), ("đến", "nay"), ("năm", "qua")}
)


_PAST_BEFORE_QUA = frozenset({"vừa", "gian", "năm", "tháng", "tuần", "ngày", "kỳ"})


def _past_opening(lows: list[str], p0: int) -> bool:
    """An opening adverbial up to the first comma that ends in the past: "Trong thời gian
    qua, …", "Những năm qua, …", "Từ đầu năm đến nay, …"."""
    try:
        comma = lows.index(",", p0, p0 + 9)
    except ValueError:
        return False
    if comma - p0 < 2:
        return False
    last2 = (lows[comma - 2], lows[comma - 1])
    return last2 in (("đến", "nay"), ("tới", "nay")) or (
        last2[1] == "qua" and last2[0] in _PAST_BEFORE_QUA
    )


def reports_past(lows: list[str], p0: int) -> bool:
    """The clause from `p0` opens on the past ("Thời gian qua, …", "Trước đó, …"): it reports
    work done before the meeting, it gives none."""
    return (
        tuple(lows[p0 : p0 + 2]) in _PAST_FRAMES
        or tuple(lows[p0 : p0 + 3]) in _PAST_FRAMES
        or _past_opening(lows, p0)
    )
