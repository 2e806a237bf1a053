from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from daihoi.core.audit import AuditAction
from daihoi.organizations.models import Congress


class NotificationAction(AuditAction):
    PREFERENCE_CHANGED = "notification_preference.changed", _("Đổi cách nhận thông báo")


class Kind(models.TextChoices):
    TASK_ASSIGNED = "task_assigned", _("Nhiệm vụ mới giao cho đơn vị")
    DEADLINE_3_DAYS = "deadline_3d", _("Nhiệm vụ đến hạn sau 3 ngày")
    DEADLINE_1_DAY = "deadline_1d", _("Nhiệm vụ đến hạn sau 1 ngày")
    OVERDUE_DIGEST = "overdue_digest", _("Nhiệm vụ chuyển sang quá hạn")
    REPORT_REQUESTED = "report_requested", _("Yêu cầu báo cáo")
    SUBMISSION_RETURNED = "submission_returned", _("Báo cáo bị trả lại để bổ sung")
    MEETING_INVITATION = "meeting_invitation", _("Giấy mời họp")
    COMPLETION_REPORTED = "completion_reported", _("Đơn vị báo cáo hoàn thành nhiệm vụ")
    COMPLETION_ACCEPTED = "completion_accepted", _("Nhiệm vụ được xác nhận hoàn thành")
    COMPLETION_RETURNED = "completion_returned", _("Nhiệm vụ bị trả lại")
    DEADLINES_MOVED = "deadlines_moved", _("Hạn nhiệm vụ dời theo ngày khai mạc mới")
    ESTIMATE_SUBMITTED = "estimate_submitted", _("Đơn vị gửi dự trù kinh phí")
    ESTIMATE_RETURNED = "estimate_returned", _("Dự trù kinh phí bị trả lại")
    ESTIMATE_APPROVED = "estimate_approved", _("Dự trù kinh phí đã được thẩm định")
    APPRAISAL_SUBMITTED = "appraisal_submitted", _("Sản phẩm gửi đơn vị thẩm định")
    APPRAISAL_APPROVED = "appraisal_approved", _("Sản phẩm được thẩm định thông qua")
    APPRAISAL_RETURNED = "appraisal_returned", _("Sản phẩm bị thẩm định trả lại")
    CONSULTATION_SENT = "consultation_sent", _("Dự thảo gửi lấy ý kiến")
    CONSULTATION_REMINDER = "consultation_reminder", _("Nhắc góp ý dự thảo")
    CONSULTATION_ANSWERED = "consultation_answered", _("Có ý kiến góp ý dự thảo")
    CONSULTATION_ADOPTED = "consultation_adopted", _("Dự thảo đã được thông qua")
    DETAILED_SUBMITTED = "detailed_submitted", _("Đơn vị gửi kế hoạch chi tiết xin phê duyệt")
    DETAILED_RETURNED = "detailed_returned", _("Kế hoạch chi tiết bị trả lại")
    DETAILED_APPROVED = "detailed_approved", _("Kế hoạch chi tiết được phê duyệt")


class Notification(models.Model):
    """One notice for one user; `dedupe_key` names the event so it is never stored twice."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("người nhận"),
    )
    congress = models.ForeignKey(
        Congress, on_delete=models.CASCADE, related_name="+", verbose_name=_("Đại hội")
    )
    kind = models.CharField(_("loại"), max_length=24, choices=Kind.choices)
    title = models.CharField(_("tiêu đề"), max_length=300)
    body = models.TextField(_("nội dung"), blank=True)
    link = models.CharField(_("đường dẫn"), max_length=500, blank=True)
    # The invitation mail carries the meeting as an .ics file.
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    dedupe_key = models.CharField(max_length=200)
    created_at = models.DateTimeField(_("thời gian"), default=timezone.now)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)
    # Set under a row lock just before the mail is handed over, so a retried job never resends.
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "dedupe_key"], name="notification_dedupe"),
        ]
        indexes = [
            models.Index(fields=["recipient", "-created_at", "-id"], name="notification_list"),
            models.Index(
                fields=["recipient"], condition=Q(read_at__isnull=True), name="notification_unread"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class NotificationPreference(models.Model):
    """How a user wants to be told; a user without a row gets the default (e-mail too)."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("Thư điện tử và thông báo trong hệ thống")
        IN_APP = "in_app", _("Chỉ thông báo trong hệ thống")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    channel = models.CharField(
        _("cách nhận thông báo"), max_length=8, choices=Channel.choices, default=Channel.EMAIL
    )

    class Meta:
        verbose_name = _("cài đặt thông báo")
        verbose_name_plural = _("cài đặt thông báo")

    def __str__(self) -> str:
        return f"{self.user} — {self.get_channel_display()}"


class DailyCheck(models.Model):
    """One row per day the reminders ran: the lock that serialises runs of the same day, and
    where the next day's overdue digest starts."""

    date = models.DateField(unique=True)
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    notifications_created = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("lượt nhắc việc hằng ngày")
        verbose_name_plural = _("lượt nhắc việc hằng ngày")
        ordering = ["-date"]

    def __str__(self) -> str:
        return str(self.date)
