"""Meeting fields: date, chair and titles, congress ordinal, term, and the body that met."""

from __future__ import annotations

import re
from datetime import date

from . import lexicon as lx
from .chair import chair
from .dates import (
    DATE_RE,
    YearContext,
    find_dateline,
    find_event_year,
    find_explicit_year,
    find_term,
    national_congress_year,
    ordinal_to_roman,
    parse_day_month,
)
from .model import Meeting
from .normalize import lowered
from .sentences import Sentence, split_sentences
from .tokens import PhraseIndex, tokenize

TITLES = PhraseIndex(lx.TITLE_HEADS)
_ROMAN = r"[IVXLC]{1,7}"

# ---------------------------------------------------------------------------- congress ordinal
_DAI_HOI_LOW = re.compile(r"đại\s+hội\b")  # on the lower-cased text
_ORDINAL_AFTER = re.compile(
    r"đại\s+hội\b(?P<mid>(?:(?!đại\s+hội|hội\s+nghị)[^.;:!?\n]){0,120}?)"
    rf"\blần(?:\s+thứ)?\s+(?P<o>{_ROMAN}|\d{{1,2}})"
    r"(?=\d{1,2}/\d{1,2}/\d{4}|\b)",
    re.IGNORECASE,
)
_TOWARD = re.compile(r"tiến\s+tới\s+(?:và\s+)?$|các\s+cấp\s+(?:và|,)\s+$")
_ORDINAL_DIRECT = re.compile(rf"\bĐại\s+hội\s+(?P<o>{_ROMAN})\b")
_NATIONAL = re.compile(
    rf"Đại\s+hội\s+(?:đại\s+biểu\s+)?toàn\s+quốc\s+lần\s+thứ\s+(?P<a>{_ROMAN}|\d{{1,2}})"
    rf"|Đại\s+hội\s+(?P<b>{_ROMAN})\s+(?:của\s+Đảng|của\s+Đảng\s+Cộng\s+sản)",
    re.IGNORECASE,
)


