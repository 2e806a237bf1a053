"""Recognise agencies in a token list: a grammar of administrative addressee phrases.

* Named agencies: a head ("Sở", "UBND", "Công an", "Tiểu ban", …) and its name (capitalised
  syllables, place words, joining words of official names, a committee's function).
* Generic addressees: "các/những/từng/mỗi" and nouns of agencies ("các sở, ban, ngành").
* Members and office holders: "Lãnh đạo các tiểu ban", "Giám đốc Sở Y tế" (gives the Sở).

A list ("Báo X, Đài Y", "A và các cơ quan …", "X, nhất là Y") gives one agency each; a
composite generic phrase stays whole.
"""

from __future__ import annotations

from . import lexicon as lx
from .indexes import (
    DOMAIN,
    FREE,
    FUNCTIONS,
    GENERIC,
    LOC,
    LOC_NOUNS,
    LOWER,
    NAMED,
    OFFICES,
    PREFIXES,
    QUALIFIERS,
    START_WORDS,
    STARTERS,
    TASK_START,
    UNDER,
)
from .phrase_parts import (
    after_term,
    anniversary_run,
    attending,
    committee_rule,
    event_rule,
    generic_assigned,
    lower_field,
    more_places,
    number_rule,
    ordinal_rule,
    parenthesis,
    second_function,
    starts_predicate,
    units_after_head,
)
from .tokens import Span, Tok

MAX_NAME = 24  # tokens; official names are long, but never this long


_HEAD_FIRSTS = frozenset(
    [*FREE.by_first, *NAMED.by_first, *LOWER.by_first, *lx.LOWER_NAMED]
)  # first syllables of every head: most words are none, and are rejected by this test


def _head(toks: list[Tok], i: int) -> tuple[int, bool]:
    """(length of the agency head at i, whether it needs a capitalised name after it)."""
    t = toks[i]
    if t.low not in _HEAD_FIRSTS or not t.word:
        return 0, False
    if t.cap:
        k = FREE.match(toks, i)
        if k:
            return k, False
        k = NAMED.match(toks, i)
        if k:
            return k, True
    elif t.low in lx.LOWER_NAMED and i + 1 < len(toks) and toks[i + 1].cap:
        return 1, True  # "ban Dân tộc", "sở Nội vụ": a head written in lower case
    k = LOWER.match(toks, i)
    if k:
        return k, False
    return 0, False


def is_agency_start(toks: list[Tok], i: int) -> bool:
    if i >= len(toks) or toks[i].low not in START_WORDS:
        return False
    if STARTERS.match(toks, i) or _head(toks, i)[0]:
        return True
    if _office_holder(toks, i) is not None:
        return True
    k = PREFIXES.match(toks, i)
    return bool(k) and _member_of(toks, i, k) is not None


def parse_named(toks: list[Tok], i: int) -> Span | None:
    n = len(toks)
    h, need_name = _head(toks, i)
    if not h:
        return None
    j = i + h
    field = lower_field(toks, i, j) if h == 1 else 0
    j += field
    need_name = need_name and not field
    if need_name:
        if j < n and toks[i].low in lx.MEDIA_HEADS and not toks[j].cap and LOC.match(toks, j):
            return Span(i, j + LOC.match(toks, j))  # "Báo tỉnh", "Đài huyện"
        if j >= n or not toks[j].word or not toks[j].ecap:
            return None
        if toks[j].low in lx.NOT_AGENCY_NEXT and not (
            toks[j].low == "quốc" and toks[i].low == "bộ"  # "Bộ Quốc phòng", not "Tổ quốc"
        ):
            return None
        if toks[i].low in ("hội", "tổ", "đoàn", "báo") and toks[j].low in ("nghị", "chức"):
            return None
    if j + 1 < n and toks[j].low == "của" and LOWER.match(toks, i) == h:
        owner = parse_named(toks, j + 1)  # "tổ thư ký của Tiểu ban Văn kiện"
        if owner is not None:
            return Span(i, owner.end)
    head_end = end = j
    # "Công an các đơn vị", "UBBC các huyện": the head's own units.
    k = units_after_head(toks, j)
    if k:
        return Span(i, k)
    while j < n and j - i < MAX_NAME:
        step = _name_step(toks, head_end, j)
        if step is None:
            break
        j, extends = step
        if extends:
            end = j
    if end <= i:
        return None
    return Span(i, end)


_NameStep = tuple[int, bool] | None


def _name_step(toks: list[Tok], head_end: int, j: int) -> _NameStep:
    """Where the name goes on from token j (and whether that token belongs to it), or None."""
    t = toks[j]
    if t.word and t.ecap and not (t.cap and LOWER.match(toks, j)):
        return j + 1, True
    if t.word:
        return _word_step(toks, head_end, j)
    if t.text in ("-", "–"):
        if j + 1 < len(toks) and toks[j + 1].ecap and not is_agency_start(toks, j + 1):
            return j + 1, False
        return None
    if t.text == "," and j + 1 < len(toks):
        return _comma_step(toks, j)
    return None


