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

    def __str__(self) -> str:
        return f"{self.congress_id}: {self.as_of}"
