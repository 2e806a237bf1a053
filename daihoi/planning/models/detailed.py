"""Kế hoạch chi tiết: the lead agency's own plan for one task of a plan, broken into works.

A task's lead agency writes it (works with their own schedule, method, who in the agency does
each and its progress), submits it for the committee's approval, gets it back with comments or
approved. Once approved the task's progress follows its works (`mean_progress`).

Why not `Task.parent`: a sub-task there is a congress task of its own — assigned to an agency,
counted on the dashboard and in every status table, reminded and exported. The works of a
detailed plan are internal to the lead agency, drafted before anyone approves them, and must not
change the congress's counts; they live here, one level under their task.
"""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from daihoi.core.versioning import Versioned
from daihoi.organizations.models import Congress

from .tasks import Task


class DetailedPlan(models.Model):
    """One per task, written by the task's lead agency (no agency column of its own: an agency
    merged into another takes its tasks, and their detailed plans with them)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang xây dựng")
        SUBMITTED = "submitted", _("Chờ phê duyệt")
        RETURNED = "returned", _("Trả lại để hoàn thiện")
        APPROVED = "approved", _("Đã phê duyệt")

    EDITABLE = (Status.DRAFT, Status.RETURNED)

    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="+", verbose_name=_("Đại hội")
    )
    task = models.OneToOneField(
        Task, on_delete=models.CASCADE, related_name="detailed_plan", verbose_name=_("nhiệm vụ")
    )
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    # The day it was first sent for approval: against the due date, "nộp muộn" or on time.
    first_submitted_on = models.DateField(_("gửi lần đầu ngày"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("xét duyệt lúc"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    return_comment = models.TextField(_("ý kiến khi trả lại"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("kế hoạch chi tiết")
        verbose_name_plural = _("kế hoạch chi tiết")
        indexes = [models.Index(fields=["congress", "status"], name="detailed_plan_status")]

    def __str__(self) -> str:
        return f"Kế hoạch chi tiết: {self.task.title}"[:300]

    @property
    def is_editable(self) -> bool:
        return self.status in DetailedPlan.EDITABLE

    @property
    def is_approved(self) -> bool:
        return self.status == DetailedPlan.Status.APPROVED

    @property
    def is_submitted(self) -> bool:
        return self.status == DetailedPlan.Status.SUBMITTED


class DetailedPlanItem(Versioned):
    """One work (công việc) of a detailed plan: its schedule within its task's, its method, who
    in the agency does it, and its progress."""

    plan = models.ForeignKey(
        DetailedPlan, on_delete=models.CASCADE, related_name="items", verbose_name=_("kế hoạch")
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=1)
    title = models.CharField(_("nội dung công việc"), max_length=500)
    method = models.TextField(_("phương thức thực hiện"))
    responsible = models.CharField(_("bộ phận, cá nhân thực hiện"), max_length=255, blank=True)
    start_date = models.DateField(_("ngày bắt đầu"), null=True, blank=True)
    deadline = models.DateField(_("hạn hoàn thành"))
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("công việc trong kế hoạch chi tiết")
        verbose_name_plural = _("công việc trong kế hoạch chi tiết")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__gte=0) & Q(progress__lte=100),
                name="detailed_item_progress_0_100",
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True) | Q(deadline__gte=F("start_date")),
                name="detailed_item_deadline_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def is_overdue(self, today: dt.date) -> bool:
        return self.progress < 100 and self.deadline < today


def mean_progress(percents: list[int]) -> int:
    """The task's progress under an approved detailed plan: the mean of its works' progress,
    rounded half up (two works at 50% and 75% give 63%)."""
    if not percents:
        return 0
    return (2 * sum(percents) + len(percents)) // (2 * len(percents))


# Where each task stands with its detailed plan: plain conditions on the task's columns and its
# plan's, so the lists filter and "Hôm nay" counts in SQL (reached from Task).


class DetailedState(models.TextChoices):
    """The states a task's detailed plan is filtered by."""

    TO_WRITE = "to_write", _("Chưa gửi (chưa lập hoặc đang xây dựng)")
    SUBMITTED = "submitted", _("Chờ phê duyệt")
    RETURNED = "returned", _("Bị trả lại")
    APPROVED = "approved", _("Đã phê duyệt")
    LATE = "late", _("Quá hạn nộp, chưa gửi")


def detailed_due_expr() -> Coalesce:
    """When the task's detailed plan is due: its own date, else its plan's."""
    return Coalesce("detailed_plan_due", "plan__detailed_plan_due")


def expects_detailed_q() -> Q:
    """Tasks that are to have a detailed plan (a due date is set) or already have one."""
    return (
        Q(detailed_plan_due__isnull=False)
        | Q(plan__detailed_plan_due__isnull=False)
        | Q(detailed_plan__isnull=False)
    )


def detailed_state_q(state: str, today: dt.date) -> Q:
    """Tasks in `state` (a `DetailedState`); needs the `detailed_due` annotation for LATE."""
    running = Q(accepted=False, cancelled=False)
    if state == DetailedState.TO_WRITE:
        return running & (
            Q(detailed_plan__isnull=True) | Q(detailed_plan__status=DetailedPlan.Status.DRAFT)
        )
    if state == DetailedState.LATE:
        return running & Q(detailed_due__lt=today, detailed_plan__first_submitted_on__isnull=True)
    return Q(detailed_plan__status=state)


def detailed_plan_of(task: Task) -> DetailedPlan | None:
    """The task's detailed plan (loaded with `select_related("detailed_plan")`), or None."""
    try:
        return task.detailed_plan
    except ObjectDoesNotExist:
        return None