def _word_step(toks: list[Tok], head_end: int, j: int) -> _NameStep:
    for rule in _WORD_RULES:
        step = rule(toks, head_end, j)
        if step is not None:
            return step
    return None


def _loc_rule(toks: list[Tok], head_end: int, j: int) -> _NameStep:
    k = LOC.match(toks, j)
    if k:
        return j + k, True
    k = DOMAIN.match(toks, j)
    if k and j > head_end and not TASK_START.match(toks, j):
        return j + k, True
    if toks[j].low == "ở" and j + 2 < len(toks):
        # "Ủy ban bầu cử ở các huyện", "Tổ bầu cử ở xã"
        q = j + 2 if toks[j + 1].low == "các" else j + 1
        k = LOC_NOUNS.match(toks, q)
        if k:
            return more_places(toks, q + k) if q == j + 2 else q + k, True
    if toks[j].low == "các" and GENERIC.match(toks, j + 1) > LOC_NOUNS.match(toks, j + 1) == 1:
        # "Ban Thường vụ các huyện ủy, thành ủy": committees of the places, not the places
        q = j + 1 + GENERIC.match(toks, j + 1)
        while q + 1 < len(toks) and toks[q].text == "," and GENERIC.match(toks, q + 1) >= 2:
            q += 1 + GENERIC.match(toks, q + 1)
        return q, True
    if toks[j].low in ("các", "cấp") and LOC_NOUNS.match(toks, j + 1):
        # "UBND các huyện, thành phố (trực thuộc Trung ương)"
        q = more_places(toks, j + 1 + LOC_NOUNS.match(toks, j + 1))
        q += UNDER.match(toks, q)
        return q, True
    return None


def _inner_head_rule(toks: list[Tok], head_end: int, j: int) -> _NameStep:
    # A head inside the name, written in lower case ("Ban chỉ đạo", "Ban tổ chức").
    k = FREE.match(toks, j - 1)
    if toks[j - 1].cap and k >= 2:
        return j + k - 1, True
    return None


def _second_syllable_rule(toks: list[Tok], head_end: int, j: int) -> _NameStep:
    # Second syllable of a capitalised word: "Tuyên giáo", "Tài chính", "Tỉnh ủy"
    # (a head word inside the name, "Ban Bí thư", is a boundary too).
    p = toks[j - 1]
    if not (p.word and p.ecap and j - 1 >= head_end) or starts_predicate(toks, j):
        return None
    if toks[j].low in lx.QUANTIFIERS or (
        j + 1 < len(toks) and (toks[j].low, toks[j + 1].low) in lx.JOINING_PAIRS
    ):
        return None  # "Đoàn các …", "Lễ kỷ niệm …": no syllable of the name
    if len(p.text) > 1 and p.text.isupper() and not toks[j].cap:
        return None  # "… lần thứ XXV họp": an acronym or numeral ends a run
    first_of_run = (
        j - 1 == head_end
        or not p.cap
        or not (toks[j - 2].word and toks[j - 2].ecap and j - 2 >= head_end)
        or bool(_head(toks, j - 2)[0])
    )
    return (j + 1, True) if first_of_run else None


def _joining_rule(toks: list[Tok], head_end: int, j: int) -> _NameStep:
    """Joining words of official names followed by a capitalised word ("… và Du lịch",
    "… phục vụ Đại hội", "… kỷ niệm 1000 năm Thăng Long")."""
    n = len(toks)
    low = toks[j].low
    nxt = toks[j + 1].low if j + 1 < n else ""
    if low in ("và", "-", "–"):
        k = 1
        q = second_function(toks, head_end, j) if low == "và" else 0
        if q:
            return q, True
    elif (low, nxt) in lx.JOINING_PAIRS:
        k = 2
        while j + k + 1 < n and toks[j + k].text[:1].isdigit() and toks[j + k + 1].low == "năm":
            k += 2
    else:
        return None
    q = j + k
    if k > 2 and (q >= n or not toks[q].ecap or toks[q].low == "ngày"):
        r = anniversary_run(toks, q)
        return (r, True) if r > q else None
    if q < n and toks[q].word and toks[q].ecap and not is_agency_start(toks, q):
        return q, False
    return None


def _units_rule(toks: list[Tok], head_end: int, j: int) -> _NameStep:
    """ "Ban Thường vụ Đoàn các trường đại học": the units of a head inside the name."""
    k = units_after_head(toks, j) if toks[j].low == "các" else 0
    return (k, True) if k else None


_WORD_RULES = (
    number_rule,
    _loc_rule,
    _units_rule,
    event_rule,
    committee_rule,
    _inner_head_rule,
    _second_syllable_rule,
    _joining_rule,
    ordinal_rule,
)


