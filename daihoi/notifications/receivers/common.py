"""What every receiver shares: telling users once each (never the actor), and the links."""

from collections.abc import Iterable

from django.urls import reverse

from daihoi.core.dates import format_date

from .. import selectors
from ..services import Notice, notifications_create


def task_link(task) -> str:
    return reverse(
        "planning:task-detail", kwargs={"congress_id": task.congress_id, "task_id": task.pk}
    )


def deadline_text(deadline) -> str:
    return f"Hạn hoàn thành: {format_date(deadline)}." if deadline else "Không ấn định hạn."


def actor_id(actor) -> int | None:
    return getattr(actor, "pk", None)


def tell(
    users: Iterable,
    actor,
    *,
    congress_id: int,
    kind: str,
    title: str,
    dedupe_key: str,
    body: str = "",
    link: str = "",
    meeting_id: int | None = None,
    per_user_key: bool = False,
) -> None:
    """One notice for each of `users` but the actor; `per_user_key` ends the dedupe key with
    the user's id."""
    notices = [
        Notice(
            recipient_id=user.pk,
            congress_id=congress_id,
            kind=kind,
            title=title,
            body=body,
            link=link,
            meeting_id=meeting_id,
            dedupe_key=f"{dedupe_key}:{user.pk}" if per_user_key else dedupe_key,
        )
        for user in users
        if user.pk != actor_id(actor)
    ]
    notifications_create(notices=notices)


def tell_agency_of_task(task, agency_id: int, actor, **notice) -> None:
    """`tell` the officers of one agency about `task`, linked to the task's page."""
    tell(
        selectors.agency_officers(task.congress_id, [agency_id]),
        actor,
        congress_id=task.congress_id,
        link=task_link(task),
        **notice,
    )
