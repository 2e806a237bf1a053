"""The parent's schedule of its subordinate congresses (lịch đại hội) and its own deadlines."""

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from daihoi.core.audit import AuditAction
from daihoi.organizations.models import Congress


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
