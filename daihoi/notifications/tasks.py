"""Background jobs of notifications (Django Tasks API, run by the database worker)."""

import datetime as dt

from django.tasks import task


@task
def send_notification_email(notification_id: int) -> bool:
    """Mails one notification; safe to run twice (the row carries a sent mark)."""
    from .services import notification_email_send

    return notification_email_send(notification_id=notification_id)


@task
def run_daily_checks(date: str | None = None) -> dict:
    """The daily reminders for `date` (YYYY-MM-DD, default today), for a scheduler to enqueue."""
    from .reminders import daily_checks_run

    result = daily_checks_run(today=dt.date.fromisoformat(date) if date else None)
    return {
        "date": result.date.isoformat(),
        "reminders": result.reminders,
        "digests": result.digests,
    }
