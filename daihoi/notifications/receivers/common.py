"""What every receiver shares: telling users once each (never the actor), and the links."""

from collections.abc import Iterable

from django.urls import reverse

from daihoi.core.dates import format_date

from .. import selectors
from ..services import notices_for, notifications_create


def task_link(task) -> str:
    return reverse(
        "planning:task-detail", kwargs={"congress_id": task.congress_id, "task_id": task.pk}
    )


def deadline_text(deadline) -> str:
    return f"Hạn hoàn thành: {format_date(deadline)}." if deadline else "Không ấn định hạn."


def tell(users: Iterable, actor, **notice) -> None:
    """Stores `notices_for(users, actor, **notice)`."""
    notifications_create(notices=notices_for(users, actor, **notice))


def tell_agency_of_task(task, agency_id: int, actor, **notice) -> None:
    """`tell` the officers of one agency about `task`, linked to the task's page."""
    tell(
        selectors.agency_officers(task.congress_id, [agency_id]),
        actor,
        congress_id=task.congress_id,
        link=task_link(task),
        **notice,
    )
