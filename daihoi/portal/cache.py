"""Public pages served from the shared cache (Redis when REDIS_URL is set).

A rendered page is stored with the congress's *generation* it was rendered in; every
publication, edit, unpublication or moderation of the congress starts a new generation, so the
next request renders afresh. A scheduled article is published by time, not by a
write: the generation remembers the next scheduled time and is renewed once it has come. Reading
a cached page therefore costs one cache round trip (both keys at once) and no query at all.

A page is kept under its path and the query parameters it reads (`reads`), and is rendered
seeing those alone: anything else in the address neither makes a new entry (a stream of made-up
parameters would otherwise fill the cache and reach the database each time) nor gets into the
page kept for everyone.
"""

import hashlib
import secrets
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse, QueryDict
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


def _current(congress_id: int, stored: tuple[str, float | None] | None) -> str:
    """The generation's token from what the cache held (a new one when missing or when a
    scheduled publication time has come)."""
    if stored is None:
        return new_generation(congress_id)
    token, due = stored
    if due is not None and time.time() >= due:
        return new_generation(congress_id)
    return token


def generation(congress_id: int) -> str:
    return _current(congress_id, cache.get(_generation_key(congress_id)))


def _page_key(congress_id: int, request: HttpRequest) -> str:
    address = f"{request.path}?{request.GET.urlencode()}"
    path = hashlib.sha1(address.encode(), usedforsecurity=False).hexdigest()
    return f"portal:page:{congress_id}:{path}"


def _only(request: HttpRequest, reads: tuple[str, ...]) -> None:
    """Leaves the request only the query parameters the page reads (each once)."""
    kept = QueryDict(mutable=True)
    for name in reads:
        if name in request.GET:
            kept[name] = request.GET[name]
    kept._mutable = False
    request.GET = kept  # type: ignore[assignment]  # immutable again, as Django leaves it
    # Links built from the address (a list's next page) carry the same parameters.
    request.META["QUERY_STRING"] = kept.urlencode()


def cached_page(
    request: HttpRequest,
    congress_id: int,
    render: Callable[[], HttpResponse],
    reads: tuple[str, ...] = ("trang",),
) -> HttpResponse:
    """The page from the cache, or rendered by `render()` and kept when it answers 200.

    One round trip reads both the congress's generation and the page (kept with the generation
    it was rendered in): a page of an older generation is rendered again. `reads`: the query
    parameters the page depends on (the public pages: the page number)."""
    _only(request, reads)
    generation_key, page_key = _generation_key(congress_id), _page_key(congress_id, request)
    found = cache.get_many([generation_key, page_key])
    token = _current(congress_id, found.get(generation_key))
    stored = found.get(page_key)
    if stored is not None and stored[0] == token:
        _, content, content_type = stored
        response = HttpResponse(content, content_type=content_type)
        response["X-Portal-Cache"] = "hit"
    else:
        response = render()
        if response.status_code == 200:
            cache.set(
                page_key,
                (token, response.content, response["Content-Type"]),
                settings.DAIHOI_PORTAL_PAGE_SECONDS,
            )
        response["X-Portal-Cache"] = "miss"
    response["Cache-Control"] = f"public, max-age={PUBLIC_MAX_AGE}"
    return response
