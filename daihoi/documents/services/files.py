"""A document's signed scan and who may read a confidential one."""

from collections.abc import Iterable

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models.fields.files import FieldFile

from daihoi.accounts.models import User
from daihoi.core.audit import changes_since, record, snapshot
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require
from daihoi.core.uploads import validate_attachment
from daihoi.organizations.permissions import Access

from .. import permissions
from ..models import (
    Confidentiality,
    Document,
    DocumentAction,
)
from ..selectors import congress_users

SCAN_TYPES = {".pdf", ".docx"}


def check_document_file(upload: UploadedFile, field: str) -> None:
    """A document's file: PDF or DOCX, checked like any attachment (size, content)."""
    name = (upload.name or "").lower()
    if not any(name.endswith(suffix) for suffix in SCAN_TYPES):
        raise BusinessError(
            f"Tệp “{upload.name}” phải là PDF hoặc DOCX (bản chụp hoặc bản điện tử của văn bản).",
            field=field,
        )
    try:
        validate_attachment(upload)
    except BusinessError as error:
        raise BusinessError(error.message, field=field) from None


def _readers_for(access: Access, confidentiality: str, readers: Iterable[User]) -> list[User]:
    """The people named on a secret document: those chosen, always with the actor (who would
    otherwise lose sight of what they have just registered); nobody for an ordinary one."""
    if confidentiality not in Confidentiality.values:
        raise BusinessError("Độ mật không hợp lệ.", field="confidentiality")
    if confidentiality == Confidentiality.NORMAL:
        return []
    chosen = {user.pk: user for user in readers}
    allowed = set(congress_users(access.congress).values_list("pk", flat=True))
    if any(pk not in allowed for pk in chosen):
        raise BusinessError(
            "Người được xem văn bản mật phải là người dùng của Đại hội này.", field="readers"
        )
    chosen.setdefault(access.user.pk, access.user)
    return list(chosen.values())


def _store_file(field: FieldFile, upload: UploadedFile) -> str:
    """Saves the upload under the document's folder; returns the user's file name."""
    if field:
        field.delete(save=False)
    field.save((upload.name or "van-ban").rsplit("/", 1)[-1], upload, save=False)
    return (upload.name or "")[:255]


@transaction.atomic
def document_attach_scan(*, access: Access, document: Document, scan: UploadedFile) -> Document:
    """The signed scan of a document issued on paper, attached at registration or later."""
    require(permissions.can_draft(access) and document.congress_id == access.congress.pk)
    check_document_file(scan, "scan")
    locked = Document.objects.select_for_update().get(pk=document.pk)
    if not locked.is_registered:
        raise BusinessError("Chỉ văn bản vào sổ (ban hành ngoài hệ thống) mới đính kèm bản ký.")
    document.scan_name = _store_file(document.scan, scan)
    document.save(update_fields=["scan", "scan_name"])
    record(access, DocumentAction.SCAN_ATTACHED, document, data={"file": document.scan_name})
    return document


@transaction.atomic
def document_set_readers(
    *, access: Access, document: Document, confidentiality: str, readers: Iterable[User]
) -> Document:
    """Marks a document Thường, Mật or Tối mật and names who may read a secret one."""
    require(permissions.can_draft(access) and document.congress_id == access.congress.pk)
    locked = Document.objects.select_for_update().get(pk=document.pk)
    if not permissions.can_mark_secret(locked):
        raise BusinessError(
            "Văn bản này đã ban hành và gửi đi trên hệ thống (giấy mời, thông báo…) nên không "
            "đổi được độ mật; độ mật được chọn khi soạn thảo.",
            field="confidentiality",
        )
    before = snapshot(document, ["confidentiality"])
    named = _readers_for(access, confidentiality, readers)
    document.confidentiality = confidentiality
    document.save(update_fields=["confidentiality"])
    document.readers.set(named)
    record(
        access,
        DocumentAction.READERS_SET,
        document,
        changes=changes_since(document, before),
        data={"readers": sorted(user.pk for user in named)},
    )
    return document


# The register of documents received (sổ văn bản đến) --------------------------------------------
