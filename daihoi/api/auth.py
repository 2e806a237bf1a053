"""Who a request acts as (a personal token), what it may do (its scope) and how often."""

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.security import HttpBearer
from ninja.throttling import BaseThrottle

from . import services
from .models import ApiToken

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
READ_ONLY = "Khóa API này chỉ có quyền đọc; hãy dùng khóa có quyền đọc và ghi."


class TokenAuth(HttpBearer):
    """`Authorization: Bearer dh_…`: the request acts as the token's owner. A read-only token
    is refused (403) on every write."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = services.authenticate(token.strip())
        if found is None:
            return None
        if request.method not in SAFE_METHODS and not found.can_write:
            raise HttpError(403, READ_ONLY)
        services.touch(found)
        request.user = found.user
        return found


def token_of(request: HttpRequest) -> ApiToken:
    token = getattr(request, "auth", None)
    assert isinstance(token, ApiToken)
    return token


class TokenRateThrottle(BaseThrottle):
    """At most `DAIHOI_API_RATE` requests per token per window (fixed window), counted with an
    atomic increment in the shared cache (Redis in production), so every web server counts
    together."""

    @staticmethod
    def limits() -> tuple[int, int]:
        count, _, per = str(settings.DAIHOI_API_RATE).partition("/")
        seconds = {"s": 1, "m": 60, "h": 3600, "d": 86400}[per[:1] or "m"]
        return int(count), seconds

    def allow_request(self, request: HttpRequest) -> bool:
        token = getattr(request, "auth", None)
        if not isinstance(token, ApiToken):
            return True
        count, seconds = self.limits()
        now = time.time()
        window = int(now // seconds)
        key = f"api-rate:{token.prefix}:{window}"
        cache.add(key, 0, timeout=seconds + 5)
        try:
            used = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=seconds + 5)
            used = 1
        return used <= count

    def wait(self) -> float | None:
        """Seconds until the current window ends (one instance serves every request, so
        nothing of a request is kept on it)."""
        _, seconds = self.limits()
        return seconds - time.time() % seconds
