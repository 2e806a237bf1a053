"""From an extraction draft to the rows an officer reviews."""

import datetime as dt
import re
from dataclasses import dataclass

from daihoi.extraction import LEAD, Draft
from daihoi.organizations.matching import AgencyMatcher, Match
from daihoi.planning.wording import guess_area, guess_phase

_LEAD_IN = re.compile(r"^(cần|phải|có trách nhiệm|chịu trách nhiệm)\s+", re.IGNORECASE)
# A deadline phrase, which the row's deadline field carries: "(hoàn thành) trước ngày 15/9/2020",
# "chậm nhất ngày 20/10", "trong tháng 9", "xong trước 30/6", "trước D-30". Taken out of the title.
_DATE = r"\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?"
_DEADLINE_PHRASE = re.compile(
    r"[,;]?\s*(?:và\s+)?(?:(?:hoàn thành|báo cáo|gửi|xong)\s+)?"
    r"(?:(?:chậm nhất|trước|trong)\s+(?:ngày\s+)?" + _DATE + r"(?:\s*năm\s+\d{4})?"
    r"|(?:chậm nhất|trước|trong)\s+tháng\s+\d{1,2}(?:\s*(?:/|năm)\s*\d{4})?"
    r"|trước\s+(?:ngày\s+)?D\s*[-−–]\s*\d+)",
    re.IGNORECASE,
)


def clean_task(task: str, partners: list[str]) -> str:
    """Drops the "chủ trì, phối hợp với B, C" lead-in so the task reads as what must be done."""
    text = task.strip()
    lowered = text.lower()
    if lowered.startswith("chủ trì"):
        text = text[len("chủ trì") :].lstrip(" ,")
        lowered = text.lower()
    for lead_in in ("phối hợp với", "phối hợp chặt chẽ với", "phối hợp"):
        if lowered.startswith(lead_in):
            text = text[len(lead_in) :].lstrip(" ,")
            changed = True
            while changed:
                changed = False
                for name in partners:
                    if text.lower().startswith(name.lower()):
                        text = text[len(name) :].lstrip(" ,")
                        if text.lower().startswith("và "):
                            text = text[3:]
                        changed = True
            text = text.lstrip(" ,")
            break
    text = _LEAD_IN.sub("", text)
    text = strip_deadline(text)
    text = text.rstrip(" ;.,")
    return (text[:1].upper() + text[1:]) if text else task.strip()


def strip_deadline(text: str) -> str:
    """The title without its deadline phrase; the title itself when nothing else would remain."""
    stripped = " ".join(_DEADLINE_PHRASE.sub("", text).split())
    return stripped if len(stripped) >= 3 else text


def sensible_deadline(deadline: dt.date | None, evidence: str, after: dt.date) -> dt.date | None:
    """A deadline written without its year ("trước ngày 15/9") never falls before the meeting
    that set it: such a date is read in the following year. A year written out is kept."""
    if deadline is None or deadline >= after or str(deadline.year) in evidence:
        return deadline
    try:
        return deadline.replace(year=deadline.year + 1)
    except ValueError:  # 29/02 in a year without it
        return deadline + dt.timedelta(days=365)


@dataclass
class ProposedRow:
    group: int
    written_agency: str
    match: Match
    role: str
    task: str
    deadline: dt.date | None
    evidence: str
    area: str
    phase: str


def proposed_rows(draft: Draft, matcher: AgencyMatcher, meeting_day: dt.date) -> list[ProposedRow]:
    """One row per (agency, task); rows of the same task and sentence share a group.

    `meeting_day` is the day of the meeting that gave the tasks: no deadline proposed before it.
    """
    groups: dict[tuple[str, str], int] = {}
    partners: dict[tuple[str, str], list[str]] = {}
    for a in draft.assignments:
        key = (a.evidence, a.task)
        groups.setdefault(key, len(groups) + 1)
        if a.role != LEAD:
            partners.setdefault(key, []).append(a.agency)
    rows = []
    for a in draft.assignments:
        key = (a.evidence, a.task)
        task = clean_task(a.task, partners.get(key, []))
        rows.append(
            ProposedRow(
                group=groups[key],
                written_agency=a.agency,
                match=matcher.match(a.agency),
                role=a.role,
                task=task,
                deadline=sensible_deadline(
                    dt.date.fromisoformat(a.deadline) if a.deadline else None,
                    a.evidence,
                    meeting_day,
                ),
                evidence=a.evidence,
                area=guess_area(task),
                phase=guess_phase(task),
            )
        )
    return rows
