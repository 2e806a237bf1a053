"""Find the task assignments in a text.

Each sentence is cut into clauses at ";" and each clause is read by :mod:`.clauses`. A clause
with no subject of its own that opens with a task verb continues the previous directive, in
the same sentence or, when it clearly goes on with it (a list item, "Đồng thời, …"), in the
next one. Repeats (a headline and the body) are dropped at the end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .agencies import parse_agency_list
from .clauses import (
    CONNECTORS,
    Found,
    analyse_clause,
    continuation_start,
    skip_connectors,
)
from .dates import YearContext, find_deadline, has_deadline_column, table_deadline
from .letters import is_courtesy, letter_addressees
from .model import COORDINATE, LEAD, Assignment
from .normalize import lowered
from .partners import coordinates
from .scorer import Candidate
from .sentences import Sentence, split_clauses, split_sentences
from .tokens import Span, Tok, span_text, tokenize, tokens_between


def _name(nfc_text: str, toks: list[Tok], span: Span) -> str:
    # An agency is written as in the text, but with plain single spaces, so that the same
    # agency pasted with non-breaking or doubled spaces is the same name.
    return " ".join(span_text(nfc_text, toks, span.start, span.end).split())


def only_addressees(nfc_text: str, toks: list[Tok]) -> list[str]:
    """The names of a clause made only of addressees (no predicate), else []."""
    p0 = skip_connectors(toks, 0)
    spans = parse_agency_list(toks, p0, bare_ok=False)
    if not spans or spans[-1].end < len(toks):
        return []
    return [_name(nfc_text, toks, s) for s in spans]


# A task that only announces a list that is not there ("… chỉ đạo 6 nhiệm vụ", "… thực hiện
# các nhiệm vụ sau"): nothing to do is named.
_EMPTY_UMBRELLA = re.compile(
    r"(?:\b\d+|\bcác|\bnhững|\bmột số)\s+(?:nhóm\s+)?(?:nhiệm vụ|nội dung|giải pháp|việc|"
    r"công việc|yêu cầu)(?:\s+(?:trọng tâm|chủ yếu|cụ thể|chính))?"
    r"(?:\s+(?:sau(?: đây)?|như sau))?$"
    # "Sở X có trách nhiệm:" with its list below
    r"|^(?:có|chịu)\s+(?:trách nhiệm|nhiệm vụ)(?:\s+(?:sau(?: đây)?|như sau))?$",
    re.IGNORECASE,
)
# Every match of _EMPTY_UMBRELLA ends with one of these words: the cheap test run first.
_UMBRELLA_END = re.compile(
    r"(?:vụ|dung|pháp|việc|cầu|tâm|yếu|thể|chính|sau|đây|nhiệm)$",
    re.IGNORECASE,
)


def _empty_umbrella(task: str) -> bool:
    return bool(_UMBRELLA_END.search(task, max(0, len(task) - 8))) and bool(
        _EMPTY_UMBRELLA.search(task)
    )


def _clean_span(text: str, a: int, b: int) -> str:
    s = text[a:b].strip()
    return s.rstrip(" .;:,…-–").strip()


def _emit(
    out: list[Assignment],
    nfc_text: str,
    toks: list[Tok],
    clause: tuple[int, int],
    leads: list[str],
    coords: list[str],
    task_tok: int,
    anchor_tok: int,
    ctx: YearContext,
    table: bool = False,
) -> None:
    a, b = clause
    task_from = toks[task_tok].start if task_tok < len(toks) else b
    task = _clean_span(nfc_text, task_from, b)
    evidence = _clean_span(nfc_text, toks[anchor_tok].start if anchor_tok < len(toks) else a, b)
    if not task or _empty_umbrella(task):
        return
    deadline = find_deadline(nfc_text[a:b], ctx, task_from - a)
    if deadline is None and table:
        deadline = table_deadline(nfc_text, b, ctx)
    if len(task) > 400:
        task = task[:400].rsplit(" ", 1)[0] + " …"
    for agency in leads:
        out.append(Assignment(agency, LEAD, task, deadline, evidence))
    for agency in coords:
        out.append(Assignment(agency, COORDINATE, task, deadline, evidence))


def extract_candidates(
    nfc_text: str, work: str, ctx: YearContext, sentences: list[Sentence] | None = None
) -> list[Candidate]:
    """Every assignment the rules propose, with how it was found, before the filter."""
    if sentences is None:
        sentences = split_sentences(work)
    walker = _Walker(nfc_text, work, ctx, sentences)
    for si in range(len(sentences)):
        walker.sentence(si)
    found = [Candidate(a, how, si) for a, (how, si) in zip(walker.out, walker.how, strict=True)]
    return [found[k] for k in _dedupe(walker.out)]


# The task of a clause already emitted: (clause bounds, its tokens, task start, anchor).
_Task = tuple[tuple[int, int], list[Tok], int, int]


@dataclass
class _SentenceState:
    leads: list[str] | None = None
    task: _Task | None = None
    explicit: bool = False
    continued: bool = False
    directive: bool = False
    pending: list[str] = field(default_factory=list)  # a clause that only names addressees
    extra_leads: list[str] = field(default_factory=list)
    coords: list[str] = field(default_factory=list)  # the partners of the first directive
    own_subject: bool = False  # the first clause has a subject that is no agency


@dataclass
class _Walker:
    """Reads the sentences in order and keeps who the last directive addressed."""

    nfc_text: str
    work: str
    ctx: YearContext
    sentences: list[Sentence]
    out: list[Assignment] = field(default_factory=list)
    ctx_leads: list[str] | None = None
    # An umbrella's partners ("Sở A phối hợp các sở … triển khai các nhiệm vụ sau:") go on to
    # every item of its list.
    ctx_coords: list[str] = field(default_factory=list)
    ctx_at: int = -10
    chain: bool = False

    umbrella: bool = False
    paragraph_end: bool = False
    how: list[tuple[str, int]] = field(default_factory=list)  # per item of out
    si: int = 0
    n_clauses: int = 0
    last_emit: int = 0  # index in out of the first assignment of the last task emitted

    def __post_init__(self) -> None:
        self.toks = tokenize(self.work)
        self.table = has_deadline_column(self.work)
        self.starts = [t.start for t in self.toks]
        self.letter_to = letter_addressees(self.nfc_text, self.work, lowered(self.work))

    def emit(self, task: _Task, leads: list[str], coords: list[str], how: str) -> None:
        clause, ttoks, start, anchor = task
        before = self.last_emit = len(self.out)
        _emit(
            self.out,
            self.nfc_text,
            ttoks,
            clause,
            leads,
            coords,
            start,
            anchor,
            self.ctx,
            self.table,
        )
        self.how.extend([(how, self.si)] * (len(self.out) - before))

    def sentence(self, si: int) -> None:
        sent = self.sentences[si]
        self.si = si
        self.umbrella = sent.umbrella  # an umbrella sentence's tasks are in its list
        state = _SentenceState()
        clauses = split_clauses(self.work, sent.start, sent.end)
        self.n_clauses = len(clauses)
        last = si == len(self.sentences) - 1 and sent.cut
        for ci, clause in enumerate(clauses):
            toks = tokens_between(self.toks, self.starts, clause[0], clause[1])
            if toks:
                cut_tail = last and ci == len(clauses) - 1
                self.clause(si, ci, clause, toks, state, cut_tail)
        if state.explicit and state.leads:
            self.ctx_leads, self.ctx_at, self.chain = state.leads, si, sent.umbrella
            self.ctx_coords = state.coords if sent.umbrella else []
            # A directive that closes its paragraph may go on in the paragraphs below (the
            # items of a letter), each opening with a task verb.
            self.paragraph_end = state.directive and (
                si + 1 >= len(self.sentences) or self.sentences[si + 1].paragraph != sent.paragraph
            )
        elif state.continued:
            self.chain = self.chain or sent.umbrella
            self.ctx_at = si
        elif self.sending_date(si):
            pass  # "Báo cáo gửi về Bộ trước ngày 15/5." dates the directive before it
        elif heading := self.heading(si):
            # "2. Công an tỉnh" on a line of its own: the lines below are its tasks.
            self.ctx_leads, self.ctx_at, self.chain, self.ctx_coords = heading, si, True, []
        else:
            self.ctx_leads, self.chain = None, False

    def sending_date(self, si: int) -> bool:
        """A sentence right after a directive that only says by when its result is sent
        ("Báo cáo gửi về Bộ (qua Vụ …) trước ngày 15/5/2020", "Thời hạn gửi: trước ngày …"):
        the date goes to that directive's tasks that have none."""
        if not self.ctx_leads or self.ctx_at != si - 1 or self.last_emit >= len(self.out):
            return False
        sent = self.sentences[si]
        low = self.work[sent.start : sent.end].lower()
        if not (_SENT_RESULT.match(low) and ("gửi" in low or low.startswith(("thời hạn", "hạn")))):
            return False
        deadline = find_deadline(self.nfc_text[sent.start : sent.end], self.ctx)
        if deadline is None:
            return False
        for a in self.out[self.last_emit :]:
            a.deadline = a.deadline or deadline
        return True

    def heading(self, si: int) -> list[str]:
        """The addressees of a line that names only them (an item heading of a plan)."""
        sent = self.sentences[si]
        alone = (si == 0 or self.sentences[si - 1].paragraph != sent.paragraph) and (
            si + 1 >= len(self.sentences) or self.sentences[si + 1].paragraph != sent.paragraph
        )
        if not alone or sent.end - sent.start > 160:
            return []
        toks = tokens_between(self.toks, self.starts, sent.start, sent.end)
        while toks and not toks[-1].word:
            toks = toks[:-1]
        return only_addressees(self.nfc_text, toks) if toks else []

    def clause(
        self,
        si: int,
        ci: int,
        clause: tuple[int, int],
        toks: list[Tok],
        state: _SentenceState,
        cut_tail: bool,
    ) -> None:
        res = analyse_clause(toks, self.work)
        pending, state.pending = state.pending, []
        if res.proposal:
            return
        if res.found and pending and res.found[0].how == "subject":
            # "Các sở, ban, ngành; UBND các huyện triển khai …": co-subjects split by ";".
            state.extra_leads = pending
        if self.explicit(res.found, clause, toks, state, cut_tail) or res.speaker_only:
            return
        if ci + 1 < self.n_clauses:
            state.pending = only_addressees(self.nfc_text, toks)
            if state.pending:
                return
        self.continuation(si, ci, clause, toks, state, cut_tail)

    def explicit(
        self,
        found: list[Found],
        clause: tuple[int, int],
        toks: list[Tok],
        state: _SentenceState,
        cut_tail: bool,
    ) -> bool:
        """Emit the clause's own assignments; False when it has none."""
        for f in found:
            leads = [_name(self.nfc_text, toks, s) for s in f.leads]
            if self.letter_to and any(map(is_courtesy, leads)):
                # "đề nghị Quý Sở …": the agencies the letter is addressed to
                leads = [x for a in leads for x in (self.letter_to if is_courtesy(a) else [a])]
            if f is found[0] and state.extra_leads:
                leads = state.extra_leads + leads
                state.extra_leads = []
            coords = [_name(self.nfc_text, toks, s) for s in f.coords]
            words = sum(1 for t in toks[f.task_start :] if t.word)
            if cut_tail and len(toks[-1].text) == 1:
                words -= 1  # "… tập trung x": the text stops inside its last word
            if f.partner and state.task is not None:
                # "Công an tỉnh chủ trì …; Bộ CHQS tỉnh phối hợp": same task, coordinating.
                self.emit(state.task, [], leads, "partner")
                continue
            if f.emit and not self.umbrella and not (cut_tail and words < 3):
                fclause = (clause[0], toks[f.end - 1].end) if f.end else clause
                state.task = (fclause, toks, f.task_start, f.anchor)
                self.emit(state.task, leads, coords, f.how)
            if f is found[0]:
                state.leads = leads
                state.coords = coords
                state.explicit = True
                state.directive = f.directive
        return bool(found)

    def continuation(
        self,
        si: int,
        ci: int,
        clause: tuple[int, int],
        toks: list[Tok],
        state: _SentenceState,
        cut_tail: bool,
    ) -> None:
        """A subjectless clause that goes on with the previous directive."""
        # A clause with no subject in a sentence that has none either goes on with the
        # previous sentence's directive ("Từ đó …; làm tốt …; chuẩn bị …").
        if state.task is not None and self.completion_date(clause, toks):
            return  # "…; hoàn thành trước ngày 10/12" dates the task before it
        after_directive = (
            self.ctx_leads and self.ctx_at == si - 1 and self.last_emit < len(self.out)
        )
        if ci == 0 and after_directive and self.completion_date(clause, toks):
            state.continued = True  # "… Hoàn thành trước ngày 10/12." dates the directive before
            return
        cross = ci == 0 or not state.leads
        # An item of an umbrella's list may open with any task verb ("b) Báo cáo …").
        item = self.chain and self.sentences[si].listed
        start = continuation_start(toks, cross, item)
        if start is None:
            if ci == 0 and _OWN_SUBJECT & {t.low for t in toks[1:]}:
                state.own_subject = True  # "Quá trình thực hiện cần …; chủ động …"
            return
        if ci > 0 and state.own_subject:
            return  # the clauses after it go on with that subject, not an earlier addressee
        leads = self.carried_leads(si, toks) if cross else state.leads
        if not leads:
            return
        partners = [c for c in self.ctx_coords if c not in leads] if cross and self.chain else []
        words = sum(1 for t in toks[start:] if t.word)
        if cut_tail and words < 6:
            return
        if not self.umbrella:
            coords = [_name(self.nfc_text, toks, c) for c in coordinates(toks, start, [])]
            coords = partners + [c for c in coords if c not in partners]
            how = "same-sentence" if state.leads else "next-sentence"
            self.emit((clause, toks, start, start), leads, coords, how)
        state.leads = leads
        state.continued = True

    def completion_date(self, clause: tuple[int, int], toks: list[Tok]) -> bool:
        """A clause that only says when the previous task is due ("hoàn thành trước ngày
        10/12", "chậm nhất ngày 15/5 phải xong"): its date goes to that task, and it is no
        task of its own."""
        first = next((t for t in toks if t.word and not t.text[0].isdigit()), None)
        if first is None or first.low not in _DONE_OR_WHEN:
            return False  # every word must be one of these: the first one is tested first
        words = {t.low for t in toks if t.word and not t.text[0].isdigit()}
        if not words & _DONE or not words <= _DONE_OR_WHEN:
            return False
        deadline = find_deadline(self.nfc_text[clause[0] : clause[1]], self.ctx)
        if deadline is None:
            return False
        for a in self.out[self.last_emit :]:
            a.deadline = a.deadline or deadline
        return True

    def carried_leads(self, si: int, toks: list[Tok]) -> list[str] | None:
        """The previous sentence's addressees, when this sentence continues its directive."""
        if not self.ctx_leads or not (self.chain or self.ctx_at == si - 1):
            return None
        sent = self.sentences[si]
        # A new paragraph continues the directive only when it says so ("Đồng thời, …",
        # "Bên cạnh đó, …") or is an item of a list; a caption does not.
        if (
            si > 0
            and self.sentences[si - 1].paragraph != sent.paragraph
            and not self.chain
            and not (sent.listed or CONNECTORS.match(toks, 0))
            and not (self.ctx_at == si - 1 and self.paragraph_end)
        ):
            return None
        return self.ctx_leads


