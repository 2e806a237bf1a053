"""Budget queries for pages and reports, already restricted to what the user may see."""

from dataclasses import dataclass, field

from django.db.models import F, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from daihoi.organizations.models import Agency
from daihoi.organizations.permissions import Access
from daihoi.planning.models import Area, Task

from .models import Category, Estimate, EstimateLine, Norm, Spending

SEEN = Estimate.SEEN_BY_FINANCE
# The compilation's state of an agency that has not sent an estimate (none, or a draft).
MISSING = "missing"
SUPPLEMENTS_WAITING = "supplements_submitted"


def norms_of(access: Access) -> QuerySet[Norm]:
    return Norm.objects.filter(congress=access.congress).order_by("code")


def valid_norms(access: Access, today) -> QuerySet[Norm]:
    return norms_of(access).filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=today),
        Q(valid_to__isnull=True) | Q(valid_to__gte=today),
    )


def estimates_visible_to(access: Access) -> QuerySet[Estimate]:
    estimates = Estimate.objects.filter(congress=access.congress).select_related("agency")
    if access.can_manage:
        return estimates
    mine = Q(agency_id=access.agency_id) if access.agency_id else Q(pk__in=[])
    if access.is_finance or access.sees_whole_congress:
        return estimates.filter(mine | Q(status__in=SEEN))
    return estimates.filter(mine)


def estimate_lines(estimate: Estimate) -> QuerySet[EstimateLine]:
    return estimate.lines.select_related("task", "norm").annotate(
        spent=Coalesce(Sum("spendings__amount"), 0)
    )


def own_estimate(access: Access) -> Estimate | None:
    """The estimate of the user's own agency, if it has one."""
    if access.agency_id is None:
        return None
    return Estimate.objects.filter(
        congress=access.congress, agency_id=access.agency_id, kind=Estimate.Kind.ORIGINAL
    ).first()


def supplements_of(estimate: Estimate) -> list[Estimate]:
    """An original's supplements, numbered in order (a supplement has none)."""
    if estimate.is_supplement:
        return []
    return list(estimate.supplements.order_by("sequence"))


def spent_on(lines: list[EstimateLine]) -> int:
    """The total spent on lines from `estimate_lines` (each annotated with `spent`)."""
    return sum(getattr(line, "spent", 0) for line in lines)


def agency_tasks(estimate: Estimate) -> QuerySet[Task]:
    return Task.objects.filter(
        congress_id=estimate.congress_id, lead_agency_id=estimate.agency_id, cancelled=False
    ).only("id", "title")


@dataclass
class AgencyRow:
    agency_id: int
    agency_name: str
    estimate: Estimate | None
    has_tasks: bool
    requested: int | None = None
    approved: int | None = None
    spent: int = 0
    # The supplements Finance has seen, in order; their amounts are in `requested`/`approved`.
    supplements: list[Estimate] = field(default_factory=list)

    def add(self, estimate: Estimate) -> None:
        """Counts a sent estimate (the original or a supplement) into the agency's totals."""
        self.requested = (self.requested or 0) + estimate.requested_total
        if estimate.approved_total is not None:
            self.approved = (self.approved or 0) + estimate.approved_total

    @property
    def status(self) -> str:
        """The estimate's status once sent; MISSING while there is none or it is a draft."""
        if self.estimate is None or self.estimate.status == Estimate.Status.DRAFT:
            return MISSING
        return self.estimate.status

    @property
    def is_sent(self) -> bool:
        return self.status != MISSING

    @property
    def status_label(self) -> str:
        if self.estimate is None or not self.is_sent:
            return "Chưa gửi dự trù"
        return self.estimate.status_label

    @property
    def status_class(self) -> str:
        if self.estimate is None or not self.is_sent:
            return "dropped"
        return self.estimate.status_class

    @property
    def overspent(self) -> bool:
        return self.approved is not None and self.spent > self.approved


@dataclass
class TotalRow:
    key: str
    label: str
    requested: int
    approved: int


@dataclass
class Compilation:
    by_agency: list[AgencyRow]
    lines: list[EstimateLine]
    by_area: list[TotalRow]
    by_category: list[TotalRow]
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def requested(self) -> int:
        return sum(r.requested or 0 for r in self.by_agency)

    @property
    def approved(self) -> int:
        return sum(r.approved or 0 for r in self.by_agency)

    @property
    def spent(self) -> int:
        return sum(r.spent for r in self.by_agency)


