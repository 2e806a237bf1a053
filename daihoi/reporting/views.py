"""Thin views: parse, check permission, call a service or selector, render or send a file."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from daihoi.core.dates import format_date
from daihoi.core.dates import today as local_today
from daihoi.core.exceptions import BusinessError
from daihoi.core.spreadsheets import XLSX_CONTENT_TYPE
from daihoi.organizations.permissions import Access, access_congress
from daihoi.planning import permissions as planning_permissions
from daihoi.planning import selectors as planning_selectors
from daihoi.planning.forms import TaskFilterForm
from daihoi.planning.models import Task

from . import charts, exports, imports, permissions, report, selectors, services
from .forms import (
    ConsolidatedForm,
    ExplanationAnswerForm,
    ExplanationRequestForm,
    ReportRequestForm,
    ReturnForm,
    StateFilterForm,
    SubmissionForm,
    TaskImportForm,
)
from .models import Explanation, ReportRequest, ReportSubmission, SubmissionFile

PAGE_SIZE = 25
DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MAX_EXPORT_ROWS = 50_000
MANAGERS_ONLY = "Chỉ Thường trực / Văn phòng mới thực hiện được thao tác này."
WHOLE_CONGRESS_ONLY = "Trang này dành cho Thường trực, lãnh đạo và thành viên các Tiểu ban."


def _forbidden(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "403.html", {"message": message}, status=403)


def _apply_error(form, error: BusinessError) -> None:
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)


def _file(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _context(access: Access, **extra) -> dict:
    return {"access": access, "congress": access.congress, "tab": "", **extra}


def _get_request(access: Access, request_id: int) -> ReportRequest:
    """The request if the user may see it: whole-congress roles, or an agency that was asked."""
    report_request = get_object_or_404(ReportRequest, pk=request_id, congress=access.congress)
    if (
        not access.sees_whole_congress
        and not report_request.submissions.filter(agency_id=access.agency_id).exists()
    ):
        raise Http404
    return report_request


def _get_submission(access: Access, submission_id: int) -> ReportSubmission:
    """Another agency's submission answers 404, so its existence does not leak."""
    submission = get_object_or_404(
        ReportSubmission.objects.select_related("request", "agency", "submitted_by"),
        pk=submission_id,
        request__congress=access.congress,
    )
    if not permissions.can_view_submission(access, submission):
        raise Http404
    return submission


# Report requests -----------------------------------------------------------------------------


@login_required
def request_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    today = local_today()
    if access.sees_whole_congress:
        rows = selectors.requests_of(access, today)
        page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
        return render(
            request,
            "reporting/request_list.html",
            _context(access, page=page, today=today, tab="requests"),
        )
    rows = selectors.submissions_of_agency(access, access.agency_id)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "reporting/submission_inbox.html",
        _context(
            access, page=page, today=today, rows=[(s, s.state(today)) for s in page], tab="requests"
        ),
    )


