"""The registry's documents one by one: a replacement drafted from an issued document; the
signed scan of a document registered from paper; the confidentiality mark and the people named
to read a secret document; a committee's founding decision. (Drafts are written, edited and put
in the trash in `documents`.)"""

from django.http import FileResponse, HttpRequest
from ninja import File, Router, Schema, Status, UploadedFile

from daihoi.documents import permissions, services
from daihoi.documents.downloads import document_file
from daihoi.documents.forms import FoundingDecisionForm, ReadersForm, ScanForm
from daihoi.documents.models import Document
from daihoi.organizations.models import Committee
from daihoi.organizations.permissions import access_committee, can_manage_committees

from ..common import (
    Detail,
    access,
    answers,
    form_data,
    gate,
    valid,
    write,
)
from ..errors import FieldErrors
from .documents import DocumentDetail, SecrecyIn
from .organisation import CommitteeOut

router = Router(tags=["Văn bản"])

DRAFTERS_ONLY = "Chỉ Văn phòng và lãnh đạo tiểu ban soạn thảo văn bản."
NO_RIGHT_TO_EDIT = "Bạn không có quyền sửa văn bản."
NO_SCAN = "Hãy chọn tệp bản ký (PDF hoặc DOCX)."
FOUNDING_BY_SECRETARIAT = "Chỉ Thường trực / Văn phòng mới được gắn quyết định thành lập."


def _detail(acting, document_id: int) -> Document:
    return permissions.access_document(acting, document_id)


@router.post(
    "/{congress_id}/documents/{document_id}/replace/",
    response=answers(DocumentDetail, 201),
    summary="Soạn dự thảo thay thế một văn bản đã ban hành",
    description="Dự thảo mới chép nội dung văn bản cũ; khi được ban hành, văn bản cũ hết hiệu lực.",
)
def document_replace(request: HttpRequest, congress_id: int, document_id: int) -> Status:
    acting = access(request, congress_id)
    old = permissions.access_document(acting, document_id)
    gate(permissions.can_draft(acting), DRAFTERS_ONLY)
    draft = write(request, lambda: services.document_draft_replacement(access=acting, document=old))
    return Status(201, _detail(acting, draft.pk))


@router.get(
    "/{congress_id}/documents/{document_id}/scan/",
    response=answers(Detail),
    summary="Tải bản ký (văn bản vào sổ)",
)
def document_scan(request: HttpRequest, congress_id: int, document_id: int) -> FileResponse:
    document = permissions.access_document(access(request, congress_id), document_id)
    return document_file(document.scan, document.scan_name, document.is_secret)


@router.post(
    "/{congress_id}/documents/{document_id}/scan/",
    response=answers(DocumentDetail),
    summary="Đính kèm bản ký (multipart, `scan`)",
)
def document_attach_scan(
    request: HttpRequest,
    congress_id: int,
    document_id: int,
    scan: File[UploadedFile] | None = None,
) -> Document:
    acting = access(request, congress_id)
    document = permissions.access_document(acting, document_id)
    gate(permissions.can_draft(acting), DRAFTERS_ONLY)
    form = ScanForm(request.POST, request.FILES)
    if not form.is_valid():
        raise FieldErrors({"scan": [NO_SCAN]})
    upload = form.cleaned_data["scan"]
    write(
        request,
        lambda: services.document_attach_scan(access=acting, document=document, scan=upload),
    )
    return _detail(acting, document_id)


@router.post(
    "/{congress_id}/documents/{document_id}/readers/",
    response=answers(DocumentDetail),
    summary="Độ mật và người được xem",
)
def document_readers(
    request: HttpRequest, congress_id: int, document_id: int, payload: SecrecyIn
) -> Document:
    acting = access(request, congress_id)
    document = permissions.access_document(acting, document_id)
    gate(permissions.can_draft(acting), DRAFTERS_ONLY)
    form = valid(ReadersForm(form_data(payload), congress=acting.congress))
    write(
        request,
        lambda: services.document_set_readers(
            access=acting, document=document, **form.cleaned_data
        ),
    )
    return _detail(acting, document_id)


class FoundingIn(Schema):
    """The page "Quyết định thành lập": `document` a QĐ already issued in the registry, or
    a decision signed on paper entered now (`issuer`, `number`, `issued_on` as dd/mm/yyyy or
    yyyy-mm-dd, `subject`; `issuer_code` and `signer` optional)."""

    document: int | None = None
    issuer: int | None = None
    number: int | None = None
    issued_on: str | None = None
    issuer_code: str | None = None
    subject: str | None = None
    signer: int | None = None


@router.post(
    "/{congress_id}/committees/{committee_id}/founding-decision/",
    response=answers(CommitteeOut),
    summary="Gắn quyết định thành lập tiểu ban (chọn trong sổ hoặc vào sổ mới)",
)
def committee_founding(
    request: HttpRequest, congress_id: int, committee_id: int, payload: FoundingIn
) -> Committee:
    acting = access(request, congress_id)
    committee = access_committee(acting, committee_id)
    gate(can_manage_committees(acting), FOUNDING_BY_SECRETARIAT)
    form = valid(FoundingDecisionForm(form_data(payload), congress=acting.congress))
    chosen = form.cleaned_data["document"]
    if chosen is not None:
        write(
            request,
            lambda: services.committee_set_founding_decision(
                access=acting, committee=committee, document=chosen
            ),
        )
    else:
        write(
            request,
            lambda: services.committee_register_founding_decision(
                access=acting, committee=committee, **form.new_decision()
            ),
        )
    return access_committee(acting, committee_id)
