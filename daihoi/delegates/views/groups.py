"""Discussion groups: the list, one group with its assignment forms, and the printable lists."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from daihoi.core.views import forbidden, form_page, page_context, run_button, run_form_button

from ..forms import AssignDelegationForm, AssignForm, GroupForm
from ..models import Delegate, DiscussionGroup, GroupMember
from ..permissions import ONLY_ROSTER_KEEPERS
from ..selectors import groups_with_members
from ..services import groups as services
from .common import rights_for
from .roster import NOT_FOR_YOU


def _group(access, discussion_group_id: int) -> DiscussionGroup:
    group = DiscussionGroup.objects.filter(congress=access.congress, pk=discussion_group_id).first()
    if group is None:
        raise Http404
    return group


@login_required
def group_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access, rights = rights_for(request, congress_id)
    if not rights.reads_roster:
        return forbidden(request, NOT_FOR_YOU)
    form = GroupForm(request.POST or None, congress=access.congress)
    if request.method == "POST" and not rights.keeps_roster:
        return forbidden(request, ONLY_ROSTER_KEEPERS)
    ungrouped = Delegate.objects.filter(
        congress=access.congress, is_active=True, group_membership__isnull=True
    ).exclude(kind=Delegate.Kind.GUEST)
    return form_page(
        request,
        form,
        lambda: services.group_create(access=access, **form.cleaned_data),
        success="Đã lập tổ thảo luận.",
        then=lambda g: redirect(
            "delegates:group-detail", congress_id=congress_id, discussion_group_id=g.pk
        ),
        template="delegates/group_list.html",
        context=page_context(
            access,
            rights=rights,
            form=form,
            groups=groups_with_members(access.congress.pk),
            ungrouped=ungrouped.count(),
        ),
    )


@login_required
def group_print(request: HttpRequest, congress_id: int) -> HttpResponse:
    access, rights = rights_for(request, congress_id)
    if not rights.reads_roster:
        return forbidden(request, NOT_FOR_YOU)
    return render(
        request,
        "delegates/group_print.html",
        page_context(access, rights=rights, groups=groups_with_members(access.congress.pk)),
    )


@login_required
def group_detail(request: HttpRequest, congress_id: int, discussion_group_id: int) -> HttpResponse:
    access, rights = rights_for(request, congress_id)
    if not rights.reads_roster:
        return forbidden(request, NOT_FOR_YOU)
    group = _group(access, discussion_group_id)
    members = sorted(
        GroupMember.objects.filter(group=group).select_related("delegate", "delegate__delegation"),
        key=lambda m: (GroupMember.ROLE_ORDER[m.role], m.delegate.name_key),
    )
    return render(
        request,
        "delegates/group_detail.html",
        page_context(
            access,
            rights=rights,
            group=group,
            members=members,
            assign_form=AssignForm(congress=access.congress),
            delegation_form=AssignDelegationForm(congress=access.congress),
        ),
    )


@login_required
def group_assign(request: HttpRequest, congress_id: int, discussion_group_id: int) -> HttpResponse:
    access, rights = rights_for(request, congress_id)
    group = _group(access, discussion_group_id)
    if not rights.keeps_roster:
        return forbidden(request, ONLY_ROSTER_KEEPERS)
    then = redirect("delegates:group-detail", congress_id=congress_id, discussion_group_id=group.pk)
    if "delegation" in request.POST:
        by_delegation = AssignDelegationForm(request.POST, congress=access.congress)
        return run_form_button(
            request,
            by_delegation,
            lambda data: services.group_assign_delegation(
                access=access, group=group, delegation=data["delegation"]
            ),
            success=lambda n: f"Đã phân {n} đại biểu của đoàn vào tổ.",
            then=then,
        )
    form = AssignForm(request.POST or None, congress=access.congress)
    return run_form_button(
        request,
        form,
        lambda data: services.group_assign(access=access, group=group, **data),
        success="Đã phân đại biểu vào tổ.",
        then=then,
    )


@login_required
def group_remove(
    request: HttpRequest, congress_id: int, discussion_group_id: int, member_id: int
) -> HttpResponse:
    access, rights = rights_for(request, congress_id)
    group = _group(access, discussion_group_id)
    if not rights.keeps_roster:
        return forbidden(request, ONLY_ROSTER_KEEPERS)
    member = (
        GroupMember.objects.filter(group=group, pk=member_id).select_related("delegate").first()
    )
    if member is None:
        raise Http404
    return run_button(
        request,
        lambda: services.group_remove(access=access, member=member),
        success="Đã rút đại biểu khỏi tổ.",
        then=redirect(
            "delegates:group-detail", congress_id=congress_id, discussion_group_id=group.pk
        ),
    )
