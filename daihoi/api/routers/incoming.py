"""The register of documents received (sổ văn bản đến): listed and exported with the page's
filters, registered with its file, corrected (with its version), its file replaced or
downloaded, put in the trash, and given to agencies as a task."""

import datetime as dt

from django.http import FileResponse, HttpRequest, HttpResponse
from ninja import File, Form, Query, Router, Schema, Status, UploadedFile

from daihoi.documents import permissions, selectors, services
from daihoi.documents.downloads import document_file, incoming_workbook
from daihoi.documents.forms import IncomingForm
from daihoi.documents.models import IncomingDocument
from daihoi.organizations.permissions import Access
from daihoi.planning import permissions as planning_permissions
from daihoi.planning import services as planning_services

from ..common import (
    Detail,
    access,
    answers,
    form_data,
    gate,
    listed,
    removal,
    removed,
    valid,
    versioned_put,
    write,
    write_versioned,
)
from ..errors import FieldErrors
from .planning import task_form
from .planning_schemas import TaskIn, TaskOut

router = Router(tags=["Văn bản đến"])

NO_FILE = "Hãy chọn tệp văn bản (PDF hoặc DOCX)."
TASKS_BY_SECRETARIAT = "Chỉ Thường trực / Văn phòng mới được giao xử lý văn bản đến."


class IncomingOut(Schema):
    id: int
    arrival_number: int
    year: int
    received_on: dt.date
    sender_symbol: str
    issued_on: dt.date | None
    issuer_agency_id: int | None
    issuer_name: str
    issuer_label: str
    subject: str
    urgency: str
    confidentiality: str
    has_file: bool

    @staticmethod
    def resolve_has_file(document: IncomingDocument) -> bool:
        return bool(document.file)


class IncomingDetail(IncomingOut):
    """One entry as its page shows it: `readers` (user ids) only for a secret one, the agencies
    handling it, the tasks given from it that the caller may open, and `version` to send back
    with a correction."""

    file_name: str
    version: int
    readers: list[int]
    handling_agencies: list[int]
    tasks: list[int]

    @staticmethod
    def resolve_readers(document: IncomingDocument) -> list[int]:
        if not document.is_secret:
            return []
        return sorted(document.readers.values_list("pk", flat=True))

    @staticmethod
    def resolve_tasks(document: IncomingDocument) -> list[int]:
        return getattr(document, "task_ids", [])

    @staticmethod
    def resolve_handling_agencies(document: IncomingDocument) -> list[int]:
        return sorted(document.handling_agencies.values_list("pk", flat=True))


class IncomingQuery(Schema):
    """The page's filters: search (diacritics ignored) in number, symbol, issuer and subject;
    the agency handling it; the marks; the days received (both included)."""

    q: str | None = None
    agency: int | None = None
    confidentiality: str | None = None
    urgency: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


class IncomingIn(Schema):
    """The page's form "Vào sổ văn bản đến"; dates as dd/mm/yyyy or yyyy-mm-dd; the issuer
    chosen among the agencies (`issuer_agency`) or named (`issuer_name`)."""

    received_on: str
    sender_symbol: str | None = None
    issued_on: str | None = None
    issuer_agency: int | None = None
    issuer_name: str | None = None
    subject: str
    urgency: str | None = None
    confidentiality: str | None = None
    readers: list[int] | None = None


class IncomingUpdateIn(IncomingIn):
    version: int | None = None


class FileIn(Schema):
    """The version read (none: no check)."""

    version: int | None = None


def _rows(acting: Access, filters: IncomingQuery):
    return selectors.incoming_visible_to(
        acting,
        selectors.IncomingFilters(
            q=filters.q or "",
            confidentiality=filters.confidentiality or "",
            urgency=filters.urgency or "",
            agency_id=filters.agency,
            date_from=filters.date_from,
            date_to=filters.date_to,
        ),
    )


def _detail(acting: Access, incoming_id: int) -> IncomingDocument:
    document = permissions.access_incoming(acting, incoming_id)
    # The tasks given from it, through planning's own rule of who may open a task.
    tasks = document.tasks.visible_to(acting)
    document.task_ids = sorted(tasks.values_list("pk", flat=True))  # type: ignore[attr-defined]
    return document


@listed(router, "/{congress_id}/incoming/", IncomingOut, "Sổ văn bản đến")
def incoming_list(request: HttpRequest, congress_id: int, filters: Query[IncomingQuery]):
    return _rows(access(request, congress_id), filters).order_by()


@router.get(
    "/{congress_id}/incoming/export/",
    response=answers(Detail),
    summary="Xuất sổ văn bản đến (XLSX, cùng bộ lọc)",
)
def incoming_export(
    request: HttpRequest, congress_id: int, filters: Query[IncomingQuery]
) -> HttpResponse:
    acting = access(request, congress_id)
    return incoming_workbook(acting.congress, _rows(acting, filters))


