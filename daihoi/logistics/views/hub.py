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
    staff = permissions.is_service_staff(access)
    context = page_context(
        access,
        summary=selectors.readiness_summary(access, local_today()),
        staff=staff,
        hotels=selectors.hotels_with_counts(access) if staff else [],
        waiting_count=selectors.delegates_without_room(access).count() if staff else 0,
    )
    return render(request, "logistics/home.html", context)
