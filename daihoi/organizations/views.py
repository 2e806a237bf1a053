from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from .models import Committee, Membership
from .permissions import access_congress, congresses_for


@login_required
def home(request: HttpRequest) -> HttpResponse:
    congresses = list(congresses_for(request.user).order_by("-is_active", "opening_date"))
    if len(congresses) == 1:
        return redirect("planning:dashboard", congress_id=congresses[0].pk)
    return render(request, "organizations/congress_list.html", {"congresses": congresses})


def _memberships():
    return Prefetch(
        "memberships",
        queryset=Membership.objects.select_related("person", "person__agency"),
    )


@login_required
def committee_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    committees = (
        Committee.objects.filter(congress=access.congress)
        .select_related("parent")
        .prefetch_related(_memberships())
    )
    return render(
        request,
        "organizations/committee_list.html",
        {"access": access, "congress": access.congress, "committees": committees},
    )


@login_required
def committee_detail(request: HttpRequest, congress_id: int, committee_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    committee = get_object_or_404(
        Committee.objects.select_related("parent").prefetch_related(_memberships()),
        pk=committee_id,
        congress=access.congress,
    )
    order = {role: i for i, role in enumerate(Membership.ROLE_ORDER)}
    members = sorted(committee.memberships.all(), key=lambda m: (order[m.role], m.person.full_name))
    return render(
        request,
        "organizations/committee_detail.html",
        {
            "access": access,
            "congress": access.congress,
            "committee": committee,
            "members": members,
            "children": committee.children.all(),
        },
    )
