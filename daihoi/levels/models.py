"""The parent's schedule of its subordinate congresses (lịch đại hội) and its own deadlines."""

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from daihoi.core.audit import AuditAction
from daihoi.core.versioning import Versioned
from daihoi.organizations.models import Area, Congress


class ScheduleState(models.TextChoices):
    NOT_STARTED = "not_started", _("Chưa tổ chức")
    PREPARING = "preparing", _("Đang chuẩn bị")
    HELD = "held", _("Đã tổ chức")
    POSTPONED = "postponed", _("Hoãn")


class ScheduleEntry(models.Model):
    """One subordinate congress on its parent's schedule; kept by the parent's secretariat."""

    congress = models.OneToOneField(
        Congress,
        on_delete=models.CASCADE,
        related_name="schedule_entry",
        verbose_name=_("Đại hội cấp dưới"),
    )
    planned_date = models.DateField(_("ngày dự kiến"), null=True, blank=True)
    is_pilot = models.BooleanField(_("đại hội điểm"), default=False)
    held_date = models.DateField(_("ngày tổ chức"), null=True, blank=True)
    state = models.CharField(
        _("tình trạng"),
        max_length=12,
        choices=ScheduleState.choices,
        default=ScheduleState.NOT_STARTED,
    )
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    # The ids on the congress's path at depths 0…3 (as on `planning.CongressTaskCount`): the
    # roll-up counts a subtree's states per direct subordinate in one grouped scan. Kept by
    # `subordinate_create` and `congress_set_parent`.
    d0 = models.IntegerField(null=True, editable=False)
    d1 = models.IntegerField(null=True, editable=False)
    d2 = models.IntegerField(null=True, editable=False)
    d3 = models.IntegerField(null=True, editable=False)

    class Meta:
        verbose_name = _("lịch đại hội cấp dưới")
        verbose_name_plural = _("lịch đại hội cấp dưới")
        indexes = [
            models.Index(fields=["d0", "d1", "state"], name="schedule_d1"),
            models.Index(fields=["d1", "d2", "state"], name="schedule_d2"),
            models.Index(fields=["d2", "d3", "state"], name="schedule_d3"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(held_date__isnull=True) | Q(state="held"),
                name="schedule_held_date_only_when_held",
            ),
        ]

    def __str__(self) -> str:
        return f"Lịch: {self.congress.name}"

    def place(self, path: str) -> None:
        from daihoi.planning.tree_counts import depth_ids

        self.d0, self.d1, self.d2, self.d3 = depth_ids(path)


