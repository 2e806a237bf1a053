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
