"""Per-address limits on what the public sends, counted in the shared cache (django-ratelimit
over Redis when REDIS_URL is set), so that every web server counts the same address together."""

from django.conf import settings
from django.http import HttpRequest
from django.utils.module_loading import import_string
from django_ratelimit.core import is_ratelimited

TOO_MANY = "Bạn đã gửi quá nhiều ý kiến trong thời gian ngắn. Xin vui lòng chờ ít phút rồi gửi lại."


def client_address(request: HttpRequest) -> str:
    """The client's address as the login throttle sees it (trusting only the configured
    proxies): the function named by RATELIMIT_IP_META_KEY."""
    return str(import_string(settings.RATELIMIT_IP_META_KEY)(request))


def over_limit(request: HttpRequest, group: str) -> bool:
    """Counts this attempt for the client's address; True when past the minute's or the day's
    allowance of `group` ("portal.comment", "portal.consultation")."""
    limited = False
    for rate in (settings.DAIHOI_PORTAL_COMMENT_RATE, settings.DAIHOI_PORTAL_COMMENT_DAILY_RATE):
        # Both counters always count, so a burst also spends the day's allowance.
        limited = (
            is_ratelimited(request, group=f"{group}:{rate}", key="ip", rate=rate, increment=True)
            or limited
        )
    return limited
