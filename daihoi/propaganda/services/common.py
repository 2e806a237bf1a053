"""What the propaganda services share: the writers' check, an audited creation and an audited
edit of fields."""

from collections.abc import Callable, Mapping
from typing import Any

from django.db import models

from daihoi.core.audit import AuditAction, changes_since, record, snapshot
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require
from daihoi.core.versioning import Versioned, check_version
from daihoi.organizations.permissions import Access

from .. import permissions


def require_writer(access: Access) -> None:
    require(permissions.can_write(access), permissions.WRITERS_ONLY)


def clean(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def required_text(value: str, message: str, field: str) -> str:
    value = (value or "").strip()
    if not value:
        raise BusinessError(message, field=field)
    return value


def save_edit[M: models.Model](
    access: Access,
    obj: M,
    fields: Mapping[str, Any],
    action: AuditAction,
    validate: Callable[[M], None],
    expected_version: int | None = None,
    noun: str = "Bản ghi",
) -> M:
    """Sets `fields` on the (locked) `obj`, validates, saves and records what changed. With
    `expected_version` (the edit form's), refuses when someone saved `obj` since it was opened
    (`core.versioning`); every save counts a new version."""
    if isinstance(obj, Versioned):
        check_version(obj, expected_version, noun)
    before = snapshot(obj, fields.keys())
    for name, value in fields.items():
        setattr(obj, name, clean(value))
    validate(obj)
    obj.save()
    changes = changes_since(obj, before)
    if changes:
        record(access, action, obj, changes=changes)
    return obj


def save_new[M: models.Model](
    access: Access,
    obj: M,
    action: AuditAction,
    validate: Callable[[M], None],
    data: Mapping[str, Any] | None = None,
) -> M:
    """Validates and saves the new `obj`, and records that it was created (with `data`)."""
    validate(obj)
    obj.save()
    record(access, action, obj, data=data)
    return obj


def lock_for_writer[M: models.Model](access: Access, obj: M) -> M:
    """Checks that the access may write, then locks `obj`'s row within the access's congress."""
    require_writer(access)
    return type(obj)._default_manager.select_for_update().get(pk=obj.pk, congress=access.congress)