@login_required
def request_create(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not permissions.can_manage_requests(access):
        return _forbidden(request, "Chỉ Thường trực / Văn phòng mới yêu cầu báo cáo.")
    form = ReportRequestForm(request.POST or None, request.FILES or None, congress=access.congress)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = services.report_request_create(
                access=access,
                title=data["title"],
                deadline=data["deadline"],
                agencies=list(data["agencies"]),
                instructions=data["instructions"],
                columns=data["columns"],
                template=data["template"],
            )
        except BusinessError as error:
            _apply_error(form, error)
        else:
            messages.success(
                request, f"Đã gửi yêu cầu báo cáo tới {len(data['agencies'])} cơ quan, đơn vị."
            )
            return redirect(
                "reporting:request-detail", congress_id=congress_id, request_id=created.pk
            )
    return render(
        request, "reporting/request_form.html", _context(access, form=form, tab="requests")
    )


@login_required
def request_detail(request: HttpRequest, congress_id: int, request_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    report_request = _get_request(access, request_id)
    if not access.sees_whole_congress:
        own = report_request.submissions.get(agency_id=access.agency_id)
        return redirect(
            "reporting:submission-detail", congress_id=congress_id, submission_id=own.pk
        )
    today = local_today()
    form = StateFilterForm(request.GET or None)
    state = form.cleaned_data["state"] if form.is_valid() else ""
    submissions = selectors.submissions_for(access, report_request, today, state)
    counts = selectors.requests_of(access, today).get(pk=report_request.pk)
    return render(
        request,
        "reporting/request_detail.html",
        _context(
            access,
            report_request=report_request,
            rows=[(s, s.state(today)) for s in submissions],
            counts=counts,
            form=form,
            today=today,
            query=request.GET.urlencode(),
            return_form=ReturnForm(),
            can_return=permissions.can_manage_requests(access),
            tab="requests",
        ),
    )


@login_required
def request_xlsx(request: HttpRequest, congress_id: int, request_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    report_request = _get_request(access, request_id)
    if not permissions.can_see_all_submissions(access):
        return _forbidden(request, WHOLE_CONGRESS_ONLY)
    today = local_today()
    form = StateFilterForm(request.GET or None)
    state = form.cleaned_data["state"] if form.is_valid() else ""
    submissions = selectors.submissions_for(access, report_request, today, state)
    label = dict(form.fields["state"].choices).get(state, "") if state else ""
    content = exports.request_xlsx(report_request, submissions, today, str(label))
    return _file(content, XLSX_CONTENT_TYPE, f"yeu-cau-bao-cao-{report_request.pk}.xlsx")


@login_required
def request_template(request: HttpRequest, congress_id: int, request_id: int) -> FileResponse:
    access = access_congress(request.user, congress_id)
    report_request = _get_request(access, request_id)
    if not report_request.template_file:
        raise Http404
    try:
        handle = report_request.template_file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=report_request.template_name)


# Submissions -----------------------------------------------------------------------------------


@login_required
def submission_detail(request: HttpRequest, congress_id: int, submission_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    submission = _get_submission(access, submission_id)
    today = local_today()
    return render(
        request,
        "reporting/submission_detail.html",
        _context(
            access,
            submission=submission,
            report_request=submission.request,
            state=submission.state(today),
            files=submission.files.all(),
            history=selectors.submission_history(submission),
            can_submit=permissions.can_submit(access, submission),
            can_return=permissions.can_return(access, submission),
            return_form=ReturnForm(),
            tab="requests",
        ),
    )


@login_required
def submission_submit(request: HttpRequest, congress_id: int, submission_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    submission = _get_submission(access, submission_id)
    if submission.agency_id != access.agency_id:
        return _forbidden(request, "Chỉ đầu mối của đơn vị được gửi báo cáo của đơn vị mình.")
    if not permissions.can_submit(access, submission):
        messages.info(request, "Báo cáo đã gửi; chỉ sửa được khi Văn phòng trả lại.")
        return redirect(
            "reporting:submission-detail", congress_id=congress_id, submission_id=submission.pk
        )
    initial = {f"value_{i}": v for i, v in enumerate(submission.values)} | {"text": submission.text}
    form = SubmissionForm(
        request.POST or None, request.FILES or None, request=submission.request, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.submission_submit(
                access=access,
                submission=submission,
                text=form.cleaned_data["text"],
                values=form.values(),
                files=form.cleaned_data["files"],
            )
        except BusinessError as error:
            _apply_error(form, error)
        else:
            messages.success(request, "Đã gửi báo cáo.")
            return redirect(
                "reporting:submission-detail", congress_id=congress_id, submission_id=submission.pk
            )
    return render(
        request,
        "reporting/submission_form.html",
        _context(access, submission=submission, report_request=submission.request, form=form),
    )


@login_required
@require_POST
def submission_return(request: HttpRequest, congress_id: int, submission_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    submission = _get_submission(access, submission_id)
    if not permissions.can_manage_requests(access):
        return _forbidden(request, "Chỉ Thường trực / Văn phòng trả lại báo cáo.")
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Khi trả lại báo cáo phải ghi rõ ý kiến.")
    else:
        try:
            services.submission_return(
                access=access, submission=submission, comment=form.cleaned_data["comment"]
            )
            messages.success(request, f"Đã trả lại báo cáo của {submission.agency.name}.")
        except BusinessError as error:
            messages.error(request, error.message)
    return redirect(
        "reporting:request-detail", congress_id=congress_id, request_id=submission.request_id
    )


@login_required
def submission_file(
    request: HttpRequest, congress_id: int, submission_file_id: int
) -> FileResponse:
    access = access_congress(request.user, congress_id)
    stored = get_object_or_404(
        SubmissionFile.objects.select_related("submission"),
        pk=submission_file_id,
        submission__request__congress=access.congress,
    )
    _get_submission(access, stored.submission_id)
    try:
        handle = stored.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=stored.original_name)


# The consolidated report ------------------------------------------------------------------------


def _as_of(request: HttpRequest) -> tuple[ConsolidatedForm, dt.date]:
    today = local_today()
    form = ConsolidatedForm(request.GET or {"as_of": format_date(today)})
    as_of = form.cleaned_data["as_of"] if form.is_valid() else today
    return form, as_of


@login_required
def consolidated(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not access.sees_whole_congress:
        return _forbidden(request, WHOLE_CONGRESS_ONLY)
    form, as_of = _as_of(request)
    data = selectors.consolidated(access, as_of)
    return render(
        request,
        "reporting/consolidated.html",
        _context(
            access,
            form=form,
            data=data,
            summary=report.summary_sentence(data),
            query=f"as_of={format_date(as_of)}",
            tab="consolidated",
        ),
    )


@login_required
def consolidated_docx(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not access.sees_whole_congress:
        return _forbidden(request, WHOLE_CONGRESS_ONLY)
    _, as_of = _as_of(request)
    try:
        content = report.render_docx(access, selectors.consolidated(access, as_of), local_today())
    except BusinessError as error:
        messages.error(request, error.message)
        return redirect("reporting:consolidated", congress_id=congress_id)
    return _file(content, DOCX_CONTENT_TYPE, report.filename(as_of, "docx"))


@login_required
def consolidated_xlsx(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not access.sees_whole_congress:
        return _forbidden(request, WHOLE_CONGRESS_ONLY)
    _, as_of = _as_of(request)
    content = report.render_xlsx(selectors.consolidated(access, as_of))
    return _file(content, XLSX_CONTENT_TYPE, report.filename(as_of, "xlsx"))


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
    context = _context(
        access,
        bars=bars,
        bars_height=max(len(bars) * charts.BAR_ROW, 1),
        line=charts.open_over_time(selectors.snapshot_series(access, today), today),
        chart=charts.frame(),
    )
    template = "reporting/dashboard_charts.html"
    if request.headers.get("HX-Request"):
        template = "reporting/_charts_more.html"
    return render(request, template, context)


# Exports of the planning lists ---------------------------------------------------------------


def _filters_applied(form: TaskFilterForm) -> list[str]:
    if not form.is_bound or not form.is_valid():
        return []
    lines = []
    for name, field in form.fields.items():
        value = form.cleaned_data.get(name)
        if value in (None, "", False):
            continue
        if isinstance(value, dt.date):
            shown = format_date(value)
        elif value is True:
            shown = "có"
        elif hasattr(field, "choices") and not hasattr(value, "pk"):
            shown = str(dict(field.choices).get(value, value))
        else:
            shown = str(value)
        lines.append(f"{field.label}: {shown}")
    return ["Lọc theo: " + "; ".join(lines)] if lines else []


@login_required
def task_xlsx(request: HttpRequest, congress_id: int) -> HttpResponse:
    """The task list as on screen: the same filters, every page."""
    access = access_congress(request.user, congress_id)
    today = local_today()
    form = TaskFilterForm(request.GET or None, congress=access.congress)
    tasks = planning_selectors.tasks_visible_to(access, form.filters(), today)
    content = exports.tasks_xlsx(tasks[:MAX_EXPORT_ROWS], today, _filters_applied(form))
    return _file(content, XLSX_CONTENT_TYPE, f"nhiem-vu-{today:%Y%m%d}.xlsx")


@login_required
def agency_xlsx(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not access.sees_whole_congress:
        return _forbidden(request, WHOLE_CONGRESS_ONLY)
    today = local_today()
    content = exports.agencies_xlsx(planning_selectors.agency_table(access, today), today)
    return _file(content, XLSX_CONTENT_TYPE, f"nhiem-vu-theo-don-vi-{today:%Y%m%d}.xlsx")


# Import ------------------------------------------------------------------------------------------


@login_required
def task_import(request: HttpRequest, congress_id: int) -> HttpResponse:
    """Step 1 uploads and previews; step 2 (`confirm`) saves the signed rows, all or none."""
    access = access_congress(request.user, congress_id)
    if not access.can_manage:
        return _forbidden(request, MANAGERS_ONLY)
    form = TaskImportForm(request.POST or None, request.FILES or None)
    result = None
    token = ""
    if request.method == "POST" and "confirm" in request.POST:
        try:
            rows = imports.unsign_rows(request.POST.get("rows", ""))
            created = imports.tasks_import(access=access, rows=rows)
        except imports.TaskImportError as error:
            messages.error(request, error.message + " " + " ".join(error.errors))
        except BusinessError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, f"Đã nhập {len(created)} nhiệm vụ.")
            return redirect("planning:task-list", congress_id=congress_id)
        return redirect("reporting:task-import", congress_id=congress_id)
    if request.method == "POST" and form.is_valid():
        result = imports.read_tasks(form.cleaned_data["file"], access.congress.agencies.all())
        if result.ok:
            token = imports.sign_rows(result.rows)
    return render(
        request,
        "reporting/task_import.html",
        _context(access, form=form, result=result, token=token, tab="import"),
    )


@login_required
def import_template(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not access.can_manage:
        return _forbidden(request, MANAGERS_ONLY)
    return _file(imports.template_xlsx(), XLSX_CONTENT_TYPE, "mau-nhap-nhiem-vu.xlsx")


# Oversight -------------------------------------------------------------------------------------


@login_required
def scorecard_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    today = local_today()
    return render(
        request,
        "reporting/scorecards.html",
        _context(access, cards=selectors.scorecards(access, today), today=today, tab="scorecards"),
    )


@login_required
def scorecard_xlsx(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    today = local_today()
    content = exports.scorecards_xlsx(selectors.scorecards(access, today), today)
    return _file(content, XLSX_CONTENT_TYPE, f"danh-gia-don-vi-{today:%Y%m%d}.xlsx")


@login_required
def warning_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    today = local_today()
    found = selectors.warnings(access, today)
    return render(
        request,
        "reporting/warnings.html",
        _context(access, warnings=found, today=today, tab="warnings"),
    )


@login_required
def explanation_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    page = Paginator(selectors.explanations_of(access), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "reporting/explanation_list.html",
        _context(access, page=page, tab="explanations"),
    )


@login_required
@require_POST
def explanation_request(request: HttpRequest, congress_id: int, task_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    task = get_object_or_404(Task, pk=task_id, congress=access.congress)
    if not planning_permissions.can_view_task(access, task):
        raise Http404
    if not permissions.can_request_explanation(access, task):
        return _forbidden(request, "Chỉ lãnh đạo tiểu ban hoặc Thường trực mới yêu cầu giải trình.")
    form = ExplanationRequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Nêu nội dung cần giải trình.")
    else:
        try:
            services.explanation_request(
                access=access, task=task, reason=form.cleaned_data["reason"]
            )
            messages.success(request, "Đã gửi yêu cầu giải trình tới đơn vị chủ trì.")
        except BusinessError as error:
            messages.error(request, error.message)
    return redirect("planning:task-detail", congress_id=congress_id, task_id=task.pk)


@login_required
@require_POST
def explanation_answer(request: HttpRequest, congress_id: int, explanation_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    explanation = get_object_or_404(
        Explanation.objects.select_related("task"),
        pk=explanation_id,
        task__congress=access.congress,
    )
    if not access.sees_whole_congress and explanation.agency_id != access.agency_id:
        raise Http404
    if explanation.agency_id != access.agency_id:
        return _forbidden(request, "Chỉ đầu mối của đơn vị chủ trì trả lời yêu cầu giải trình.")
    form = ExplanationAnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Nhập nội dung giải trình.")
    else:
        try:
            services.explanation_answer(
                access=access, explanation=explanation, answer=form.cleaned_data["answer"]
            )
            messages.success(request, "Đã gửi giải trình.")
        except BusinessError as error:
            messages.error(request, error.message)
    return redirect("planning:task-detail", congress_id=congress_id, task_id=explanation.task_id)
