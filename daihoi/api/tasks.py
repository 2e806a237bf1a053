"""Background jobs of the API (Django Tasks, run by the database worker)."""

import datetime as dt

from django.tasks import task


@task
def deliver_webhook(delivery_id: int) -> str:
    """One try of a webhook delivery; a failure queues the next try after its backoff."""
    from .webhooks import delivery_attempt

    return delivery_attempt(delivery_id=delivery_id)


@task
def send_overdue_webhooks(date: str | None = None) -> int:
    """Tells the webhooks of the tasks that became overdue on `date` (YYYY-MM-DD, default
    today), for a scheduler to enqueue daily."""
    from .receivers import overdue_events

    return overdue_events(dt.date.fromisoformat(date) if date else None)
