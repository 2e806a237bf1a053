from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from daihoi.core.views import page_context

from ..models import Committee, Membership
from ..permissions import (
    access_committee,
    access_congress,
    can_create_congress,
    committee_members,
    congresses_for,
)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    congresses = list(congresses_for(request.user).order_by("-is_active", "opening_date"))
    if len(congresses) == 1 and "chon" not in request.GET:
        return redirect("workspace:today", congress_id=congresses[0].pk)
    return render(
        request,
        "organizations/congress_list.html",
        {"congresses": congresses, "can_create": can_create_congress(request.user)},
    )


@login_required
def committee_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    committees = (
        Committee.objects.filter(congress=access.congress)
        .select_related("parent")
        .prefetch_related(committee_members())
    )
    return render(
        request,
        "organizations/committee_list.html",
        page_context(access, committees=committees),
    )


@login_required
def committee_detail(request: HttpRequest, congress_id: int, committee_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    committee = access_committee(access, committee_id)
    order = {role: i for i, role in enumerate(Membership.ROLE_ORDER)}
    members = sorted(committee.memberships.all(), key=lambda m: (order[m.role], m.person.full_name))
    return render(
        request,
        "organizations/committee_detail.html",
        page_context(
            access, committee=committee, members=members, children=committee.children.all()
        ),
    )
