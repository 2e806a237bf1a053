"""Spending against an approved estimate, and its receipts."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from daihoi.core.views import forbidden, page_context, run_service, stored_file
from daihoi.organizations.permissions import access_congress

from .. import permissions, selectors, services
from ..forms import SpendingForm
from ..models import Estimate


@login_required
def spending(request: HttpRequest, congress_id: int, estimate_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    estimate = permissions.access_estimate(access, estimate_id)
    can_record = (
        permissions.can_record_spending(access, estimate)
        and estimate.status == Estimate.Status.APPROVED
    )
    if not can_record and request.method == "POST":
        return forbidden(request, permissions.SPENDER_ONLY)
    form = None
    if can_record:
        form = SpendingForm(
            request.POST or None,
            request.FILES or None,
            lines=estimate.lines.filter(approved_amount__gt=0),
        )
    if form is not None and request.method == "POST" and form.is_valid():
        done, _ = run_service(
            request,
            form,
            lambda: services.spending_record(access=access, **form.cleaned_data),
            success="Đã ghi nhận khoản chi.",
        )
        if done:
            return redirect("budget:spending", congress_id=congress_id, estimate_id=estimate.pk)
    lines = list(selectors.estimate_lines(estimate))
    spent = selectors.spent_on(lines)
    return render(
        request,
        "budget/spending.html",
        page_context(
            access,
            estimate=estimate,
            lines=lines,
            spent=spent,
            overspent=estimate.approved_total is not None and spent > estimate.approved_total,
            spendings=selectors.spendings_of(estimate),
            form=form,
        ),
    )


@login_required
def spending_attachment(
    request: HttpRequest, congress_id: int, spending_attachment_id: int
) -> FileResponse:
    access = access_congress(request.user, congress_id)
    attachment = permissions.access_spending_attachment(access, spending_attachment_id)
    return stored_file(attachment.file, attachment.original_name)