class LevelDeadline(models.Model):
    """The parent's own deadline for a level below it ("hoàn thành đại hội cấp cơ sở trước
    ngày 15/6")."""

    congress = models.ForeignKey(
        Congress,
        on_delete=models.CASCADE,
        related_name="level_deadlines",
        verbose_name=_("Đại hội"),
    )
    level = models.CharField(_("cấp"), max_length=16, choices=Congress.Level.choices)
    deadline = models.DateField(_("hoàn thành trước ngày"))
    text = models.CharField(_("nội dung"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("hạn tổ chức đại hội cấp dưới")
        verbose_name_plural = _("hạn tổ chức đại hội cấp dưới")
        ordering = ["deadline"]
        constraints = [
            models.UniqueConstraint(fields=["congress", "level"], name="level_deadline_unique"),
        ]

    def __str__(self) -> str:
        return f"Đại hội {self.get_level_display().lower()} trước {self.deadline:%d/%m/%Y}"


def is_behind(entry: ScheduleEntry, deadline: dt.date | None, today: dt.date) -> bool:
    """Behind schedule: postponed, or not yet held when its planned day or the parent's
    deadline for its level has passed, or planned after that deadline."""
    if entry.state == ScheduleState.HELD:
        return bool(deadline and entry.held_date and entry.held_date > deadline)
    if entry.state == ScheduleState.POSTPONED:
        return True
    if entry.planned_date and entry.planned_date < today:
        return True
    late_plan = bool(deadline and entry.planned_date and entry.planned_date > deadline)
    return bool(deadline and today > deadline) or late_plan


class LevelsAction(AuditAction):
    SUBORDINATE_CREATED = "levels.subordinate_created", _("Thêm đại hội cấp dưới")
    PARENT_SET = "levels.parent_set", _("Đặt Đại hội cấp trên")
    SCHEDULE_UPDATED = "levels.schedule_updated", _("Cập nhật lịch đại hội cấp dưới")
    DEADLINE_SET = "levels.deadline_set", _("Đặt hạn tổ chức đại hội cấp dưới")
    DEADLINE_REMOVED = "levels.deadline_removed", _("Bỏ hạn tổ chức đại hội cấp dưới")


# Guidance down ------------------------------------------------------------------------------------


class Guidance(models.Model):
    """A guidance (hướng dẫn) or plan template a congress sends down: its items become tasks in
    each chosen subordinate congress."""

    class Kind(models.TextChoices):
        GUIDANCE = "guidance", _("Hướng dẫn")
        TEMPLATE = "template", _("Kế hoạch mẫu")

    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="guidances", verbose_name=_("Đại hội")
    )
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices, default=Kind.GUIDANCE)
    title = models.CharField(_("trích yếu"), max_length=300)
    symbol = models.CharField(_("số, ký hiệu"), max_length=60, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    summary = models.TextField(_("nội dung chính"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("hướng dẫn gửi cấp dưới")
        verbose_name_plural = _("hướng dẫn gửi cấp dưới")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.symbol} {self.title}".strip()


class GuidanceItem(Versioned):
    """One task of a guidance, with its deadline a date or days from each recipient's opening
    day; `revision` counts its edits so each recipient's task knows which one it follows."""

    guidance = models.ForeignKey(Guidance, on_delete=models.CASCADE, related_name="items")
    title = models.CharField(_("nội dung nhiệm vụ"), max_length=500)
    description = models.TextField(_("yêu cầu"), blank=True)
    area = models.CharField(_("lĩnh vực"), max_length=16, choices=Area.choices)
    deadline = models.DateField(_("hạn"), null=True, blank=True)
    offset_days = models.SmallIntegerField(_("hạn theo ngày khai mạc"), null=True, blank=True)
    revision = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("nhiệm vụ trong hướng dẫn")
        verbose_name_plural = _("nhiệm vụ trong hướng dẫn")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title

    @property
    def deadline_label(self) -> str:
        if self.offset_days is not None:
            sign = "−" if self.offset_days < 0 else "+"
            return f"D{sign}{abs(self.offset_days)}"
        return f"{self.deadline:%d/%m/%Y}" if self.deadline else "—"

    def deadline_for(self, congress: Congress) -> dt.date | None:
        if self.offset_days is None:
            return self.deadline
        if congress.opening_date is None:
            return None
        return congress.opening_date + dt.timedelta(days=self.offset_days)


class GuidanceSend(models.Model):
    """One sending of a guidance to a set of congresses, delivered by a background job; its
    progress is `done` of `total`."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang gửi")
        DONE = "done", _("Đã gửi xong")

    guidance = models.ForeignKey(Guidance, on_delete=models.CASCADE, related_name="sends")
    state = models.CharField(max_length=8, choices=State.choices, default=State.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.guidance}: {self.done}/{self.total}"

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100


class GuidanceRecipient(models.Model):
    """A congress a guidance was sent to (once: a second sending to it is refused)."""

    guidance = models.ForeignKey(Guidance, on_delete=models.CASCADE, related_name="recipients")
    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="guidance_received"
    )
    send = models.ForeignKey(GuidanceSend, on_delete=models.CASCADE, related_name="recipients")
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["guidance", "congress"], name="guidance_sent_once"),
        ]
        indexes = [models.Index(fields=["send", "delivered_at"], name="guidance_undelivered")]

    def __str__(self) -> str:
        return f"{self.guidance} → {self.congress_id}"


class GuidanceTask(models.Model):
    """The task an item became in one recipient congress, with what was written into it (to
    tell, when the item changes, whether the lower level has changed the task since)."""

    item = models.ForeignKey(GuidanceItem, on_delete=models.CASCADE, related_name="tasks")
    recipient = models.ForeignKey(GuidanceRecipient, on_delete=models.CASCADE, related_name="tasks")
    task = models.OneToOneField(
        "planning.Task", on_delete=models.CASCADE, related_name="from_guidance"
    )
    revision = models.PositiveIntegerField(default=1)
    written = models.JSONField(default=dict)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "recipient"], name="guidance_task_once"),
        ]

    def __str__(self) -> str:
        return f"{self.item_id} → {self.task_id}"


class GuidanceItemCount(models.Model):
    """How many of an item's tasks below are still to do (live, neither accepted nor
    cancelled), so the roll-up reads a few rows instead of joining every delivered task.
    Kept by the writes: the delivery adds its tasks, and planning tells of each task that
    becomes done or not done again (`levels/counts.py`)."""

    item = models.OneToOneField(
        GuidanceItem, on_delete=models.CASCADE, primary_key=True, related_name="open_count"
    )
    open_tasks = models.IntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.item_id}: {self.open_tasks}"


class GuidanceNotice(models.Model):
    """What a recipient is told when an item it received changes."""

    recipient = models.ForeignKey(
        GuidanceRecipient, on_delete=models.CASCADE, related_name="notices"
    )
    item = models.ForeignKey(GuidanceItem, on_delete=models.CASCADE, related_name="notices")
    text = models.TextField()
    applied = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.text[:80]


class GuidanceAction(AuditAction):
    CREATED = "guidance.created", _("Soạn hướng dẫn gửi cấp dưới")
    ITEM_ADDED = "guidance.item_added", _("Thêm nhiệm vụ vào hướng dẫn")
    ITEM_CHANGED = "guidance.item_changed", _("Sửa nhiệm vụ trong hướng dẫn")
    SENT = "guidance.sent", _("Gửi hướng dẫn xuống cấp dưới")
    DELIVERED = "guidance.delivered", _("Nhận hướng dẫn của cấp trên")


# Reports up ---------------------------------------------------------------------------------------


class ReportRecipient(models.Model):
    """A congress below asked for a report: the request is the parent's (`reporting`), the
    answer is the submission of the congress's answering office, sent by its secretariat."""

    request = models.ForeignKey(
        "reporting.ReportRequest", on_delete=models.CASCADE, related_name="congress_recipients"
    )
    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="report_requests_received"
    )
    submission = models.OneToOneField(
        "reporting.ReportSubmission", on_delete=models.CASCADE, related_name="congress_recipient"
    )
    # The recipient's path ids at depths 0…3 (as on `ScheduleEntry`): the roll-up counts the
    # unanswered requests of a subtree per direct subordinate in one grouped scan.
    d0 = models.IntegerField(null=True, editable=False)
    d1 = models.IntegerField(null=True, editable=False)
    d2 = models.IntegerField(null=True, editable=False)
    d3 = models.IntegerField(null=True, editable=False)

    class Meta:
        verbose_name = _("Đại hội cấp dưới được yêu cầu báo cáo")
        verbose_name_plural = _("Đại hội cấp dưới được yêu cầu báo cáo")
        constraints = [
            models.UniqueConstraint(fields=["request", "congress"], name="report_asked_once"),
        ]
        indexes = [
            models.Index(fields=["d0", "d1"], name="report_recipient_d1"),
            models.Index(fields=["d1", "d2"], name="report_recipient_d2"),
            models.Index(fields=["d2", "d3"], name="report_recipient_d3"),
        ]

    def __str__(self) -> str:
        return f"{self.request_id} → {self.congress_id}"

    def place(self, path: str) -> None:
        from daihoi.planning.tree_counts import depth_ids

        self.d0, self.d1, self.d2, self.d3 = depth_ids(path)


class ReportsAction(AuditAction):
    SENT = "levels.report_sent", _("Yêu cầu Đại hội cấp dưới báo cáo")