def _spent_by_agency(access: Access) -> dict[int, int]:
    rows = (
        Spending.objects.filter(congress=access.congress)
        .values("agency_id")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    return {r["agency_id"]: r["total"] for r in rows}


def _totals(lines: QuerySet[EstimateLine], key: str, labels: dict[str, str]) -> list[TotalRow]:
    rows = (
        lines.values(key)
        .annotate(requested=Sum("amount"), approved=Coalesce(Sum("approved_amount"), 0))
        .order_by()
    )
    found = {r[key]: r for r in rows}
    order = list(labels) + [k for k in found if k not in labels]
    return [
        TotalRow(
            key=k or "",
            label=labels.get(k, "Chưa gắn nhiệm vụ"),
            requested=found[k]["requested"],
            approved=found[k]["approved"],
        )
        for k in order
        if k in found
    ]


def compilation(access: Access, *, with_lines: bool = True) -> Compilation:
    """Finance's table: every agency with an estimate or a task, what it asks and what it got.

    Drafts stay private: an agency still drafting counts as missing, without amounts. An agency's
    supplements sent to Finance are grouped under its original and counted into its totals.
    """
    congress = access.congress
    estimates: dict[int, Estimate] = {}
    supplements: dict[int, list[Estimate]] = {}
    for e in Estimate.objects.filter(congress=congress).order_by("sequence"):
        if not e.is_supplement:
            estimates[e.agency_id] = e
        elif e.status in SEEN:
            supplements.setdefault(e.agency_id, []).append(e)
    with_tasks = set(
        Task.objects.filter(congress=congress, cancelled=False)
        .values_list("lead_agency_id", flat=True)
        .distinct()
        .order_by()
    )
    spent = _spent_by_agency(access)
    wanted = set(estimates) | with_tasks
    agencies = Agency.objects.filter(congress=congress, pk__in=wanted).only("id", "name")
    rows = []
    for agency in agencies:
        estimate = estimates.get(agency.pk)
        row = AgencyRow(agency.pk, agency.name, estimate, agency.pk in with_tasks)
        if estimate is not None and estimate.status in SEEN:
            row.add(estimate)
            for supplement in supplements.get(agency.pk, []):
                row.add(supplement)
            row.supplements = supplements.get(agency.pk, [])
        row.spent = spent.get(agency.pk, 0)
        rows.append(row)
    seen_lines = EstimateLine.objects.filter(estimate__congress=congress, estimate__status__in=SEEN)
    lines = []
    if with_lines:
        lines = list(
            seen_lines.select_related("estimate__agency", "task", "norm").order_by(
                "estimate__agency__name", "estimate__sequence", "position", "id"
            )
        )
    counts = {MISSING: 0, **{str(s): 0 for s in SEEN}}
    for row in rows:
        counts[row.status] += 1
    # A supplement waiting for Finance is work too, though its agency's row reads "approved".
    counts[SUPPLEMENTS_WAITING] = sum(
        1
        for waiting in supplements.values()
        for s in waiting
        if s.status == Estimate.Status.SUBMITTED
    )
    return Compilation(
        by_agency=rows,
        lines=lines,
        by_area=_totals(seen_lines, "task__area", {a.value: str(a.label) for a in Area}),
        by_category=_totals(seen_lines, "category", {c.value: str(c.label) for c in Category}),
        counts=counts,
    )


@dataclass
class DashboardRow:
    agency_name: str
    estimate_id: int
    approved: int
    spent: int

    @property
    def overspent(self) -> bool:
        return self.spent > self.approved

    @property
    def remaining(self) -> int:
        return self.approved - self.spent

    @property
    def percent(self) -> int:
        if not self.approved:
            return 100 if self.spent else 0
        return round(100 * self.spent / self.approved)

    @property
    def bar_percent(self) -> int:
        return min(self.percent, 100)


def dashboard(access: Access) -> tuple[list[DashboardRow], list[EstimateLine]]:
    """Approved against spent per agency (its original and supplements together, linked to the
    original), and the lines whose spending passed their approval."""
    approved = Estimate.objects.filter(
        congress=access.congress, status=Estimate.Status.APPROVED
    ).select_related("agency")
    if not (access.is_finance or access.sees_whole_congress):
        if access.agency_id is None:
            approved = approved.none()
        else:
            approved = approved.filter(agency_id=access.agency_id)
    spent = _spent_by_agency(access)
    by_agency: dict[int, DashboardRow] = {}
    for e in approved.order_by("agency__name", "sequence"):
        row = by_agency.get(e.agency_id)
        if row is None:
            link = e.supplement_to_id or e.pk
            row = DashboardRow(e.agency.name, link, 0, spent.get(e.agency_id, 0))
            by_agency[e.agency_id] = row
        row.approved += e.approved_total or 0
    rows = list(by_agency.values())
    over = (
        EstimateLine.objects.filter(estimate__in=approved.values("pk"))
        .annotate(spent=Sum("spendings__amount"))
        .filter(spent__gt=F("approved_amount"))
        .select_related("estimate__agency")
        .order_by("estimate__agency__name", "position")
    )
    return rows, list(over)


def spendings_of(estimate: Estimate) -> QuerySet[Spending]:
    return (
        Spending.objects.filter(line__estimate=estimate)
        .select_related("line", "recorded_by")
        .prefetch_related("attachments")
    )
