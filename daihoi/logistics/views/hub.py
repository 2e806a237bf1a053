"""The "Hậu cần" menu's first page: what each part holds, with its figures."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from daihoi.core.dates import today as local_today
from daihoi.core.views import page_context
from daihoi.organizations.permissions import access_congress

from .. import permissions, selectors


@login_required
def home(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    context = page_context(
        access,
        summary=selectors.readiness_summary(access, local_today()),
        staff=permissions.is_service_staff(access),
    )
    return render(request, "logistics/home.html", context)
