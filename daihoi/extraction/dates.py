"""Dates of Vietnamese administrative texts: day/month expressions, deadlines, the year.

A day and month without a year ("Sáng 28/2", "trước ngày 12/11") take the year from the
text: a dateline, an explicit year, the congress term, the national congress ordinal
(XII in January 2016, XIII in January 2021, XIV in January 2026), or, failing all those,
the ``today`` the caller passed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .roman import from_roman as strict_from_roman
from .roman import to_roman

# Words around a date that mark it as the page's publication time.
_PUBLISHED = re.compile(r"\d{1,2}:\d{2}|đăng|cập nhật|thứ|chủ nhật|update")


def from_roman(s: str) -> int | None:
    """The value of a Roman numeral, or None when `s` is not a well-formed one."""
    try:
        return strict_from_roman(s)
    except ValueError:
        return None


@lru_cache(maxsize=512)
def ordinal_to_roman(raw: str) -> str | None:
    """'XIV' → 'XIV', '14' → 'XIV', 'iii' → 'III'; None when not an ordinal of 1-99."""
    raw = raw.strip()
    n = int(raw) if raw.isdigit() else from_roman(raw)
    if not n or n > 99:
        return None
    return to_roman(n)


def make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# Day and month (and perhaps year) written with "/", "-" or "." ("28/2", "30-10", "21.9",
# "12/11/2020"), or in words ("ngày 5 tháng 11 năm 2020").
_DM = (
    r"(?<![\d/.\-])(?P<d>[0-3]?\d)\s?(?P<s>[/.\-])\s?(?P<m>[01]?\d)"
    r"(?:\s?(?P=s)\s?(?P<y>(?:19|20)\d\d))?(?![\d/]|\.\d)"
)
_DM_WORDS = (
    r"(?P<d2>[0-3]?\d)\s+tháng\s+(?P<m2>[01]?\d)(?:\s*(?:năm|,)\s*(?P<y2>(?:19|20)\d\d))?(?!\d)"
)
DATE_RE = re.compile(rf"(?:{_DM}|{_DM_WORDS})", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DayMonth:
    day: int
    month: int
    year: int | None
    start: int
    end: int


def parse_day_month(m: re.Match[str]) -> DayMonth | None:
    if m.group("d") is not None:
        d, mo, y = m.group("d"), m.group("m"), m.group("y")
    else:
        d, mo, y = m.group("d2"), m.group("m2"), m.group("y2")
    day, month = int(d), int(mo)
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return DayMonth(day, month, int(y) if y else None, m.start(), m.end())


# The publication line of a page ("Ngày đăng 20/02/2020", "THỨ HAI, 21/09/2020 18:32",
# "(13:01 14/11/2020)", "date 2020-05"): a full date near the top.
_FULL_DATE = re.compile(r"(\d{1,2})\s?([/.\-])\s?(\d{1,2})\2((?:19|20)\d\d)(?!\d)")
_ISO_DATE = re.compile(r"\b((?:19|20)\d\d)-(\d{2})(?:-(\d{2}))?\b")
# Searched in the lower-cased text.
_EXPLICIT_YEAR = re.compile(
    r"\b(?:năm|quý\s+[iv]+\s*/|tháng\s+\d{1,2}\s*[/\-])\s*((?:19|20)\d\d)\b(?!\s*[-–—]\s*\d)"
)
_TERM = re.compile(r"nhiệm\s+kỳ\s*:?\s*((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)", re.IGNORECASE)


def find_dateline(text: str, window: int = 700) -> date | None:
    """The page's own date: a full date near the top (preferring one next to a time)."""
    head = text[:window]
    best: date | None = None
    for m in _FULL_DATE.finditer(head):
        d = make_date(int(m.group(4)), int(m.group(3)), int(m.group(1)))
        if d is None:
            continue
        around = head[max(0, m.start() - 30) : m.end() + 12].lower()
        if _PUBLISHED.search(around):
            return d
        if best is None:
            best = d
    if best is not None:
        return best
    iso = _ISO_DATE.search(head)
    if iso:
        year, month = int(iso.group(1)), int(iso.group(2))
        if not 1 <= month <= 12:
            return None
        # Month precision only ("date 2020-05"): the page is from the end of that month at latest.
        day = int(iso.group(3)) if iso.group(3) else calendar.monthrange(year, month)[1]
        return make_date(year, month, day)
    return None


