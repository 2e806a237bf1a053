"""Prometheus metrics (prometheus-client).

Request latency is measured in every web process; under gunicorn set PROMETHEUS_MULTIPROC_DIR so
that the workers' numbers are added up (deploy/gunicorn.conf.py does). Queue depth, failed jobs and
reminders sent are read from the database when scraped, so every server reports the same numbers.
"""

import os
import time
from collections.abc import Callable, Iterator

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from prometheus_client import CollectorRegistry, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import REGISTRY, Collector

from daihoi.notifications.models import Kind, Notification

from .health import queue_state

REQUEST_LATENCY = Histogram(
    "daihoi_http_request_duration_seconds",
    "Time to answer a request, by view (URL name), method and status code.",
    ["view", "method", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)

# What the daily run sends (notifications/reminders.py): two deadline reminders and the digest.
REMINDER_KINDS = (Kind.DEADLINE_3_DAYS, Kind.DEADLINE_1_DAY, Kind.OVERDUE_DIGEST)
_DB_CACHE_KEY = "daihoi:metrics:db"


def view_name(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "<unresolved>"
    return match.view_name or match._func_path


class MetricsMiddleware:
    """Times each request and files it under its view's URL name."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        REQUEST_LATENCY.labels(
            view=view_name(request), method=request.method or "", status=str(response.status_code)
        ).observe(time.perf_counter() - started)
        return response


def database_numbers() -> dict:
    """Read at scrape time, kept in the cache for a few seconds so many scrapers cost one read."""
    seconds = settings.DAIHOI_METRICS_DB_CACHE_SECONDS
    numbers = cache.get(_DB_CACHE_KEY) if seconds else None
    if numbers is None:
        state = queue_state()
        sent = dict(
            Notification.objects.filter(kind__in=REMINDER_KINDS)
            .values_list("kind")
            .annotate(n=Count("id"))
            .order_by()
        )
        numbers = {
            "ready": state.ready,
            "oldest_ready_age": state.oldest_ready_age,
            "by_status": state.by_status,
            "reminders": {str(kind): sent.get(kind, 0) for kind in REMINDER_KINDS},
        }
        if seconds:
            cache.set(_DB_CACHE_KEY, numbers, timeout=seconds)
    return numbers


class DatabaseCollector(Collector):
    def collect(self) -> Iterator[Metric]:
        numbers = database_numbers()
        yield GaugeMetricFamily(
            "daihoi_queue_ready_jobs",
            "Background jobs due now and waiting for a worker.",
            value=numbers["ready"],
        )
        yield GaugeMetricFamily(
            "daihoi_queue_oldest_ready_age_seconds",
            "How long the oldest ready job has waited (0 when none waits).",
            value=numbers["oldest_ready_age"],
        )
        jobs = GaugeMetricFamily(
            "daihoi_queue_jobs", "Background jobs in the queue table by status.", labels=["status"]
        )
        for status, count in sorted(numbers["by_status"].items()):
            jobs.add_metric([status.lower()], count)
        yield jobs
        failed = CounterMetricFamily(
            "daihoi_jobs_failed", "Background jobs that ended in failure (rows kept in the queue)."
        )
        failed.add_metric([], numbers["by_status"].get("FAILED", 0))
        yield failed
        reminders = CounterMetricFamily(
            "daihoi_reminders_sent",
            "Notices stored by the daily checks: deadline reminders and overdue digests.",
            labels=["kind"],
        )
        for kind, count in sorted(numbers["reminders"].items()):
            reminders.add_metric([kind], count)
        yield reminders


def exposition() -> bytes:
    """The text a Prometheus scrape receives."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        processes = CollectorRegistry()
        MultiProcessCollector(processes)
    else:
        processes = REGISTRY
    database = CollectorRegistry()
    database.register(DatabaseCollector())
    return generate_latest(processes) + generate_latest(database)
