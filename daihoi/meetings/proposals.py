"""What a conclusion's sentence says about the task it becomes: lead and coordinating agencies
matched against the congress's registry, deadline, area and phase.

Read by the extraction library's public API (`extract`); the officer confirms or corrects every
field in the form before anything is saved, so nothing here writes.
"""

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils import timezone

from daihoi.extraction import COORDINATE, LEAD, Assignment, extract
from daihoi.organizations.matching import AgencyMatcher
from daihoi.organizations.models import Agency, Congress
from daihoi.planning.models import Area, Phase
from daihoi.planning.wording import confident_area, guess_phase

from .models import Conclusion


@dataclass
class AgencyProposal:
    """An agency as the sentence writes it, and the registry's agency it matches (if one)."""

    written: str
    agency: Agency | None = None
    candidates: list[Agency] = field(default_factory=list)
    # "Các sở, ban, ngành…": a group named in general, not one agency to look up.
    is_generic: bool = False

    @property
    def is_matched(self) -> bool:
        return self.agency is not None


@dataclass
class TaskProposal:
    lead: AgencyProposal | None = None
    other_leads: list[AgencyProposal] = field(default_factory=list)
    coordinating: list[AgencyProposal] = field(default_factory=list)
    deadline: dt.date | None = None
    area: Area | None = None
    phase: str = Phase.BEFORE
    # The congress's last day, when the proposed deadline falls after it (worth a second look).
    deadline_after_congress: dt.date | None = None

    @property
    def is_empty(self) -> bool:
        return self.lead is None and not self.coordinating and self.deadline is None

    def initial(self) -> dict:
        """The form's initial values: only what was read and matched; the rest stays empty."""
        lead = self.lead.agency if self.lead else None
        return {
            "lead_agency": lead.pk if lead else None,
            "coordinating_agencies": [
                p.agency.pk for p in self.coordinating if p.agency is not None and p.agency != lead
            ],
            "deadline": (self.deadline, None),
            "area": self.area or "",
            "phase": self.phase,
        }


def meeting_day(conclusion: Conclusion) -> dt.date:
    return timezone.localtime(conclusion.meeting.starts_at).date()


def year_that_makes_sense(deadline: dt.date, text: str, after: dt.date) -> dt.date:
    """A deadline written without its year ("trước ngày 15/9") falls on or after the meeting
    that set it: the meeting's year, or the next one. A year the text writes is kept."""
    if re.search(rf"(?<!\d){deadline.year}(?!\d)", text):
        return deadline
    for year in (after.year, after.year + 1):
        try:
            candidate = deadline.replace(year=year)
        except ValueError:  # 29/02 in a year without it
            continue
        if candidate >= after:
            return candidate
    return deadline


def _without_agencies(text: str, names: Iterable[str]) -> str:
    """The sentence with the agencies' names taken out, so that "Sở Tài chính" or "Sở Y tế"
    do not make the area Kinh phí or Y tế."""
    for name in sorted(set(names), key=len, reverse=True):
        text = text.replace(name, " ")
    return text


def propose_task(
    conclusion: Conclusion, *, agencies: Iterable[Agency], congress: Congress
) -> TaskProposal:
    """The proposal for turning the conclusion into a task; empty fields where the sentence
    says nothing or the reading is not sure."""
    text = conclusion.text
    day = meeting_day(conclusion)
    draft = extract(text, today=day)
    matcher = AgencyMatcher(agencies)
    proposal = TaskProposal()

    def proposed(assignment: Assignment) -> AgencyProposal:
        match = matcher.match(assignment.agency)
        found = match.agency if isinstance(match.agency, Agency) else None
        return AgencyProposal(
            assignment.agency, found, list(match.candidates), is_generic=match.is_generic
        )

    # One conclusion, one task: the first lead's sentence (or the first sentence read).
    rows = draft.assignments
    first = next((a for a in rows if a.role == LEAD), rows[0] if rows else None)
    group = [a for a in rows if first is not None and a.evidence == first.evidence]
    leads = [a for a in group if a.role == LEAD]
    if leads:
        proposal.lead = proposed(leads[0])
        proposal.other_leads = [proposed(a) for a in leads[1:]]
    seen: set[str] = set()
    for a in group:
        if a.role == COORDINATE and a.agency not in seen:
            seen.add(a.agency)
            proposal.coordinating.append(proposed(a))
    written_deadline = next((a.deadline for a in group if a.deadline), None)
    if written_deadline:
        proposal.deadline = year_that_makes_sense(
            dt.date.fromisoformat(written_deadline), text, day
        )
        last_day = congress.closing_date or congress.opening_date
        if last_day and proposal.deadline > last_day:
            proposal.deadline_after_congress = last_day
    wording = _without_agencies(text, (a.agency for a in rows))
    proposal.area = confident_area(wording)
    proposal.phase = guess_phase(wording)
    return proposal
