"""Appraisal (thẩm định): the lead agency submits its product, the appraising agency approves
it or returns it with its opinion; every round is kept."""

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from daihoi.core.uploads import StoredUpload
from daihoi.organizations.models import Agency


class AppraisalState(models.TextChoices):
    """Where a task's product stands with its appraising agency (`Task.appraisal_state`, the
    state of its latest round; empty before the first submission)."""

    PENDING = "pending", _("Chờ thẩm định")
    RETURNED = "returned", _("Thẩm định trả lại")
    APPROVED = "approved", _("Đã thẩm định, thông qua")


class AppraisalRound(models.Model):
    """One submission of the product and the appraising agency's answer to it."""

    task = models.ForeignKey(
        "planning.Task", on_delete=models.CASCADE, related_name="appraisal_rounds"
    )
    number = models.PositiveSmallIntegerField(_("lần gửi"))
    appraiser = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị thẩm định")
    )
    text = models.TextField(_("sản phẩm, nội dung đề nghị thẩm định"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)
    state = models.CharField(
        _("kết quả"), max_length=10, choices=AppraisalState.choices, default=AppraisalState.PENDING
    )
    opinion = models.TextField(_("ý kiến thẩm định"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("cho ý kiến lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("lần thẩm định")
        verbose_name_plural = _("lần thẩm định")
        ordering = ["task", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["task", "number"], name="appraisal_round_number"),
            models.UniqueConstraint(
                fields=["task"],
                condition=Q(state=AppraisalState.PENDING),
                name="appraisal_one_pending_round",
            ),
        ]

    def __str__(self) -> str:
        return f"Thẩm định lần {self.number} — {self.task}"

    @property
    def is_pending(self) -> bool:
        return self.state == AppraisalState.PENDING


def _appraisal_file_path(instance: "AppraisalFile", filename: str) -> str:
    # The stored name is ours; the user's name is kept in `original_name` for downloads.
    suffix = Path(filename).suffix.lower()
    return f"appraisal/{dt.date.today():%Y/%m}/{instance.round.task_id}-{instance.round_id}{suffix}"


class AppraisalFile(StoredUpload):
    round = models.ForeignKey(AppraisalRound, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to=_appraisal_file_path, max_length=300)

    class Meta:
        verbose_name = _("tệp gửi thẩm định")
        verbose_name_plural = _("tệp gửi thẩm định")
