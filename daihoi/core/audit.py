"""Recording and reading the audit trail.

Every service that changes state calls `record(...)` once per business action, after its saves
and inside its transaction, so the entry commits or rolls back with the change. Action codes are
`AuditAction` choices declared beside each app's models (`TaskAction.ACCEPTED` is
`"task.accepted"`). django-simple-history still keeps every row version underneath; pages read
the trail through `history_of(obj)`.
"""

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Protocol

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet
from django.utils import timezone

from .models import AuditEntry

# What every entry written meanwhile also names (the API token a request came with, say).
_context: ContextVar[Mapping[str, Any] | None] = ContextVar("audit_context", default=None)


def _current() -> Mapping[str, Any]:
    return _context.get() or {}


@contextmanager
def context(**data: Any) -> Iterator[None]:
    """Adds `data` to the data of every entry recorded inside the block (nested blocks add up):
    the API wraps each request in it, so its entries name the token used."""
    token = _context.set({**_current(), **data})
    try:
        yield
    finally:
        _context.reset(token)


class AuditAction(models.TextChoices):
    """Base for each app's action codes: value `"<object>.<verb>"`, label in Vietnamese."""


class Actor(Protocol):
    """Anything that acts: a request's `Access` (its `user` and `congress`) or a bare user."""

    @property
    def user(self) -> Any: ...


def _actor_and_congress(actor: object) -> tuple[Any, int | None]:
    user = getattr(actor, "user", actor)
    congress = getattr(actor, "congress", None)
    if user is not None and not getattr(user, "is_authenticated", False):
        user = None
    return user, getattr(congress, "pk", None)


def record(
    actor: object,
    action: AuditAction,
    obj: models.Model,
    *,
    reason: str = "",
    data: Mapping[str, Any] | None = None,
    changes: list[list[str]] | None = None,
) -> AuditEntry:
    """Writes one entry for `action` on `obj` by `actor` (an `Access`, a user or None).

    Call it inside the service's transaction, after `obj` is saved.
    """
    user, congress_id = _actor_and_congress(actor)
    if congress_id is None:
        congress_id = getattr(obj, "congress_id", None)
    payload = {**_current(), **(data or {})}
    if changes:
        payload["changes"] = changes
    return AuditEntry.objects.create(
        actor=user,
        action=str(action.value),
        label=str(action.label),
        congress_id=congress_id,
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
        object_id=obj.pk,
        object_repr=str(obj)[:300],
        reason=reason.strip(),
        data=payload,
    )


def record_each(
    actor: object,
    action: AuditAction,
    objects: Iterable[models.Model],
    *,
    changes_of: Mapping[Any, list[list[str]]],
    data: Mapping[str, Any] | None = None,
) -> list[AuditEntry]:
    """One entry per object for the same action (a change that touched many rows at once), in
    one INSERT; `changes_of` maps each object's pk to its [label, old, new] rows."""
    user, congress_id = _actor_and_congress(actor)
    entries = []
    for obj in objects:
        payload = {**_current(), **(data or {})}
        if changes_of.get(obj.pk):
            payload["changes"] = changes_of[obj.pk]
        entries.append(
            AuditEntry(
                actor=user,
                action=str(action.value),
                label=str(action.label),
                congress_id=congress_id or getattr(obj, "congress_id", None),
                content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
                object_id=obj.pk,
                object_repr=str(obj)[:300],
                data=payload,
            )
        )
    return AuditEntry.objects.bulk_create(entries)


def history_of(*objects: models.Model) -> QuerySet[AuditEntry]:
    """The entries of one or more objects (a task and its updates, say), newest first."""
    condition = models.Q(pk__in=[])
    for obj in objects:
        ct = ContentType.objects.get_for_model(obj, for_concrete_model=True)
        condition |= models.Q(content_type=ct, object_id=obj.pk)
    return (
        AuditEntry.objects.filter(condition).select_related("actor").order_by("-created_at", "-id")
    )


def entries_for(
    *, congress_id: int | None = None, actor: Any = None, action: str | None = None
) -> QuerySet[AuditEntry]:
    """The trail filtered by congress, actor or action code (a prefix like "task." works)."""
    entries = AuditEntry.objects.select_related("actor")
    if congress_id is not None:
        entries = entries.filter(congress_id=congress_id)
    if actor is not None:
        entries = entries.filter(actor=actor)
    if action:
        entries = (
            entries.filter(action__startswith=action)
            if action.endswith(".")
            else entries.filter(action=action)
        )
    return entries.order_by("-created_at", "-id")


# Field changes ---------------------------------------------------------------------------------


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The values of `fields` now, to compare after an edit (`changes_since`)."""
    return {name: _value(obj, name) for name in fields}


def changes_since(obj: models.Model, before: Mapping[str, Any]) -> list[list[str]]:
    """[label, old, new] for each field of `before` whose value differs now, for people."""
    rows = []
    for name, old in before.items():
        new = _value(obj, name)
        if old != new:
            field = obj._meta.get_field(name)
            label = str(getattr(field, "verbose_name", name)).capitalize()
            rows.append([label, display(field, old), display(field, new)])
    return rows


def _value(obj: models.Model, name: str) -> Any:
    field = obj._meta.get_field(name)
    if field.many_to_many:
        if obj.pk is None:
            return ()
        return tuple(sorted(str(o) for o in getattr(obj, name).all()))
    if field.is_relation:
        return getattr(obj, name)  # the related object, shown by its str()
    return getattr(obj, name)


def display(field: Any, value: Any) -> str:
    """A value as people read it: dates dd/mm/yyyy, choices by label, relations by name."""
    if value is None or value == "" or value == ():
        return "—"
    if isinstance(value, tuple):
        return ", ".join(value)
    if getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).strftime("%H:%M %d/%m/%Y")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)
