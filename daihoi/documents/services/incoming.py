"""The register of documents received (sổ văn bản đến) and who handles each."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from daihoi.accounts.models import User
from daihoi.core.audit import changes_since, record, snapshot
from daihoi.core.dates import today as local_today
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require, require_same_congress
from daihoi.core.softdelete import move_to_trash, restore_from_trash
from daihoi.core.text import fold
from daihoi.core.versioning import check_version
from daihoi.organizations.models import Agency
from daihoi.organizations.permissions import Access

from .. import permissions
from ..models import (
    ArrivalSequence,
    Confidentiality,
    IncomingAction,
    IncomingDocument,
    Urgency,
)
from ..numbering import take_next
from .files import _readers_for, _store_file, check_document_file

REGISTRAR_ONLY = "Chỉ Thường trực / Văn phòng mới được vào sổ, sửa hoặc xóa văn bản đến."
INCOMING_FIELDS = [
    "sender_symbol",
    "issued_on",
    "issuer_agency",
    "issuer_name",
    "received_on",
    "subject",
    "urgency",
    "confidentiality",
]


def _incoming_search_text(document: IncomingDocument) -> str:
    return fold(
        f"{document.arrival_number} {document.sender_symbol} {document.issuer_label} "
        f"{document.subject}"
    )


def _validate_incoming(access: Access, document: IncomingDocument) -> None:
    if not document.subject.strip():
        raise BusinessError("Văn bản đến phải có trích yếu.", field="subject")
    if document.issuer_agency is None and not document.issuer_name.strip():
        raise BusinessError(
            "Hãy chọn cơ quan ban hành trong danh sách hoặc ghi tên cơ quan.", field="issuer_name"
        )
    require_same_congress(access.congress, document.issuer_agency)
    if document.received_on is None:
        raise BusinessError("Hãy nhập ngày đến.", field="received_on")
    if document.received_on > local_today():
        raise BusinessError("Ngày đến không được sau ngày hôm nay.", field="received_on")
    if document.issued_on and document.issued_on > document.received_on:
        raise BusinessError("Ngày ban hành không được sau ngày đến.", field="issued_on")
    if document.urgency not in Urgency.values:
        raise BusinessError("Độ khẩn không hợp lệ.", field="urgency")


def _save_incoming(document: IncomingDocument) -> None:
    document.search_text = _incoming_search_text(document)
    document.save()


@transaction.atomic
def incoming_register(
    *,
    access: Access,
    received_on: dt.date,
    subject: str,
    sender_symbol: str = "",
    issued_on: dt.date | None = None,
    issuer_agency: Agency | None = None,
    issuer_name: str = "",
    urgency: str = Urgency.NORMAL,
    confidentiality: str = Confidentiality.NORMAL,
    readers: Iterable[User] = (),
    file: UploadedFile | None = None,
) -> IncomingDocument:
    """Enters a document received in the register with the next arrival number of its year.

    Locks the register's counter for the year (`numbering.take_next`), so numbers stay
    consecutive under concurrent registrations."""
    require(permissions.can_register_incoming(access), REGISTRAR_ONLY)
    document = IncomingDocument(
        congress=access.congress,
        received_on=received_on,
        subject=subject.strip(),
        sender_symbol=sender_symbol.strip(),
        issued_on=issued_on,
        issuer_agency=issuer_agency,
        issuer_name="" if issuer_agency else issuer_name.strip(),
        urgency=urgency,
        confidentiality=confidentiality,
        created_by=access.user,
    )
    _validate_incoming(access, document)
    named = _readers_for(access, confidentiality, readers)
    if file is not None:
        check_document_file(file, "file")
    document.year = received_on.year
    document.arrival_number = take_next(
        ArrivalSequence, congress=access.congress, year=document.year
    )
    if file is not None:
        document.file_name = _store_file(document.file, file)
    _save_incoming(document)
    document.readers.set(named)
    record(access, IncomingAction.REGISTERED, document, data={"number": document.arrival_number})
    return document


@transaction.atomic
def incoming_update(
    *,
    access: Access,
    document: IncomingDocument,
    readers: Iterable[User] = (),
    file: UploadedFile | None = None,
    expected_version: int | None = None,
    **fields: Any,
) -> IncomingDocument:
    """Corrects a register entry; its arrival number stays, so the date received cannot move
    to another year. A new file replaces the old one."""
    require(
        permissions.can_register_incoming(access) and document.congress_id == access.congress.pk,
        REGISTRAR_ONLY,
    )
    unknown = set(fields) - set(INCOMING_FIELDS)
    if unknown:
        raise BusinessError(f"Không sửa được trường: {', '.join(sorted(unknown))}.")
    locked = IncomingDocument.objects.select_for_update().get(pk=document.pk)
    check_version(locked, expected_version, "Văn bản đến")
    document.version = locked.version
    before = snapshot(document, INCOMING_FIELDS)
    for name, value in fields.items():
        setattr(document, name, value.strip() if isinstance(value, str) else value)
    if document.issuer_agency is not None:
        document.issuer_name = ""
    _validate_incoming(access, document)
    if document.received_on.year != document.year:
        raise BusinessError(
            f"Văn bản đã vào sổ năm {document.year} với số đến {document.arrival_number}; "
            "ngày đến phải trong năm đó.",
            field="received_on",
        )
    named = _readers_for(access, document.confidentiality, readers)
    if file is not None:
        check_document_file(file, "file")
        document.file_name = _store_file(document.file, file)
    _save_incoming(document)
    document.readers.set(named)
    changes = changes_since(document, before)
    if file is not None:
        changes.append(["Tệp văn bản", "", document.file_name])
    record(access, IncomingAction.UPDATED, document, changes=changes)
    return document


@transaction.atomic
def incoming_delete(*, access: Access, document: IncomingDocument) -> IncomingDocument:
    """To the trash; the arrival number stays taken, so the register keeps no gap."""
    require(
        permissions.can_register_incoming(access) and document.congress_id == access.congress.pk,
        REGISTRAR_ONLY,
    )
    return move_to_trash(access, document, IncomingAction.DELETED)


@transaction.atomic
def incoming_restore(*, access: Access, document: IncomingDocument) -> IncomingDocument:
    require(
        permissions.can_register_incoming(access) and document.congress_id == access.congress.pk,
        REGISTRAR_ONLY,
    )
    return restore_from_trash(access, document, IncomingAction.RESTORED)


def incoming_share_with(
    access: Access, document: IncomingDocument, agencies: Iterable[Agency], *, task_id: int
) -> None:
    """The agencies given a task from the document handle it and may read it (a secret one
    still only by the people named). Called inside the task's transaction."""
    require(
        permissions.can_register_incoming(access) and document.congress_id == access.congress.pk,
        REGISTRAR_ONLY,
    )
    agencies = list(agencies)
    require_same_congress(access.congress, *agencies)
    document.handling_agencies.add(*agencies)
    record(
        access,
        IncomingAction.TASKED,
        document,
        data={"task_id": task_id, "agencies": sorted(a.pk for a in agencies)},
    )


# A committee's founding decision (Quyết định thành lập) --------------------------------------
