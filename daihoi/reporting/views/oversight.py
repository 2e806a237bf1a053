"""Oversight: dashboard charts, scorecards, warnings and requests for explanation."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from daihoi.core.dates import today as local_today
from daihoi.core.uploads import XLSX_CONTENT_TYPE
from daihoi.core.views import (
    content_file,
    forbidden,
    is_htmx,
    page_context,
    run_form_button,
)
from daihoi.organizations.permissions import access_congress
from daihoi.planning import permissions as planning_permissions
from daihoi.planning import selectors as planning_selectors
from daihoi.planning.status import StatusClass

from .. import charts, exports, permissions, selectors, services
from ..forms import (
    ExplanationAnswerForm,
    ExplanationRequestForm,
)

PAGE_SIZE = 25

# Dashboard charts -------------------------------------------------------------------------------


@login_required
def dashboard_charts(request: HttpRequest, congress_id: int) -> HttpResponse:
    """Bars by agency and the line over time, loaded after the dashboard so it stays as fast."""
    access = access_congress(request.user, congress_id)
    today = local_today()
    bars = (
        charts.completion_bars(planning_selectors.agency_table(access, today))
        if access.sees_whole_congress
        else []
    )
    context = page_context(
        access,
        bars=bars,
        bars_height=max(len(bars) * charts.BAR_ROW, 1),
        line=charts.open_over_time(selectors.snapshot_series(access, today), today),
        chart=charts.frame(),
    )
    template = "reporting/dashboard_charts.html"
    if is_htmx(request):
        template = "reporting/_charts_more.html"
    return render(request, template, context)


# Oversight -------------------------------------------------------------------------------------


@login_required
def scorecard_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    today = local_today()
    return render(
        request,
        "reporting/scorecards.html",
        page_context(
            access, cards=selectors.scorecards(access, today), today=today, tab="scorecards"
        ),
    )


@login_required
def scorecard_xlsx(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    today = local_today()
    content = exports.scorecards_xlsx(selectors.scorecards(access, today), today)
    return content_file(content, XLSX_CONTENT_TYPE, f"danh-gia-don-vi-{today:%Y%m%d}.xlsx")


@login_required
def warning_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    today = local_today()
    found = selectors.warnings(access, today)
    return render(
        request,
        "reporting/warnings.html",
        page_context(access, warnings=found, today=today, tab="warnings"),
    )


@login_required
def explanation_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    page = Paginator(selectors.explanations_of(access), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "reporting/explanation_list.html",
        page_context(access, page=page, tab="explanations"),
    )


@login_required
def task_explanations(request: HttpRequest, congress_id: int, task_id: int) -> HttpResponse:
    """The explanation block of a task page, loaded into it as a fragment after the page."""
    access = access_congress(request.user, congress_id)
    task = planning_permissions.access_task(access, task_id)
    today = local_today()
    explanations = selectors.explanations_of_task(task)
    has_open = any(not e.is_answered for e in explanations)
    context = page_context(
        access,
        task=task,
        explanations=explanations,
        colour=selectors.warning_colour(task, today),
        can_request=permissions.can_request_explanation(access, task)
        and task.status_class(today) == StatusClass.OPEN_OVERDUE
        and not has_open,
        can_answer=[e.pk for e in explanations if permissions.can_answer_explanation(access, e)],
    )
    return render(request, "reporting/_task_explanations.html", context)


@login_required
@require_POST
def explanation_request(request: HttpRequest, congress_id: int, task_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    task = planning_permissions.access_task(access, task_id)
    if not permissions.can_request_explanation(access, task):
        return forbidden(request, "Chỉ lãnh đạo tiểu ban hoặc Thường trực mới yêu cầu giải trình.")
    return run_form_button(
        request,
        ExplanationRequestForm(request.POST),
        lambda data: services.explanation_request(access=access, task=task, reason=data["reason"]),
        invalid="Nêu nội dung cần giải trình.",
        success="Đã gửi yêu cầu giải trình tới đơn vị chủ trì.",
        then=redirect("planning:task-detail", congress_id=congress_id, task_id=task.pk),
    )


@login_required
@require_POST
def explanation_answer(request: HttpRequest, congress_id: int, explanation_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    explanation = permissions.access_explanation(access, explanation_id)
    if explanation.agency_id != access.agency_id:
        return forbidden(request, "Chỉ đầu mối của đơn vị chủ trì trả lời yêu cầu giải trình.")
    return run_form_button(
        request,
        ExplanationAnswerForm(request.POST),
        lambda data: services.explanation_answer(
            access=access, explanation=explanation, answer=data["answer"]
        ),
        invalid="Nhập nội dung giải trình.",
        success="Đã gửi giải trình.",
        then=redirect("planning:task-detail", congress_id=congress_id, task_id=explanation.task_id),
    )
