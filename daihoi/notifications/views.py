"""The notification centre and the preferences page; a user only ever sees their own."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from daihoi.accounts.models import User
from daihoi.core.views import is_htmx, safe_url

from . import selectors, services
from .forms import PreferenceForm

PAGE_SIZE = 20


def _signed_in(request: HttpRequest) -> User:
    """The user of a `login_required` view."""
    assert isinstance(request.user, User)
    return request.user


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    unread_only = request.GET.get("chua-doc") == "1"
    rows = selectors.notifications_for(request.user)
    if unread_only:
        rows = rows.filter(read_at__isnull=True)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/notification_list.html",
        {"page": page, "unread_only": unread_only, "query": "chua-doc=1" if unread_only else ""},
    )


@login_required
def unread_badge(request: HttpRequest) -> HttpResponse:
    """The header badge, loaded after the page when the cache had no count."""
    return render(
        request,
        "notifications/_unread_badge.html",
        {"unread_notifications": selectors.unread_count(request.user)},
    )


@login_required
@require_POST
def notification_open(request: HttpRequest, notification_id: int) -> HttpResponse:
    """Following a notice (a POST from the list) marks it read; a GET changes nothing."""
    notification = services.notification_mark_read(
        user=_signed_in(request), notification_id=notification_id
    )
    return redirect(safe_url(request, notification.link, reverse("notifications:list")))


@login_required
@require_POST
def notification_mark_read(request: HttpRequest, notification_id: int) -> HttpResponse:
    notification = services.notification_mark_read(
        user=_signed_in(request), notification_id=notification_id
    )
    if is_htmx(request):
        return render(
            request,
            "notifications/notification_list.html#row",
            {
                "n": notification,
                "oob": True,
                "unread_notifications": selectors.unread_count(request.user),
            },
        )
    return redirect("notifications:list")


@login_required
@require_POST
def notification_mark_all_read(request: HttpRequest) -> HttpResponse:
    count = services.notifications_mark_all_read(user=_signed_in(request))
    messages.success(request, f"Đã đánh dấu {count} thông báo là đã đọc.")
    return redirect("notifications:list")


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    preference = selectors.preference_for(request.user)
    form = PreferenceForm(request.POST or None, initial={"channel": preference.channel})
    if request.method == "POST" and form.is_valid():
        services.preference_set(user=_signed_in(request), channel=form.cleaned_data["channel"])
        messages.success(request, "Đã lưu cách nhận thông báo.")
        return redirect("notifications:preferences")
    return render(
        request, "notifications/preferences.html", {"form": form, "preference": preference}
    )