@router.post(
    "/{congress_id}/incoming/register/",
    response=answers(IncomingDetail, 201),
    summary="Vào sổ văn bản đến (multipart, kèm tệp `file`)",
)
def incoming_register(
    request: HttpRequest,
    congress_id: int,
    payload: Form[IncomingIn],
    file: File[UploadedFile] | None = None,
) -> Status:
    acting = access(request, congress_id)
    gate(permissions.can_register_incoming(acting), services.REGISTRAR_ONLY)
    form = valid(IncomingForm(request.POST, request.FILES, congress=acting.congress))
    document = write(request, lambda: services.incoming_register(access=acting, **form.edited()))
    return Status(201, _detail(acting, document.pk))


@router.get(
    "/{congress_id}/incoming/{incoming_id}/",
    response=answers(IncomingDetail),
    summary="Một văn bản đến",
)
def incoming_detail(request: HttpRequest, congress_id: int, incoming_id: int):
    return _detail(access(request, congress_id), incoming_id)


@versioned_put(router, "/{congress_id}/incoming/{incoming_id}/", IncomingDetail, "Sửa văn bản đến")
def incoming_update(
    request: HttpRequest, congress_id: int, incoming_id: int, payload: IncomingUpdateIn
) -> IncomingDocument:
    acting = access(request, congress_id)
    document = permissions.access_incoming(acting, incoming_id)
    gate(permissions.can_register_incoming(acting), services.REGISTRAR_ONLY)
    form = valid(IncomingForm(form_data(payload), congress=acting.congress))
    write_versioned(
        request,
        services.incoming_update,
        payload.version,
        access=acting,
        document=document,
        **form.edited(),
    )
    return _detail(acting, incoming_id)


@router.get(
    "/{congress_id}/incoming/{incoming_id}/file/",
    response=answers(Detail),
    summary="Tải tệp văn bản đến",
)
def incoming_file(request: HttpRequest, congress_id: int, incoming_id: int) -> FileResponse:
    document = permissions.access_incoming(access(request, congress_id), incoming_id)
    return document_file(document.file, document.file_name, document.is_secret)


@router.post(
    "/{congress_id}/incoming/{incoming_id}/file/",
    response=answers(IncomingDetail),
    summary="Thay tệp văn bản đến (multipart, `file`)",
    description="`version`: số phiên bản đã đọc; ai đó đã sửa trước thì trả về 409.",
)
def incoming_replace_file(
    request: HttpRequest,
    congress_id: int,
    incoming_id: int,
    payload: Form[FileIn],
    file: File[UploadedFile] | None = None,
) -> IncomingDocument:
    acting = access(request, congress_id)
    document = permissions.access_incoming(acting, incoming_id)
    gate(permissions.can_register_incoming(acting), services.REGISTRAR_ONLY)
    # The upload as the page's form reads it (the parameter above describes it in the schema).
    upload = request.FILES.get("file")
    if upload is None:
        raise FieldErrors({"file": [NO_FILE]})
    # The page's form sent back as it was, with only the new file.
    kept = {name: getattr(document, name) for name in services.INCOMING_FIELDS}
    write_versioned(
        request,
        services.incoming_update,
        payload.version,
        access=acting,
        document=document,
        readers=list(document.readers.all()),
        file=upload,
        **kept,
    )
    return _detail(acting, incoming_id)


@removal(
    router,
    "/{congress_id}/incoming/{incoming_id}/",
    "Chuyển văn bản đến vào thùng rác (Thường trực / Văn phòng khôi phục được)",
)
def incoming_delete(request: HttpRequest, congress_id: int, incoming_id: int) -> Status:
    acting = access(request, congress_id)
    document = permissions.access_incoming(acting, incoming_id)
    return removed(request, lambda: services.incoming_delete(access=acting, document=document))


@router.post(
    "/{congress_id}/incoming/{incoming_id}/task/",
    response=answers(TaskOut, 201),
    summary="Giao xử lý văn bản đến thành nhiệm vụ",
    description="Các đơn vị được giao đọc được văn bản (văn bản mật: vẫn chỉ người có tên).",
)
def incoming_task(
    request: HttpRequest, congress_id: int, incoming_id: int, payload: TaskIn
) -> Status:
    acting = access(request, congress_id)
    document = permissions.access_incoming(acting, incoming_id)
    gate(planning_permissions.can_manage_tasks(acting), TASKS_BY_SECRETARIAT)
    form = task_form(acting, payload)
    task = write(
        request,
        lambda: planning_services.incoming_to_task(
            access=acting, document=document, fields=form.task_fields()
        ),
    )
    return Status(201, planning_permissions.access_task(acting, task.pk))
