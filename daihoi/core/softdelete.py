"""Soft deletion: a deleted record leaves every list but stays in the database to be restored.

The default manager hides deleted rows; `all_objects` sees everything. Related-object access
(`conclusion.task`) goes through Django's plain base manager and still reaches a deleted row, so
links never break.
"""

from collections.abc import Callable

from django.conf import settings
from django.db import models
from django.utils import timezone

from .audit import AuditAction, record


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


def _save(obj: models.Model) -> None:
    obj.save()


def _lock_if(obj: SoftDeleteModel, *, deleted: bool) -> bool:
    """Locks the row (deleted rows included) and reloads `obj` from it; True when it is still
    `deleted` (or not), False when someone else moved it first."""
    obj.refresh_from_db(from_queryset=type(obj).all_objects.select_for_update())
    return obj.is_deleted == deleted


def move_to_trash[M: SoftDeleteModel](
    actor: object,
    obj: M,
    action: AuditAction,
    *,
    reason: str = "",
    check: Callable[[M], None] | None = None,
    save: Callable[[M], None] = _save,
) -> M:
    """The one delete path: lock the row, re-check it is live, `check` it (a BusinessError
    keeps it), mark it deleted, `save` it (the kind's own extra writes) and record `action`.

    A record already in the trash (a second click, a colleague first) is left as it is and
    nothing is recorded."""
    if _lock_if(obj, deleted=False):
        if check is not None:
            check(obj)
        obj.mark_deleted(getattr(actor, "user", actor))
        save(obj)
        record(actor, action, obj, reason=reason)
    return obj


def restore_from_trash[M: SoftDeleteModel](
    actor: object, obj: M, action: AuditAction, *, save: Callable[[M], None] = _save
) -> M:
    """The one restore path: lock the row, re-check it is still deleted, restore, `save` and
    record `action`. When two people restore the same record at once, the second finds it
    restored under the lock and does nothing, records nothing."""
    if _lock_if(obj, deleted=True):
        obj.mark_restored()
        save(obj)
        record(actor, action, obj)
    return obj
