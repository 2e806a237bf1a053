"""Task status classes, as plain conditions on columns so lists filter and dashboards count in SQL.

Never filter or group on an annotated Case: expand the class into these conditions instead.
A task counts as completed once accepted, dated by the day the lead agency reported it, so slow
acceptance never makes an agency late. A reported-but-unaccepted task stays open ("chờ xác nhận");
it is not overdue if it was reported on or before the deadline.
"""

import datetime as dt

from django.db import models
from django.db.models import Case, Count, F, Q, Value, When
from django.utils.translation import gettext_lazy as _


class StatusClass(models.TextChoices):
    OPEN_ON_TIME = "open_on_time", _("Đang thực hiện trong hạn")
    OPEN_OVERDUE = "open_overdue", _("Đang thực hiện quá hạn")
    DONE_ON_TIME = "done_on_time", _("Hoàn thành đúng hạn")
    DONE_LATE = "done_late", _("Hoàn thành quá hạn")
    # Values differ from the column names `paused`/`cancelled` so they can be aggregate aliases.
    PAUSED = "on_hold", _("Tạm dừng")
    CANCELLED = "dropped", _("Hủy")


MAIN_CLASSES = [
    StatusClass.OPEN_ON_TIME,
    StatusClass.OPEN_OVERDUE,
    StatusClass.DONE_ON_TIME,
    StatusClass.DONE_LATE,
]
OPEN_CLASSES = [StatusClass.OPEN_ON_TIME, StatusClass.OPEN_OVERDUE]


def status_q(status: str, today: dt.date, prefix: str = "") -> Q:
    """The condition for one class; `prefix` reaches the task through a relation ("task__")."""

    def f(name: str) -> str:
        return prefix + name

    live = Q(**{f("cancelled"): False, f("paused"): False})
    is_open = live & Q(**{f("accepted"): False})
    is_done = live & Q(**{f("accepted"): True})
    reported_in_time = Q(**{f("reported_complete_on__lte"): F(f("deadline"))})
    match status:
        case StatusClass.OPEN_ON_TIME:
            return is_open & (
                Q(**{f("deadline__isnull"): True})
                | Q(**{f("deadline__gte"): today})
                | reported_in_time
            )
        case StatusClass.OPEN_OVERDUE:
            return (
                is_open
                & Q(**{f("deadline__lt"): today})
                & (Q(**{f("reported_complete_on__isnull"): True}) | ~reported_in_time)
            )
        case StatusClass.DONE_ON_TIME:
            return is_done & (Q(**{f("deadline__isnull"): True}) | reported_in_time)
        case StatusClass.DONE_LATE:
            return is_done & Q(**{f("reported_complete_on__gt"): F(f("deadline"))})
        case StatusClass.PAUSED:
            return Q(**{f("cancelled"): False, f("paused"): True})
        case StatusClass.CANCELLED:
            return Q(**{f("cancelled"): True})
    raise ValueError(f"Unknown status class {status!r}")


def open_q(prefix: str = "") -> Q:
    return Q(**{prefix + "cancelled": False, prefix + "paused": False, prefix + "accepted": False})


def returned_q(prefix: str = "") -> Q:
    """ "Bị trả lại": open, and its completion report was returned by a leader and not yet sent
    again (`task_return` sets `returned_at`; the next completion report clears it)."""
    return open_q(prefix) & Q(**{prefix + "returned_at__isnull": False})


def count_by_class(today: dt.date, prefix: str = "") -> dict[str, Count]:
    """Aggregates for `.aggregate()`/`.annotate()`: one `count(*) FILTER (WHERE …)` per class."""
    counts = {s.value: Count("pk", filter=status_q(s, today, prefix)) for s in StatusClass}
    counts["total"] = Count("pk")
    return counts


def status_case(today: dt.date) -> Case:
    """For display only; never filter or group on it."""
    return Case(
        *(When(status_q(s, today), then=Value(s.value)) for s in StatusClass),
        output_field=models.CharField(),
    )


def classify(
    *,
    accepted: bool,
    cancelled: bool,
    paused: bool,
    deadline: dt.date | None,
    reported_complete_on: dt.date | None,
    today: dt.date,
) -> StatusClass:
    """The same rules in Python, for one object already in memory."""
    if cancelled:
        return StatusClass.CANCELLED
    if paused:
        return StatusClass.PAUSED
    in_time = deadline is None or (
        reported_complete_on is not None and reported_complete_on <= deadline
    )
    if accepted:
        return StatusClass.DONE_ON_TIME if in_time else StatusClass.DONE_LATE
    if in_time or (deadline is not None and deadline >= today):
        return StatusClass.OPEN_ON_TIME
    return StatusClass.OPEN_OVERDUE
