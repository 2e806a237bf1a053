"""Report requests and the agencies' submissions: ask, send, return, download."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from daihoi.core import once
from daihoi.core.dates import today as local_today
from daihoi.core.exceptions import BusinessError
from daihoi.core.uploads import DOCX_CONTENT_TYPE, XLSX_CONTENT_TYPE
from daihoi.core.views import (
    apply_error,
    content_file,
    files_form_page,
    forbidden,
    page_context,
    run_form_button,
    stored_file,
)
from daihoi.organizations.permissions import Access, access_congress

from .. import compilation, exports, permissions, selectors, services
from ..forms import (
    ReportRequestForm,
    ReturnForm,
    StateFilterForm,
    SubmissionForm,
)
from ..models import ReportRequest, ReportSubmission, SubmissionState, submission_state_q

PAGE_SIZE = 25
WHOLE_CONGRESS_ONLY = "Trang này dành cho Thường trực, lãnh đạo và thành viên các Tiểu ban."

# Report requests -----------------------------------------------------------------------------


@login_required
def request_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    today = local_today()
    if access.sees_whole_congress:
        requests = selectors.requests_of(access, today)
        page = Paginator(requests, PAGE_SIZE).get_page(request.GET.get("page"))
        return render(
            request,
            "reporting/request_list.html",
            page_context(access, page=page, today=today, tab="requests"),
        )
    submissions = selectors.submissions_of_agency(access, access.agency_id or 0)
    form = StateFilterForm(request.GET or None)
    state = form.cleaned_data["state"] if form.is_valid() else ""
    if state:
        submissions = submissions.filter(submission_state_q(state, today))
    own = Paginator(submissions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "reporting/submission_inbox.html",
        page_context(
            access,
            page=own,
            today=today,
            rows=[(s, s.state(today)) for s in own],
            tab="requests",
            state_label=SubmissionState(state).label if state else "",
        ),
    )


@login_required
def request_create(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not permissions.can_manage_requests(access):
        return forbidden(request, "Chỉ Thường trực / Văn phòng mới yêu cầu báo cáo.")
    form = ReportRequestForm(request.POST or None, request.FILES or None, congress=access.congress)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                claimed = once.claim(request)
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
            apply_error(form, error)
        except once.AlreadySubmitted as earlier:
            return earlier.response(request, request.path)
        else:
            messages.success(
                request, f"Đã gửi yêu cầu báo cáo tới {len(data['agencies'])} cơ quan, đơn vị."
            )
            return once.remember(
                claimed,
                redirect(
                    "reporting:request-detail", congress_id=congress_id, request_id=created.pk
                ),
            )
    return render(
        request, "reporting/request_form.html", page_context(access, form=form, tab="requests")
    )


@login_required
def request_detail(request: HttpRequest, congress_id: int, request_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    report_request = permissions.access_report_request(access, request_id)
    if not access.sees_whole_congress:
        # access_report_request let through only an agency that was asked.
        own = report_request.submissions.get(agency_id=access.agency_id or 0)
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
        page_context(
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
    report_request = permissions.access_report_request(access, request_id)
    if not permissions.can_see_all_submissions(access):
        return forbidden(request, WHOLE_CONGRESS_ONLY)
    today = local_today()
    form = StateFilterForm(request.GET or None)
    state = form.cleaned_data["state"] if form.is_valid() else ""
    submissions = selectors.submissions_for(access, report_request, today, state)
    label = SubmissionState(state).label if state else ""
    content = exports.request_xlsx(report_request, submissions, today, str(label))
    return content_file(content, XLSX_CONTENT_TYPE, f"yeu-cau-bao-cao-{report_request.pk}.xlsx")


@login_required
def request_docx(request: HttpRequest, congress_id: int, request_id: int) -> HttpResponse:
    """The agencies' answers compiled into one report in the official layout."""
    access = access_congress(request.user, congress_id)
    report_request = permissions.access_report_request(access, request_id)
    if not permissions.can_see_all_submissions(access):
        return forbidden(request, WHOLE_CONGRESS_ONLY)
    today = local_today()
    submissions = selectors.submissions_for(access, report_request, today, "")
    try:
        content = compilation.render_docx(access, report_request, list(submissions), today)
    except BusinessError as error:
        messages.error(request, error.message)
        return redirect("reporting:request-detail", congress_id=congress_id, request_id=request_id)
    return content_file(content, DOCX_CONTENT_TYPE, compilation.filename(report_request, today))


