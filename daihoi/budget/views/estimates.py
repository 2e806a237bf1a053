"""An agency's estimate: the list, the page with its lines, editing, sending, Finance's review."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from daihoi.core.audit import history_of
from daihoi.core.dates import today as local_today
from daihoi.core.views import (
    edit_page,
    forbidden,
    form_page,
    page_context,
    run_button,
    run_form_button,
    run_service,
)
from daihoi.organizations.permissions import Access, access_congress

from .. import permissions, selectors, services
from ..forms import ApprovalForm, EstimateForm, LineForm, ReturnForm
from ..models import Estimate

NOT_EDITABLE = "Dự trù đã gửi Sở Tài chính, không thể sửa."


def _to_detail(estimate: Estimate) -> HttpResponse:
    return redirect(
        "budget:estimate-detail", congress_id=estimate.congress_id, estimate_id=estimate.pk
    )


def _new_estimate_page(
    request: HttpRequest,
    access: Access,
    form: EstimateForm,
    create: Callable[[], Estimate],
    *,
    success: str,
    original: Estimate | None = None,
) -> HttpResponse:
    """The form of a new estimate (a supplement to `original` when given): once saved, its
    page; otherwise, or when the service refuses, the form again."""
    if request.method == "POST" and form.is_valid():
        done, estimate = run_service(request, form, create, success=success)
        if done:
            return _to_detail(estimate)
    return render(
        request,
        "budget/estimate_form.html",
        page_context(access, form=form, estimate=None, original=original),
    )


def _edit_refusal(request: HttpRequest, access: Access, estimate: Estimate) -> HttpResponse | None:
    """Why the user cannot change this estimate's fields or lines now (the 403 page, or back to
    the estimate once it is sent); None when they can."""
    if not permissions.can_edit_estimate(access, estimate):
        return forbidden(request, permissions.OWNER_ONLY)
    if not estimate.is_editable:
        messages.error(request, NOT_EDITABLE)
        return _to_detail(estimate)
    return None


@login_required
def estimate_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    estimates = list(selectors.estimates_visible_to(access))
    own = next((e for e in estimates if e.agency_id == access.agency_id), None)
    can_create = permissions.can_create_estimate(access) and own is None
    return render(
        request,
        "budget/estimate_list.html",
        page_context(access, estimates=estimates, own=own, can_create=can_create),
    )


@login_required
def estimate_create(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not permissions.can_create_estimate(access):
        return forbidden(request, permissions.CREATOR_ONLY)
    existing = selectors.own_estimate(access)
    if existing is not None:
        return _to_detail(existing)
    form = EstimateForm(request.POST or None, initial={"title": "Dự trù kinh phí phục vụ Đại hội"})
    return _new_estimate_page(
        request,
        access,
        form,
        lambda: services.estimate_create(access=access, **form.edited()),
        success="Đã lập dự trù; hãy thêm các khoản chi.",
    )


@login_required
def estimate_supplement(request: HttpRequest, congress_id: int, estimate_id: int) -> HttpResponse:
    """A supplementary estimate to the agency's approved one; the service refuses the rest."""
    access = access_congress(request.user, congress_id)
    original = permissions.access_estimate(access, estimate_id)
    if not permissions.can_edit_estimate(access, original):
        return forbidden(request, services.SUPPLEMENT_OWNER_ONLY)
    if original.is_supplement or original.status != Estimate.Status.APPROVED:
        messages.error(request, services.SUPPLEMENT_NEEDS_APPROVAL)
        return _to_detail(original)
    number = len(selectors.supplements_of(original)) + 1
    form = EstimateForm(
        request.POST or None, initial={"title": f"Dự trù kinh phí bổ sung lần {number}"}
    )
    return _new_estimate_page(
        request,
        access,
        form,
        lambda: services.estimate_supplement_create(
            access=access, original=original, **form.edited()
        ),
        success="Đã lập dự trù bổ sung; hãy thêm các khoản chi rồi gửi Sở Tài chính.",
        original=original,
    )


