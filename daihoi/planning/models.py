import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from daihoi.core.audit import AuditAction
from daihoi.core.softdelete import AliveManager, SoftDeleteModel
from daihoi.core.uploads import StoredUpload
from daihoi.organizations.models import Agency, Committee, Congress, Person

from .status import StatusClass, classify

if TYPE_CHECKING:
    from daihoi.organizations.permissions import Access


class Area(models.TextChoices):
    PROPAGANDA = "propaganda", _("Tuyên truyền")
    DOCUMENTS = "documents", _("Văn kiện")
    PERSONNEL = "personnel", _("Nhân sự")
    LOGISTICS = "logistics", _("Hậu cần, cơ sở vật chất")
    CEREMONY = "ceremony", _("Khánh tiết, trang trí")
    SECURITY = "security", _("An ninh trật tự")
    HEALTH = "health", _("Y tế, phòng chống dịch")
    FINANCE = "finance", _("Kinh phí")
    CULTURE = "culture", _("Văn hóa, văn nghệ")
    PRESS = "press", _("Báo chí")
    GENERAL = "general", _("Chỉ đạo chung")


class Phase(models.TextChoices):
    BEFORE = "before", _("Trước Đại hội")
    DURING = "during", _("Trong Đại hội")
    AFTER = "after", _("Sau Đại hội")
    THROUGHOUT = "throughout", _("Trước, trong và sau Đại hội")


class Plan(SoftDeleteModel):
    """Kế hoạch: an official plan holding tasks; it may concretise a parent plan."""

    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="plans", verbose_name=_("Đại hội")
    )
    committee = models.ForeignKey(
        Committee,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plans",
        verbose_name=_("tiểu ban"),
    )
    number = models.PositiveIntegerField(_("số"))
    issuer_code = models.CharField(
        _("ký hiệu cơ quan ban hành"), max_length=32, help_text=_("Ví dụ: UBND, TU, VPTU")
    )
    issuer = models.ForeignKey(
        Agency,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="issued_plans",
        verbose_name=_("cơ quan ban hành"),
    )
    issued_on = models.DateField(_("ngày ban hành"))
    year = models.PositiveSmallIntegerField(editable=False)
    subject = models.CharField(_("trích yếu"), max_length=500)
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("cụ thể hóa kế hoạch"),
    )
    # Its entry in the congress's registry of official documents (kind KH).
    document = models.OneToOneField(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plan",
        verbose_name=_("văn bản"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["year"])

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        ordering = ["-issued_on", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "issuer_code", "year", "number"], name="plan_number_unique"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="plan_number_positive"),
        ]

    def __str__(self) -> str:
        return f"Kế hoạch số {self.symbol}"

    def save(self, *args, **kwargs) -> None:
        self.year = self.issued_on.year
        super().save(*args, **kwargs)

    @property
    def symbol(self) -> str:
        """State layout "268/KH-UBND"; Party layout "06-KH/TU"."""
        if self.congress.document_rules == Congress.Rules.STATE:
            return f"{self.number:02d}/KH-{self.issuer_code}"
        return f"{self.number:02d}-KH/{self.issuer_code}"


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


class Task(SoftDeleteModel):
    class Source(models.TextChoices):
        PLAN = "plan", _("Theo kế hoạch")
        CONCLUSION = "conclusion", _("Kết luận cuộc họp")
        ADHOC = "adhoc", _("Phát sinh")

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
        ]

    def __str__(self) -> str:
        return self.title

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

    `accepted`, `cancelled`, `deadline` and `returned` are copies of the task's, kept by the
    services, so the inbox is one index range scan instead of an OR over two relations.
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

    class Meta:
        verbose_name = _("phân công")
        verbose_name_plural = _("phân công")
        constraints = [
            models.UniqueConstraint(fields=["task", "agency"], name="assignment_unique"),
        ]
        indexes = [
            models.Index(
                fields=["agency", "accepted", "deadline", "task"],
                condition=Q(cancelled=False),
                name="assignment_inbox",
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


# What the services record in the audit trail -------------------------------------------------


class PlanAction(AuditAction):
    CREATED = "plan.created", _("Tạo kế hoạch")
    UPDATED = "plan.updated", _("Sửa kế hoạch")
    DELETED = "plan.deleted", _("Xóa kế hoạch")
    RESTORED = "plan.restored", _("Khôi phục kế hoạch")


class TaskAction(AuditAction):
    CREATED = "task.created", _("Giao nhiệm vụ")
    UPDATED = "task.updated", _("Sửa nhiệm vụ")
    PROGRESS_REPORTED = "task.progress_reported", _("Cập nhật tiến độ")
    COMPLETION_REPORTED = "task.completion_reported", _("Báo cáo hoàn thành, chờ xác nhận")
    ACCEPTED = "task.accepted", _("Xác nhận hoàn thành")
    RETURNED = "task.returned", _("Trả lại")
    DEADLINE_MOVED = "task.deadline_moved", _("Hạn dời theo ngày khai mạc")
    PAUSED = "task.paused", _("Tạm dừng")
    CANCELLED = "task.cancelled", _("Hủy nhiệm vụ")
    RESUMED = "task.resumed", _("Tiếp tục thực hiện")
    DELETED = "task.deleted", _("Xóa nhiệm vụ")
    RESTORED = "task.restored", _("Khôi phục nhiệm vụ")


class ProgressAction(AuditAction):
    OBSTACLE_RESOLVED = "progress.obstacle_resolved", _("Đã tháo gỡ vướng mắc")
    DELETED = "progress.deleted", _("Xóa báo cáo tiến độ")
    RESTORED = "progress.restored", _("Khôi phục báo cáo tiến độ")


class ScheduleAction(AuditAction):
    RESCHEDULED = "congress.rescheduled", _("Đổi ngày Đại hội; hạn theo ngày khai mạc dời theo")