_WORD = re.compile(r"\w+")
_SENT_RESULT = re.compile(
    r"(?:thời hạn|hạn|báo cáo|văn bản|hồ sơ|kết quả|danh sách|ý kiến|dự thảo|số liệu|kế hoạch)\b"
)
_OWN_SUBJECT = frozenset({"cần", "phải"})
_DONE = frozenset({"hoàn", "thành", "tất", "xong"})
_WHEN = frozenset(
    {"trước", "chậm", "nhất", "muộn", "là", "ngày", "tháng", "năm", "vào", "trong", "phải", "hạn"}
)


_DONE_OR_WHEN = _DONE | _WHEN


def _words(s: str) -> set[str]:
    return set(_WORD.findall(s.lower()))


def _dedupe(items: list[Assignment]) -> list[int]:
    """Indices of the items kept: exact repeats are dropped, and so is a task stated first in
    a headline or lead and again below."""
    seen: set[tuple[str, str, str]] = set()
    unique: list[Assignment] = []
    index: list[int] = []
    for k, a in enumerate(items):
        key = (a.agency, a.role, a.evidence)
        if key in seen:
            continue
        seen.add(key)
        unique.append(a)
        index.append(k)
    drop: set[int] = set()
    folded = [a.agency.casefold() for a in unique]
    words: list[set[str] | None] = [None] * len(unique)
    for j, later in enumerate(unique):
        y = folded[j]
        for i in range(max(0, j - 60), j):
            if i in drop or unique[i].role != later.role:
                continue
            x = folded[i]
            if not (x.startswith(y) or y.startswith(x)) or unique[i].evidence == later.evidence:
                continue
            wi = words[i] if words[i] is not None else _words(unique[i].task)
            wj = words[j] if words[j] is not None else _words(later.task)
            words[i], words[j] = wi, wj
            if wi and wj and len(wi & wj) / len(wi | wj) >= 0.6:
                drop.add(i)
    return [index[k] for k in range(len(unique)) if k not in drop]
