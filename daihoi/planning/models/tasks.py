"""Tasks, the agencies assigned to them and their reviews."""

import datetime as dt
from typing import TYPE_CHECKING, Any, ClassVar

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models, transaction
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from daihoi.core.softdelete import AliveManager, SoftDeleteModel
from daihoi.organizations.models import Agency, Area, Committee, Congress, Person

from ..status import StatusClass, classify
from .appraisal import AppraisalState
from .plans import Phase, Plan

if TYPE_CHECKING:
    from daihoi.organizations.permissions import Access


# Who sees which tasks -----------------------------------------------------------------------------
# Two rules, named once and used by every list and table:
# - an agency is ASSIGNED to a task it leads, coordinates or appraises: read through its
#   TaskAssignment rows (one join on the inbox index), never as an OR over the task's relations;
# - an agency LEADS a task: the task's own `lead_agency` column (the dashboard's covering index).
# Lists of tasks show an agency officer what their agency is assigned to; counts and tables of
# results count, for an agency officer, only what their agency leads.


def assigned_q(agency_id: int | None, prefix: str = "") -> Q:
    """Tasks (reached through `prefix`, e.g. "task__") the agency leads, coordinates, appraises."""
    return Q(**{f"{prefix}assignments__agency_id": agency_id})


def led_q(agency_id: int | None, prefix: str = "") -> Q:
    """Tasks (reached through `prefix`) the agency leads."""
    return Q(**{f"{prefix}lead_agency_id": agency_id})


class TaskQuerySet(models.QuerySet["Task"]):
    def bulk_create(self, objs: Any, *args: Any, **kwargs: Any) -> Any:
        """Inserts in bulk and adds the tasks to the summary's cells (`planning/summary.py`)."""
        from .. import summary

        with transaction.atomic():
            created = super().bulk_create(objs, *args, **kwargs)
            summary.record_states((None, summary.state_of(t)) for t in created)
        return created

    def bulk_update(self, objs: Any, fields: Any, *args: Any, **kwargs: Any) -> int:
        """Updates in bulk and moves the tasks between the summary's cells (their states read
        before and after, two queries, instead of the recount a plain `update` does)."""
        from .. import summary

        objs = list(objs)
        if not summary.touches(fields):
            return super().bulk_update(objs, fields, *args, **kwargs)
        with transaction.atomic():
            pks = [obj.pk for obj in objs]
            before = summary.locked_states(pks)
            with summary.counted_by_caller():
                changed = super().bulk_update(objs, fields, *args, **kwargs)
            after = summary.locked_states(pks)
            summary.record_task_states([(pk, before.get(pk), after.get(pk)) for pk in pks])
        return changed

    def update(self, **kwargs: Any) -> int:
        """An UPDATE of columns the summary counts by recounts the congresses touched (a whole
        scan each): services save tasks one by one or call `summary.record_states` instead;
        counts kept outside planning of tasks still to do are told to count again."""
        from .. import signals, summary

        if not summary.touches(kwargs) or summary.caller_counts():
            return super().update(**kwargs)
        with transaction.atomic():
            congress_ids = set(self.order_by().values_list("congress_id", flat=True).distinct())
            changed = super().update(**kwargs)
            for congress_id in sorted(congress_ids):
                summary.rebuild(congress_id)
            if summary.DONE_COLUMNS & set(kwargs):
                signals.tasks_recounted.send(sender=Task, congress_ids=sorted(congress_ids))
        return changed

    def assigned_to(self, agency_id: int | None) -> "TaskQuerySet":
        return self.filter(assigned_q(agency_id))

    def led_by(self, agency_id: int | None) -> "TaskQuerySet":
        return self.filter(led_q(agency_id))

    def visible_to(self, access: "Access") -> "TaskQuerySet":
        """The congress's tasks the actor may open: all of them for the whole-congress roles,
        those their agency is assigned to for an agency officer."""
        qs = self.filter(congress=access.congress)
        return qs if access.sees_whole_congress else qs.assigned_to(access.agency_id)

    def counted_for(self, access: "Access") -> "TaskQuerySet":
        """The congress's tasks counted in the actor's figures and tables: all of them for the
        whole-congress roles, those their agency leads for an agency officer."""
        qs = self.filter(congress=access.congress)
        return qs if access.sees_whole_congress else qs.led_by(access.agency_id)


TaskManager = AliveManager.from_queryset(TaskQuerySet)


