"""Login throttling (django-axes): the lockout page and the client address it counts by."""

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .addresses import client_ip


def axes_client_ip(request: HttpRequest) -> str:
    """AXES_CLIENT_IP_CALLABLE: behind nginx, the client rather than nginx's own address."""
    return client_ip(request)


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None
) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: the Vietnamese page, for the app's login and the admin's alike."""
    cool_off = settings.AXES_COOLOFF_TIME
    minutes = int(cool_off.total_seconds() // 60) if cool_off else None
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes}
    return render(request, "ops/lockout.html", context, status=429)


class ThrottledLoginBackend(AxesStandaloneBackend):
    """django-axes' check before the password is tried. Web logins (the app's and the admin's)
    always pass the request; `authenticate()` called from code without one (a shell, a
    management command) has no client to count and goes straight to the next backend."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> None:
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)