_YEAR4 = re.compile(r"(?<!\d)(?:19|20)\d\d\b(?!\s*[-–—]\s*\d)")
_YEAR_BEFORE = re.compile(r"\b(?:năm|quý\s+[iv]+\s*/|tháng\s+\d{1,2}\s*[/\-])\s*$")


def find_explicit_year(text: str) -> int | None:
    """The first year written as "năm 2020", "quý I/2020" or "tháng 5/2020". Years are
    found first (few) and the words before each are checked (fast on long texts)."""
    for m in _YEAR4.finditer(text):
        if _YEAR_BEFORE.search(text[max(0, m.start() - 24) : m.start()].lower()):
            return int(m.group(0))
    return None


def find_term(text: str) -> str | None:
    m = _TERM.search(text)
    if not m:
        return None
    a, b = int(m.group(1)), int(m.group(2))
    if not 0 < b - a <= 10:
        return None
    return f"{a}-{b}"


# The year an event fixes: a National Assembly election ("bầu cử đại biểu Quốc hội khóa XV":
# 2021, every five years) or an anniversary with its years ("kỷ niệm 80 năm … (1945-2025)").
_ASSEMBLY = re.compile(r"bầu\s+cử\s+đại\s+biểu\s+quốc\s+hội\s+khó?a\s+([xvi]+)\b")
_ANNIVERSARY = re.compile(
    r"kỷ\s+niệm\s+(\d{1,4})\s+năm[^()\n]{0,160}\(\s*((?:19|20|1[0-8])\d\d)\s*[-–]\s*((?:19|20)\d\d)\s*\)"
)


def find_event_year(low: str) -> int | None:
    """The year of the election or anniversary a (lower-cased) text prepares, if it says."""
    m = _ASSEMBLY.search(low)
    if m:
        n = from_roman(m.group(1))
        if n and n >= 11:
            return 2021 + 5 * (n - 15)
    m = _ANNIVERSARY.search(low)
    if m and int(m.group(3)) - int(m.group(2)) == int(m.group(1)):
        return int(m.group(3))
    return None


def national_congress_year(roman: str) -> int | None:
    """Year a national Party congress opened (XI in 2011, then every five years)."""
    n = from_roman(roman)
    if not n or n < 6:
        return None
    return 2011 + 5 * (n - 11)


@dataclass
class YearContext:
    dateline: date | None = None
    explicit_year: int | None = None
    term_start: int | None = None
    national_year: int | None = None
    today: date | None = None
    event_year: int | None = None

    def resolve(self, dm: DayMonth, kind: str = "deadline") -> date | None:
        """The full date of a day-month, or None when the text gives no year."""
        if dm.year:
            return make_date(dm.year, dm.month, dm.day)
        if self.dateline:
            year = self.dateline.year
            d = make_date(year, dm.month, dm.day)
            if d is None:
                return None
            # A meeting is reported after it happened; a deadline comes after the report.
            if kind == "meeting" and d > self.dateline + timedelta(days=7):
                d = make_date(year - 1, dm.month, dm.day)
            elif kind == "deadline" and d < self.dateline - timedelta(days=45):
                d = make_date(year + 1, dm.month, dm.day)
            return d
        # A congress or election term fixes the year of a deadline; a meeting's date whose year
        # is only implied by the term stays unknown.
        fixed = self.explicit_year or (
            (self.term_start or self.event_year) if kind == "deadline" else None
        )
        if fixed:
            return make_date(fixed, dm.month, dm.day)
        if self.national_year:
            # National congresses open in January: preparations are the year before.
            year = self.national_year if dm.month == 1 else self.national_year - 1
            return make_date(year, dm.month, dm.day)
        if self.today:
            d = make_date(self.today.year, dm.month, dm.day)
            if d and kind == "meeting" and d > self.today + timedelta(days=7):
                d = make_date(self.today.year - 1, dm.month, dm.day)
            elif d and kind == "deadline" and d < self.today - timedelta(days=180):
                d = make_date(self.today.year + 1, dm.month, dm.day)
            return d
        return None


