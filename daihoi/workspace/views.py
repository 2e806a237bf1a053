"""The page a user lands on when entering a congress: what their role has to do today."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from daihoi.core.dates import today as local_today
from daihoi.core.views import page_context
from daihoi.organizations.permissions import access_congress

from . import duties
from .selectors import DUE_SOON_DAYS, TASKS_SHOWN, today_for


@login_required
def today(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    day = local_today()
    context = page_context(
        access,
        today=day,
        board=today_for(access, day),
        days_left=access.congress.days_until_opening(day),
        due_soon_days=DUE_SOON_DAYS,
        tasks_shown=TASKS_SHOWN,
    )
    return render(request, "workspace/today.html", context)


@login_required
def my_duties(request: HttpRequest, congress_id: int) -> HttpResponse:
    """ "Trách nhiệm của tôi": the signed-in person's memberships, duties and their tasks."""
    access = access_congress(request.user, congress_id)
    day = local_today()
    context = page_context(access, today=day, duties=duties.my_duties(access, day))
    return render(request, "workspace/my_duties.html", context)
