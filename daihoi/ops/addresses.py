"""The client's address, trusting X-Forwarded-For only from the configured proxies."""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """REMOTE_ADDR, or — when the request came through one of DAIHOI_TRUSTED_PROXIES — the
    address that proxy saw (the last entry it appended to X-Forwarded-For). Used by the login
    throttle (AXES_CLIENT_IP_CALLABLE) and by the metrics' address check."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    if remote in settings.DAIHOI_TRUSTED_PROXIES:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if forwarded:
            return forwarded[-1]
    return remote