# Words before a date that make it a deadline for the task in the same clause.
_DEADLINE_CUE = re.compile(
    r"(?:trước\s+ngày|trước|chậm\s+nhất(?:\s+là)?(?:\s+vào)?(?:\s+ngày)?|"
    r"muộn\s+nhất(?:\s+là)?(?:\s+vào)?(?:\s+ngày)?|hạn\s+(?:chót|cuối)(?:\s+là)?(?:\s+ngày)?|"
    r"thời\s+hạn(?:\s+hoàn\s+thành)?(?:\s+là)?(?:\s+trước)?(?:\s+ngày)?|"
    r"không\s+muộn\s+hơn(?:\s+ngày)?|từ\s+nay\s+đến(?:\s+hết)?(?:\s+ngày)?|"
    r"đến\s+hết(?:\s+ngày)?|(?<!từ\s)đến\s+ngày|xong\s+trước(?:\s+ngày)?|trong\s+ngày|"
    r"muộn\s+sau(?:\s+ngày)?|hoàn\s+thành\s+(?:vào\s+)?ngày|xong\s+(?:vào\s+)?ngày)"
    r"\s*(?:\([^)]{0,20}\)\s*)?$",
    re.IGNORECASE,
)
# A task fixed to a day ("treo cờ vào ngày 2/9"), not the day of the event itself; only within
# the task (a day named before it, "thống nhất tổ chức Đại hội vào ngày … và giao …", is not).
_FIXED_DAY = re.compile(
    r"(?<!ra\s)(?<!mạc\s)(?<!họp\s)(?<!sau\s)vào\s+(?:sáng\s+|chiều\s+|tối\s+)?ngày"
    r"\s*(?:\([^)]{0,20}\)\s*)?$",
    re.IGNORECASE,
)
# The hour before a day ("trước 17 giờ ngày 20/9", "chậm nhất 16h30, ngày 5/10"): read as if
# the cue stood right before "ngày".
_TIME_OF_DAY = re.compile(
    r"\s+\d{1,2}\s*(?:giờ|h|g)(?:\s*\d{1,2}\s*(?:phút|p)?)?\s*,?\s+ngày$", re.IGNORECASE
)
# "từ ngày 20.1 đến ngày 28.1": a time window, not a deadline.
_WINDOW_START = re.compile(r"\btừ\s+(?:ngày\s+)?$", re.IGNORECASE)


def find_deadline(clause: str, ctx: YearContext, task_from: int = 0) -> str | None:
    """ISO date of the deadline stated in a clause, or None. A day the task is fixed to
    counts only after ``task_from`` (where the task starts in the clause)."""
    previous_end = 0
    saw_window = False
    for m in DATE_RE.finditer(clause):
        dm = parse_day_month(m)
        before = clause[max(previous_end, m.start() - 40) : m.start()]
        previous_end = m.end()
        if dm is None:
            continue
        if _WINDOW_START.search(clause[max(0, m.start() - 12) : m.start()]):
            saw_window = True
            continue
        if saw_window:
            saw_window = False
            continue
        cue = _TIME_OF_DAY.sub(" ngày", before.rstrip())
        if not _DEADLINE_CUE.search(cue) and not (
            m.start() >= task_from and _FIXED_DAY.search(cue)
        ):
            continue
        d = ctx.resolve(dm, "deadline")
        return d.isoformat() if d else None
    return None


# A plan laid out as a table whose column gives each row's last day.
_TABLE_HEADER = re.compile(
    r"(?:chậm\s+nhất\s+phải\s+hoàn\s+thành|thời\s+hạn\s+hoàn\s+thành|"
    r"thời\s+gian\s+hoàn\s+thành|hạn\s+hoàn\s+thành)\s*$",
    re.MULTILINE,
)
# A cell holding only a date ("07/02/2021", "15/3 (thứ Hai)").
_CELL_DATE = re.compile(
    r"^\s*\d{1,2}\s*[/.\-]\s*\d{1,2}(?:\s*[/.\-]\s*\d{4})?\s*(?:\([^)]*\))?\s*$"
)
_ROW_NUMBER = re.compile(r"^\s*\d{1,3}[.)]?\s*$")


def has_deadline_column(text: str) -> bool:
    return bool(_TABLE_HEADER.search(text.lower()))


def table_deadline(text: str, pos: int, ctx: YearContext) -> str | None:
    """The date in the deadline cell of the table row whose task ends at ``pos``: the first
    cell below that holds only a date, before the next row's number."""
    seen = 0
    for line in text[pos:].split("\n")[1:]:
        if not line.strip():
            continue
        if _ROW_NUMBER.match(line):
            return None
        if _CELL_DATE.match(line):
            m = DATE_RE.search(line)
            dm = parse_day_month(m) if m else None
            resolved = ctx.resolve(dm) if dm else None
            return resolved.isoformat() if resolved else None
        seen += 1
        if seen > 3:
            return None
    return None
