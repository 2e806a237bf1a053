"""The real worker runs the queued mail jobs; on PostgreSQL two workers never run one job twice."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection

from daihoi.notifications import services
from daihoi.notifications.models import Notification, NotificationPreference

from .conftest import give_emails, make_task

ROOT = Path(__file__).resolve().parents[3]


def run_worker():
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_the_worker_mails_each_notice_once_and_respects_in_app_only(
    world, secretariat_access, culture_officer
):
    give_emails(world, "officer")
    NotificationPreference.objects.create(
        user=culture_officer, channel=NotificationPreference.Channel.IN_APP
    )
    task = make_task(secretariat_access, world)
    assert Notification.objects.count() == 2  # both officers see it in the app
    assert mail.outbox == []  # nothing is mailed until the worker runs

    run_worker()
    assert [m.to for m in mail.outbox] == [["officer@kontum.gov.vn"]]
    message = mail.outbox[0]
    assert message.subject == f"Nhiệm vụ mới: {task.title}"
    assert message.body.startswith("Kính gửi đồng chí")
    notice = Notification.objects.get(recipient=world.users["officer"])
    assert notice.emailed_at is not None

    # A retried job finds the sent mark and sends nothing.
    from daihoi.notifications.tasks import send_notification_email

    send_notification_email.enqueue(notice.pk)
    run_worker()
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_choosing_in_app_only_after_the_notice_still_stops_the_mail(world):
    give_emails(world, "officer")
    notice = Notification.objects.create(
        recipient=world.users["officer"],
        congress=world.congress,
        kind="task_assigned",
        title="Nhiệm vụ mới",
        dedupe_key="x",
    )
    services.preference_set(user=world.users["officer"], channel="in_app")
    assert services.notification_email_send(notification_id=notice.pk) is False
    assert mail.outbox == []


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_worker_processes_share_the_queue_and_never_run_a_job_twice(world):
    if connection.vendor != "postgresql":
        pytest.skip("Several workers sharing the queue needs PostgreSQL (SKIP LOCKED row locks)")
    from .jobs import RUNS_TABLE, record_run

    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE {RUNS_TABLE} (number integer PRIMARY KEY, worker_pid integer NOT NULL)"
        )
    try:
        for number in range(40):
            record_run.enqueue(number)
        settings = connection.settings_dict
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "daihoi.settings_test",
            "DATABASE_URL": (
                f"postgres://{settings['USER'] or 'postgres'}@{settings['HOST'] or '127.0.0.1'}:"
                f"{settings['PORT'] or 5432}/{settings['NAME']}"
            ),
        }
        command = [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"]
        workers = [
            subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
            for _ in range(2)
        ]
        for worker in workers:
            _, errors = worker.communicate(timeout=120)
            assert worker.returncode == 0, errors

        with connection.cursor() as cursor:
            cursor.execute(f"SELECT number, worker_pid FROM {RUNS_TABLE}")
            runs = cursor.fetchall()
        from django_tasks_db.models import DBTaskResult

        assert sorted(n for n, _ in runs) == list(range(40))  # each once (primary key)
        assert {pid for _, pid in runs} == {w.pid for w in workers}  # both took work
        assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {RUNS_TABLE}")
