"""The small family of business-rule failures that services raise and views show."""

from typing import Any


class BusinessError(Exception):
    """A rule of the domain refused the action; the message is shown to the user."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class PermissionDenied(BusinessError):
    pass


class ConflictError(BusinessError):
    """Someone else changed the record since the form was opened.

    `changed` is the record as saved now (locked), so the form can show what changed and take
    its current version (`core.versioning`); `trail` is the record whose audit trail tells what
    changed (`changed` itself unless its changes are recorded on a parent)."""

    def __init__(
        self, message: str, *, field: str | None = None, changed: Any = None, trail: Any = None
    ) -> None:
        super().__init__(message, field=field)
        self.changed = changed
        self.trail = trail if trail is not None else changed
