"""Who a request acts as (a personal token), what it may do (its scope) and how often."""

import time
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.security import HttpBearer
from ninja.security.session import SessionAuth
from ninja.throttling import BaseThrottle
from ninja.utils import check_csrf

from daihoi.accounts.models import User

from . import services
from .models import ApiToken

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
READ_ONLY = "Khóa API này chỉ có quyền đọc; hãy dùng khóa có quyền đọc và ghi."
CSRF_REFUSED = (
    "Yêu cầu từ phiên đăng nhập thiếu mã chống giả mạo (CSRF); hãy tải lại trang và thử lại."
)


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


class SignedInSession(SessionAuth):
    """The app's own calls from a signed-in page: django-ninja's `django_auth` (the session
    cookie, every write checked against the CSRF token as Django's forms are), tried after the
    token. A request without the session cookie is simply not this kind (401, not a CSRF
    refusal); the session acts with the user's whole rights, as the pages do."""

    def _get_key(self, request: HttpRequest) -> str | None:
        key = request.COOKIES.get(self.param_name)
        if not key:
            return None
        if check_csrf(request) is not None:
            raise HttpError(403, CSRF_REFUSED)
        return key

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        if key and request.user.is_authenticated:
            return request.user
        return None


def token_of(request: HttpRequest) -> ApiToken | None:
    """The token the request came with; None for a signed-in session."""
    token = getattr(request, "auth", None)
    return token if isinstance(token, ApiToken) else None


def user_of(request: HttpRequest) -> User:
    """Who the request acts as: the token's owner, or the session's user."""
    auth = getattr(request, "auth", None)
    if isinstance(auth, ApiToken):
        return auth.user
    assert isinstance(auth, User)
    return auth


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
