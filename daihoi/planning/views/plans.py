"""Plans: list, page, timeline, form and trash; the congress schedule."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from daihoi.core.audit import history_of
from daihoi.core.dates import today as local_today
from daihoi.core.exceptions import BusinessError
from daihoi.core.paging import PAGE_SIZE, CappedPaginator
from daihoi.core.views import (
    apply_error,
    forbidden,
    run_delete,
)
from daihoi.organizations.permissions import (
    access_committee,
    access_congress,
)

from .. import permissions, selectors, services
from ..forms import (
    PlanForm,
    RescheduleForm,
)
from ..models import Task


@login_required
def plan_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    page = CappedPaginator(selectors.plans_of(access), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "planning/plan_list.html",
        {"access": access, "congress": access.congress, "page": page},
    )


@login_required
def plan_detail(request: HttpRequest, congress_id: int, plan_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    plan = permissions.access_plan(access, plan_id)
    today = local_today()
    filters = selectors.TaskFilters(plan=plan.pk)
    tasks = selectors.tasks_visible_to(access, filters, today)
    page = CappedPaginator(tasks, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "planning/plan_detail.html",
        {
            "access": access,
            "congress": access.congress,
            "plan": plan,
            "children": plan.children.select_related("congress"),
            "page": page,
            "rows": [(t, t.status_class(today)) for t in page],
            "history": history_of(plan),
            "can_manage": access.can_manage,
            "detailed": selectors.detailed_board(access, plan, today),
        },
    )


@login_required
def plan_timeline(request: HttpRequest, congress_id: int, plan_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    plan = permissions.access_plan(access, plan_id)
    today = local_today()
    context = {
        "access": access,
        "congress": access.congress,
        "subject": f"Kế hoạch số {plan.symbol}",
        "back": reverse("planning:plan-detail", args=[congress_id, plan.pk]),
        "timeline": selectors.task_timeline(access, selectors.TaskFilters(plan=plan.pk), today),
        "today": today,
    }
    return render(request, "planning/task_timeline.html", context)


@login_required
def committee_timeline(request: HttpRequest, congress_id: int, committee_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    committee = access_committee(access, committee_id)
    today = local_today()
    filters = selectors.TaskFilters(committee=committee.pk)
    context = {
        "access": access,
        "congress": access.congress,
        "subject": committee.name,
        "back": reverse("organizations:committee-detail", args=[congress_id, committee.pk]),
        "timeline": selectors.task_timeline(access, filters, today),
        "today": today,
    }
    return render(request, "planning/task_timeline.html", context)


@login_required
def plan_form(request: HttpRequest, congress_id: int, plan_id: int | None = None) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    plan = None
    if plan_id is not None:
        plan = permissions.access_plan(access, plan_id)
    if not access.can_manage:
        return forbidden(request, "Chỉ Thường trực / Văn phòng mới được đăng ký kế hoạch.")
    initial = {}
    if plan is not None:
        initial = {
            "number": plan.number,
            "issuer_code": plan.issuer_code,
            "issuer": plan.issuer_id,
            "issued_on": plan.issued_on,
            "subject": plan.subject,
            "committee": plan.committee_id,
            "parent": plan.parent_id,
            "detailed_plan_due": plan.detailed_plan_due,
            "version": plan.version,
        }
    form = PlanForm(request.POST or None, congress=access.congress, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if plan is None:
                plan = services.plan_create(access=access, **form.edited())
            else:
                services.plan_update(
                    access=access,
                    plan=plan,
                    expected_version=form.expected_version(),
                    **form.edited(),
                )
        except BusinessError as error:
            apply_error(form, error)
        else:
            messages.success(request, "Đã lưu kế hoạch.")
            return redirect("planning:plan-detail", congress_id=congress_id, plan_id=plan.pk)
    return render(
        request,
        "planning/plan_form.html",
        {"access": access, "congress": access.congress, "form": form, "plan": plan},
    )


@login_required
def congress_schedule(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not access.can_manage:
        return forbidden(request, "Chỉ Thường trực / Văn phòng mới được đổi ngày Đại hội.")
    congress = access.congress
    form = RescheduleForm(
        request.POST or None,
        initial={"opening_date": congress.opening_date, "closing_date": congress.closing_date},
    )
    relative = Task.objects.filter(congress=congress, deadline_offset_days__isnull=False).count()
    if request.method == "POST" and form.is_valid():
        try:
            moved = services.congress_reschedule(access=access, **form.cleaned_data)
        except BusinessError as error:
            apply_error(form, error)
        else:
            messages.success(request, f"Đã cập nhật ngày Đại hội; {moved} nhiệm vụ được dời hạn.")
            return redirect("planning:dashboard", congress_id=congress_id)
    return render(
        request,
        "planning/congress_schedule.html",
        {"access": access, "congress": congress, "form": form, "relative": relative},
    )


@login_required
@require_POST
def plan_delete(request: HttpRequest, congress_id: int, plan_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    plan = permissions.access_plan(access, plan_id)
    return run_delete(
        request,
        lambda: services.plan_delete(access=access, plan=plan),
        success="Đã chuyển kế hoạch vào thùng rác.",
        then=redirect("planning:plan-list", congress_id=congress_id),
        refused=redirect("planning:plan-detail", congress_id=congress_id, plan_id=plan.pk),
    )
