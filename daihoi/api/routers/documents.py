"""The document registry: documents the actor may read (secret ones only to those named),
issuing a draft, and the DOCX and PDF."""

import datetime as dt

from django.http import FileResponse, HttpRequest
from ninja import File, Form, Query, Router, Schema, Status, UploadedFile

from daihoi.core.views import stored_file
from daihoi.documents import permissions, selectors, services
from daihoi.documents.forms import DocumentForm, RegisterForm
from daihoi.documents.models import Document
from daihoi.documents.selectors import DocumentFilters

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

router = Router(tags=["Văn bản"])

ISSUERS_ONLY = "Chỉ Văn phòng và lãnh đạo tiểu ban ban hành văn bản."
REGISTRARS_ONLY = "Chỉ Văn phòng và lãnh đạo tiểu ban vào sổ văn bản."
DRAFTERS_ONLY = "Chỉ Văn phòng và lãnh đạo tiểu ban soạn thảo văn bản."
NO_RIGHT_TO_EDIT = "Bạn không có quyền sửa văn bản."


class DocumentOut(Schema):
    id: int
    kind: str
    issuer_id: int | None
    symbol: str
    number: int | None
    issued_on: dt.date | None
    subject: str
    status: str
    confidentiality: str
    has_docx: bool
    has_pdf: bool

    @staticmethod
    def resolve_has_docx(document) -> bool:
        return bool(document.docx)

    @staticmethod
    def resolve_has_pdf(document) -> bool:
        return bool(document.pdf)


class DocumentDetail(DocumentOut):
    """One document as its page shows it; `readers` (user ids) only for a secret one, and
    `version` to send back with an edit of a draft."""

    body: str
    recipients: str
    signer_id: int | None
    signer_title: str
    authority: str
    version: int
    replaces_id: int | None
    recipient_agencies: list[int]
    readers: list[int]
    has_scan: bool
    scan_name: str

    @staticmethod
    def resolve_recipient_agencies(document) -> list[int]:
        return sorted(document.recipient_agencies.values_list("pk", flat=True))

    @staticmethod
    def resolve_readers(document) -> list[int]:
        if not document.is_secret:
            return []
        return sorted(document.readers.values_list("pk", flat=True))

    @staticmethod
    def resolve_has_scan(document) -> bool:
        return bool(document.scan)


class DocumentQuery(Schema):
    q: str | None = None
    kind: str | None = None
    status: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


@listed(router, "/{congress_id}/documents/", DocumentOut, "Văn bản")
def document_list(request: HttpRequest, congress_id: int, filters: Query[DocumentQuery]):
    found = DocumentFilters(
        q=filters.q or "",
        kind=filters.kind or "",
        status=filters.status or "",
        date_from=filters.date_from,
        date_to=filters.date_to,
    )
    return selectors.documents_visible_to(access(request, congress_id), found).order_by()


class RegisterIn(Schema):
    """A document numbered elsewhere (signed on paper), entered in the registry; the fields of
    the page's form ("Vào sổ văn bản"), the signed scan as a file."""

    kind: str
    number: int
    issued_on: str
    issuer: int
    issuer_code: str | None = None
    subject: str
    body: str | None = None
    recipients: str | None = None
    recipient_agencies: list[int] | None = None
    signer: int | None = None
    signer_title: str | None = None
    authority: str | None = None
    confidentiality: str | None = None
    readers: list[int] | None = None


@router.post(
    "/{congress_id}/documents/register/",
    response=answers(DocumentDetail, 201),
    summary="Vào sổ văn bản đã ký (multipart, kèm bản ký)",
)
def document_register(
    request: HttpRequest,
    congress_id: int,
    payload: Form[RegisterIn],
    scan: File[UploadedFile] | None = None,
) -> Status:
    acting = access(request, congress_id)
    gate(permissions.can_draft(acting), REGISTRARS_ONLY)
    form = valid(RegisterForm(request.POST, request.FILES, congress=acting.congress))
    document = write(request, lambda: services.document_register(access=acting, **form.edited()))
    return Status(201, permissions.access_document(acting, document.pk))