@login_required
def estimate_edit(request: HttpRequest, congress_id: int, estimate_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    estimate = permissions.access_estimate(access, estimate_id)
    if refused := _edit_refusal(request, access, estimate):
        return refused
    form = EstimateForm(
        request.POST or None,
        initial={"title": estimate.title, "note": estimate.note, "version": estimate.version},
    )
    return form_page(
        request,
        form,
        lambda: services.estimate_update(
            access=access,
            estimate=estimate,
            expected_version=form.expected_version(),
            **form.edited(),
        ),
        success="Đã lưu.",
        then=lambda _: _to_detail(estimate),
        template="budget/estimate_form.html",
        context=page_context(access, form=form, estimate=estimate),
    )


def _line_form(
    access: Access, estimate: Estimate, data: Any = None, initial: dict[str, Any] | None = None
) -> LineForm:
    return LineForm(
        data,
        initial=initial,
        tasks=selectors.agency_tasks(estimate),
        norms=selectors.valid_norms(access, local_today()),
    )


@login_required
def estimate_detail(request: HttpRequest, congress_id: int, estimate_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    estimate = permissions.access_estimate(access, estimate_id)
    lines = list(selectors.estimate_lines(estimate))
    is_submitted = estimate.status == Estimate.Status.SUBMITTED
    is_approved = estimate.status == Estimate.Status.APPROVED
    can_edit = permissions.can_edit_estimate(access, estimate) and estimate.is_editable
    can_review = permissions.can_review_estimate(access, estimate) and is_submitted
    supplements = [
        s for s in selectors.supplements_of(estimate) if permissions.can_view_estimate(access, s)
    ]
    context = page_context(
        access,
        estimate=estimate,
        supplements=supplements,
        original=estimate.supplement_to if estimate.is_supplement else None,
        can_supplement=(
            permissions.can_edit_estimate(access, estimate)
            and is_approved
            and not estimate.is_supplement
        ),
        lines=lines,
        over_count=sum(1 for line in lines if line.over_norm),
        can_edit=can_edit,
        can_review=can_review,
        can_spend=permissions.can_record_spending(access, estimate) and is_approved,
        is_draft=estimate.status == Estimate.Status.DRAFT,
        is_submitted=is_submitted,
        is_returned=estimate.status == Estimate.Status.RETURNED,
        is_approved=is_approved,
        line_form=_line_form(access, estimate) if can_edit else None,
        return_form=ReturnForm() if can_review else None,
        history=history_of(estimate)[:20],
    )
    return render(request, "budget/estimate_detail.html", context)


@login_required
def line_add(request: HttpRequest, congress_id: int, estimate_id: int) -> HttpResponse:
    return _line_form_view(request, congress_id, estimate_id, None)


@login_required
def line_edit(
    request: HttpRequest, congress_id: int, estimate_id: int, line_id: int
) -> HttpResponse:
    return _line_form_view(request, congress_id, estimate_id, line_id)


def _line_form_view(
    request: HttpRequest, congress_id: int, estimate_id: int, line_id: int | None
) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    estimate = permissions.access_estimate(access, estimate_id)
    line = permissions.access_line(access, estimate, line_id) if line_id else None
    if refused := _edit_refusal(request, access, estimate):
        return refused
    initial = LineForm.initial_for(line) if line else None
    form = _line_form(access, estimate, request.POST or None, initial)
    return edit_page(
        request,
        form,
        line,
        create=lambda: services.estimate_line_add(
            access=access, estimate=estimate, **form.line_fields()
        ),
        update=lambda line, version: services.estimate_line_update(
            access=access, line=line, expected_version=version, **form.line_fields()
        ),
        success="Đã lưu khoản chi.",
        then=lambda _: _to_detail(estimate),
        template="budget/line_form.html",
        context=page_context(access, form=form, estimate=estimate, line=line),
    )


@login_required
@require_POST
def line_delete(
    request: HttpRequest, congress_id: int, estimate_id: int, line_id: int
) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    estimate = permissions.access_estimate(access, estimate_id)
    line = permissions.access_line(access, estimate, line_id)
    return run_button(
        request,
        lambda: services.estimate_line_delete(access=access, line=line),
        success="Đã xóa khoản chi.",
        then=_to_detail(estimate),
    )


@login_required
@require_POST
def estimate_submit(request: HttpRequest, congress_id: int, estimate_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    estimate = permissions.access_estimate(access, estimate_id)
    return run_button(
        request,
        lambda: services.estimate_submit(access=access, estimate=estimate),
        success="Đã gửi dự trù tới Sở Tài chính.",
        then=_to_detail(estimate),
    )


@login_required
@require_POST
def estimate_return(request: HttpRequest, congress_id: int, estimate_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    estimate = permissions.access_estimate(access, estimate_id)
    if not permissions.can_review_estimate(access, estimate):
        return forbidden(request, permissions.FINANCE_ONLY)
    return run_form_button(
        request,
        ReturnForm(request.POST),
        lambda data: services.estimate_return(
            access=access, estimate=estimate, comment=data["comment"]
        ),
        success="Đã trả lại dự trù cho đơn vị.",
        then=_to_detail(estimate),
    )


@login_required
def estimate_approve(request: HttpRequest, congress_id: int, estimate_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    estimate = permissions.access_estimate(access, estimate_id)
    if not permissions.can_review_estimate(access, estimate):
        return forbidden(request, permissions.FINANCE_ONLY)
    if estimate.status != Estimate.Status.SUBMITTED:
        messages.error(request, "Chỉ thẩm định được dự trù đã gửi và chưa thẩm định.")
        return _to_detail(estimate)
    form = ApprovalForm(request.POST or None, lines=estimate.lines.select_related("norm", "task"))
    return form_page(
        request,
        form,
        lambda: services.estimate_approve(
            access=access, estimate=estimate, decisions=form.decisions()
        ),
        success="Đã thẩm định dự trù.",
        then=lambda _: _to_detail(estimate),
        template="budget/estimate_approve.html",
        context=page_context(access, form=form, estimate=estimate),
    )