def _comma_step(toks: list[Tok], j: int) -> _NameStep:
    n = len(toks)
    nxt = toks[j + 1]
    # ", lần thứ XVIII" and ", huyện Gia Lộc" belong to the name.
    if nxt.low == "lần":
        return j + 1, False
    k = LOC_NOUNS.match(toks, j + 1)
    if k and j + 1 + k < n and toks[j + 1 + k].ecap:
        return j + 1, False
    # "Tiểu ban Tuyên truyền, khánh tiết": one more function of the committee.
    f = FUNCTIONS.match(toks, j + 1)
    last = f and (j + 1 + f >= n or toks[j + 1 + f].text != ",")
    if last and any(FUNCTIONS.match(toks, q) == j - q for q in range(max(0, j - 3), j)):
        return j + 1 + f, True
    # "Văn hóa, Thể thao và Du lịch", "Văn hóa, Thông tin, Thể thao và Du lịch": a comma
    # series of capitalised words closed by "và" + capital.
    if nxt.ecap and not is_agency_start(toks, j + 1):
        for q in range(j + 2, min(n - 1, j + 10)):
            if toks[q].low == "và" and toks[q + 1].ecap:
                return j + 1, False
            if toks[q].word:
                continue
            if toks[q].text != "," or not toks[q + 1].ecap or is_agency_start(toks, q + 1):
                return None
    return None


def _named_inside(toks: list[Tok], j: int) -> bool:
    """A capitalised named agency ("Ban Bầu cử các cấp", "Sở Nội vụ") starts at j: a list
    item of its own, not one more noun of a generic phrase."""
    if not toks[j].cap:
        return False
    span = parse_named(toks, j)
    return span is not None and span.end - span.start >= 2


def parse_generic(toks: list[Tok], i: int, need_starter: bool = True) -> Span | None:
    n = len(toks)
    j = i
    k = STARTERS.match(toks, j)
    if k:
        j += k
    elif need_starter:
        return None
    g = GENERIC.match(toks, j)
    if not g:
        return None
    j += g
    end = j
    while j < n:
        q = _generic_step(toks, j)
        if q is None:
            break
        j = end = q
    return Span(i, end, generic=True)


def _generic_step(toks: list[Tok], j: int) -> int | None:
    t = toks[j]
    n = len(toks)
    if t.text == "," or t.low == "và":
        return _generic_join(toks, j) if j + 1 < n else None
    if t.low in ("của", "thuộc", "trong") and j + 1 < n:
        return _generic_owner(toks, j)
    if t.low in ("phục", "kỷ", "kỉ"):
        return _generic_event(toks, j)
    if t.low == "ở":
        step = _loc_rule(toks, j, j)  # "các Ủy ban bầu cử ở huyện", "… ở các xã, phường"
        return step[0] if step else None
    if t.low == "được" and j + 2 < n and toks[j + 1].low in ("giao", "phân"):
        return generic_assigned(toks, j)
    if t.word and t.cap:
        sub = parse_named(toks, j)
        if sub:
            return sub.end
    if t.text == "(":
        return parenthesis(toks, j)
    k = PREFIXES.match(toks, j)
    if k and toks[j].cap:
        member = _member_of(toks, j, k)  # "các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy"
        if member:
            return member.end
    if t.low in ("ban", "ngành") and not t.cap:
        return j + GENERIC.match(toks, j)  # "các sở ban ngành" written without commas
    if toks[j - 1].low in lx.COMMITTEE_LAST:
        step = committee_rule(toks, j, j)
        if step is not None:
            return step[0]
    k = QUALIFIERS.match(toks, j) or attending(toks, j)
    if k:
        return after_term(toks, j + k)
    k = DOMAIN.match(toks, j)
    if k and GENERIC.match(toks, j - 1) == 1:
        return j + k  # "các phòng nội vụ", "các sở giao thông vận tải"
    if t.word and t.cap and t.low in ("trung", "t.ư", "tw"):
        # "các cơ quan Trung ương", "các ban đảng T.Ư"
        return j + (2 if t.low == "trung" else 1)
    return None


def _generic_join(toks: list[Tok], j: int) -> int | None:
    """ "các cơ quan, đơn vị", "các sở, ban, ngành và đoàn thể": a comma or "và" between
    bare nouns keeps one addressee, unless the noun starts a predicate of its own
    ("…, tổ chức tuyên truyền") or is a named agency or a new "các …" item."""
    n = len(toks)
    g = GENERIC.match(toks, j + 1)
    if not g or STARTERS.match(toks, j + 1) or _named_inside(toks, j + 1):
        return None
    if toks[j + 1].low == "đồng":
        return None  # "…, đồng chí Chủ tịch đề nghị": a person, only "các đồng chí" is a group
    after = j + 1 + g
    if toks[j + 1].low == "tổ" and after < n and toks[after].low == "chức":
        return None
    return after


