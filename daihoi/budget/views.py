"""Thin views: parse, check permission, call a service or selector, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from daihoi.core.dates import today as local_today
from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.organizations.permissions import Access, access_congress

from . import permissions, report, selectors, services, spreadsheets
from .forms import (
    ApprovalForm,
    EstimateForm,
    LineForm,
    NormForm,
    NormImportForm,
    ReturnForm,
    SpendingForm,
)
from .models import Estimate, EstimateLine, Norm, SpendingAttachment

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _forbidden(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "403.html", {"message": message}, status=403)


def _apply_error(form, error: BusinessError) -> None:
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)


def _context(access: Access, finance: bool, **extra) -> dict:
    return {"access": access, "congress": access.congress, "finance": finance, **extra}


def _get_estimate(access: Access, finance: bool, estimate_id: int) -> Estimate:
    """The estimate if the user may see it; 404 otherwise, so its existence does not leak."""
    estimate = get_object_or_404(
        Estimate.objects.select_related("agency", "reviewed_by"),
        pk=estimate_id,
        congress=access.congress,
    )
    if not permissions.can_view_estimate(access, estimate, finance):
        raise Http404
    return estimate


def _to_detail(estimate: Estimate) -> HttpResponse:
    return redirect(
        "budget:estimate-detail", congress_id=estimate.congress_id, estimate_id=estimate.pk
    )


# Dashboard --------------------------------------------------------------------------------------


@login_required
def overview(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    finance = permissions.is_finance(access)
    rows, overspent_lines = selectors.dashboard(access, finance)
    own = None
    if access.agency_id:
        own = Estimate.objects.filter(congress=access.congress, agency_id=access.agency_id).first()
    context = _context(
        access,
        finance,
        rows=rows,
        approved=sum(r.approved for r in rows),
        spent=sum(r.spent for r in rows),
        overspent_lines=overspent_lines,
        own=own,
        notices=selectors.notices_for(access, finance),
        can_compile=permissions.can_see_compilation(access, finance),
    )
    return render(request, "budget/budget_dashboard.html", context)


# Norms ------------------------------------------------------------------------------------------


@login_required
def norm_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    finance = permissions.is_finance(access)
    norms = list(selectors.norms_of(access))
    today = local_today()
    return render(
        request,
        "budget/norm_list.html",
        _context(access, finance, rows=[(n, n.is_valid_on(today)) for n in norms]),
    )


@login_required
def norm_form(request: HttpRequest, congress_id: int, norm_id: int | None = None) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    finance = permissions.is_finance(access)
    norm = get_object_or_404(Norm, pk=norm_id, congress=access.congress) if norm_id else None
    if not permissions.can_manage_norms(access, finance):
        return _forbidden(request, services.FINANCE_ONLY)
    initial = {}
    if norm is not None:
        initial = {f: getattr(norm, f) for f in NormForm.base_fields}
    form = NormForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if norm is None:
                services.norm_create(access=access, **form.cleaned_data)
            else:
                services.norm_update(access=access, norm=norm, **form.cleaned_data)
        except BusinessError as error:
            _apply_error(form, error)
        else:
            messages.success(request, "Đã lưu định mức.")
            return redirect("budget:norm-list", congress_id=congress_id)
    return render(request, "budget/norm_form.html", _context(access, finance, form=form, norm=norm))


@login_required
def norm_import(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    finance = permissions.is_finance(access)
    if not permissions.can_manage_norms(access, finance):
        return _forbidden(request, services.FINANCE_ONLY)
    form = NormImportForm(request.POST or None, request.FILES or None)
    row_errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            result = services.norms_import(access=access, upload=form.cleaned_data["file"])
        except services.NormImportError as error:
            form.add_error("file", error.message)
            row_errors = error.errors
        except BusinessError as error:
            _apply_error(form, error)
        else:
            messages.success(
                request, f"Đã nhập {result.created} định mức mới, cập nhật {result.updated}."
            )
            return redirect("budget:norm-list", congress_id=congress_id)
    return render(
        request,
        "budget/norm_import.html",
        _context(access, finance, form=form, row_errors=row_errors),
    )


@login_required
def norm_export(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    content = spreadsheets.export_norms(selectors.norms_of(access))
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="dinh-muc-chi.xlsx"'
    return response


# Estimates --------------------------------------------------------------------------------------


@login_required
def estimate_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    finance = permissions.is_finance(access)
    estimates = list(selectors.estimates_visible_to(access, finance))
    own = next((e for e in estimates if e.agency_id == access.agency_id), None)
    return render(
        request,
        "budget/estimate_list.html",
        _context(
            access,
            finance,
            estimates=estimates,
            own=own,
            can_create=permissions.can_create_estimate(access) and own is None,
        ),
    )


@login_required
def estimate_create(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    finance = permissions.is_finance(access)
    if not permissions.can_create_estimate(access):
        return _forbidden(request, "Chỉ đầu mối của cơ quan, đơn vị mới lập dự trù kinh phí.")
    existing = Estimate.objects.filter(congress=access.congress, agency_id=access.agency_id).first()
    if existing is not None:
        return _to_detail(existing)
    form = EstimateForm(
        request.POST or None,
        initial={"title": "Dự trù kinh phí phục vụ Đại hội"},
    )
    if request.method == "POST" and form.is_valid():
        try:
            estimate = services.estimate_create(access=access, **form.cleaned_data)
        except BusinessError as error:
            _apply_error(form, error)
        else:
            messages.success(request, "Đã lập dự trù; hãy thêm các khoản chi.")
            return _to_detail(estimate)
    return render(
        request, "budget/estimate_form.html", _context(access, finance, form=form, estimate=None)
    )


@login_required
def estimate_edit(request: HttpRequest, congress_id: int, estimate_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    finance = permissions.is_finance(access)
    estimate = _get_estimate(access, finance, estimate_id)
    if not permissions.can_edit_estimate(access, estimate):
        return _forbidden(request, services.OWNER_ONLY)
    if not estimate.is_editable:
        messages.error(request, "Dự trù đã gửi Sở Tài chính, không thể sửa.")
        return _to_detail(estimate)
    form = EstimateForm(
        request.POST or None, initial={"title": estimate.title, "note": estimate.note}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.estimate_update(access=access, estimate=estimate, **form.cleaned_data)
        except BusinessError as error:
            _apply_error(form, error)
        else:
            messages.success(request, "Đã lưu.")
            return _to_detail(estimate)
    return render(
        request,
        "budget/estimate_form.html",
        _context(access, finance, form=form, estimate=estimate),
    )


def _line_form(access: Access, estimate: Estimate, data=None, initial=None) -> LineForm:
    return LineForm(
        data,
        initial=initial,
        tasks=selectors.agency_tasks(estimate),
        norms=selectors.valid_norms(access, local_today()),
    )


@login_required
def estimate_detail(request: HttpRequest, congress_id: int, estimate_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    finance = permissions.is_finance(access)
    estimate = _get_estimate(access, finance, estimate_id)
    lines = list(selectors.estimate_lines(estimate))
    can_edit = permissions.can_edit_estimate(access, estimate) and estimate.is_editable
    can_review = (
        permissions.can_review_estimate(access, estimate, finance)
        and estimate.status == Estimate.Status.SUBMITTED
    )
    context = _context(
        access,
        finance,
        estimate=estimate,
        lines=lines,
        over_count=sum(1 for line in lines if line.over_norm),
        can_edit=can_edit,
        can_review=can_review,
        can_spend=permissions.can_record_spending(access, estimate)
        and estimate.status == Estimate.Status.APPROVED,
        line_form=_line_form(access, estimate) if can_edit else None,
        return_form=ReturnForm() if can_review else None,
        history=estimate.history.select_related("history_user").order_by("-history_date")[:20],
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


def _line_form_view(request, congress_id: int, estimate_id: int, line_id: int | None):
    access = access_congress(request.user, congress_id)
    finance = permissions.is_finance(access)
    estimate = _get_estimate(access, finance, estimate_id)
    line = get_object_or_404(EstimateLine, pk=line_id, estimate=estimate) if line_id else None
    if not permissions.can_edit_estimate(access, estimate):
        return _forbidden(request, services.OWNER_ONLY)
    if not estimate.is_editable:
        messages.error(request, "Dự trù đã gửi Sở Tài chính, không thể sửa.")
        return _to_detail(estimate)
    initial = LineForm.initial_for(line) if line else None
    form = _line_form(access, estimate, request.POST or None, initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["category"] = data["category"] or None
        try:
            if line is None:
                services.estimate_line_add(access=access, estimate=estimate, **data)
            else:
                services.estimate_line_update(access=access, line=line, **data)
        except BusinessError as error:
            _apply_error(form, error)
        else:
            messages.success(request, "Đã lưu khoản chi.")
            return _to_detail(estimate)
    return render(
        request,
        "budget/line_form.html",
        _context(access, finance, form=form, estimate=estimate, line=line),
    )


@login_required
@require_POST
def line_delete(
    request: HttpRequest, congress_id: int, estimate_id: int, line_id: int
) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    finance = permissions.is_finance(access)
    estimate = _get_estimate(access, finance, estimate_id)
    line = get_object_or_404(EstimateLine, pk=line_id, estimate=estimate)
    try:
        services.estimate_line_delete(access=access, line=line)
        messages.success(request, "Đã xóa khoản chi.")
    except PermissionDenied as error:
        return _forbidden(request, error.message)
    except BusinessError as error:
        messages.error(request, error.message)
    return _to_detail(estimate)


@login_required
@require_POST
def estimate_submit(request: HttpRequest, congress_id: int, estimate_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    finance = permissions.is_finance(access)
    estimate = _get_estimate(access, finance, estimate_id)
    try:
        services.estimate_submit(access=access, estimate=estimate)
        messages.success(request, "Đã gửi dự trù tới Sở Tài chính.")
    except PermissionDenied as error:
        return _forbidden(request, error.message)
    except BusinessError as error:
        messages.error(request, error.message)
    return _to_detail(estimate)


@login_required
@require_POST
def estimate_return(request: HttpRequest, congress_id: int, estimate_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    finance = permissions.is_finance(access)
    estimate = _get_estimate(access, finance, estimate_id)
    if not permissions.can_review_estimate(access, estimate, finance):
        return _forbidden(request, services.FINANCE_ONLY)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    else:
        try:
            services.estimate_return(
                access=access, estimate=estimate, comment=form.cleaned_data["comment"]
            )
            messages.success(request, "Đã trả lại dự trù cho đơn vị.")
        except BusinessError as error:
            messages.error(request, error.message)
    return _to_detail(estimate)


@login_required
def estimate_approve(request: HttpRequest, congress_id: int, estimate_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    finance = permissions.is_finance(access)
    estimate = _get_estimate(access, finance, estimate_id)
    if not permissions.can_review_estimate(access, estimate, finance):
        return _forbidden(request, services.FINANCE_ONLY)
    if estimate.status != Estimate.Status.SUBMITTED:
        messages.error(request, "Chỉ thẩm định được dự trù đã gửi và chưa thẩm định.")
        return _to_detail(estimate)
    form = ApprovalForm(request.POST or None, lines=estimate.lines.select_related("norm", "task"))
    if request.method == "POST" and form.is_valid():
        try:
            services.estimate_approve(access=access, estimate=estimate, decisions=form.decisions())
        except BusinessError as error:
            _apply_error(form, error)
        else:
            messages.success(request, "Đã thẩm định dự trù.")
            return _to_detail(estimate)
    return render(
        request,
        "budget/estimate_approve.html",
        _context(access, finance, form=form, estimate=estimate),
    )


# Compilation ------------------------------------------------------------------------------------


@login_required
def compilation(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    finance = permissions.is_finance(access)
    if not permissions.can_see_compilation(access, finance):
        return _forbidden(request, "Chỉ Sở Tài chính và lãnh đạo Đại hội xem bảng tổng hợp.")
    compiled = selectors.compilation(access, with_lines=False)
    return render(
        request,
        "budget/compilation.html",
        _context(
            access,
            finance,
            compiled=compiled,
            notices=selectors.notices_for(access, finance) if finance else [],
        ),
    )


@login_required
def compilation_xlsx(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    finance = permissions.is_finance(access)
    if not permissions.can_see_compilation(access, finance):
        return _forbidden(request, "Chỉ Sở Tài chính và lãnh đạo Đại hội xem bảng tổng hợp.")
    content = spreadsheets.export_compilation(selectors.compilation(access))
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="tong-hop-kinh-phi-{local_today():%Y%m%d}.xlsx"'
    )
    return response


@login_required
def compilation_docx(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    finance = permissions.is_finance(access)
    if not permissions.can_see_compilation(access, finance):
        return _forbidden(request, "Chỉ Sở Tài chính và lãnh đạo Đại hội xem bảng tổng hợp.")
    today = local_today()
    try:
        content = report.render_report(
            access.congress, selectors.compilation(access, with_lines=False), today
        )
    except BusinessError as error:
        messages.error(request, error.message)
        return redirect("budget:compilation", congress_id=congress_id)
    response = HttpResponse(content, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{report.report_filename(today)}"'
    return response


# Spending ---------------------------------------------------------------------------------------


@login_required
def spending(request: HttpRequest, congress_id: int, estimate_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    finance = permissions.is_finance(access)
    estimate = _get_estimate(access, finance, estimate_id)
    can_record = (
        permissions.can_record_spending(access, estimate)
        and estimate.status == Estimate.Status.APPROVED
    )
    form = None
    if can_record:
        form = SpendingForm(
            request.POST or None,
            request.FILES or None,
            lines=estimate.lines.filter(approved_amount__gt=0),
        )
    elif request.method == "POST":
        return _forbidden(request, "Chỉ đầu mối của đơn vị được giao kinh phí mới ghi nhận chi.")
    if request.method == "POST" and form.is_valid():
        try:
            services.spending_record(access=access, **form.cleaned_data)
        except BusinessError as error:
            _apply_error(form, error)
        else:
            messages.success(request, "Đã ghi nhận khoản chi.")
            return redirect("budget:spending", congress_id=congress_id, estimate_id=estimate.pk)
    lines = list(selectors.estimate_lines(estimate))
    return render(
        request,
        "budget/spending.html",
        _context(
            access,
            finance,
            estimate=estimate,
            lines=lines,
            spent=sum(line.spent for line in lines),
            spendings=selectors.spendings_of(estimate),
            form=form,
        ),
    )


@login_required
def spending_attachment(
    request: HttpRequest, congress_id: int, spending_attachment_id: int
) -> FileResponse:
    access = access_congress(request.user, congress_id)
    finance = permissions.is_finance(access)
    attachment = get_object_or_404(
        SpendingAttachment.objects.select_related("spending__line"),
        pk=spending_attachment_id,
        spending__congress=access.congress,
    )
    _get_estimate(access, finance, attachment.spending.line.estimate_id)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=attachment.original_name)
