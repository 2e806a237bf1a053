from collections.abc import Callable

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from daihoi.accounts.models import Role
from daihoi.core.audit import history_of
from daihoi.core.versioning import edit_initial
from daihoi.core.views import edit_page, forbidden, form_page, page_context, run_button

from ..forms import CommitteeForm, MemberDutiesForm, MembershipForm
from ..models import Committee, Congress, Membership
from ..permissions import (
    Access,
    access_committee,
    access_congress,
    access_membership,
    can_create_congress,
    can_manage_committees,
    committee_members,
    congresses_for,
    delegate_congresses,
)
from ..services import committees as services

ONLY_MANAGERS = "Chỉ Thường trực / Văn phòng mới được thiết lập tiểu ban và thành viên."


@login_required
def home(request: HttpRequest) -> HttpResponse:
    congresses = list(congresses_for(request.user).order_by("-is_active", "opening_date"))
    if len(congresses) == 1 and "chon" not in request.GET:
        return redirect("workspace:today", congress_id=congresses[0].pk)
    # A delegate lands on their own area (the delegate_area app's page).
    delegate_in = list(delegate_congresses(request.user).order_by("-is_active", "opening_date"))
    if not congresses and len(delegate_in) == 1 and "chon" not in request.GET:
        return redirect("delegate_area:home", congress_id=delegate_in[0].pk)
    return render(
        request,
        "organizations/congress_list.html",
        {
            "congresses": congresses,
            "can_create": can_create_congress(request.user),
            "delegate_in": delegate_in,
            # The congresses whose public portal the user edits (the portal's staff side).
            "edited": Congress.objects.filter(
                participations__user_id=request.user.pk or 0, participations__role=Role.EDITOR
            ),
        },
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
        page_context(access, committees=committees, can_edit=can_manage_committees(access)),
    )


@login_required
def committee_detail(request: HttpRequest, congress_id: int, committee_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    committee = access_committee(access, committee_id)
    order = {role: i for i, role in enumerate(Membership.ROLE_ORDER)}
    members = sorted(committee.memberships.all(), key=lambda m: (order[m.role], m.person.full_name))
    can_edit = can_manage_committees(access)
    return render(
        request,
        "organizations/committee_detail.html",
        page_context(
            access,
            committee=committee,
            members=members,
            children=committee.children.all(),
            can_edit=can_edit,
            history=history_of(committee)[:30] if can_edit else [],
        ),
    )


def _to_committee(committee: Committee) -> HttpResponse:
    return redirect(
        "organizations:committee-detail",
        congress_id=committee.congress_id,
        committee_id=committee.pk,
    )


@login_required
def committee_edit(
    request: HttpRequest, congress_id: int, committee_id: int | None = None
) -> HttpResponse:
    """Founds a committee (no `committee_id`) or edits one."""
    access = access_congress(request.user, congress_id)
    committee = access_committee(access, committee_id) if committee_id is not None else None
    if not can_manage_committees(access):
        return forbidden(request, ONLY_MANAGERS)
    initial = edit_initial(committee, CommitteeForm)
    form = CommitteeForm(
        request.POST or None, congress=access.congress, committee=committee, initial=initial
    )

    return edit_page(
        request,
        form,
        committee,
        create=lambda: services.committee_create(access=access, fields=form.committee_fields()),
        update=lambda committee, version: services.committee_update(
            access=access,
            committee=committee,
            fields=form.committee_fields(),
            expected_version=version,
        ),
        success="Đã lưu tiểu ban.",
        then=_to_committee,
        template="organizations/committee_form.html",
        context=page_context(access, form=form, committee=committee),
    )


def _membership_page(
    request: HttpRequest,
    access: Access,
    committee: Committee,
    form: forms.BaseForm,
    action: Callable[[], object],
    *,
    success: str,
    membership: Membership | None = None,
) -> HttpResponse:
    """The form of a member of the committee (a new one when `membership` is None): once
    saved, back to the committee."""
    return form_page(
        request,
        form,
        action,
        success=success,
        then=lambda _: _to_committee(committee),
        template="organizations/membership_form.html",
        context=page_context(access, form=form, committee=committee, membership=membership),
    )


@login_required
def membership_add(request: HttpRequest, congress_id: int, committee_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    committee = access_committee(access, committee_id)
    if not can_manage_committees(access):
        return forbidden(request, ONLY_MANAGERS)
    form = MembershipForm(request.POST or None, congress=access.congress)
    return _membership_page(
        request,
        access,
        committee,
        form,
        lambda: services.membership_add(
            access=access,
            committee=committee,
            person=form.cleaned_data["person"],
            duties=form.member_duties(),
        ),
        success="Đã thêm thành viên.",
    )


@login_required
def membership_edit(
    request: HttpRequest, congress_id: int, committee_id: int, membership_id: int
) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    committee = access_committee(access, committee_id)
    membership = access_membership(access, committee, membership_id)
    if not can_manage_committees(access):
        return forbidden(request, ONLY_MANAGERS)
    form = MemberDutiesForm(
        request.POST or None,
        congress=access.congress,
        initial=MemberDutiesForm.initial_for(membership),
    )
    return _membership_page(
        request,
        access,
        committee,
        form,
        lambda: services.membership_update(
            access=access,
            membership=membership,
            duties=form.member_duties(),
            expected_version=form.expected_version(),
        ),
        success="Đã lưu vai trò và phân công.",
        membership=membership,
    )


@login_required
@require_POST
def membership_remove(
    request: HttpRequest, congress_id: int, committee_id: int, membership_id: int
) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    committee = access_committee(access, committee_id)
    membership = access_membership(access, committee, membership_id)
    if not can_manage_committees(access):
        return forbidden(request, ONLY_MANAGERS)
    return run_button(
        request,
        lambda: services.membership_remove(access=access, membership=membership),
        success=f"Đã rút đồng chí {membership.person.full_name} khỏi {committee.name}.",
        then=_to_committee(committee),
    )
