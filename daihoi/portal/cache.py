"""Public pages served from the shared cache (Redis when REDIS_URL is set).

A rendered page is stored under the congress's current *generation*; every publication, edit,
unpublication or moderation of the congress starts a new generation, so the next request renders
afresh and older copies expire on their own. A scheduled article is published by time, not by a
write: the generation remembers the next scheduled time and is renewed once it has come. Reading
a cached page therefore costs two cache reads and no query at all.
"""

import secrets
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

PUBLIC_MAX_AGE = 60  # seconds a browser or a shared proxy may keep a public page


def _generation_key(congress_id: int) -> str:
    return f"portal:gen:{congress_id}"


def _next_scheduled(congress_id: int) -> float | None:
    from .models import Article

    upcoming = (
        Article.objects.filter(
            congress_id=congress_id, is_published=True, published_at__gt=timezone.now()
        )
        .order_by("published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    return upcoming.timestamp() if upcoming else None


def new_generation(congress_id: int) -> str:
    """Retires every cached page of the congress (call on commit of a change the public sees)."""
    token = secrets.token_hex(6)
    cache.set(_generation_key(congress_id), (token, _next_scheduled(congress_id)), None)
    return token


def renew(congress_id: int) -> None:
    """For a service's transaction: a new generation now, and again once it commits — a page
    rendered from the old rows in between (before the commit) is then never served."""
    new_generation(congress_id)
    transaction.on_commit(lambda: new_generation(congress_id))


def generation(congress_id: int) -> str:
    stored = cache.get(_generation_key(congress_id))
    if stored is None:
        return new_generation(congress_id)
    token, due = stored
    if due is not None and time.time() >= due:
        return new_generation(congress_id)
    return token


def _page_key(congress_id: int, request: HttpRequest) -> str:
    return f"portal:page:{congress_id}:{generation(congress_id)}:{request.get_full_path()}"


def cached_page(
    request: HttpRequest, congress_id: int, render: Callable[[], HttpResponse]
) -> HttpResponse:
    """The page from the cache, or rendered by `render()` and kept when it answers 200."""
    key = _page_key(congress_id, request)
    stored = cache.get(key)
    if stored is not None:
        content, content_type = stored
        response = HttpResponse(content, content_type=content_type)
        response["X-Portal-Cache"] = "hit"
    else:
        response = render()
        if response.status_code == 200:
            cache.set(
                key,
                (response.content, response["Content-Type"]),
                settings.DAIHOI_PORTAL_PAGE_SECONDS,
            )
        response["X-Portal-Cache"] = "miss"
    response["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE}"
    return response
