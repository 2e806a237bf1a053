"""Webhooks: signed deliveries to a real HTTP server on this machine, made and retried with
backoff by the real worker, with the delivery log page."""

import datetime as dt
import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from daihoi.api import webhooks
from daihoi.api.models import Delivery
from daihoi.api.receivers import overdue_events
from daihoi.planning import services
from daihoi.planning.models import Area, Phase
from daihoi.testing.mail import run_worker


class Receiver:
    """A local HTTP server that records what it receives; answers `statuses` in turn (then
    200)."""

    def __init__(self, statuses: list[int] | None = None) -> None:
        self.received: list[dict] = []
        self.statuses = list(statuses or [])
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append({"headers": dict(self.headers), "body": body})
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/daihoi"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "Receiver":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def _task(access, world, deadline=None):
    return services.task_create(
        access=access,
        fields=services.TaskFields(
            title="In pano cổ động",
            lead_agency=world.agencies["btg"],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
            deadline=deadline,
        ),
    )


@pytest.mark.django_db(transaction=True)
def test_events_are_delivered_signed_and_a_failure_is_retried_after_the_backoff(
    world, secretariat_access, propaganda_access, leader_access
):
    with Receiver(statuses=[500]) as receiver:
        hook = webhooks.webhook_create(
            access=secretariat_access,
            name="Hệ thống theo dõi nhiệm vụ",
            url=receiver.url,
            events=["task.assigned", "task.completed", "task.accepted"],
        )
        task = _task(secretariat_access, world)
        services.task_report_progress(
            access=propaganda_access, task=task, text="Xong", percent=100, reports_completion=True
        )
        run_worker()
        # The first call answered 500: assigned waits for its next try; completed went through.
        assert len(receiver.received) == 2
        assigned = Delivery.objects.get(event="task.assigned")
        assert assigned.state == Delivery.State.PENDING and assigned.attempts == 1
        assert assigned.last_status == 500
        assert assigned.next_attempt_at is not None
        wait = assigned.next_attempt_at - timezone.now()
        assert dt.timedelta(seconds=20) < wait <= dt.timedelta(seconds=30)
        run_worker()  # not yet due: nothing more is sent
        assert len(receiver.received) == 2

        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
        run_worker()
        assigned.refresh_from_db()
        assert assigned.state == Delivery.State.DELIVERED and assigned.attempts == 2

        services.task_accept(access=leader_access, task=task)
        run_worker()

    events = [r["headers"]["X-Daihoi-Event"] for r in receiver.received]
    assert events == ["task.assigned", "task.completed", "task.assigned", "task.accepted"]
    for request in receiver.received:
        expected = hmac.new(hook.secret.encode(), request["body"], hashlib.sha256).hexdigest()
        assert request["headers"]["X-Daihoi-Signature"] == f"sha256={expected}"
    accepted = json.loads(receiver.received[-1]["body"])
    assert accepted["data"]["task"]["id"] == task.pk
    assert accepted["data"]["task"]["status_class"] == "done_on_time"
    assert accepted["congress"] == world.congress.pk


@pytest.mark.django_db(transaction=True)
def test_a_receiver_that_never_answers_is_given_up_after_the_last_try(world, secretariat_access):
    with Receiver(statuses=[503] * 10) as receiver:
        webhooks.webhook_create(
            access=secretariat_access, name="Hỏng", url=receiver.url, events=["task.assigned"]
        )
        _task(secretariat_access, world)
        for _ in range(webhooks.MAX_ATTEMPTS):
            DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
            run_worker()
    delivery = Delivery.objects.get()
    assert delivery.state == Delivery.State.FAILED
    assert delivery.attempts == webhooks.MAX_ATTEMPTS == len(receiver.received)


@pytest.mark.django_db(transaction=True)
def test_a_task_that_becomes_overdue_is_told_once(world, secretariat_access):
    today = dt.date(2020, 9, 10)
    with Receiver() as receiver:
        webhooks.webhook_create(
            access=secretariat_access, name="Theo dõi", url=receiver.url, events=["task.overdue"]
        )
        late = _task(secretariat_access, world, deadline=today - dt.timedelta(days=1))
        _task(secretariat_access, world, deadline=today + dt.timedelta(days=3))
        assert overdue_events(today) == 1
        assert overdue_events(today) == 0
        run_worker()
    assert len(receiver.received) == 1
    assert json.loads(receiver.received[0]["body"])["data"]["task"]["id"] == late.pk


def test_the_secretariat_configures_webhooks_and_reads_the_log(world, client):
    client.force_login(world.users["secretariat"])
    base = f"/dai-hoi/{world.congress.pk}/webhook/"
    refused = client.post(base, {"name": "X", "url": "ftp://may-chu", "events": ["task.assigned"]})
    assert refused.status_code == 200
    assert "Địa chỉ nhận" in refused.content.decode() or "URL" in refused.content.decode()
    made = client.post(
        base,
        {
            "name": "Văn bản điều hành",
            "url": "https://vbdh.kontum.gov.vn/hook",
            "events": ["document.issued"],
            "active": "on",
        },
    )
    assert made.status_code == 302
    page = client.get(made["Location"])
    assert "Văn bản điều hành" in page.content.decode()
    assert "Chưa gửi lần nào" in page.content.decode()
    client.force_login(world.users["officer"])
    assert client.get(base).status_code == 403
