"""Small parts of addressee phrases that need only the word lists: the units after a head
("Công an các đơn vị"), more places ("các xã, thị trấn"), a short other name in brackets, a
term after an election board, "được giao nhiệm vụ tại Kế hoạch …", and the steps of a name
that read an ordinal ("lần thứ XX", "khóa XV") or the event an organising board is named after."""

from __future__ import annotations

from . import lexicon as lx
from .indexes import EVENTS, FIELDS, FUNCTIONS, GENERIC, LOC_NOUNS, QUALIFIERS, TASK_START
from .tokens import Tok


def units_after_head(toks: list[Tok], j: int) -> int:
    """End of "các <generic noun>(, <generic noun>)*" right after a head such as "Công an"."""
    n = len(toks)
    if j >= n or toks[j].low != "các" or toks[j - 1].low not in lx.UNIT_HEADS:
        return 0
    g = GENERIC.match(toks, j + 1)
    if not g or LOC_NOUNS.match(toks, j + 1):
        return 0
    q = j + 1 + g
    q += QUALIFIERS.match(toks, q)
    while q + 1 < n and toks[q].text == "," and GENERIC.match(toks, q + 1):
        q += 1 + GENERIC.match(toks, q + 1)
        q += QUALIFIERS.match(toks, q)
    return q


def more_places(toks: list[Tok], q: int) -> int:
    """Past ", thị trấn", ", thành phố" after "các huyện" or "ở các xã"."""
    n = len(toks)
    while q + 1 < n and toks[q].text == "," and LOC_NOUNS.match(toks, q + 1):
        q += 1 + LOC_NOUNS.match(toks, q + 1)
    return q


def parenthesis(toks: list[Tok], j: int) -> int | None:
    """A short other name in brackets: "cấp ủy (chi ủy) khóa cũ"."""
    for q in range(j + 1, min(len(toks), j + 6)):
        if toks[q].text == ")":
            inside = toks[j + 1 : q]
            return q + 1 if inside and all(t.word and not t.cap for t in inside) else None
    return None


def after_term(toks: list[Tok], q: int) -> int:
    """Past "khóa XV" after "… đại biểu Quốc hội"."""
    n = len(toks)
    if q + 1 < n and toks[q].low in ("khóa", "khoá") and toks[q + 1].text.isupper():
        return q + 2
    return q


def generic_assigned(toks: list[Tok], j: int) -> int | None:
    """ "… được giao nhiệm vụ (tại Kế hoạch số 268/KH-UBND)"."""
    n = len(toks)
    k = QUALIFIERS.match(toks, j)
    if not k:
        return None
    q = j + k
    # "các nhóm được phân công xây dựng dự thảo … cần …": the duty named up to the modal.
    for r in range(q, min(n, q + 14)):
        if not toks[r].word:
            break
        if toks[r].low in ("cần", "phải") and r > q:
            return r
    if q + 1 < n and toks[q].low in ("tại", "theo") and toks[q + 1].cap:
        q += 2
        stop = min(n, q + 6)
        while (
            q < stop
            and toks[q].word
            and (toks[q].cap or toks[q].low in lx.DOC_SECOND or toks[q].text[0].isdigit())
        ):
            q += 1
    return q


def ordinal_rule(toks: list[Tok], head_end: int, j: int) -> tuple[int, bool] | None:
    n = len(toks)
    low = toks[j].low
    if low in ("lần", "khóa", "khoá"):
        k = 2 if j + 1 < n and toks[j + 1].low == "thứ" else 1
        if j + k < n and (toks[j + k].text.isdigit() or toks[j + k].text.isupper()):
            return j + k + 1, True
        return None
    if low == "của" and j + 1 < n and toks[j + 1].low == "đảng":
        return j + 2, True
    if low == "các" and toks[j - 1].low in ("biểu", "hội") and j + 1 < n:
        # "Đại hội đại biểu các dân tộc thiểu số", "… các DTTS": the event's own quantifier
        if toks[j + 1].low == "dtts":
            return j + 2, True
        if tuple(t.low for t in toks[j + 1 : j + 5]) == ("dân", "tộc", "thiểu", "số"):
            return j + 5, True
    # "Đại hội đại biểu …", "Đại hội toàn quốc …"
    if (
        low in ("đại", "toàn")
        and toks[j - 1].low == "hội"
        and j + 1 < n
        and toks[j + 1].low in ("biểu", "quốc")
    ):
        return j + 2, True
    return None


