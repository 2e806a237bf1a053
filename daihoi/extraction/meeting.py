"""Meeting fields: date, chair and titles, congress ordinal, term, and the body that met."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from . import lexicon as lx
from .dates import (
    DATE_RE,
    YearContext,
    find_dateline,
    find_explicit_year,
    find_term,
    national_congress_year,
    ordinal_to_roman,
    parse_day_month,
)
from .model import Meeting
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
    low = _lowered(text)
    for anchor in _DAI_HOI_LOW.finditer(low):
        if "lần" not in low[anchor.end() : anchor.end() + 130]:
            continue  # no ordinal within reach: skip the slower pattern
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
    r"(?<![\w/])(?:sáng|chiều|trưa|tối|đêm|ngày|hôm)\s+(?:(?:nay|qua)\s*\(\s*)?"
    r"(?:thứ\s+\w+\s*,?\s*)?(?=\d)",
    re.IGNORECASE,
)
_NOT_MEETING_DATE = re.compile(
    r"(?:trước|đến|từ|sau|chậm nhất|muộn nhất|hạn|số\s+\S+)\s*$", re.IGNORECASE
)


def meeting_date(text: str, ctx: YearContext) -> str | None:
    for m in _MEETING_DATE.finditer(text):
        d = DATE_RE.match(text, m.end())
        if not d:
            continue
        dm = parse_day_month(d)
        if dm is None:
            continue
        before = text[max(0, m.start() - 25) : m.start()]
        if _NOT_MEETING_DATE.search(before):
            continue
        after = text[d.end() : d.end() + 12]
        if re.match(r"\s*[|,\-–]?\s*\d{1,2}[:h]\d{2}", after):
            continue  # a publication time stamp
        resolved = ctx.resolve(dm, "meeting")
        return resolved.isoformat() if resolved else None
    return None


# ---------------------------------------------------------------------------- chair and titles
_MARKER = re.compile(r"^(?:đồng\s+chí|ông|bà)\s+", re.IGNORECASE)
_MARKER_INSIDE = re.compile(r"(?:^|\s)((?:đồng\s+chí|ông|bà)\s+\S.*)$", re.IGNORECASE)
_LEADING_JUNK = re.compile(r"^\s*(?:\([^)]{0,40}\)|[A-ZĐ .]{2,20}\s*[-–—])?[\s\-–—:]*")
_TRAILING_FILLER = re.compile(
    r"(?:\s+(?:đã|cũng|vừa|đồng thời|trực tiếp|đến|tới|sẽ|có|phát biểu|tiếp tục|đều|"
    r"lại|còn|luôn|khi))+\s*$",
    re.IGNORECASE,
)
_CONT = re.compile(r"(?:lần\s+thứ|khóa|khoá)\b")
_TERM_WORD = re.compile(r"nhiệm\s+kỳ\b")
_INLINE_TERM = re.compile(r",?\s*nhiệm\s+kỳ\s+\d{4}\s*[-–]\s*\d{4}\s*$", re.IGNORECASE)
_PLACES = PhraseIndex(lx.PLACE_NAMES | lx.phrases("Yên Bái", "Hà Nội"))


def _is_name_syllable(t: str) -> bool:
    return t.isalpha() and t[0].isupper() and (len(t) == 1 or t[1:].islower())


def split_name(seg: str) -> tuple[str | None, str]:
    """(person's name at the end of a segment, the title before it)."""
    toks = tokenize(seg)
    if not toks:
        return None, ""
    k = len(toks)
    while k > 0 and toks[k - 1].word and _is_name_syllable(toks[k - 1].text):
        k -= 1
    run = toks[k:]
    if len(run) < 2:
        return None, seg.strip()
    for size in range(min(4, len(run)), 1, -1):
        cand = run[len(run) - size :]
        if cand[0].low not in lx.FAMILY_NAMES:
            continue
        if _PLACES.match(cand, 0) or TITLES.match(cand, 0):
            continue
        if any(_PLACES.match(cand, q) == len(cand) - q for q in range(1, len(cand) - 1)):
            continue
        start = cand[0].start
        return seg[start:].strip(), seg[:start].strip(" ,")
    return None, seg.strip()


def _kind(seg: str) -> str:
    s = seg.strip()
    if not s:
        return "empty"
    low = s.lower()
    if _MARKER.match(s):
        return "marker"
    if _CONT.match(low):
        return "cont"
    if _TERM_WORD.match(low):
        return "term"
    toks = tokenize(s)
    if toks and TITLES.match(toks, 0):
        return "title"
    name, rest = split_name(s)
    if name and not rest:
        return "name"
    return "other"


def _parse_person(segments: list[str]) -> tuple[str | None, list[str]]:
    name: str | None = None
    titles: list[str] = []
    for seg in segments:
        seg = _MARKER.sub("", seg.strip())
        nm, rest = split_name(seg)
        if nm and name is None:
            name = nm
        rest = _INLINE_TERM.sub("", rest).strip(" ,")
        if rest and (not nm or TITLES.match(tokenize(rest), 0)) or rest and nm:
            titles.append(rest)
    return name, titles


_JOINERS = frozenset({"do", "của", "với", "và", "cùng", "có", "dự", "là"})
_SPACED_DASH = re.compile(r"\s[-–—]\s+(?=\S)")


def _titled_name(seg: str) -> str | None:
    """The "<title> <name>" at the end of a segment, when a title starts it or follows a
    joining word ("… do Đại tá Nguyễn Văn A")."""
    nm, rest = split_name(seg)
    if not nm or not rest:
        return None
    toks = tokenize(rest)
    firsts = TITLES.by_first
    for k, t in enumerate(toks):
        if t.low in firsts and (k == 0 or toks[k - 1].low in _JOINERS) and TITLES.match(toks, k):
            return seg[t.start :].strip()
    return None


def _dash_to_comma(pre: str) -> str:
    """ "Nguyễn Văn A – Ủy viên …", "Giám đốc Công an tỉnh - Trưởng Tiểu ban": a spaced dash
    before a title separates like a comma."""
    out = pre
    for m in reversed(list(_SPACED_DASH.finditer(pre))):
        if TITLES.match(tokenize(pre[m.end() : m.end() + 40]), 0):
            out = out[: m.start()] + ", " + out[m.end() :]
    return out


def person_before(pre: str) -> tuple[str | None, list[str], bool] | None:
    """Person mentioned right before an anchor verb: (name, titles, had a marker)."""
    tail = len(pre) - 80  # the filler words stand right before the anchor
    filler = _TRAILING_FILLER.search(pre, max(0, tail))
    if filler:
        pre = pre[: filler.start()]
    if "-" in pre or "–" in pre or "—" in pre:
        pre = _dash_to_comma(pre)
    parts = pre.split(",")
    collected: list[str] = []
    pending: list[str] = []
    marker = False
    for raw in reversed(parts):
        seg = _LEADING_JUNK.sub("", raw).strip() if raw is parts[0] else raw.strip()
        kind = _kind(seg)
        if kind == "empty":
            if collected or pending:
                break
            continue
        if kind == "term":
            continue
        if kind == "cont":
            pending.insert(0, seg)
            continue
        if kind in ("title", "name", "marker"):
            if pending:
                seg = ", ".join([seg, *pending])
                pending = []
            collected.insert(0, seg)
            if kind in ("marker", "name"):
                marker = marker or kind == "marker"
                if kind == "marker":
                    break
            continue
        m = _MARKER_INSIDE.search(seg)
        if m:
            collected.insert(0, m.group(1))
            marker = True
        else:
            # "… tại Trụ sở …, Thường trực Ban Bí thư Trần Cẩm Tú": a title with the name;
            # "… do Đại tá Nguyễn Văn A": the title after a joining word.
            titled = _titled_name(seg)
            if titled:
                collected.insert(0, titled)
        break
    if not collected:
        return None
    name, titles = _parse_person(collected)
    if not name and not marker:
        return None
    return name, titles, marker


def person_after_marker(pre: str) -> tuple[str | None, list[str], bool] | None:
    """The last "đồng chí / ông / bà …" mention in a sentence part, with its titles."""
    last = None
    for m in re.finditer(r"(?:^|[\s,(])((?:đồng\s+chí|ông|bà)\s+)", pre, re.IGNORECASE):
        last = m
    if not last:
        return None
    rest = pre[last.start(1) :]
    segs = rest.split(",")
    collected = [segs[0]]
    for seg in segs[1:]:
        k = _kind(seg)
        if k == "title":
            collected.append(seg.strip())
        elif k == "cont" and collected:
            collected[-1] = collected[-1] + "," + seg
        else:
            break
    name, titles = _parse_person(collected)
    if not name:
        return None
    return name, titles, True


# The anchors of the chair's sentence, searched in the lower-cased text: each is a core
# pattern that starts with a literal (fast to scan for) and the optional words that may stand
# before it, read backwards from the core's start.
_CHAIR_ANCHOR = re.compile(
    r"chủ\s+trì(?:(?=\s*[.;,]|\s*$)|\s+(?:cuộc\s+họp|hội\s+nghị|phiên\s+họp|buổi\s+làm\s+việc|"
    r"buổi\s+họp|họp|buổi|cuộc|phiên|lễ|hội\s+thảo|tọa\s+đàm|kỳ\s+họp|hội\s+ý))"
)
_CHAIR_BEFORE = re.compile(r"(?<!\w)(?:đồng\s+)?$")
_WORK_ANCHOR = re.compile(
    r"có\s+buổi\s+(?:làm\s+việc|kiểm\s+tra|khảo\s+sát)|kiểm\s+tra\s+(?:thực\s+tế|công\s+tác)|"
    r"làm\s+việc\s+với"
)
_WORK_BEFORE = re.compile(r"(?<!\w)(?:đã\s+)?(?:đi\s+)?$")
_CONCLUSION_ANCHOR = re.compile(r"kết\s+luận\s+(?:hội\s+nghị|cuộc\s+họp|phiên\s+họp|buổi|tại)")
_CONCLUSION_BEFORE = re.compile(r"(?<!\w)(?:phát\s+biểu\s+)?$")
_DIRECTIVE_ANCHOR = re.compile(
    r"(?:yêu\s+cầu|đề\s+nghị|lưu\s+ý|chỉ\s+đạo|nhấn\s+mạnh|đánh\s+giá\s+cao)\b"
)
_ANCHORS = (
    (_CHAIR_ANCHOR, _CHAIR_BEFORE),
    (_WORK_ANCHOR, _WORK_BEFORE),
    (_CONCLUSION_ANCHOR, _CONCLUSION_BEFORE),
    (_DIRECTIVE_ANCHOR, None),
)


def _lowered(text: str) -> str:
    """The text in lower case with the same length (a letter whose lower case is longer, as
    "İ", is kept as it is)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _anchor_spans(
    low: str, core: re.Pattern[str], before: re.Pattern[str] | None
) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in core.finditer(low):
        start = m.start()
        if before is not None:
            p = before.search(low, max(0, start - 16), start)
            if p:
                start = p.start()
        elif start and (low[start - 1].isalnum() or low.endswith(("theo ", "được "), 0, start)):
            continue  # the directive anchor: a whole word, not "theo yêu cầu", "được chỉ đạo"
        spans.append((start, m.end()))
    return spans


_RELAY = re.compile(
    r"truyền\s+đạt\s+(?:ý\s+kiến|kết\s+luận)(?:\s+chỉ\s+đạo)?\s+của\s+(?P<p>[^,.;:()\n]{3,160}?)"
    r"(?=\s+(?:về|tại|đối\s+với|khi|trong|tới)\s|[,.;:(\n]|$)",
    re.IGNORECASE,
)


def chair(text: str, sentences: list[tuple[int, int]]) -> tuple[str | None, list[str]]:
    fallback: tuple[str | None, list[str]] | None = None
    for m in _RELAY.finditer(text):
        name, rest = split_name(m.group("p"))
        if name:
            return name, [rest] if rest else []
    starts = [a for a, _ in sentences]
    low = _lowered(text)
    for level, (core, before) in enumerate(_ANCHORS):
        for m_start, m_end in _anchor_spans(low, core, before):
            k = bisect_right(starts, m_start) - 1
            if k < 0 or sentences[k][1] < m_end:
                continue
            pre = text[sentences[k][0] : m_start]
            found = person_before(pre)
            if found is None and level == 3:
                found = person_after_marker(pre)
            if found is None:
                continue
            name, titles, _marker = found
            if name:
                return name, titles
            if fallback is None:
                fallback = (None, titles)
    return fallback or (None, [])


# ---------------------------------------------------------------------------------- the body
_BODY_HEAD = r"(?:Tiểu\s+ban|Ban\s+Chỉ\s+đạo|Ban\s+chỉ\s+đạo|Ban\s+Tổ\s+chức|Hội\s+đồng)"
_BODY_MET = re.compile(
    rf"(?P<b>{_BODY_HEAD}\b[^.;:\n]{{0,250}}?)\s*,?\s*(?:đã\s+|vừa\s+)?"
    r"(?:tổ\s+chức\s+(?:cuộc\s+|phiên\s+)?họp|họp\s+(?:phiên|lần|định\s+kỳ)|tổ\s+chức\s+hội\s+nghị|"
    r"họp\b|tiến\s+hành\s+họp)"
)
_BODY_CHAIRED = re.compile(
    r"chủ\s+trì\s+(?:cuộc\s+họp|phiên\s+họp|hội\s+nghị|họp)(?:\s+(?:thứ|lần)\s+\w+)?"
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
