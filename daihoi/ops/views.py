"""Probes and metrics for the load balancer, the orchestrator and Prometheus. No login."""

import hmac

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from prometheus_client import CONTENT_TYPE_LATEST

from .addresses import client_ip
from .health import readiness
from .metrics import exposition


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness: the process answers. Touches neither the database nor the cache."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    """Readiness: the database and the cache answer and the job queue is not stuck."""
    healthy, checks = readiness()
    failed = sorted(name for name, check in checks.items() if not check["ok"])
    body = {"status": "ok" if healthy else "fail", "failed": failed, "checks": checks}
    return JsonResponse(body, status=200 if healthy else 503)


def metrics_allowed(request: HttpRequest) -> bool:
    token = settings.DAIHOI_METRICS_TOKEN
    if token:
        given = request.headers.get("Authorization", "")
        if hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
            return True
    return client_ip(request) in settings.DAIHOI_METRICS_ALLOWED_IPS


@never_cache
@require_GET
def metrics(request: HttpRequest) -> HttpResponse:
    if not metrics_allowed(request):
        return HttpResponse(
            "Không có quyền xem số liệu vận hành.\n",
            status=403,
            content_type="text/plain; charset=utf-8",
        )
    return HttpResponse(exposition(), content_type=CONTENT_TYPE_LATEST)
