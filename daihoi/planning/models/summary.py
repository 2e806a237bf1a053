"""Task counts per (congress, lead agency, area, status class), kept by the writes.

The rows are derived data: `planning/summary.py` keeps and reads them (its docstring says how
and why); nothing else writes here. A congress whose `TaskCountClock` row is missing has no
summary yet: it is built from the tasks on its first read.
"""

from django.db import models

from daihoi.organizations.models import Agency, Congress


class TaskCount(models.Model):
    """Live tasks of one (congress, lead agency, area) in one status class as of the congress's
    `TaskCountClock.as_of`; `awaiting` and `returned` count those among them reported complete
    and not yet accepted, and returned by a leader. Rows at zero are kept (cheaper than deleting
    and re-inserting as tasks move)."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="+")
    lead_agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    area = models.CharField(max_length=16)
    status = models.CharField(max_length=16)  # a `StatusClass` value
    tasks = models.IntegerField(default=0)
    awaiting = models.IntegerField(default=0)
    returned = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "lead_agency", "area", "status"], name="task_count_cell"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.congress_id}/{self.lead_agency_id}/{self.area}/{self.status}: {self.tasks}"


class TaskCountClock(models.Model):
    """The day a congress's `TaskCount` rows classify time against (overdue is "deadline before
    as_of"). Writes take it in share mode; a roll forward to a new day or a rebuild takes it
    exclusively, so the two never interleave."""

    congress = models.OneToOneField(
        Congress, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    as_of = models.DateField(null=True)  # None: no summary built yet

    class Meta:
        # The roll-up finds the few congresses not yet rolled forward to today by this index.
        indexes = [models.Index(fields=["as_of"], name="task_count_clock_day")]

    def __str__(self) -> str:
        return f"{self.congress_id}: {self.as_of}"


class CongressTaskCount(models.Model):
    """The same counts summed per (congress, status class), with the congress's place in the
    tree of congresses copied on the row (`d0`…`d3`: the ids on its path at depths 0 to 3,
    itself included), so a roll-up over a subtree groups one narrow table by the next depth's
    column instead of summing every cell of every congress below. Kept with the cells by
    `planning/tree_counts.py`; the levels app re-copies the path when a congress moves."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=16)
    d0 = models.IntegerField(null=True)
    d1 = models.IntegerField(null=True)
    d2 = models.IntegerField(null=True)
    d3 = models.IntegerField(null=True)
    tasks = models.IntegerField(default=0)
    awaiting = models.IntegerField(default=0)
    returned = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["congress", "status"], name="congress_task_count"),
        ]
        indexes = [
            models.Index(
                fields=["d0", "d1", "status"],
                include=["tasks", "awaiting"],
                name="congress_count_d1",
            ),
            models.Index(
                fields=["d1", "d2", "status"],
                include=["tasks", "awaiting"],
                name="congress_count_d2",
            ),
            models.Index(
                fields=["d2", "d3", "status"],
                include=["tasks", "awaiting"],
                name="congress_count_d3",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.congress_id}/{self.status}: {self.tasks}"


class SubtreeTaskCount(models.Model):
    """Per (congress, one of its direct subordinates, status class): the tasks of that
    subordinate's whole subtree, so a congress's roll-up reads one row per subordinate and
    class (63 × 4 for the national one) instead of grouping every congress below. Kept with
    `CongressTaskCount` by `planning/tree_counts.py` (each change of a congress's totals is
    added to the row of every pair of consecutive ancestors on its path)."""

    parent = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="+")
    child = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=16)
    tasks = models.IntegerField(default=0)
    awaiting = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "child", "status"], name="subtree_task_count"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.parent_id}>{self.child_id}/{self.status}: {self.tasks}"


class CongressOverdueShare(models.Model):
    """One row per congress: its own tasks of the four main classes, the overdue ones and their
    share, with its path ids (`d0`…`d3`), so "the twenty congresses below with the largest
    overdue share" is one indexed, ordered read. Kept with `CongressTaskCount`."""

    congress = models.OneToOneField(
        Congress, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    d0 = models.IntegerField(null=True)
    d1 = models.IntegerField(null=True)
    d2 = models.IntegerField(null=True)
    d3 = models.IntegerField(null=True)
    total = models.IntegerField(default=0)
    overdue = models.IntegerField(default=0)
    share = models.FloatField(default=0)

    class Meta:
        indexes = [
            models.Index(fields=["d0", "-share"], name="overdue_share_d0"),
            models.Index(fields=["d1", "-share"], name="overdue_share_d1"),
            models.Index(fields=["d2", "-share"], name="overdue_share_d2"),
        ]

    def __str__(self) -> str:
        return f"{self.congress_id}: {self.overdue}/{self.total}"
