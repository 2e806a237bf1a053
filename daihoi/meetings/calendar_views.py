"""The private calendar feed: one secret, revocable URL per user."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from daihoi.accounts.models import User

from . import ics, selectors, services
from .models import CalendarFeed


def _user(request: HttpRequest) -> User:
    """The signed-in user (every view here but the feed is behind login_required)."""
    assert isinstance(request.user, User)
    return request.user


_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}")


@login_required
def calendar_settings(request: HttpRequest) -> HttpResponse:
    feed = services.calendar_feed_current(_user(request))
    url = request.build_absolute_uri(f"/lich/{feed.token}.ics") if feed else None
    return render(request, "meetings/calendar_settings.html", {"feed": feed, "feed_url": url})


@login_required
@require_POST
def calendar_renew(request: HttpRequest) -> HttpResponse:
    """Revokes any current URL and makes a new one."""
    revoke = request.POST.get("action") == "revoke"
    services.calendar_feed_renew(user=_user(request), revoke=revoke)
    messages.success(
        request,
        "Đã thu hồi đường dẫn lịch."
        if revoke
        else "Đã tạo đường dẫn lịch mới; đường dẫn cũ (nếu có) không còn dùng được.",
    )
    return redirect("calendar:settings")


def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    if not _TOKEN.fullmatch(token):  # a NUL or other junk would reach the database query
        raise Http404
    feed = (
        CalendarFeed.objects.select_related("user")
        .filter(token=token, revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if feed is None:
        raise Http404
    meetings, deadlines = selectors.calendar_for(feed.user, timezone.localdate())
    body = ics.feed(meetings, deadlines, name=f"Lịch Đại hội — {feed.user.display_name}")
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
