"""The audit trail: one row per business action, written by the service in its transaction."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models


class AuditEntry(models.Model):
    """Who did which business action to which object, when, with a small data dict.

    `action` is a namespaced code (`task.accepted`); `label` is its Vietnamese name as it read
    when the action happened, so history pages need no lookup. `congress_id` is a plain column:
    `core` sits below `organizations` and must not point a foreign key up at it.
    """

    created_at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="người thực hiện",
    )
    action = models.CharField("thao tác", max_length=64)
    label = models.CharField("mô tả", max_length=200)
    congress_id = models.BigIntegerField(null=True, blank=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.BigIntegerField()
    object_repr = models.CharField(max_length=300)
    reason = models.TextField("lý do", blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = "nhật ký thao tác"
        verbose_name_plural = "nhật ký thao tác"
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "-created_at"], name="audit_object_idx"
            ),
            models.Index(fields=["actor", "-created_at"], name="audit_actor_idx"),
            models.Index(fields=["action", "-created_at"], name="audit_action_idx"),
            models.Index(fields=["congress_id", "-created_at"], name="audit_congress_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.object_repr}"

    @property
    def changes(self) -> list[list[str]]:
        """[field label, old, new] rows the service recorded, already written for people."""
        return list(self.data.get("changes", []))


def _staged_path(instance: "StagedUpload", filename: str) -> str:
    suffix = ("." + filename.rsplit(".", 1)[-1].lower()) if "." in filename else ""
    return f"staged/{instance.key[:16]}{suffix[:10]}"


class StagedUpload(models.Model):
    """A file a user attached to a form that then failed validation, kept until it passes.

    The form carries only the opaque `key`; only the `owner` can use it, and only until
    `expires_at`, after which `manage.py clean_staged_uploads` deletes the row and its file.
    """

    key = models.CharField(max_length=64, unique=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    file = models.FileField(upload_to=_staged_path, max_length=300)
    original_name = models.CharField(max_length=255)
    size = models.PositiveIntegerField()
    content_type = models.CharField(max_length=120)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()

    class Meta:
        verbose_name = "tệp đính kèm tạm"
        verbose_name_plural = "tệp đính kèm tạm"
        indexes = [models.Index(fields=["expires_at"], name="staged_upload_expiry")]

    def __str__(self) -> str:
        return self.original_name


class SubmittedForm(models.Model):
    """A form's one-time token, kept once the change it carried was saved (`core.once`).

    The page's script gives every POST form a random token; the change and this row are written
    in one transaction, so a second copy of the same submission (a double click, a reload, a
    preview confirmed again) finds the token taken and changes nothing. `url` is where the first
    copy led, so the second lands there too. Rows older than a day are removed by
    `manage.py clean_staged_uploads`.
    """

    token = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, related_name="+"
    )
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "biểu mẫu đã gửi"
        verbose_name_plural = "biểu mẫu đã gửi"

    def __str__(self) -> str:
        return self.token


class WorkerJob(models.Model):
    """A job the background worker does in steps, followed on its page: `done` of `total`, who
    asked for it and when, and when it finished."""

    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.done / self.total)) if self.total else 0
