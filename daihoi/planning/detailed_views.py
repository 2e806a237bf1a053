"""Thin views of the detailed plans (kế hoạch chi tiết), planning's subdomain kept apart from
`views.py` as its models and services are: the list, a task's detailed plan, its works, sending
it for approval and the leaders' review."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from daihoi.core.audit import history_of
from daihoi.core.dates import today as local_today
from daihoi.core.paging import PAGE_SIZE, CappedPaginator
from daihoi.core.versioning import edit_initial
from daihoi.core.views import forbidden, form_page, page_context, run_button, run_form_button
from daihoi.organizations.permissions import Access, access_congress

from . import permissions, selectors, services
from .detailed_forms import (
    DetailedFilterForm,
    DetailedItemForm,
    DetailedProgressForm,
    DetailedReviewForm,
)
from .models import DetailedPlan, DetailedPlanItem, DetailedState, Task, detailed_plan_of
from .services.detailed import REVIEWER_ONLY

NOT_THE_LEAD = "Chỉ cán bộ của đơn vị chủ trì mới lập kế hoạch chi tiết cho nhiệm vụ này."


def _to_plan(task_or_item: Task | DetailedPlanItem) -> HttpResponse:
    task = task_or_item.plan.task if isinstance(task_or_item, DetailedPlanItem) else task_or_item
    return redirect("planning:detailed-plan", congress_id=task.congress_id, task_id=task.pk)


@login_required
def detailed_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    today = local_today()
    form = DetailedFilterForm(request.GET or None)
    state = form.cleaned_data["state"] if form.is_valid() else ""
    tasks = selectors.detailed_tasks(access, today, state=state)
    page = CappedPaginator(tasks, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [selectors.DetailedRow(t, detailed_plan_of(t), t.detailed_due, today) for t in page]
    counts = selectors.detailed_counts(access, today)
    return render(
        request,
        "planning/detailed_list.html",
        page_context(
            access,
            form=form,
            state=state,
            tabs=[(s.value, s.label, counts[s.value]) for s in DetailedState],
            page=page,
            rows=rows,
            query=f"state={state}" if state else "",
            today=today,
        ),
    )


@login_required
def detailed_plan(request: HttpRequest, congress_id: int, task_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    task = permissions.access_detailed_task(access, task_id)
    today = local_today()
    plan = detailed_plan_of(task)
    items = list(plan.items.all()) if plan else []
    can_write = permissions.can_write_detailed_plan(access, task)
    return render(
        request,
        "planning/detailed_plan.html",
        page_context(
            access,
            task=task,
            plan=plan,
            items=items,
            today=today,
            due=task.detailed_plan_due or (task.plan.detailed_plan_due if task.plan else None),
            can_edit=can_write and (plan is None or plan.is_editable),
            can_submit=can_write and plan is not None and plan.is_editable and bool(items),
            can_progress=can_write and plan is not None and plan.is_approved,
            can_review=plan is not None and permissions.can_review_detailed_plan(access, plan),
            review_form=DetailedReviewForm(),
            history=history_of(plan) if plan else [],
        ),
    )


def _writer_gate(request: HttpRequest, access: Access, task: Task) -> HttpResponse | None:
    if not permissions.can_write_detailed_plan(access, task):
        return forbidden(request, NOT_THE_LEAD)
    return None


@login_required
def detailed_item_add(request: HttpRequest, congress_id: int, task_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    task = permissions.access_detailed_task(access, task_id)
    if refused := _writer_gate(request, access, task):
        return refused
    form = DetailedItemForm(request.POST or None)
    return form_page(
        request,
        form,
        lambda: services.detailed_item_add(access=access, task=task, fields=form.item_fields()),
        success="Đã thêm công việc vào kế hoạch chi tiết.",
        then=_to_plan,
        template="planning/detailed_item_form.html",
        context=page_context(access, form=form, task=task, item=None),
    )


def _work_page(
    request: HttpRequest,
    congress_id: int,
    item_id: int,
    make_form: Callable[[DetailedPlanItem], forms.Form],
    run: Callable[[Access, DetailedPlanItem, Any], object],
    *,
    success: str,
    progress_only: bool = False,
) -> HttpResponse:
    """A work's form page (its edit, its progress): the lead's officer only."""
    access = access_congress(request.user, congress_id)
    item = permissions.access_detailed_item(access, item_id)
    task = item.plan.task
    if refused := _writer_gate(request, access, task):
        return refused
    form = make_form(item)
    return form_page(
        request,
        form,
        lambda: run(access, item, form),
        success=success,
        then=_to_plan,
        template="planning/detailed_item_form.html",
        context=page_context(access, form=form, task=task, item=item, progress_only=progress_only),
    )


@login_required
def detailed_item_edit(request: HttpRequest, congress_id: int, item_id: int) -> HttpResponse:
    return _work_page(
        request,
        congress_id,
        item_id,
        lambda item: DetailedItemForm(
            request.POST or None, initial=edit_initial(item, DetailedItemForm)
        ),
        lambda access, item, form: services.detailed_item_update(
            access=access,
            item=item,
            fields=form.item_fields(),
            expected_version=form.expected_version(),
        ),
        success="Đã lưu công việc.",
    )


@login_required
def detailed_item_progress(request: HttpRequest, congress_id: int, item_id: int) -> HttpResponse:
    return _work_page(
        request,
        congress_id,
        item_id,
        lambda item: DetailedProgressForm(
            request.POST or None, initial={"progress": item.progress}
        ),
        lambda access, item, form: services.detailed_item_report_progress(
            access=access, item=item, progress=form.cleaned_data["progress"]
        ),
        success="Đã cập nhật tiến độ công việc; tiến độ nhiệm vụ tính lại theo các công việc.",
        progress_only=True,
    )


@login_required
@require_POST
def detailed_item_delete(request: HttpRequest, congress_id: int, item_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    item = permissions.access_detailed_item(access, item_id)
    if refused := _writer_gate(request, access, item.plan.task):
        return refused
    return run_button(
        request,
        lambda: services.detailed_item_delete(access=access, item=item),
        success="Đã bỏ công việc khỏi kế hoạch chi tiết.",
        then=_to_plan(item),
    )


@login_required
@require_POST
def detailed_submit(request: HttpRequest, congress_id: int, task_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    task = permissions.access_detailed_task(access, task_id)
    if refused := _writer_gate(request, access, task):
        return refused
    return run_button(
        request,
        lambda: services.detailed_plan_submit(access=access, task=task),
        success="Đã gửi kế hoạch chi tiết, chờ phê duyệt.",
        then=_to_plan(task),
    )


@login_required
@require_POST
def detailed_review(request: HttpRequest, congress_id: int, task_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    task = permissions.access_detailed_task(access, task_id)
    if not access.can_accept:
        return forbidden(request, REVIEWER_ONLY)

    def review(data: dict[str, Any]) -> DetailedPlan:
        if data["decision"] == DetailedReviewForm.APPROVE:
            return services.detailed_plan_approve(access=access, task=task, comment=data["comment"])
        return services.detailed_plan_return(access=access, task=task, comment=data["comment"])

    return run_form_button(
        request,
        DetailedReviewForm(request.POST),
        review,
        success=lambda plan: (
            "Đã phê duyệt kế hoạch chi tiết."
            if plan.is_approved
            else "Đã trả lại kế hoạch chi tiết cho đơn vị chủ trì."
        ),
        then=_to_plan(task),
    )
