"""Read one clause: who is given a task, where the task starts, who coordinates.

A clause gives assignments in one of these ways:

* a directive: "yêu cầu / đề nghị / lưu ý / giao / chỉ đạo … <agencies> <task>";
* a subject: "<agencies> (cần / phải / chủ động / …) <task>" at the start of the clause or
  after an adverbial phrase ("Sau khi …, các cơ quan …"), or anywhere before a modal;
* a mandate: "<agency> có nhiệm vụ / có trách nhiệm …", "Nhiệm vụ của <agency> là …";
* a topic: "Đối với <agencies>, … <task>";
* a purpose clause naming a unit: "… để <named agency> <verb> …";
* a relative clause giving a lead: "… do <agency> chủ trì …";
* a continuation: a clause or the next sentence with no subject that opens with a verb of a
  task ("…; xây dựng …", "Tập trung …") is given to the agencies of the previous directive.

Within a task, "chủ trì, phối hợp (với) B" and "phối hợp với B" make B a coordinating agency.
Completed work ("đã …"), reports and delegates' proposals at the meeting, meeting events,
praise and directives with no task are not assignments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter

from . import lexicon as lx
from .agencies import is_agency_start, parse_agency_list, parse_generic, parse_named
from .frames import conditional, mandate, past_apposition, reports_past, topic
from .indexes import (
    CONNECTORS,
    DEADLINE_OPENERS,
    DIRECTIVES,
    FRAMING,
    GENERIC,
    ITEM_TASKS,
    NON_TASK,
    NOT_CONTINUATION,
    SPEAKER,
    START_WORDS,
    TASKS,
)
from .letters import courtesy_addressee
from .partners import coordinates, partner_only
from .predicates import (
    COMPLETED,
    agreed,
    names_to_post,
    own_direction,
    reported,
    serves_as_basis,
    valid_predicate,
)
from .tokens import Span, Tok

# Adverbs that may stand between a speaker and the directive verb ("UBND tỉnh cũng yêu cầu").
_SPEAKER_ADVERBS = frozenset(
    {"cũng", "đồng", "thời", "tiếp", "tục", "còn", "luôn", "đặc", "biệt", "thống", "nhất"}
)  # "UBND tỉnh cũng yêu cầu", "Ban Thường vụ thống nhất giao …"
_DATE_FRAMING = re.compile(
    r"^\W*(?:\([^)]{0,40}\)\s*[-–—]?\s*)?(?:[^\s,]+\s*[-–—]\s*)?"
    r"(?:sáng|chiều|trưa|tối|đêm|ngày|hôm)\s+(?:nay|qua|\d)",
    re.IGNORECASE,
)
# Words after which a subject may start inside a clause ("…, các sở …", "… thì Ban …").
_SUBJECT_AFTER = frozenset({",", "nên", "thì", "mạnh", ":"})  # "mạnh": "nhấn mạnh các cấp cần …"
_LOW = itemgetter(1)  # Tok.low
_ENABLING = frozenset({"kiện", "giúp", "trợ"})  # "điều kiện", "giúp", "hỗ trợ" before "để"
_PERSON_MARKERS = frozenset({"đồng", "ông", "bà"})
_MANY = frozenset({"các", "từng", "mỗi"})  # quantifiers inside a name: a unit in many places


@dataclass
class Found:
    leads: list[Span]
    coords: list[Span] = field(default_factory=list)
    task_start: int = 0  # token index
    anchor: int = 0  # token index where the evidence starts
    emit: bool = True
    partner: bool = False  # "B phối hợp (thực hiện)": B coordinates the previous task
    directive: bool = False  # given by a directive verb ("đề nghị X …")
    how: str = "subject"  # which construction gave it (a feature of the filter)
    end: int = 0  # token index where the task ends, when another subject follows (else 0)


@dataclass
class ClauseResult:
    found: list[Found] = field(default_factory=list)
    proposal: bool = False
    speaker_only: bool = False  # a directive verb with no addressee ("đề nghị: …")


def skip_connectors(toks: list[Tok], q: int) -> int:
    n = len(toks)
    while q < n:
        if not toks[q].word and toks[q].text in ",:-–—+•*()\"“”'":
            q += 1
            continue
        k = CONNECTORS.match(toks, q)
        if k:
            q += k
            continue
        break
    return q


def _skip_deadline(toks: list[Tok], q: int) -> int:
    """Skip an opening deadline ("chậm nhất ngày 10/4, …") before the task verb."""
    n = len(toks)
    k = DEADLINE_OPENERS.match(toks, q)
    if not k:
        return q
    j = q + k
    if j < n and toks[j].low == "ngày":
        j += 1
    if j < n and toks[j].text[:1].isdigit():
        j += 1
        while j < n and (toks[j].text in ("/", "-", ".") or toks[j].text[:1].isdigit()):
            j += 1
        if j < n and toks[j].text == ",":
            j += 1
        return j
    return q


@dataclass
class _Subject:
    spans: list[Span]
    pred: int
    start: int
    speaker: bool


def _find_subject(toks: list[Tok], p0: int, lows: list[str]) -> _Subject | None:
    n = len(toks)
    positions: list[tuple[int, bool]] = []
    framed = bool(FRAMING.match(toks, p0)) or (p0 < n and toks[p0].text[:1].isdigit())
    if p0 < n and not framed:
        positions.append((p0, False))
    # Positions after p0 are kept only when an agency starts there (checked once, here).
    positions.extend(
        (k + 1, not framed and lows[k] != ":")  # "… như sau: Văn phòng chuẩn bị …"
        for k in compress(range(n - 1), map(_SUBJECT_AFTER.__contains__, lows))
        if k >= p0 and is_agency_start(toks, k + 1)
    )
    date_framed: bool | None = None
    for pos, need_modal in positions:
        spans = parse_agency_list(toks, pos) if pos > p0 or is_agency_start(toks, pos) else []
        bare_noun = False
        if pos == p0 and len(spans) <= 1:
            whole = _bare_collective(toks, pos)
            if whole and (not spans or whole[0].end > spans[0].end):
                spans, bare_noun = whole, True
        if not spans:
            continue
        pred = past_apposition(toks, spans[-1].end)
        if pred < n and toks[pred].text == ":":
            pred += 1
        if pos == p0 and len(spans) == 1 and spans[0].generic:
            modal = _modified_up_to_modal(toks, pos, pred)
            if modal:
                spans, pred = [Span(pos, modal, generic=True)], modal
        # "UBND tỉnh yêu cầu …", "Ban Thường vụ chọn …": the subject is who gives the task.
        q = pred
        while q < n and toks[q].low in _SPEAKER_ADVERBS:
            q += 1
        if q < n and DIRECTIVES.match(toks, q):
            return _Subject(spans, q, pos, speaker=True)
        if pos > p0 and date_framed is None:
            date_framed = bool(_DATE_FRAMING.match(" ".join(t.text for t in toks[p0 : p0 + 6])))
        if pos > p0 and date_framed:
            continue  # "Ngày 11/11, Văn phòng … ban hành …": a news lead, not a task
        # A bare head ("Tiểu ban văn kiện …") may go on with a lower-case name: only a
        # known verb or modal after it makes it a subject.
        bare = bare_noun or (len(spans) == 1 and not spans[0].generic and spans[0].end - pos <= 2)
        if bare and not TASKS.match(toks, pred):
            continue
        if valid_predicate(toks, pred, need_modal):
            return _Subject(spans, pred, pos, speaker=False)
    return None


_MODIFIER_MODALS = frozenset({"cần", "phải"})
_RESTRICTING = frozenset({"có", "còn", "chưa", "thuộc", "ở", "tại"})  # "các đơn vị có …"


def _modified_up_to_modal(toks: list[Tok], pos: int, pred: int) -> int:
    """ "Các xã biên giới cần …", "Các đơn vị có đại hội điểm cần …", "Những đơn vị còn
    chậm tiến độ phải …": words that are no task verb after units of a kind restrict them;
    the units, so named, end at the modal (0 when no modal follows)."""
    n = len(toks)
    if (
        pred >= n
        or toks[pos].low not in lx.QUANTIFIERS
        or (TASKS.match(toks, pred) and toks[pred].low not in _RESTRICTING)
    ):
        return 0
    for r in range(pred + 1, min(n, pred + 12)):
        if toks[r].low in _MODIFIER_MODALS:
            return r
        if not toks[r].word and toks[r].text != ",":
            return 0
        if toks[r].low in COMPLETED:
            return 0
    return 0


def _bare_collective(toks: list[Tok], p: int) -> list[Span]:
    """ "Cấp ủy các cấp …", "Chi ủy, chi bộ …", "Bộ phận giúp việc của Tiểu ban …": a collective
    noun opening the sentence without "các" (never "Tổ chức …", which is a verb there)."""
    if not toks[p].cap or TASKS.match(toks, p):
        return []
    if toks[p].low not in lx.BARE_SUBJECTS and not (
        # "Tỉnh ủy, thành ủy …": the committees of one level, listed without "các"
        toks[p].low in lx.COMMITTEE_PLACES and p + 1 < len(toks) and toks[p + 1].low == "ủy"
    ):
        return []
    span = parse_generic(toks, p, need_starter=False)
    return [span] if span else []


def _collective_director(toks: list[Tok], subject: _Subject) -> bool:
    """The subject directs with "chỉ đạo" and is several agencies, a generic one or one
    named for many places ("UBND các huyện", "Ban Thường vụ các huyện ủy")."""
    p = subject.pred
    if p + 1 >= len(toks) or toks[p].low != "chỉ" or toks[p + 1].low != "đạo":
        return False
    span = subject.spans[0]
    return (
        len(subject.spans) > 1
        or span.generic
        or any(t.low in _MANY for t in toks[span.start : span.end])
    )


@dataclass
class _Directive:
    verb: int
    spans: list[Span]
    pred: int


def _find_directive(toks: list[Tok], start: int, lows: list[str]) -> _Directive | str | None:
    n = len(toks)
    firsts = DIRECTIVES.by_first
    if firsts.keys().isdisjoint(lows):
        return None
    for k in compress(range(n), map(firsts.__contains__, lows)):
        if k < start:
            continue
        m = DIRECTIVES.match(toks, k)
        if not m:
            continue
        t = toks[k]
        if k > 0 and toks[k - 1].low in lx.DIRECTIVE_BLOCKERS:
            continue
        if "đã" in lows[max(start, k - 5) : k]:
            continue  # "UBND tỉnh đã có văn bản chỉ đạo …": done before the meeting
        if k > 1 and toks[k - 2].low == "ý" and toks[k - 1].low == "kiến":
            continue  # "ý kiến chỉ đạo"
        if t.cap and k > 0 and toks[k - 1].word:
            continue  # capitalised inside a sentence: part of a name ("Ban Chỉ đạo")
        if t.low == "chỉ" and (k == start or not toks[k - 1].word):
            # "…, chỉ đạo cơ quan, đơn vị thực hiện …" is the duty of the subject, while
            # "UBND tỉnh chỉ đạo các sở …" hands a task to the sở.
            continue
        j = k + m
        while j < n and toks[j].text in (":", ",", "-", "–"):
            j += 1
        if j < n and toks[j].low in ("đến", "cho", "với"):
            j += 1
        elif j + 1 < n and toks[j].low == "đối" and toks[j + 1].low == "với":
            j += 2
        courtesy = courtesy_addressee(toks, j)
        spans = [courtesy] if courtesy else parse_agency_list(toks, j, bare_ok=True)
        if not spans:
            continue
        before = [x.low for x in toks[max(0, k - 8) : k]]
        pairs = set(zip(before, before[1:], strict=False))
        if (("đại", "biểu") in pairs or ("ý", "kiến") in pairs) and not (
            _PERSON_MARKERS & set(before)
        ):
            return "proposal"
        return _Directive(k, spans, spans[-1].end)
    return None


def _past_heading(toks: list[Tok], p0: int) -> int:
    """Past the heading of an item ("Về công tác an ninh: Công an tỉnh …")."""
    if p0 < len(toks) and toks[p0].low == "về":
        for q in range(p0 + 1, min(len(toks) - 1, p0 + 12)):
            if toks[q].text == ":":
                return skip_connectors(toks, q + 1)
            if not toks[q].word and toks[q].text != "-":
                break
    return p0


def _task_start(toks: list[Tok], p: int) -> int:
    n = len(toks)
    if p < n and toks[p].text in (":", ","):
        p += 1
    while p < n and toks[p].low in ("cần", "phải"):
        p += 1
    return p


def _extra(toks: list[Tok], lows: list[str], taken: set[tuple[int, int]]) -> list[Found]:
    """Purpose clauses ("để Sở Tài chính tổng hợp") and "do <agency> chủ trì"."""
    out: list[Found] = []
    n = len(toks)
    if "để" not in lows and "do" not in lows:
        return out
    for k in range(n - 2):
        low = lows[k]
        if low == "để":
            if _ENABLING & set(lows[max(0, k - 4) : k]) or serves_as_basis(lows, k):
                continue  # "tạo điều kiện để Đoàn … tổ chức": helped, not handed a task
            span = parse_named(toks, k + 1)
            if (
                span
                and (span.start, span.end) not in taken
                and valid_predicate(toks, span.end, False)
            ):
                out.append(Found([span], [], span.end, k + 1, how="purpose"))
        elif low == "do" and toks[k + 1].word and toks[k + 1].cap:
            span = parse_named(toks, k + 1)
            e = span.end if span else k + 2
            if e + 1 < n and toks[e].low == "chủ" and toks[e + 1].low == "trì":
                if span is None or span.end - span.start == 1:
                    # "do Bộ chủ trì": the ministry named earlier in the sentence.
                    head = toks[k + 1].low
                    for q in range(k - 1, -1, -1):
                        if toks[q].low == head and toks[q].cap:
                            prev = parse_named(toks, q)
                            if prev and prev.end - prev.start > 1:
                                span = prev
                                break
                if span and (span.start, span.end) not in taken:
                    out.append(Found([span], [], e + 2, k, how="relative"))
    return out


def _next_subject(toks: list[Tok], first: Found) -> Found | None:
    """ "Văn phòng chuẩn bị tài liệu, Phòng Văn hóa phụ trách trang trí": a second agency
    after a comma with a task verb of its own starts a task of its own (not one of the first
    task's partners)."""
    n = len(toks)
    partners = {s.start for s in first.coords}
    for k in range(first.task_start + 2, n - 2):
        if toks[k].text != "," or k + 1 in partners or not is_agency_start(toks, k + 1):
            continue
        if toks[k - 1].cap or GENERIC.match(toks, k - 1) or GENERIC.match(toks, k - 2) == 2:
            continue  # "… các sở, ngành, các tổng công ty": one more item of a list
        spans = parse_agency_list(toks, k + 1)
        if not spans or spans[-1].end >= n:
            continue
        pred = spans[-1].end
        if TASKS.match(toks, pred) and valid_predicate(toks, pred, False):
            found = Found(spans, [], _task_start(toks, pred), k + 1)
            found.coords = coordinates(toks, found.task_start, spans)
            return found
    return None


def _speaker_only(toks: list[Tok], p0: int, lows: list[str]) -> bool:
    """A directive whose addressee is not an agency ("đề nghị: căn cứ …", "phân công nhiệm vụ
    cho Trưởng Tiểu ban …"): the clause is not the continuation of an earlier task."""
    firsts = DIRECTIVES.by_first
    if firsts.keys().isdisjoint(lows):
        return False
    for k in range(p0, len(toks)):
        if toks[k].low not in firsts:
            continue
        if k > 0 and toks[k - 1].low in lx.DIRECTIVE_BLOCKERS:
            continue
        m = DIRECTIVES.match(toks, k)
        if m and toks[k + m - 1].low == "cho":
            return True
        if k > p0 and SPEAKER.match(toks, k) and toks[k].low != "chỉ":
            return True
    return False


# A clause none of whose words is one of these has no addressee, directive, mandate, topic
# or purpose clause: it is not read further.
_CLAUSE_KEYS = frozenset(
    {*START_WORDS, *DIRECTIVES.by_first, *SPEAKER.by_first, "nhiệm", "trách", "đối", "để", "do"}
)


def analyse_clause(toks: list[Tok], text: str) -> ClauseResult:
    res = ClauseResult()
    n = len(toks)
    lows = list(map(_LOW, toks))
    if n < 3 or _CLAUSE_KEYS.isdisjoint(lows):
        return res
    p0 = _past_heading(toks, skip_connectors(toks, 0))
    if reports_past(lows, p0):
        res.proposal = True  # "Thời gian qua, …", "Trước đó, …": work reported, not given
        return res
    directive = _find_directive(toks, p0, lows)
    if directive == "proposal":
        res.proposal = True
        return res
    assert not isinstance(directive, str)
    duty = mandate(toks, p0) if directive is None else None
    if duty:
        found = Found(duty[0], [], _task_start(toks, duty[1]), p0, how="mandate")
        found.coords = coordinates(toks, found.task_start, found.leads)
        res.found.append(found)
        return res
    framed = topic(toks, p0) if directive is None else None
    if framed is None and directive is None:
        framed = conditional(toks, p0)
    subject = None if framed else _find_subject(toks, p0, lows)
    chosen: Found | None = None
    if subject and subject.speaker and _collective_director(toks, subject):
        # "Các sở, ban, ngành chỉ đạo các đơn vị trực thuộc …": several units, or units of a
        # kind, are addressees, not the issuer: directing their own units is their task.
        subject.speaker = False
    elif subject and subject.speaker and directive is None:
        if own_direction(toks, subject.pred):
            # "Các tỉnh ủy chỉ đạo tổ chức đại hội điểm": directing with no addressee after
            # the verb is the subject's own task.
            subject.speaker = False
        else:
            # "Ban Chỉ đạo giao nhiệm vụ như sau: Văn phòng chuẩn bị …": the doer comes later.
            subject = _find_subject(toks, subject.pred + 1, lows)
    if subject and directive is not None and agreed(toks, subject.pred):
        # "Ban Chỉ đạo thống nhất tổ chức … và giao Văn phòng …": the body agreed and gave.
        subject.speaker = True
    if subject and not subject.speaker and (directive is None or directive.verb >= subject.pred):
        chosen = Found(subject.spans, [], subject.pred, subject.spans[0].start, how="subject")
    elif directive is not None:
        chosen = Found(
            directive.spans, [], directive.pred, directive.verb, directive=True, how="directive"
        )
        remaining = sum(1 for t in toks[directive.pred : directive.pred + 3] if t.word)
        if names_to_post(toks, directive.pred):
            chosen, res.speaker_only = None, True  # no task, and none for the next clause
        elif remaining < 2:
            chosen.emit = False  # "giao nhiệm vụ cho các cơ quan, đơn vị." has no task
    elif framed:
        spans, after = framed
        verb = next((q for q in range(after, n) if TASKS.match(toks, q)), None)
        if (
            verb is not None
            and sum(1 for t in toks[after:] if t.word) >= 4
            and not reported(lows[after:verb])
        ):
            chosen = Found(spans, [], after, p0, how="topic")
    elif subject is None:
        res.speaker_only = _speaker_only(toks, p0, lows)
    if chosen:
        chosen.partner = partner_only(toks, chosen.task_start)
        chosen.task_start = _task_start(toks, chosen.task_start)
        chosen.coords = coordinates(toks, chosen.task_start, chosen.leads)
        res.found.append(chosen)
        alone = chosen.how == "subject" and not chosen.partner
        second = _next_subject(toks, chosen) if alone else None
        if second is not None:
            chosen.end = second.anchor - 1
            chosen.coords = coordinates(toks[: chosen.end], chosen.task_start, chosen.leads)
            res.found.append(second)
    taken = {(s.start, s.end) for f in res.found for s in f.leads + f.coords}
    res.found.extend(_extra(toks, lows, taken))
    return res


def continuation_start(toks: list[Tok], cross_sentence: bool, item: bool = False) -> int | None:
    """Index where a subjectless clause starts its task, or None if it does not. An item of
    an umbrella's list ("b) Báo cáo kết quả …") may open with any verb."""
    q = skip_connectors(toks, 0)
    q = skip_connectors(toks, _skip_deadline(toks, q))
    n = len(toks)
    if q >= n or not toks[q].word:
        return None
    if not TASKS.match(toks, q):
        return None
    reported = NON_TASK.match(toks, q) and toks[q].low not in ("đề",)
    if reported and not ((item or not cross_sentence) and ITEM_TASKS.match(toks, q)):
        return None  # "…; báo cáo Ban Thường vụ" within a directive is one more task
    if item:
        return q if sum(1 for t in toks[q:] if t.word) >= 3 else None
    if cross_sentence and NOT_CONTINUATION.match(toks, q):
        return None
    if sum(1 for t in toks[q:] if t.word) < 3:
        return None
    return q
