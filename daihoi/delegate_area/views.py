"""The delegate's own area, phone first: what they need on the congress days and nothing else."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from daihoi.core.views import page_context
from daihoi.delegates.area import delegate_links
from daihoi.delegates.permissions import own_delegate
from daihoi.organizations.permissions import access_delegate
from daihoi.programme import selectors as programme

from . import selectors


@login_required
def home(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_delegate(request.user, congress_id)
    delegate = own_delegate(access)
    release = programme.current_release(access.congress)
    return render(
        request,
        "delegate_area/home.html",
        page_context(
            access,
            delegate=delegate,
            sessions=list(selectors.my_sessions(delegate)),
            release=release,
            links=delegate_links(),
            now=timezone.now(),
        ),
    )
