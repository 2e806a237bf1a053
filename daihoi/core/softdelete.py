"""Soft deletion: a deleted record leaves every list but stays in the database to be restored.

The default manager hides deleted rows; `all_objects` sees everything. Related-object access
(`conclusion.task`) goes through Django's plain base manager and still reaches a deleted row, so
links never break.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class AliveManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(deleted_at__isnull=True)


class SoftDeleteModel(models.Model):
    deleted_at = models.DateTimeField("đã xóa lúc", null=True, blank=True, editable=False)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = AliveManager()
    all_objects = models.Manager()  # noqa: DJ012 - a second manager, not a field

    class Meta:
        abstract = True

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    def mark_deleted(self, user) -> None:
        self.deleted_at = timezone.now()
        self.deleted_by = user

    def mark_restored(self) -> None:
        self.deleted_at = None
        self.deleted_by = None
