from django.http import HttpRequest

from . import selectors


def unread_notifications(request: HttpRequest) -> dict:
    """The header's unread count from the cache, or None: the badge then loads it by HTMX, so no
    page pays a query for it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": selectors.cached_unread_count(user)}
