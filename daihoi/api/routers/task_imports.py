"""The XLSX task import, as on its pages: the sheet is uploaded and read by the worker (the
job's progress), its preview lists every row and every error, and one confirmation has the
worker save every row or none; the empty template to fill in."""

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import File, Router, Schema, Status, UploadedFile

from daihoi.core.dates import today as local_today
from daihoi.core.uploads import XLSX_CONTENT_TYPE
from daihoi.core.views import content_file
from daihoi.organizations.permissions import Access
from daihoi.reporting import import_jobs, imports
from daihoi.reporting.forms import TaskImportForm
from daihoi.reporting.models import TaskImportJob
from daihoi.reporting.permissions import access_import_job, can_import_tasks

from ..common import Detail, access, answers, display, gate, listed, valid, write

router = Router(tags=["Nhập nhiệm vụ từ Excel"])

MANAGERS_ONLY = "Chỉ Thường trực / Văn phòng mới thực hiện được thao tác này."


class ImportJobOut(Schema):
    """`state`: queued, reading (`done` of `total` rows read), previewed (waiting for the
    confirmation), rejected (errors, nothing saved), saving, saved, failed."""

    id: int
    file_name: str
    state: str
    state_label: str = display("state")
    running: bool
    total: int
    done: int
    percent: int
    new_count: int
    changed_count: int
    created_count: int
    updated_count: int
    created_by_id: int | None
    confirmed_by_id: int | None
    created_at: dt.datetime
    finished_at: dt.datetime | None


class ImportJobDetail(ImportJobOut):
    """With the preview: every row as read (an update names its task in `code` and lists its
    `changes` as [field, old, new]) and every error of the sheet, by line."""

    errors: list[str]
    rows: list[dict[str, Any]]


def _importer(request: HttpRequest, congress_id: int) -> Access:
    acting = access(request, congress_id)
    gate(can_import_tasks(acting), MANAGERS_ONLY)
    return acting


def _detail(acting: Access, import_job_id: int) -> TaskImportJob:
    return access_import_job(acting, import_job_id, with_rows=True)


@listed(
    router,
    "/{congress_id}/task-imports/",
    ImportJobOut,
    "Các lần nhập nhiệm vụ từ Excel (mới nhất trước)",
    ordering=("-id",),
    page_size=20,
)
def import_job_list(request: HttpRequest, congress_id: int) -> QuerySet[TaskImportJob]:
    acting = _importer(request, congress_id)
    return TaskImportJob.objects.filter(congress=acting.congress).defer("rows", "errors")


@router.post(
    "/{congress_id}/task-imports/",
    response=answers(ImportJobDetail, 202),
    summary="Tải lên tệp Excel nhiệm vụ (multipart): tiến trình nền đọc và kiểm tra",
    description="Theo dõi `state` của lần nhập; khi `previewed` thì xem trước rồi xác nhận lưu.",
)
def import_job_start(
    request: HttpRequest, congress_id: int, file: File[UploadedFile] | None = None
) -> Status:
    acting = _importer(request, congress_id)
    form = valid(TaskImportForm(request.POST, request.FILES))
    upload = form.cleaned_data["file"]
    job = write(request, lambda: import_jobs.task_import_start(access=acting, upload=upload))
    return Status(202, _detail(acting, job.pk))


@router.get(
    "/{congress_id}/task-imports/{import_job_id}/",
    response=answers(ImportJobDetail),
    summary="Một lần nhập: tiến độ đọc, bản xem trước với lỗi từng dòng, hoặc kết quả",
)
def import_job_detail(request: HttpRequest, congress_id: int, import_job_id: int) -> TaskImportJob:
    return _detail(_importer(request, congress_id), import_job_id)


@router.post(
    "/{congress_id}/task-imports/{import_job_id}/confirm/",
    response=answers(ImportJobDetail, 202),
    summary="Xác nhận lưu lần nhập đã kiểm tra (một lần; tiến trình nền lưu tất cả hoặc không)",
)
def import_job_confirm(request: HttpRequest, congress_id: int, import_job_id: int) -> Status:
    acting = _importer(request, congress_id)
    job = access_import_job(acting, import_job_id)
    write(request, lambda: import_jobs.task_import_confirm(access=acting, job=job))
    return Status(202, _detail(acting, import_job_id))


@router.get(
    "/{congress_id}/task-import-template/",
    response=answers(Detail),
    summary="Tải mẫu Excel để nhập nhiệm vụ",
)
def import_template(request: HttpRequest, congress_id: int) -> HttpResponse:
    acting = _importer(request, congress_id)
    content = imports.template_xlsx(acting.congress, local_today())
    return content_file(content, XLSX_CONTENT_TYPE, "mau-nhap-nhiem-vu.xlsx")
