import datetime as dt
import json
import logging

import pytest
from django.db.utils import OperationalError
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from daihoi.notifications.models import Kind, Notification
from daihoi.ops import health
from daihoi.ops.logs import JsonFormatter
from daihoi.ops.request_id import RequestIdFilter, current_request_id


@pytest.fixture(autouse=True)
def empty_queue(request):
    """Jobs that other tests left in the queue table would change the counts."""
    if "db" in request.fixturenames or request.node.get_closest_marker("django_db"):
        DBTaskResult.objects.all().delete()


def enqueue(status: str = "READY", age_seconds: float = 0) -> DBTaskResult:
    now = timezone.now()
    job = DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [], "kwargs": {}},
        task_path="daihoi.notifications.tasks.run_daily_checks",
        backend_name="default",
        run_after=now,
    )
    # enqueued_at is auto_now_add: move it back with an update.
    DBTaskResult.objects.filter(pk=job.pk).update(
        enqueued_at=now - dt.timedelta(seconds=age_seconds)
    )
    return job


def test_liveness_does_not_touch_the_database(client):
    # No database mark: any query here would raise.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readiness_reports_database_cache_and_queue(client):
    enqueue(age_seconds=30)
    enqueue(age_seconds=5)
    enqueue(status="SUCCESSFUL", age_seconds=5000)
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["failed"] == []
    assert body["checks"]["database"]["ok"] and body["checks"]["cache"]["ok"]
    assert body["checks"]["queue"]["ready"] == 2
    assert 29 <= body["checks"]["queue"]["oldest_ready_age_seconds"] < 120


@pytest.mark.django_db
@override_settings(DAIHOI_READY_MAX_QUEUE_LAG=60)
def test_readiness_fails_when_the_queue_is_stuck(client):
    enqueue(age_seconds=600)
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["failed"] == ["queue"]
    assert "60 s" in body["checks"]["queue"]["error"]


@pytest.mark.django_db
def test_readiness_names_a_failing_cache_and_database(client, monkeypatch):
    def broken():
        raise OperationalError("connection refused")

    monkeypatch.setattr(health, "cache_check", broken)
    monkeypatch.setattr(health, "database_check", broken)
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["failed"] == ["cache", "database", "queue"]
    assert "connection refused" in body["checks"]["database"]["error"]


def test_request_id_is_returned_and_kept_from_the_proxy(client):
    made = client.get("/healthz")["X-Request-ID"]
    assert len(made) == 32
    assert client.get("/healthz", headers={"X-Request-ID": "abc-123"})["X-Request-ID"] == "abc-123"
    # Something that is not an id (spaces, newlines, too long) is replaced.
    replaced = client.get("/healthz", headers={"X-Request-ID": "x y"})["X-Request-ID"]
    assert replaced != "x y" and len(replaced) == 32


def test_log_records_are_json_with_the_request_id():
    record = logging.makeLogRecord(
        {"name": "daihoi.test", "levelname": "WARNING", "msg": "Đã gửi %s thư", "args": (3,)}
    )
    record.status_code = 500
    token = current_request_id.set("req-42")
    try:
        RequestIdFilter().filter(record)
    finally:
        current_request_id.reset(token)
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == "Đã gửi 3 thư"
    assert entry["request_id"] == "req-42"
    assert entry["level"] == "WARNING" and entry["status_code"] == 500


def test_a_view_logs_with_its_request_id(client, caplog):
    from daihoi.ops.request_id import RequestIdMiddleware

    seen = []

    def view(request):
        logging.getLogger("daihoi.test").warning("bên trong")
        seen.append(caplog.records[-1])
        from django.http import HttpResponse

        return HttpResponse("ok")

    from django.test import RequestFactory

    request = RequestFactory().get("/", headers={"X-Request-ID": "from-proxy"})
    logging.getLogger("daihoi.test").addFilter(RequestIdFilter())
    try:
        RequestIdMiddleware(view)(request)
    finally:
        logging.getLogger("daihoi.test").filters.clear()
    assert seen[0].request_id == "from-proxy"


def test_django_s_response_log_carries_the_request_id(client, caplog):
    # django.request logs a 404 after the middleware chain has returned.
    logging.getLogger("django.request").addFilter(RequestIdFilter())
    try:
        with caplog.at_level(logging.WARNING, logger="django.request"):
            client.get("/khong-co-trang-nay/", headers={"X-Request-ID": "req-404"})
    finally:
        logging.getLogger("django.request").filters.clear()
    record = next(r for r in caplog.records if r.name == "django.request")
    assert record.request_id == "req-404"


@pytest.mark.django_db
@override_settings(DAIHOI_METRICS_DB_CACHE_SECONDS=0)
def test_metrics_expose_latency_queue_failures_and_reminders(client, world):
    enqueue(age_seconds=10)
    enqueue(status="FAILED")
    for kind, n in ((Kind.DEADLINE_3_DAYS, 2), (Kind.OVERDUE_DIGEST, 1), (Kind.TASK_ASSIGNED, 5)):
        for i in range(n):
            Notification.objects.create(
                recipient=world.users["officer"], congress=world.congress, kind=kind,
                title="Nhắc hạn", dedupe_key=f"{kind}:{i}",
            )  # fmt: skip
    client.get("/healthz")
    response = client.get("/metrics")
    assert response.status_code == 200
    text = response.content.decode()
    assert (
        'daihoi_http_request_duration_seconds_count{method="GET",status="200",view="ops:healthz"}'
        in text
    )
    assert "daihoi_queue_ready_jobs 1.0" in text
    assert 'daihoi_queue_jobs{status="failed"} 1.0' in text
    assert "daihoi_jobs_failed_total 1.0" in text
    assert 'daihoi_reminders_sent_total{kind="deadline_3d"} 2.0' in text
    assert 'daihoi_reminders_sent_total{kind="overdue_digest"} 1.0' in text
    assert 'daihoi_reminders_sent_total{kind="deadline_1d"} 0.0' in text
    assert "task_assigned" not in text


@pytest.mark.django_db
@override_settings(
    DAIHOI_METRICS_ALLOWED_IPS=["10.0.0.5"],
    DAIHOI_METRICS_TOKEN="s3cret",
    DAIHOI_TRUSTED_PROXIES=[],
)
def test_metrics_refuse_other_addresses_unless_the_token_is_given(client):
    assert client.get("/metrics").status_code == 403
    assert client.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 403
    assert client.get("/metrics", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="10.0.0.5").status_code == 200


@pytest.mark.django_db
@override_settings(DAIHOI_METRICS_ALLOWED_IPS=["127.0.0.1"], DAIHOI_TRUSTED_PROXIES=["127.0.0.1"])
def test_metrics_through_the_proxy_count_the_real_client(client):
    # nginx on loopback forwards an outside client: the address check sees the client.
    outside = client.get("/metrics", headers={"X-Forwarded-For": "203.0.113.9"})
    assert outside.status_code == 403
    # A forged header is kept by nginx at the left; the last entry is what nginx saw.
    forged = client.get("/metrics", headers={"X-Forwarded-For": "127.0.0.1, 203.0.113.9"})
    assert forged.status_code == 403
    assert client.get("/metrics").status_code == 200