def event_rule(toks: list[Tok], head_end: int, j: int) -> tuple[int, bool] | None:
    """ "Ban Tổ chức lễ kỷ niệm …", "Ban Tổ chức Ngày hội …": the event an organising board is
    named after."""
    if j != head_end or toks[j - 1].low != "chức":
        return None
    k = EVENTS.match(toks, j)
    return (j + k, True) if k else None


def number_rule(toks: list[Tok], head_end: int, j: int) -> tuple[int, bool] | None:
    """ "Tổ bầu cử số 3", "Đơn vị bầu cử số 12": a unit's number belongs to its name (a
    document's, "số 268/KH-UBND", is one token with a slash and never a unit's)."""
    if toks[j].low == "số" and j + 1 < len(toks) and toks[j + 1].text.isdigit():
        return j + 2, True
    if toks[j - 1].low == "cử" and tuple(t.low for t in toks[j : j + 4]) in _ELECTION_AREAS:
        return j + 4, True  # "Ban bầu cử đơn vị bầu cử số 1", "Tổ bầu cử khu vực bỏ phiếu …"
    return None


_ELECTION_AREAS = frozenset({("đơn", "vị", "bầu", "cử"), ("khu", "vực", "bỏ", "phiếu")})


def starts_predicate(toks: list[Tok], j: int) -> bool:
    if toks[j].low in lx.FUNCTION_SYLLABLES:
        return True
    return TASK_START.match(toks, j) >= 2


def anniversary_run(toks: list[Tok], q: int) -> int:
    """End of an anniversary named after "kỷ niệm N năm" in lower case ("giải phóng miền
    Nam", "Ngày thành lập tỉnh"): its first verb ("thành lập") belongs to it, then its words
    up to the predicate."""
    r = q + 1 if q < len(toks) and toks[q].low == "ngày" else q
    r += TASK_START.match(toks, r)
    while r < min(len(toks), q + 8) and toks[r].word and not starts_predicate(toks, r):
        r += 1
    return r


def committee_rule(toks: list[Tok], head_end: int, j: int) -> tuple[int, bool] | None:
    """ "Tiểu ban nội dung", "Tiểu ban hậu cần, nội dung", "Ban Thường vụ cấp ủy cùng cấp"."""
    if j != head_end or toks[j - 1].low not in lx.COMMITTEE_LAST:
        return None
    k = FUNCTIONS.match(toks, j)
    if not k:
        return None
    q = j + k
    n = len(toks)
    while q + 1 < n and toks[q].text == "," and FUNCTIONS.match(toks, q + 1):
        after = q + 1 + FUNCTIONS.match(toks, q + 1)
        if after < n and toks[after].text == ",":
            break  # a list of tasks, not of committees
        q = after
    return q, True


def second_function(toks: list[Tok], head_end: int, j: int) -> int:
    """After "và" at j: "Tiểu ban Tổ chức và bảo đảm phục vụ Đại hội", a committee's second
    function in lower case, named by the event both serve; the end before "phục vụ", or 0."""
    n = len(toks)
    if toks[head_end - 1].low not in lx.COMMITTEE_LAST:
        return 0
    for q in range(j + 2, min(n - 2, j + 5)):
        if (toks[q].low, toks[q + 1].low) in lx.JOINING_PAIRS and toks[q + 2].ecap:
            return q if all(t.word and not t.cap for t in toks[j + 1 : q]) else 0
    return 0


def lower_field(toks: list[Tok], i: int, j: int) -> int:
    """Length of a department's field written in lower case after its head at i ("Sở y tế",
    "Phòng giáo dục và đào tạo"), or 0."""
    if toks[i].low not in lx.FIELD_HEADS or j >= len(toks) or toks[j].cap:
        return 0
    return FIELDS.match(toks, j)


_ATTEND = (("tham", "dự"), ("dự",))


def attending(toks: list[Tok], j: int) -> int:
    """ "các đại biểu (tham) dự đại hội": delegates named by the event they attend (said of
    delegates only: "các đồng chí … dự đại hội các chi bộ" is a task)."""
    if toks[j - 1].low != "biểu" or toks[j - 2].low != "đại":
        return 0
    for verb in _ATTEND:
        k = len(verb)
        words = tuple(t.low for t in toks[j : j + k + 2])
        if words[:k] == verb and words[k:] == ("đại", "hội"):
            return k + 2
    return 0
