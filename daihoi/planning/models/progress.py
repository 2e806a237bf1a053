"""Progress updates on tasks, their obstacles and the files attached to them."""

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from daihoi.core.softdelete import AliveManager, SoftDeleteModel
from daihoi.core.uploads import StoredUpload
from daihoi.organizations.models import Agency

from .tasks import Task, assigned_q

if TYPE_CHECKING:
    from daihoi.organizations.permissions import Access


def open_obstacle_q(prefix: str = "") -> Q:
    """An obstacle (vướng mắc) still open: raised, not marked resolved, on a live task that is not
    cancelled. Whatever else happens to the task (accepted, completed, paused) the obstacle stays
    open until someone resolves it. An obstacle of a cancelled task is moot: the work it blocked
    will not be done, so it leaves every list (and comes back if the task is taken up again).
    The dashboard, the meetings' proposed agenda, the consolidated report and the demo's summary
    all read this one rule through `ProgressUpdate.objects.open_obstacles()`."""
    return Q(
        **{
            f"{prefix}obstacle_resolved": False,
            f"{prefix}task__cancelled": False,
            f"{prefix}task__deleted_at__isnull": True,
        }
    ) & ~Q(**{f"{prefix}obstacle": ""})


class ProgressUpdateQuerySet(models.QuerySet["ProgressUpdate"]):
    def open_obstacles(self) -> "ProgressUpdateQuerySet":
        """The updates whose obstacle is still open (`open_obstacle_q`)."""
        return self.filter(open_obstacle_q())

    def visible_to(self, access: "Access") -> "ProgressUpdateQuerySet":
        """Updates on the tasks `Task.objects.visible_to(access)` holds."""
        qs = self.filter(task__congress=access.congress)
        if access.sees_whole_congress:
            return qs
        return qs.filter(assigned_q(access.agency_id, prefix="task__"))


ProgressUpdateManager = AliveManager.from_queryset(ProgressUpdateQuerySet)


class ProgressUpdate(SoftDeleteModel):
    """Báo cáo tiến độ from an assigned agency; may raise an obstacle (vướng mắc)."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="updates")
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="progress_updates", verbose_name=_("đơn vị")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="progress_updates"
    )
    text = models.TextField(_("nội dung báo cáo"))
    percent = models.PositiveSmallIntegerField(_("tiến độ (%)"))
    obstacle = models.TextField(_("khó khăn, vướng mắc"), blank=True)
    obstacle_resolved = models.BooleanField(_("đã tháo gỡ"), default=False)
    reports_completion = models.BooleanField(_("báo cáo hoàn thành"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    objects: ClassVar[ProgressUpdateManager] = ProgressUpdateManager()

    class Meta:
        verbose_name = _("báo cáo tiến độ")
        verbose_name_plural = _("báo cáo tiến độ")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(percent__gte=0) & Q(percent__lte=100), name="update_percent_0_100"
            ),
        ]
        indexes = [
            models.Index(
                fields=["task", "created_at"],
                condition=~Q(obstacle=""),
                name="update_obstacle",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency} — {self.percent}%"


def _attachment_path(instance: "Attachment", filename: str) -> str:
    # The stored name is ours; the user's name is kept in `original_name` for downloads.
    suffix = Path(filename).suffix.lower()
    return (
        f"progress/{dt.date.today():%Y/%m}/{instance.update.task_id}-{instance.update_id}{suffix}"
    )


class Attachment(StoredUpload):
    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=_attachment_path, max_length=300)

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")