def congress_ordinal(text: str) -> str | None:
    """The ordinal most often attached to "Đại hội"; on a tie, the first one."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    low = lowered(text)
    for anchor in _DAI_HOI_LOW.finditer(low):
        if "lần" not in low[anchor.end() : anchor.end() + 130]:
            continue  # no ordinal within reach: skip the slower pattern
        if _TOWARD.search(low, max(0, anchor.start() - 60), anchor.start()):
            continue  # "… các cấp tiến tới Đại hội … lần thứ XIII": the next congress up
        m = _ORDINAL_AFTER.match(text, anchor.start())
        if not m:
            continue
        mid = m.group("mid").lower()
        if "khóa" in mid.split()[-1:]:
            continue
        _count(counts, first, m.group("o"), m.start())
    for m in _ORDINAL_DIRECT.finditer(text):
        _count(counts, first, m.group("o"), m.start())
    if not counts:
        return None
    return max(counts, key=lambda r: (counts[r], -first[r]))


def _count(counts: dict[str, int], first: dict[str, int], raw: str, pos: int) -> None:
    if raw.isalpha() and not raw.isupper():
        return
    roman = ordinal_to_roman(raw)
    if roman:
        counts[roman] = counts.get(roman, 0) + 1
        first.setdefault(roman, pos)


def national_ordinals(text: str) -> set[str]:
    out = set()
    for m in _NATIONAL.finditer(text):
        roman = ordinal_to_roman(m.group("a") or m.group("b"))
        if roman:
            out.add(roman)
    return out


# ---------------------------------------------------------------------------------- the date
_MEETING_DATE = re.compile(
    r"(?<![\w/])(?:sáng|chiều|trưa|tối|đêm|ngày|hôm)[ \t\xa0]+(?:(?:nay|qua)\s*\(\s*)?"
    r"(?:thứ\s+\w+\s*,?\s*)?(?=\d)",
    re.IGNORECASE,
)
# Not a meeting's date: a limit ("trước ngày"), a document's ("Kế hoạch 308-KH/BTGTW ngày",
# "số 12/QĐ-UBND ngày"), or a letter's own place and date line ("Lào Cai, ngày …").
_NOT_MEETING_DATE = re.compile(
    r"(?:(?:trước|đến|từ|sau|trong|chậm nhất|muộn nhất|hạn|số\s+\S+)\s*|"
    r"\d+\s*[-/]\s*[A-ZĐ][\w/\-]*\s*|số\s+\d+\s*/[^,;\n]{0,24})$",
    re.IGNORECASE,
)
_PLACE_DATE_LINE = re.compile(r"[^\W\d][^,\n]{1,30},\s*")


def meeting_date(text: str, ctx: YearContext) -> str | None:
    for m in _MEETING_DATE.finditer(text):
        d = DATE_RE.match(text, m.end())
        if not d:
            continue
        dm = parse_day_month(d)
        if dm is None:
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        if _NOT_MEETING_DATE.search(before):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _PLACE_DATE_LINE.fullmatch(text, line_start, m.start()):
            continue
        after = text[d.end() : d.end() + 12]
        if re.match(r"\s*[|,\-–]?\s*\d{1,2}[:h]\d{2}", after):
            continue  # a publication time stamp
        resolved = ctx.resolve(dm, "meeting")
        return resolved.isoformat() if resolved else None
    return None


# ---------------------------------------------------------------------------------- the body
_BODY_HEAD = (
    r"(?:Tiểu\s+ban|Ban\s+Chỉ\s+đạo|Ban\s+chỉ\s+đạo|Ban\s+Tổ\s+chức|Hội\s+đồng|"
    r"Tổ\s+(?:biên\s+tập|dự\s+thảo|giúp\s+việc)|Ban\s+biên\s+tập|Ủy\s+ban\s+bầu\s+cử)"
)
_BODY_MET = re.compile(
    rf"(?P<b>{_BODY_HEAD}\b[^.;:\n]{{0,250}}?)\s*,?\s*(?:đã\s+|vừa\s+)?"
    r"(?:tổ\s+chức\s+(?:cuộc\s+|phiên\s+)?họp|họp\s+(?:phiên|lần|định\s+kỳ)|tổ\s+chức\s+hội\s+nghị|"
    r"họp\b|tiến\s+hành\s+họp)"
)
_BODY_CHAIRED = re.compile(
    r"chủ\s+trì\s+(?:cuộc\s+họp|phiên\s+họp|buổi\s+họp|hội\s+nghị|họp)(?:\s+(?:thứ|lần)\s+\w+)?"
    rf"\s+(?:của\s+)?(?P<b>{_BODY_HEAD}\b[^;\n]{{0,400}})",
)
_BODY_HEADLINE = re.compile(
    rf"^\s*(?:Họp|Phiên\s+họp(?:\s+(?:thứ|lần)\s+\S+)?(?:\s+của)?|Hội\s+nghị)\s+(?P<b>{_BODY_HEAD}\b.*)$"
)
_BODY_MEMBERS = re.compile(rf"thành\s+viên\s+(?:của\s+)?(?P<b>{_BODY_HEAD}\b[^\n]{{0,250}})")
_BODY_WORDS = frozenset(
    [
        "tổ",
        "chức",
        "phục",
        "vụ",
        "đại",
        "hội",
        "văn",
        "kiện",
        "tuyên",
        "truyền",
        "khánh",
        "tiết",
        "nhân",
        "sự",
        "đảng",
        "bộ",
        "tỉnh",
        "thành",
        "phố",
        "huyện",
        "điều",
        "lệ",
        "kinh",
        "tế",
        "xã",
        "và",
        "biểu",
        "lễ",
        "tân",
        "hậu",
        "cần",
        "y",
        "an",
        "ninh",
        "trật",
        "tự",
        "thi",
        "đua",
        "khen",
        "thưởng",
        "các",
        "dân",
        "tộc",
        "thiểu",
        "số",
        "toàn",
        "quốc",
        "của",
        "cấp",
        "quận",
        "thị",
    ]
)


def _body_name(s: str) -> str:
    """Name of a body at the start of ``s``: capitalised words and the words of body names."""
    toks = tokenize(s)
    end = 0
    k = 2 if len(toks) > 1 and toks[1].low in ("ban", "đồng") else 1
    if len(toks) > 2 and toks[1].low == "ban" and toks[2].low in ("chỉ", "tổ"):
        k = 4
    end = toks[k - 1].end if len(toks) >= k else 0
    while k < len(toks):
        t = toks[k]
        if t.word and (t.ecap or t.low in _BODY_WORDS):
            k += 1
            end = t.end
            continue
        if t.low in ("lần", "khóa", "khoá") and k + 1 < len(toks):
            q = k + 2 if toks[k + 1].low == "thứ" else k + 1
            if q < len(toks) and (toks[q].text.isdigit() or toks[q].text.isupper()):
                k = q + 1
                end = toks[q].end
                continue
        break
    return s[:end].strip()


def _trim_body(b: str) -> str:
    b = re.split(r",?\s+nhiệm\s+kỳ\b", b, maxsplit=1, flags=re.IGNORECASE)[0]
    # "Tiểu ban X do Đại tá … chủ trì", "Hội đồng X dưới sự chủ trì của …": the chair follows.
    b = re.split(r"\s+(?:do|dưới\s+sự)\s", b, maxsplit=1)[0]
    return b.strip(" ,.-–")


def body(text: str, headline_end: int) -> str | None:
    def ok(m: re.Match[str], s: str) -> bool:
        before = s[max(0, m.start("b") - 12) : m.start("b")].lower()
        return not re.search(r"(?:trưởng|phó|của|với|theo|cho|viên)\s*$", before)

    later = None
    for m in _BODY_MET.finditer(text):
        if not ok(m, text):
            continue
        b = _trim_body(m.group("b"))
        if len(b.split()) < 3:
            continue
        if m.start() >= headline_end:
            return b
        later = later or b
    if later:
        return later
    for m in _BODY_CHAIRED.finditer(text):
        b = re.split(r"\s+(?:nhằm|để)\s", m.group("b"), maxsplit=1)[0]
        b = re.split(r"\.(?:\s|$)", b, maxsplit=1)[0]
        return _trim_body(b)
    for line in text.split("\n"):
        if len(line.strip()) > 220:
            continue
        hm = _BODY_HEADLINE.match(line)
        if hm:
            b = _trim_body(_body_name(hm.group("b")))
            if len(b.split()) >= 3:
                return b
    window = text[:900]
    for m in _BODY_MEMBERS.finditer(window):
        b = _trim_body(_body_name(m.group("b")))
        if len(b.split()) >= 3:
            return b
    return None


# ------------------------------------------------------------------------------------ together
def read_meeting(
    text: str, today: date | None, sentences: list[Sentence] | None = None
) -> tuple[Meeting, YearContext]:
    """Meeting fields and the year context used for every date of the text."""
    meeting = Meeting()
    meeting.term = find_term(text)
    meeting.congress_ordinal = congress_ordinal(text)
    national = None
    if meeting.congress_ordinal and meeting.congress_ordinal in national_ordinals(text):
        national = national_congress_year(meeting.congress_ordinal)
    ctx = YearContext(
        dateline=find_dateline(text),
        explicit_year=find_explicit_year(text),
        term_start=int(meeting.term[:4]) if meeting.term else None,
        national_year=national,
        today=today,
        event_year=find_event_year(lowered(text)),
    )
    meeting.date = meeting_date(text, ctx)
    if meeting.date and ctx.dateline is None:
        # Deadlines without a year follow the meeting: "trước 15/1" after a December meeting.
        ctx.dateline = date.fromisoformat(meeting.date)
    if sentences is None:
        sentences = split_sentences(text)
    meeting.chair, meeting.chair_titles = chair(text, [(s.start, s.end) for s in sentences])
    first_line = next((ln for ln in text.split("\n") if ln.strip()), "")
    headline_end = text.find(first_line) + len(first_line) if first_line else 0
    meeting.body = body(text, headline_end)
    return meeting, ctx
