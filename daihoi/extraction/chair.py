"""The chair of a meeting and the chair's titles, read from the sentence that says who
chaired, inspected, concluded or gave directions."""

from __future__ import annotations

import re
from bisect import bisect_right

from . import lexicon as lx
from .normalize import lowered
from .tokens import PhraseIndex, Tok, tokenize

TITLES = PhraseIndex(lx.TITLE_HEADS)

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


def split_name(seg: str, toks: list[Tok] | None = None) -> tuple[str | None, str]:
    """(person's name at the end of a segment, the title before it); ``toks`` are the
    segment's tokens when the caller has them already."""
    if toks is None:
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
    name, rest = split_name(s, toks)
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


_TIGHT_DASH = re.compile(r"(?<=[^\W\d_])[-–](?=[^\W\d_])")


def _dash_to_comma(pre: str) -> str:
    """ "Nguyễn Văn A – Ủy viên …", "Chủ tịch UBND huyện - Trưởng ban", "Nguyễn Văn
    A-Bí thư …": a dash before a title separates like a comma, and so does a spaced dash
    before the name that closes the mention ("…, Tổ trưởng Tổ biên tập - Nguyễn Văn A")."""
    out = pre
    for m in reversed(list(_SPACED_DASH.finditer(pre))):
        after = pre[m.end() :]
        if TITLES.match(tokenize(after[:40]), 0) or split_name(after)[1] == "":
            out = out[: m.start()] + ", " + out[m.end() :]
    for m in reversed(list(_TIGHT_DASH.finditer(out))):
        before = out[max(0, m.start() - 12) : m.start()].split()
        if (
            before
            and _is_name_syllable(before[-1])
            and TITLES.match(tokenize(out[m.end() :][:40]), 0)
        ):
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
_CHAIR_BEFORE = re.compile(r"(?<!\w)(?:(?<!hội\s)đồng\s+)?$")  # "đồng chủ trì", not "Hội đồng"
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
    r"(?:truyền\s+đạt\s+(?:ý\s+kiến|kết\s+luận)(?:\s+chỉ\s+đạo)?|(?:^|\n)\s*(?:thông\s+báo\s+)?kết\s+luận)"
    r"\s+của\s+(?P<p>[^,.;:()\n]{3,160}?)"
    r"(?=\s+(?:về|tại|đối\s+với|khi|trong|tới)\s|[,.;:(\n]|$)"
)  # searched in the lower-cased text, the groups read from the text itself


_UNDER_CHAIR = re.compile(  # "(dưới) sự chủ trì của đồng chí …", in the lower-cased text
    r"(?:sự\s+chủ\s+trì\s+của|(?:^|[.\n]\s*)chủ\s+trì\s+(?:cuộc\s+họp|hội\s+nghị|phiên\s+họp|"
    r"buổi\s+làm\s+việc|buổi\s+họp)\s+(?:có|là))"  # "Chủ trì cuộc họp có đồng chí …"
    r"\s+(?P<p>(?:đồng\s+chí|ông|bà)\s+[^.;:\n]{3,300})"
)


def chair(text: str, sentences: list[tuple[int, int]]) -> tuple[str | None, list[str]]:
    fallback: tuple[str | None, list[str]] | None = None
    low = lowered(text)
    for m in _RELAY.finditer(low):
        name, rest = split_name(text[m.start("p") : m.end("p")])
        if name:
            return name, [rest] if rest else []
    for m in _UNDER_CHAIR.finditer(low):
        found = person_after_marker(text[m.start("p") : m.end("p")])
        if found and found[0]:
            return found[0], found[1]
    starts = [a for a, _ in sentences]
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
