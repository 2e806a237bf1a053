"""Delegations, the XLSX import and the delegate duties."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from daihoi.core.uploads import XLSX_CONTENT_TYPE
from daihoi.core.views import content_file, forbidden, form_page, page_context, run_button
from daihoi.organizations.models import Participation

from ..forms import DelegationForm, ImportForm
from ..models import Delegate, Delegation, Duty
from ..permissions import ONLY_MANAGERS, ONLY_ROSTER_KEEPERS
from ..services import importing
from ..services import roster as services
from .common import rights_for


@login_required
def delegation_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access, rights = rights_for(request, congress_id)
    if not rights.keeps_roster:
        return forbidden(request, ONLY_ROSTER_KEEPERS)
    active = Q(delegates__is_active=True)
    delegations = Delegation.objects.filter(congress=access.congress).annotate(
        official=Count("delegates", filter=active & Q(delegates__kind=Delegate.Kind.OFFICIAL)),
        alternate=Count("delegates", filter=active & Q(delegates__kind=Delegate.Kind.ALTERNATE)),
        guest=Count("delegates", filter=active & Q(delegates__kind=Delegate.Kind.GUEST)),
    )
    form = DelegationForm(request.POST or None, congress=access.congress)
    return form_page(
        request,
        form,
        lambda: services.delegation_create(access=access, **form.cleaned_data),
        success="Đã thêm đoàn đại biểu.",
        then=lambda d: redirect("delegates:delegation-list", congress_id=congress_id),
        template="delegates/delegation_list.html",
        context=page_context(access, rights=rights, form=form, delegations=delegations),
    )


@login_required
def roster_import(request: HttpRequest, congress_id: int) -> HttpResponse:
    access, rights = rights_for(request, congress_id)
    if not rights.keeps_roster:
        return forbidden(request, ONLY_ROSTER_KEEPERS)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[tuple[int, str]] = []
    if request.method == "POST" and form.is_valid():
        result = importing.roster_import(access=access, upload=form.cleaned_data["file"])
        if not result.errors:
            messages.success(request, f"Đã nhập {result.created} đại biểu.")
            return redirect("delegates:delegate-list", congress_id=congress_id)
        errors = result.errors
    return render(
        request,
        "delegates/roster_import.html",
        page_context(access, rights=rights, form=form, errors=errors, columns=importing.COLUMNS),
    )


@login_required
def roster_template(request: HttpRequest, congress_id: int) -> HttpResponse:
    _, rights = rights_for(request, congress_id)
    if not rights.keeps_roster:
        return forbidden(request, ONLY_ROSTER_KEEPERS)
    return content_file(
        importing.template_workbook(), XLSX_CONTENT_TYPE, "mau-danh-sach-dai-bieu.xlsx"
    )


@login_required
def duty_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access, _ = rights_for(request, congress_id)
    if not access.can_manage:
        return forbidden(request, ONLY_MANAGERS)
    if request.method == "POST":
        user_id = request.POST.get("user", "")
        return run_button(
            request,
            lambda: services.duty_give(
                access=access,
                user_id=int(user_id) if user_id.isdigit() else 0,
                kind=request.POST.get("kind", ""),
            ),
            success="Đã phân công.",
            then=redirect("delegates:duty-list", congress_id=congress_id),
        )
    duties = Duty.objects.filter(congress=access.congress).select_related("user")
    people = Participation.objects.filter(congress=access.congress).select_related("user")
    return render(
        request,
        "delegates/duty_list.html",
        page_context(access, duties=duties, people=people, kinds=Duty.Kind.choices),
    )


@login_required
def duty_remove(request: HttpRequest, congress_id: int, duty_id: int) -> HttpResponse:
    access, _ = rights_for(request, congress_id)
    if not access.can_manage:
        return forbidden(request, ONLY_MANAGERS)
    duty = Duty.objects.filter(congress=access.congress, pk=duty_id).first()
    then = redirect("delegates:duty-list", congress_id=congress_id)
    if duty is None:
        return then
    return run_button(
        request,
        lambda: services.duty_remove(access=access, duty=duty),
        success="Đã thôi phân công.",
        then=then,
    )
