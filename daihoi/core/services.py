"""What every app's services share: permission and scope checks, events after commit."""

from collections.abc import Callable
from typing import Any

from django.db import models, transaction
from django.dispatch import Signal

from .exceptions import BusinessError, PermissionDenied

NOT_ALLOWED = "Bạn không có quyền thực hiện thao tác này."
NOT_IN_CONGRESS = "Dữ liệu chọn không thuộc Đại hội này."


def require(condition: bool, message: str = NOT_ALLOWED) -> None:
    """Refuses the action with `message` unless `condition` holds."""
    if not condition:
        raise PermissionDenied(message)


def require_same_congress(congress: models.Model, *objects: models.Model | None) -> None:
    """Every object given (None skipped) belongs to `congress`; otherwise a business error."""
    for obj in objects:
        if obj is not None and getattr(obj, "congress_id", None) != congress.pk:
            raise BusinessError(NOT_IN_CONGRESS)


def send_on_commit(signal: Signal, sender: type, **kwargs: Any) -> None:
    """Sends a domain event once the surrounding transaction commits (never on rollback)."""
    transaction.on_commit(_sender(signal, sender, kwargs))


def _sender(signal: Signal, sender: type, kwargs: dict[str, Any]) -> Callable[[], None]:
    def send() -> None:
        signal.send(sender=sender, **kwargs)

    return send
