"""The daily checks are idempotent under concurrency, on PostgreSQL."""

import datetime as dt
import threading

import pytest
from django.db import connection, connections

from daihoi.notifications.models import DailyCheck, Kind, Notification
from daihoi.notifications.reminders import daily_checks_run
from daihoi.testing.factories import TaskFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

TODAY = dt.date(2020, 9, 10)


def test_two_daily_runs_at_once_store_each_reminder_once(world):
    if connection.vendor != "postgresql":
        pytest.skip("Row locks are only meaningful on PostgreSQL")
    TaskFactory.create(lead_agency=world.agencies["btg"], deadline=TODAY + dt.timedelta(days=3))
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def run() -> None:
        try:
            start.wait()
            daily_checks_run(today=TODAY)
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Notification.objects.filter(kind=Kind.DEADLINE_3_DAYS).count() == 1
    assert DailyCheck.objects.filter(date=TODAY).count() == 1