def _generic_event(toks: list[Tok], j: int) -> int | None:
    """ "các Tiểu ban phục vụ Đại hội", "các tiểu ban kỷ niệm 60 năm Ngày …": the event the
    units serve, up to the end of its capitalised name."""
    step = _joining_rule(toks, j, j)
    if step is None:
        return None
    q = step[0]
    n = len(toks)
    while q < n and toks[q].word and toks[q].ecap:
        q += 1
        # the second syllable of a capitalised word ("Đại hội", "Đảng bộ")
        if q < n and toks[q].word and not toks[q].cap and not starts_predicate(toks, q):
            q += toks[q].low not in lx.QUANTIFIERS
    return q


def _generic_owner(toks: list[Tok], j: int) -> int | None:
    """ "… của mình", "… của Tỉnh ủy", "… thuộc tỉnh", "… trong Tiểu ban"."""
    n = len(toks)
    if toks[j].low == "của" and toks[j + 1].low == "mình":
        return j + 2
    sub = parse_named(toks, j + 1)
    if sub:
        return sub.end
    if toks[j + 1].cap and toks[j + 1].low in lx.BARE_OWNERS:
        return j + 2  # "các đơn vị thuộc Bộ", "các phòng của Sở"
    if (
        (toks[j].low != "của" or toks[j + 1].cap)
        and toks[j + 1].low == "tiểu"
        and j + 2 < n
        and toks[j + 2].low == "ban"
    ):
        return j + 3
    if toks[j].low == "trong" and GENERIC.match(toks, j + 1):
        return j + 1 + GENERIC.match(toks, j + 1)  # "các đơn vị trong khối"
    k = LOC.match(toks, j + 1)
    if k:
        return j + 1 + k
    return None


def _member_of(toks: list[Tok], i: int, k: int) -> Span | None:
    """ "Lãnh đạo các tiểu ban", "Thành viên UBBC tỉnh": members of an agency, one addressee."""
    q = i + k
    if q >= len(toks):
        return None
    sub = parse_generic(toks, q) or parse_named(toks, q) or parse_generic(toks, q, False)
    if sub is None:
        return None
    return Span(i, sub.end, generic=True)


def _office_holder(toks: list[Tok], i: int) -> Span | None:
    """ "Giám đốc Sở Y tế", "Chủ tịch UBND các tỉnh", "Thủ trưởng các cơ quan, đơn vị": the
    holder's agency, which is the addressee as the annotation counts it."""
    k = OFFICES.match(toks, i)
    if not k or i + k >= len(toks):
        return None
    q = i + k
    if toks[q].low in ("các", "những", "từng", "mỗi"):
        return parse_generic(toks, q)
    if toks[q].cap:
        return parse_named(toks, q)
    if toks[q].low in lx.HELD_BARE:
        # "Người đứng đầu cấp ủy, chính quyền các cấp": a bare collective noun.
        return parse_generic(toks, q, need_starter=False)
    return None


def parse_agency(toks: list[Tok], i: int, bare_ok: bool = False) -> Span | None:
    if i >= len(toks):
        return None
    held = _office_holder(toks, i)
    if held:
        return held
    k = PREFIXES.match(toks, i)
    if k and not (k == 1 and toks[i].low == "thành" and GENERIC.match(toks, i) == 2):
        span = _member_of(toks, i, k)
        if span:
            return span
    span = parse_generic(toks, i)
    if span:
        return span
    span = parse_named(toks, i)
    if span:
        return span
    if bare_ok and toks[i].low in lx.BARE_NOUNS:
        return parse_generic(toks, i, need_starter=False)
    return None


def parse_agency_list(toks: list[Tok], i: int, bare_ok: bool = False) -> list[Span]:
    """One or more agencies joined by commas, "và", or "nhất là"."""
    n = len(toks)
    first = parse_agency(toks, i, bare_ok)
    if not first:
        return []
    items = [first]
    j = first.end
    while j < n:
        k = j
        if toks[k].text == ",":
            k += 1
        if k < n and toks[k].low in ("và", "cùng"):
            k += 1
            if k < n and toks[k].low == "với":
                k += 1  # "A cùng với B": B is a co-doer
        # "X, nhất là Y", "X, đặc biệt là Y"
        if (
            k + 1 < n
            and toks[k].low in ("nhất", "đặc", "trong", "kể")
            and toks[k + 1].low in ("là", "biệt", "đó", "cả")
        ):
            k += 2
            if k < n and toks[k].low in ("là", "có"):
                k += 1
        if k == j or k >= n:
            break
        nxt = parse_agency(toks, k, bare_ok=False)
        if not nxt:
            break
        items.append(nxt)
        j = nxt.end
    return items