class Task(SoftDeleteModel):
    class Source(models.TextChoices):
        PLAN = "plan", _("Theo kế hoạch")
        CONCLUSION = "conclusion", _("Kết luận cuộc họp")
        ADHOC = "adhoc", _("Phát sinh")
        INCOMING = "incoming", _("Văn bản đến")

    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("Đại hội")
    )
    plan = models.ForeignKey(
        Plan,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("kế hoạch"),
    )
    committee = models.ForeignKey(
        Committee,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("tiểu ban theo dõi"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="subtasks",
        verbose_name=_("nhiệm vụ cha"),
    )
    source_text = models.TextField(_("trích từ văn bản"), blank=True)
    # The document received that the task was given from (`incoming_to_task`).
    incoming_document = models.ForeignKey(
        "documents.IncomingDocument",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("văn bản đến"),
    )
    title = models.CharField(_("nội dung nhiệm vụ"), max_length=500)
    description = models.TextField(_("mô tả, yêu cầu"), blank=True)
    lead_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="led_tasks", verbose_name=_("đơn vị chủ trì")
    )
    leader_in_charge = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tasks_in_charge",
        verbose_name=_("lãnh đạo phụ trách"),
    )
    area = models.CharField(_("lĩnh vực"), max_length=16, choices=Area.choices)
    phase = models.CharField(_("giai đoạn"), max_length=16, choices=Phase.choices)
    start_date = models.DateField(_("ngày bắt đầu"), null=True, blank=True)
    deadline = models.DateField(_("hạn hoàn thành"), null=True, blank=True)
    # Days relative to the opening day ("D−30" is -30); the deadline follows the congress date.
    deadline_offset_days = models.SmallIntegerField(
        _("hạn theo ngày khai mạc"), null=True, blank=True
    )
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    # Nhiệm vụ trọng tâm: shown first in lists, with a badge, filterable, in the exports.
    key_item = models.BooleanField(_("nhiệm vụ trọng tâm"), default=False)
    # When the lead's detailed plan is due, if not the plan's `detailed_plan_due`.
    detailed_plan_due = models.DateField(_("hạn nộp kế hoạch chi tiết"), null=True, blank=True)
    reported_complete_on = models.DateField(_("ngày báo cáo hoàn thành"), null=True, blank=True)
    accepted = models.BooleanField(_("đã xác nhận hoàn thành"), default=False)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    cancelled = models.BooleanField(_("đã hủy"), default=False)
    paused = models.BooleanField(_("tạm dừng"), default=False)
    # "Bị trả lại": set when a leader returns the completion report (with the comment), cleared
    # by the next completion report or an acceptance. A plain column, so lists filter on it.
    returned_at = models.DateTimeField(_("bị trả lại lúc"), null=True, blank=True)
    return_comment = models.TextField(_("ý kiến khi trả lại"), blank=True)
    # The state of the latest appraisal round (`AppraisalRound`), kept by the appraisal
    # services; empty before the first submission. A plain column, so lists filter on it.
    appraisal_state = models.CharField(
        _("thẩm định"), max_length=10, choices=AppraisalState.choices, blank=True, default=""
    )
    version = models.PositiveIntegerField(default=1)
    search_text = models.TextField(editable=False, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["search_text", "version", "updated_at"])

    objects: ClassVar[TaskManager] = TaskManager()

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["deadline", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__gte=0) & Q(progress__lte=100), name="task_progress_0_100"
            ),
            models.CheckConstraint(
                condition=Q(deadline__isnull=True)
                | Q(start_date__isnull=True)
                | Q(deadline__gte=F("start_date")),
                name="task_deadline_after_start",
            ),
            models.CheckConstraint(
                condition=Q(accepted=False) | Q(reported_complete_on__isnull=False),
                name="task_accepted_was_reported",
            ),
        ]
        indexes = [
            models.Index(
                fields=["congress", "lead_agency"],
                include=[
                    "id",
                    "accepted",
                    "cancelled",
                    "paused",
                    "deadline",
                    "reported_complete_on",
                    "returned_at",
                ],
                # Partial on live rows: every read goes through the manager hiding deleted tasks.
                condition=Q(deleted_at__isnull=True),
                name="task_dashboard_live",
            ),
            models.Index(
                fields=["congress", "area", "deadline"],
                condition=Q(deleted_at__isnull=True),
                name="task_area_deadline_live",
            ),
            models.Index(
                fields=["congress", "deadline", "id"],
                condition=Q(deleted_at__isnull=True),
                name="task_deadline_live",
            ),
            # The order of every task list (`selectors.KEY_FIRST`): page 1 and the keyset pages
            # read it in order and stop after 25 rows, no sort.
            models.Index(
                fields=["congress", "-key_item", "deadline", "id"],
                condition=Q(deleted_at__isnull=True),
                name="task_list_order_live",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Saves and moves the task between the summary's cells (`planning/summary.py`)."""
        from .. import summary

        fields = kwargs.get("update_fields")
        if fields is not None and not summary.touches(fields):
            return super().save(*args, **kwargs)
        with transaction.atomic():
            adding = self._state.adding or self.pk is None
            before = None if adding else summary.locked_state(self.pk)
            super().save(*args, **kwargs)
            summary.record_task_states([(self.pk, before, summary.state_of(self))])

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        """Deleting for good (a congress's cascade goes through the summary's own cascade)."""
        from .. import summary

        with transaction.atomic():
            before = summary.locked_state(self.pk)
            summary.done_changes([(self.pk, before, None)])  # while its links still exist
            deleted = super().delete(*args, **kwargs)
            summary.record_states([(before, None)])
        return deleted

    def status_class(self, today: dt.date) -> StatusClass:
        return classify(
            accepted=self.accepted,
            cancelled=self.cancelled,
            paused=self.paused,
            deadline=self.deadline,
            reported_complete_on=self.reported_complete_on,
            today=today,
        )

    @property
    def partner_assignments(self) -> list["TaskAssignment"]:
        """Coordinating and appraising agencies (uses prefetched assignments when present)."""
        return [a for a in self.assignments.all() if a.role != TaskAssignment.Role.LEAD]

    @property
    def from_conclusion(self) -> bool:
        """A task comes from a meeting conclusion when a conclusion points at it: the link is the
        only record of it, so a task cannot claim a conclusion it does not have."""
        try:
            return self.conclusion is not None
        except ObjectDoesNotExist:
            return False

    @property
    def source(self) -> "Task.Source":
        """Where the task came from, derived from its links: a conclusion, a plan, or neither."""
        if self.from_conclusion:
            return Task.Source.CONCLUSION
        if self.incoming_document_id:
            return Task.Source.INCOMING
        return Task.Source.PLAN if self.plan_id else Task.Source.ADHOC

    def get_source_display(self) -> str:
        return str(self.source.label)

    @property
    def awaiting_acceptance(self) -> bool:
        return self.reported_complete_on is not None and not self.accepted and not self.cancelled

    @property
    def is_returned(self) -> bool:
        return self.returned_at is not None and not self.accepted and not self.cancelled

    @property
    def deadline_label(self) -> str:
        if self.deadline_offset_days is None:
            return ""
        sign = "−" if self.deadline_offset_days < 0 else "+"
        return f"D{sign}{abs(self.deadline_offset_days)}"


class TaskAssignment(models.Model):
    """One row per (task, agency, role), the lead included: the agency inbox reads only these.

    `accepted`, `cancelled`, `deadline`, `returned` and `key_item` are copies of the task's, kept
    by the services, so the inbox is one index range scan in its display order (key tasks first)
    instead of an OR over two relations and a sort of the agency's rows.
    """

    class Role(models.TextChoices):
        LEAD = "lead", _("Chủ trì")
        COORDINATE = "coordinate", _("Phối hợp")
        APPRAISE = "appraise", _("Thẩm định")

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="assignments")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="assignments")
    role = models.CharField(_("vai trò"), max_length=12, choices=Role.choices)
    accepted = models.BooleanField(default=False)
    cancelled = models.BooleanField(default=False)
    deadline = models.DateField(null=True, blank=True)
    returned = models.BooleanField(default=False)  # the task's `returned_at` is set
    key_item = models.BooleanField(default=False)  # the task's `key_item`

    class Meta:
        verbose_name = _("phân công")
        verbose_name_plural = _("phân công")
        constraints = [
            models.UniqueConstraint(fields=["task", "agency"], name="assignment_unique"),
        ]
        indexes = [
            models.Index(
                fields=["agency", "accepted", "-key_item", "deadline", "task"],
                condition=Q(cancelled=False),
                name="assignment_inbox_key",
            ),
            # The daily reminder rules scan open assignments by deadline across congresses.
            models.Index(
                fields=["deadline"],
                condition=Q(cancelled=False, accepted=False),
                name="assignment_open_deadline",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency} — {self.get_role_display()}"

    @property
    def is_lead(self) -> bool:
        return self.role == TaskAssignment.Role.LEAD

    @property
    def is_appraisal(self) -> bool:
        return self.role == TaskAssignment.Role.APPRAISE


class TaskReview(models.Model):
    """A leader's answer to a completion report: accepted, or returned with a comment."""

    class Decision(models.TextChoices):
        ACCEPTED = "accepted", _("Xác nhận hoàn thành")
        RETURNED = "returned", _("Trả lại")

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    decision = models.CharField(max_length=10, choices=Decision.choices)
    comment = models.TextField(_("ý kiến"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} — {self.task}"


class HaltState(models.TextChoices):
    """What `task_set_halt` sets: the task paused, cancelled, or running again."""

    PAUSED = "paused", _("Tạm dừng")
    CANCELLED = "cancelled", _("Hủy")
    ACTIVE = "active", _("Tiếp tục")
