"""Personal API tokens: a user's own keys for the systems around the congress.

Only the SHA-256 of a token is stored; the token itself is shown once, when it is made. Its
first characters (`prefix`) stay readable so that the owner and the audit trail can tell the
tokens apart. A request with a token acts as its owner, with exactly the owner's permissions in
the app; a read-only token refuses every write.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from daihoi.core.audit import AuditAction


class Scope(models.TextChoices):
    READ = "read", _("Chỉ đọc")
    READ_WRITE = "read_write", _("Đọc và ghi")


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def live(self) -> "ApiTokenQuerySet":
        """Not revoked, not expired, of an active user."""
        return self.filter(
            revoked_at__isnull=True, expires_at__gt=timezone.now(), user__is_active=True
        )


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("người dùng"),
    )
    name = models.CharField(_("tên gợi nhớ"), max_length=100)
    prefix = models.CharField(_("mã nhận diện"), max_length=12, unique=True, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    scope = models.CharField(_("phạm vi"), max_length=12, choices=Scope.choices)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    expires_at = models.DateTimeField(_("hết hạn lúc"))
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("dùng lần cuối"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("khóa API")
        verbose_name_plural = _("khóa API")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def can_write(self) -> bool:
        return self.scope == Scope.READ_WRITE

    def is_live(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()


class ApiAction(AuditAction):
    TOKEN_CREATED = "api_token.created", _("Tạo khóa API")
    TOKEN_REVOKED = "api_token.revoked", _("Thu hồi khóa API")


class Event(models.TextChoices):
    """What a webhook may be told of."""

    TASK_ASSIGNED = "task.assigned", _("Nhiệm vụ được giao")
    TASK_COMPLETED = "task.completed", _("Đơn vị báo cáo hoàn thành nhiệm vụ")
    TASK_ACCEPTED = "task.accepted", _("Nhiệm vụ được xác nhận hoàn thành")
    TASK_RETURNED = "task.returned", _("Nhiệm vụ bị trả lại")
    TASK_OVERDUE = "task.overdue", _("Nhiệm vụ quá hạn")
    DOCUMENT_ISSUED = "document.issued", _("Văn bản được ban hành")


class Webhook(models.Model):
    """An address of another system that the secretariat wants told of a congress's events.

    Each delivery is signed with `secret` (HMAC-SHA256 of the body), which the receiving system
    keeps to check that the call came from here: it has to stay readable to sign with."""

    congress = models.ForeignKey(
        "organizations.Congress", on_delete=models.CASCADE, related_name="webhooks"
    )
    name = models.CharField(_("tên hệ thống nhận"), max_length=100)
    url = models.URLField(_("địa chỉ nhận (URL)"), max_length=500)
    events = models.JSONField(_("sự kiện"), default=list)
    secret = models.CharField(max_length=64, editable=False)
    active = models.BooleanField(_("đang gửi"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("webhook")
        verbose_name_plural = _("webhook")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.url})"

    def event_labels(self) -> list[str]:
        return [str(Event(e).label) for e in self.events if e in Event.values]


class Delivery(models.Model):
    """One event sent (or to be sent) to one webhook, with its attempts."""

    class State(models.TextChoices):
        PENDING = "pending", _("Đang chờ gửi")
        DELIVERED = "delivered", _("Đã gửi")
        FAILED = "failed", _("Gửi không được")

    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(max_length=32, choices=Event.choices)
    # What makes one event unique for a webhook (an overdue task is told once).
    dedupe_key = models.CharField(max_length=120)
    payload = models.JSONField()
    state = models.CharField(max_length=12, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_status = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["webhook", "dedupe_key"], name="api_delivery_once_per_event"
            )
        ]

    def __str__(self) -> str:
        return f"{self.event} → {self.webhook_id}"


class WebhookAction(AuditAction):
    CREATED = "webhook.created", _("Thêm webhook")
    UPDATED = "webhook.updated", _("Sửa webhook")
    DELETED = "webhook.deleted", _("Xóa webhook")
