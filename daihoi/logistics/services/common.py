"""What the logistics services share: the staff check, the congress's nights and days, and
the saving of a record that is added or edited with its form's version."""

import datetime as dt
from typing import Any

from django.db import models

from daihoi.core import audit
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require
from daihoi.core.versioning import check_version
from daihoi.organizations.models import Congress
from daihoi.organizations.permissions import Access

from .. import permissions

NO_DATES = "Đại hội chưa có ngày khai mạc: hãy ấn định ngày trước khi xếp phòng, xe, bữa ăn."


def require_staff(access: Access) -> None:
    require(permissions.can_manage_logistics(access), permissions.STAFF_ONLY)


def congress_days(congress: Congress) -> list[dt.date]:
    """The congress's days, opening to closing."""
    if congress.opening_date is None:
        raise BusinessError(NO_DATES)
    closing = max(congress.closing_date or congress.opening_date, congress.opening_date)
    count = (closing - congress.opening_date).days + 1
    return [congress.opening_date + dt.timedelta(days=n) for n in range(count)]


def congress_nights(congress: Congress) -> tuple[dt.date, dt.date]:
    """The nights delegates stay: from the eve of the opening to the eve of the closing day."""
    days = congress_days(congress)
    return days[0] - dt.timedelta(days=1), days[-1] - dt.timedelta(days=1)


def service_days(congress: Congress) -> list[dt.date]:
    """The days the pages offer for meals and rides: the eve of the opening (arrivals) and the
    congress's days; none while the congress has no dates."""
    try:
        days = congress_days(congress)
    except BusinessError:
        return []
    return [days[0] - dt.timedelta(days=1), *days]


def lodging_nights(congress: Congress) -> list[dt.date]:
    """Every night delegates stay, as the pages offer them; none while the congress has no
    dates."""
    try:
        first, last = congress_nights(congress)
    except BusinessError:
        return []
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def new_or_locked[M: models.Model](
    model: type[M], obj: M | None, expected_version: int | None, noun: str, **scope: Any
) -> M:
    """A new `model` row in `scope` (e.g. the congress), or `obj` read again under a lock
    within `scope` and refused when it was saved since the form was opened."""
    if obj is None:
        return model(**scope)
    locked = model._default_manager.select_for_update().get(pk=obj.pk, **scope)
    check_version(locked, expected_version, noun)
    return locked


def save_recorded(
    access: Access, obj: models.Model, action: audit.AuditAction, before: dict[str, Any]
) -> None:
    """Saves `obj` and records `action`, with what changed since `before` for an edit (a new
    row has no `before`)."""
    obj.save()
    changes = audit.changes_since(obj, before) if before else None
    audit.record(access, action, obj, changes=changes)
