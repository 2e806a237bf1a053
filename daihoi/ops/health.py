"""What the readiness probe and the metrics read: the database, the cache and the job queue."""

import time
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Min
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult


@dataclass(frozen=True)
class QueueState:
    ready: int  # jobs waiting for a worker now
    oldest_ready_age: float  # seconds the oldest of them has waited (0 when none waits)
    by_status: dict[str, int]


def database_check() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def cache_check() -> None:
    key = f"daihoi:readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    value = cache.get(key)
    cache.delete(key)
    if value != "1":
        raise RuntimeError("the cache did not return what was stored")


def queue_state() -> QueueState:
    """Ready jobs (due now) and how long the oldest has waited, from django-tasks-db's table."""
    now = timezone.now()
    ready = DBTaskResult.objects.ready().aggregate(count=Count("id"), oldest=Min("enqueued_at"))
    oldest = ready["oldest"]
    by_status = {
        row["status"]: row["n"]
        for row in DBTaskResult.objects.values("status").annotate(n=Count("id")).order_by()
    }
    return QueueState(
        ready=ready["count"],
        oldest_ready_age=max(0.0, (now - oldest).total_seconds()) if oldest else 0.0,
        by_status={status: by_status.get(status, 0) for status in TaskResultStatus.values},
    )


def readiness() -> tuple[bool, dict]:
    """Each check with its time in ms; a failed one names its error. Never raises."""
    checks: dict[str, dict] = {}
    healthy = True
    for name, check in (("database", database_check), ("cache", cache_check)):
        started = time.perf_counter()
        try:
            check()
        except Exception as error:  # a probe reports, it does not crash
            healthy = False
            checks[name] = {"ok": False, "error": f"{type(error).__name__}: {error}"[:300]}
        else:
            checks[name] = {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 1)}
    if checks["database"]["ok"]:
        try:
            state = queue_state()
        except Exception as error:
            healthy = False
            checks["queue"] = {"ok": False, "error": f"{type(error).__name__}: {error}"[:300]}
        else:
            limit = settings.DAIHOI_READY_MAX_QUEUE_LAG
            lagging = bool(limit) and state.oldest_ready_age > limit
            checks["queue"] = {
                "ok": not lagging,
                "ready": state.ready,
                "oldest_ready_age_seconds": round(state.oldest_ready_age, 1),
            }
            if lagging:
                healthy = False
                checks["queue"]["error"] = (
                    f"the oldest ready job has waited more than {limit} s: no worker is keeping up"
                )
    else:
        checks["queue"] = {"ok": False, "error": "not checked: the database is unreachable"}
    return healthy, checks