@router.get(
    "/{congress_id}/documents/{document_id}/",
    response=answers(DocumentDetail),
    summary="Một văn bản",
)
def document_detail(request: HttpRequest, congress_id: int, document_id: int):
    return permissions.access_document(access(request, congress_id), document_id)


@router.post(
    "/{congress_id}/documents/{document_id}/issue/",
    response=answers(DocumentDetail),
    summary="Ban hành dự thảo (cấp số; PDF do tiến trình nền tạo)",
)
def document_issue(request: HttpRequest, congress_id: int, document_id: int):
    acting = access(request, congress_id)
    document = permissions.access_document(acting, document_id)
    gate(permissions.can_issue(acting), ISSUERS_ONLY)
    write(request, lambda: services.document_issue(access=acting, document=document))
    return permissions.access_document(acting, document_id)


@router.get(
    "/{congress_id}/documents/{document_id}/docx/", response=answers(Detail), summary="Tải DOCX"
)
def document_docx(request: HttpRequest, congress_id: int, document_id: int) -> FileResponse:
    return stored_file(permissions.access_document(access(request, congress_id), document_id).docx)


@router.get(
    "/{congress_id}/documents/{document_id}/pdf/", response=answers(Detail), summary="Tải PDF"
)
def document_pdf(request: HttpRequest, congress_id: int, document_id: int) -> FileResponse:
    return stored_file(permissions.access_document(access(request, congress_id), document_id).pdf)


# Drafts: written, edited with the version read, put in the trash -------------------------------


class SecrecyIn(Schema):
    """The mark ("normal", "secret", "top_secret") and, for a secret one, the users named to
    read it (ids); whoever enters it is always named."""

    confidentiality: str | None = None
    readers: list[int] | None = None


class DraftIn(SecrecyIn):
    """The page's form "Soạn thảo văn bản"; `recipient_agencies` the agencies' ids (or
    "g<id>" for a group) that read it in the app once issued."""

    kind: str
    issuer: int
    subject: str
    body: str | None = None
    recipients: str | None = None
    recipient_agencies: list[str] | None = None
    signer: int | None = None
    signer_title: str | None = None
    authority: str | None = None


class DraftUpdateIn(DraftIn):
    version: int | None = None


def _draft_form(acting, payload: DraftIn) -> DocumentForm:
    return valid(DocumentForm(form_data(payload), congress=acting.congress))


def _detail(acting, document_id: int) -> Document:
    return permissions.access_document(acting, document_id)


@router.post(
    "/{congress_id}/documents/", response=answers(DocumentDetail, 201), summary="Soạn dự thảo"
)
def document_create(request: HttpRequest, congress_id: int, payload: DraftIn) -> Status:
    acting = access(request, congress_id)
    gate(permissions.can_draft(acting), DRAFTERS_ONLY)
    form = _draft_form(acting, payload)
    document = write(request, lambda: services.document_create(access=acting, **form.edited()))
    return Status(201, _detail(acting, document.pk))


@versioned_put(
    router, "/{congress_id}/documents/{document_id}/", DocumentDetail, "Sửa dự thảo văn bản"
)
def document_update(
    request: HttpRequest, congress_id: int, document_id: int, payload: DraftUpdateIn
) -> Document:
    acting = access(request, congress_id)
    document = permissions.access_document(acting, document_id)
    gate(permissions.can_draft(acting), NO_RIGHT_TO_EDIT)
    form = _draft_form(acting, payload)
    write_versioned(
        request,
        services.document_update,
        payload.version,
        access=acting,
        document=document,
        **form.edited(),
    )
    return _detail(acting, document_id)


@removal(
    router,
    "/{congress_id}/documents/{document_id}/",
    "Chuyển dự thảo vào thùng rác (Thường trực / Văn phòng khôi phục được)",
)
def document_delete(request: HttpRequest, congress_id: int, document_id: int) -> Status:
    acting = access(request, congress_id)
    document = permissions.access_document(acting, document_id)
    return removed(request, lambda: services.document_delete(access=acting, document=document))
