"""The XLSX task import: upload (the worker reads and checks the sheet), the preview with its
progress, then the confirmation (the worker saves every row or none)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from daihoi.core.dates import today as local_today
from daihoi.core.exceptions import BusinessError
from daihoi.core.uploads import XLSX_CONTENT_TYPE
from daihoi.core.views import content_file, forbidden, page_context, run_button
from daihoi.organizations.permissions import access_congress

from .. import import_jobs, imports
from ..forms import TaskImportForm
from ..models import TaskImportJob
from ..permissions import access_import_job, can_import_tasks

MANAGERS_ONLY = "Chỉ Thường trực / Văn phòng mới thực hiện được thao tác này."
PREVIEW_ROWS = 200  # rows shown in the preview; every row's errors are listed above it
SHOWN_ERRORS = 500
RECENT_JOBS = 10


@login_required
def task_import(request: HttpRequest, congress_id: int) -> HttpResponse:
    """Upload: the sheet is stored and read by the worker; the job's page shows the progress."""
    access = access_congress(request.user, congress_id)
    if not can_import_tasks(access):
        return forbidden(request, MANAGERS_ONLY)
    form = TaskImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = import_jobs.task_import_start(access=access, upload=form.cleaned_data["file"])
        except BusinessError as error:
            form.add_error("file", error.message)
        else:
            return redirect(
                "reporting:task-import-job", congress_id=congress_id, import_job_id=job.pk
            )
    jobs = TaskImportJob.objects.filter(congress=access.congress).defer("rows", "errors")
    return render(
        request,
        "reporting/task_import.html",
        page_context(
            access,
            form=form,
            jobs=jobs.select_related("created_by")[:RECENT_JOBS],
            tab="import",
        ),
    )


@login_required
def task_import_job(request: HttpRequest, congress_id: int, import_job_id: int) -> HttpResponse:
    """One import: its progress while the worker reads or saves, then its preview or outcome."""
    access = access_congress(request.user, congress_id)
    if not can_import_tasks(access):
        return forbidden(request, MANAGERS_ONLY)
    job = access_import_job(access, import_job_id, with_rows=True)
    try:
        shown = [imports.ImportRow(**item) for item in job.rows[:PREVIEW_ROWS]]
    except TypeError:  # rows kept by an older version of the import: the outcome alone
        shown = []
    return render(
        request,
        "reporting/task_import_job.html",
        page_context(
            access,
            job=job,
            shown=shown,
            hidden_rows=max(0, len(job.rows) - len(shown)),
            errors=job.errors[:SHOWN_ERRORS],
            hidden_errors=max(0, len(job.errors) - SHOWN_ERRORS),
            tab="import",
        ),
    )


@login_required
def task_import_progress(
    request: HttpRequest, congress_id: int, import_job_id: int
) -> HttpResponse:
    """The small status fragment the job's page polls; once the worker is done it asks the page
    to reload (the preview or the outcome)."""
    access = access_congress(request.user, congress_id)
    if not can_import_tasks(access):
        return forbidden(request, MANAGERS_ONLY)
    job = access_import_job(access, import_job_id)
    response = render(request, "reporting/_import_progress.html", page_context(access, job=job))
    if not job.running:
        response["HX-Refresh"] = "true"
    return response


@require_POST
@login_required
def task_import_confirm(request: HttpRequest, congress_id: int, import_job_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not can_import_tasks(access):
        return forbidden(request, MANAGERS_ONLY)
    job = access_import_job(access, import_job_id)
    return run_button(
        request,
        lambda: import_jobs.task_import_confirm(access=access, job=job),
        success=f"Đang lưu {job.total} dòng; trang này cho biết khi lưu xong.",
        then=redirect("reporting:task-import-job", congress_id=congress_id, import_job_id=job.pk),
    )


@login_required
def import_template(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not can_import_tasks(access):
        return forbidden(request, MANAGERS_ONLY)
    content = imports.template_xlsx(access.congress, local_today())
    return content_file(content, XLSX_CONTENT_TYPE, "mau-nhap-nhiem-vu.xlsx")