@login_required
def request_template(request: HttpRequest, congress_id: int, request_id: int) -> FileResponse:
    access = access_congress(request.user, congress_id)
    report_request = permissions.access_report_request(access, request_id)
    return stored_file(report_request.template_file, report_request.template_name)


# Submissions -----------------------------------------------------------------------------------


@login_required
def submission_detail(request: HttpRequest, congress_id: int, submission_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    submission = permissions.access_submission(access, submission_id)
    today = local_today()
    return render(
        request,
        "reporting/submission_detail.html",
        page_context(
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
    submission = permissions.access_submission(access, submission_id)
    if submission.agency_id != access.agency_id:
        return forbidden(request, "Chỉ đầu mối của đơn vị được gửi báo cáo của đơn vị mình.")
    if not permissions.can_submit(access, submission):
        messages.info(request, "Báo cáo đã gửi; chỉ sửa được khi Văn phòng trả lại.")
        return redirect(
            "reporting:submission-detail", congress_id=congress_id, submission_id=submission.pk
        )
    return submission_page(
        request,
        access,
        submission,
        submission.request,
        success="Đã gửi báo cáo.",
        then=lambda: redirect(
            "reporting:submission-detail", congress_id=congress_id, submission_id=submission.pk
        ),
        template="reporting/submission_form.html",
        context=lambda form: page_context(
            access, submission=submission, report_request=submission.request, form=form
        ),
    )


def submission_page(
    request: HttpRequest,
    access: Access,
    submission: ReportSubmission,
    report_request: ReportRequest,
    *,
    success: str,
    then: Callable[[], HttpResponse],
    template: str,
    context: Callable[[SubmissionForm], dict[str, Any]],
) -> HttpResponse:
    """The form that sends `submission` (the answer to `report_request`), with its text, its
    values and its files, through `services.submission_submit`; `context(form)` is the page's."""
    form = SubmissionForm(
        request.POST or None,
        request.FILES or None,
        request=report_request,
        initial=SubmissionForm.initial_for(submission),
    )
    return files_form_page(
        request,
        form,
        "files",
        lambda files: services.submission_submit(
            access=access,
            submission=submission,
            text=form.cleaned_data["text"],
            values=form.values(),
            files=files,
        ),
        success=success,
        then=lambda _: then(),
        template=template,
        context=context(form),
    )


@login_required
@require_POST
def submission_return(request: HttpRequest, congress_id: int, submission_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    submission = permissions.access_submission(access, submission_id)
    if not permissions.can_manage_requests(access):
        return forbidden(request, "Chỉ Thường trực / Văn phòng trả lại báo cáo.")
    return run_form_button(
        request,
        ReturnForm(request.POST),
        lambda data: services.submission_return(
            access=access, submission=submission, comment=data["comment"]
        ),
        invalid="Khi trả lại báo cáo phải ghi rõ ý kiến.",
        success=f"Đã trả lại báo cáo của {submission.answerer_name}.",
        then=redirect(
            "reporting:request-detail", congress_id=congress_id, request_id=submission.request_id
        ),
    )


@login_required
def submission_file(
    request: HttpRequest, congress_id: int, submission_file_id: int
) -> FileResponse:
    access = access_congress(request.user, congress_id)
    stored = permissions.access_submission_file(access, submission_file_id)
    return stored_file(stored.file, stored.original_name)
