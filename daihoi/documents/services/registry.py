"""The registry of documents sent: drafts, issuing with gap-free numbers, registering papers
numbered elsewhere, corrections, the rendered PDF, the trash."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction

from daihoi.accounts.models import User
from daihoi.core.audit import changes_since, record, snapshot
from daihoi.core.dates import today as local_today
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require, require_same_congress, send_on_commit
from daihoi.core.softdelete import move_to_trash, restore_from_trash
from daihoi.core.text import fold
from daihoi.core.versioning import check_version
from daihoi.organizations.models import Agency, Congress, Person
from daihoi.organizations.permissions import Access

from .. import permissions, signals
from ..models import (
    Confidentiality,
    Document,
    DocumentAction,
    DocumentKind,
    NumberSequence,
)
from ..numbering import locked_row, take_next
from ..symbols import compose_symbol, rules_of
from .files import _readers_for, _store_file, check_document_file

MANAGERS_ONLY = "Chỉ Thường trực / Văn phòng mới được xóa hoặc khôi phục văn bản."
ISSUED_IS_FINAL = "Văn bản đã ban hành không được sửa; hãy ban hành văn bản thay thế."
# A draft's own fields: what its edit form starts from and a replacement draft takes over.
DRAFT_FIELDS = [
    "kind",
    "issuer",
    "subject",
    "body",
    "recipients",
    "signer",
    "signer_title",
    "authority",
    "confidentiality",
]
EDITABLE_FIELDS = {*DRAFT_FIELDS, "recipient_agencies", "replaces", "readers"}


def _search_text(document: Document) -> str:
    number = f"{document.number} {document.number:02d}" if document.number else ""
    return fold(f"{number} {document.symbol} {document.kind} {document.subject}")


def _validate(congress: Congress, document: Document, agencies: Iterable[Agency]) -> None:
    if document.kind not in DocumentKind.values:
        raise BusinessError("Loại văn bản không hợp lệ.", field="kind")
    if not document.subject.strip():
        raise BusinessError("Văn bản phải có trích yếu.", field="subject")
    require_same_congress(congress, document.issuer, document.signer, document.replaces)
    require_same_congress(congress, *agencies)
    replaces = document.replaces
    if replaces is not None:
        if replaces.pk == document.pk:
            raise BusinessError("Văn bản không thể thay thế chính nó.", field="replaces")
        if replaces.status != Document.Status.ISSUED:
            raise BusinessError(
                "Chỉ thay thế được văn bản đang có hiệu lực (đã ban hành, chưa bị thay thế).",
                field="replaces",
            )


def _save(document: Document) -> None:
    document.search_text = _search_text(document)
    document.save()


def _supersede(access: Access, replaced: Document, by: Document) -> None:
    """The replaced document (already locked by the caller) stops being in force."""
    replaced.status = Document.Status.SUPERSEDED
    replaced.save(update_fields=["status"])
    record(access, DocumentAction.SUPERSEDED, replaced, data={"by": by.symbol, "by_id": by.pk})


@transaction.atomic
def document_create(
    *,
    access: Access,
    kind: str,
    issuer: Agency,
    subject: str,
    body: str,
    recipients: str = "",
    recipient_agencies: Iterable[Agency] = (),
    signer: Person | None = None,
    signer_title: str = "",
    authority: str = "",
    replaces: Document | None = None,
    confidentiality: str = Confidentiality.NORMAL,
    readers: Iterable[User] = (),
) -> Document:
    """A draft (dự thảo): no number until it is issued."""
    require(permissions.can_draft(access))
    agencies = list(recipient_agencies)
    named = _readers_for(access, confidentiality, readers)
    document = Document(
        confidentiality=confidentiality,
        congress=access.congress,
        kind=kind,
        issuer=issuer,
        subject=subject.strip(),
        body=body.strip(),
        recipients=recipients.strip(),
        signer=signer,
        signer_title=signer_title.strip(),
        authority=authority.strip(),
        replaces=replaces,
        created_by=access.user,
    )
    _validate(access.congress, document, agencies)
    _save(document)
    document.recipient_agencies.set(agencies)
    document.readers.set(named)
    record(access, DocumentAction.DRAFTED, document, data={"kind": document.kind})
    return document


@transaction.atomic
def document_update(
    *, access: Access, document: Document, expected_version: int | None = None, **fields: Any
) -> Document:
    """Changes a draft. Locks its row, so an issuance at the same moment cannot interleave,
    and checks nobody saved it since the form was opened (its version)."""
    require(permissions.can_draft(access) and document.congress_id == access.congress.pk)
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise BusinessError(f"Không sửa được trường: {', '.join(sorted(unknown))}.")
    locked = Document.objects.select_for_update().get(pk=document.pk)
    if not locked.is_draft:
        raise BusinessError(ISSUED_IS_FINAL)
    check_version(locked, expected_version, "Dự thảo văn bản")
    document.version = locked.version
    before = snapshot(locked, sorted(EDITABLE_FIELDS - {"readers"}))
    agencies = fields.pop("recipient_agencies", None)
    readers = fields.pop("readers", None)
    for name, value in fields.items():
        setattr(document, name, value.strip() if isinstance(value, str) else value)
    current = list(agencies) if agencies is not None else list(document.recipient_agencies.all())
    _validate(access.congress, document, current)
    named = _readers_for(
        access,
        document.confidentiality,
        document.readers.all() if readers is None else readers,
    )
    _save(document)
    document.readers.set(named)
    if agencies is not None:
        document.recipient_agencies.set(current)
    record(access, DocumentAction.UPDATED, document, changes=changes_since(document, before))
    return document


def _sequence(issuer: Agency, kind: str, year: int) -> NumberSequence:
    """The office's sequence row, created if missing, locked until the transaction ends."""
    return locked_row(NumberSequence, issuer=issuer, kind=kind, year=year)


def _number_taken(document: Document, number: int, year: int) -> bool:
    return (
        Document.objects.filter(
            congress_id=document.congress_id,
            issuer_id=document.issuer_id,
            kind=document.kind,
            year=year,
            number=number,
        )
        .exclude(pk=document.pk)
        .exists()
    )


def _symbol_for(document: Document, issuer_code: str) -> str:
    superior = document.issuer.parent
    return compose_symbol(
        rules=rules_of(document),
        kind=document.kind,
        number=document.number,
        issuer_code=issuer_code,
        superior_code=superior.code if superior is not None else "",
    )


def _issuer_code(issuer: Agency, given: str = "") -> str:
    code = (given or issuer.code).strip().upper()
    if not code:
        raise BusinessError(
            f"Cơ quan {issuer.name} chưa có ký hiệu trên văn bản; hãy bổ sung trước khi ban hành.",
            field="issuer",
        )
    return code


@transaction.atomic
def document_issue(
    *, access: Access, document: Document, issued_on: dt.date | None = None
) -> Document:
    """Numbers, renders and issues a draft; the replaced document becomes superseded.

    Locks the document row, then the office's number sequence (always in that order).
    The PDF is made in the background once the transaction has committed.
    """
    require(permissions.can_issue(access) and document.congress_id == access.congress.pk)
    locked = Document.objects.select_for_update().get(pk=document.pk)
    if not locked.is_draft:
        raise BusinessError("Văn bản này đã được ban hành.")
    document.refresh_from_db()
    if document.signer_id is None:
        raise BusinessError(
            "Chưa có người ký: hãy chọn người ký trước khi ban hành văn bản.", field="signer"
        )
    issued_on = issued_on or local_today()
    issuer_code = _issuer_code(document.issuer)
    replaces = document.replaces
    if replaces is not None:
        replaces = Document.objects.select_for_update().get(pk=replaces.pk)
        if not replaces.is_issued:
            raise BusinessError(
                "Văn bản được thay thế đã bị thay thế bởi một văn bản khác.", field="replaces"
            )
    number = take_next(
        NumberSequence,
        taken=lambda n: _number_taken(document, n, issued_on.year),
        issuer=document.issuer,
        kind=document.kind,
        year=issued_on.year,
    )

    document.number = number
    document.year = issued_on.year
    document.issued_on = issued_on
    document.issuer_code = issuer_code
    document.symbol = _symbol_for(document, issuer_code)
    document.status = Document.Status.ISSUED

    from ..rendering import docx_filename, render_docx

    document.docx.save(docx_filename(document), ContentFile(render_docx(document)), save=False)
    _save(document)
    record(access, DocumentAction.ISSUED, document, data={"symbol": document.symbol})
    if replaces is not None:
        _supersede(access, replaces, document)

    from ..tasks import convert_to_pdf

    document_id = document.pk
    transaction.on_commit(lambda: convert_to_pdf.enqueue(document_id))
    send_on_commit(signals.document_issued, Document, document=document, actor=access.user)
    return document


@transaction.atomic
def document_register(
    *,
    access: Access,
    kind: str,
    issuer: Agency,
    number: int,
    issued_on: dt.date,
    subject: str,
    issuer_code: str = "",
    body: str = "",
    recipients: str = "",
    recipient_agencies: Iterable[Agency] = (),
    signer: Person | None = None,
    signer_title: str = "",
    authority: str = "",
    replaces: Document | None = None,
    confidentiality: str = Confidentiality.NORMAL,
    readers: Iterable[User] = (),
    scan: UploadedFile | None = None,
) -> Document:
    """Enters in the registry a document numbered elsewhere (e.g. a plan signed on paper),
    with its signed scan when there is one.

    `issuer_code` is the code printed in its symbol, the issuer's own code by default.
    Holds the office's sequence lock, so the number cannot be taken by an issuance meanwhile;
    later issuances continue after the highest number used.
    """
    require(permissions.can_draft(access))
    if number is None or number < 1:
        raise BusinessError("Số văn bản phải là số nguyên dương.", field="number")
    agencies = list(recipient_agencies)
    named = _readers_for(access, confidentiality, readers)
    if scan is not None:
        check_document_file(scan, "scan")
    document = Document(
        congress=access.congress,
        kind=kind,
        issuer=issuer,
        subject=subject.strip(),
        body=body.strip(),
        recipients=recipients.strip(),
        signer=signer,
        signer_title=signer_title.strip(),
        authority=authority.strip(),
        replaces=replaces,
        created_by=access.user,
        confidentiality=confidentiality,
        origin=Document.Origin.REGISTERED,
        status=Document.Status.ISSUED,
    )
    _validate(access.congress, document, agencies)
    _apply_registration(document, number=number, issued_on=issued_on, issuer_code=issuer_code)
    if scan is not None:
        document.scan_name = _store_file(document.scan, scan)
    _save_registration(document)
    document.recipient_agencies.set(agencies)
    document.readers.set(named)
    record(access, DocumentAction.REGISTERED, document, data={"symbol": document.symbol})
    if document.replaces is not None:
        _supersede(access, document.replaces, document)
    return document


def _apply_registration(
    document: Document, *, number: int, issued_on: dt.date, issuer_code: str
) -> None:
    code = _issuer_code(document.issuer, issuer_code)
    sequence = _sequence(document.issuer, document.kind, issued_on.year)
    if _number_taken(document, number, issued_on.year):
        raise BusinessError(
            f"Số {number:02d} đã được dùng cho một {document.get_kind_display().lower()} khác "
            f"của {document.issuer.name} trong năm {issued_on.year}.",
            field="number",
        )
    if number > sequence.last_number:
        sequence.last_number = number
        sequence.save(update_fields=["last_number"])
    document.number = number
    document.year = issued_on.year
    document.issued_on = issued_on
    document.issuer_code = code
    document.symbol = _symbol_for(document, code)


def _save_registration(document: Document) -> None:
    try:
        with transaction.atomic():
            _save(document)
    except IntegrityError:
        raise BusinessError(
            f"Số {document.number:02d} đã được dùng trong năm {document.year}.", field="number"
        ) from None


@transaction.atomic
def document_correct_registration(
    *,
    access: Access,
    document: Document,
    number: int,
    issued_on: dt.date,
    subject: str,
    issuer: Agency,
    issuer_code: str = "",
) -> Document:
    """Corrects the registry entry of a document numbered elsewhere (a typing mistake in the
    number, date or subject). The document itself was issued outside and is not changed here;
    documents issued through daihoi are never edited."""
    require(permissions.can_draft(access) and document.congress_id == access.congress.pk)
    locked = Document.objects.select_for_update().get(pk=document.pk)
    if not (locked.is_registered and locked.is_issued):
        raise BusinessError(ISSUED_IS_FINAL)
    before = snapshot(locked, ["number", "issued_on", "subject", "issuer", "issuer_code"])
    document.issuer = issuer
    document.subject = subject.strip()
    _validate(access.congress, document, [])
    _apply_registration(document, number=number, issued_on=issued_on, issuer_code=issuer_code)
    _save_registration(document)
    changes = changes_since(document, before)
    record(access, DocumentAction.REGISTRATION_CORRECTED, document, changes=changes)
    return document


def document_store_pdf(*, document_id: int, pdf: bytes) -> Document:
    """Called by the background conversion: attaches the PDF made from the issued DOCX."""
    with transaction.atomic():
        document = Document.objects.select_for_update().get(pk=document_id)
        if document.pdf:
            document.pdf.delete(save=False)
        stem = (document.docx.name or "van-ban").rsplit("/", 1)[-1].rsplit(".", 1)[0]
        document.pdf.save(f"{stem}.pdf", ContentFile(pdf), save=False)
        document.save(update_fields=["pdf"])
        record(None, DocumentAction.PDF_STORED, document)
    return document


@transaction.atomic
def document_draft_replacement(*, access: Access, document: Document) -> Document:
    """A new draft prefilled from an issued document, saying that it replaces it (the old one
    is superseded when the new one is issued)."""
    return document_create(
        access=access,
        **{name: getattr(document, name) for name in DRAFT_FIELDS},
        recipient_agencies=document.recipient_agencies.all(),
        readers=document.readers.all(),
        replaces=document,
    )


def _is_draft(document: Document) -> None:
    if not document.is_draft:
        raise BusinessError(
            "Văn bản đã ban hành không xóa được; hãy ban hành văn bản thay thế nếu cần."
        )


@transaction.atomic
def document_delete(*, access: Access, document: Document) -> Document:
    """Only a draft goes to the trash; an issued document keeps its number and is superseded.

    The draft check runs under the row lock, so an issuance at the same moment cannot slip in."""
    require(
        access.can_manage and document.congress_id == access.congress.pk,
        MANAGERS_ONLY,
    )
    return move_to_trash(access, document, DocumentAction.DELETED, check=_is_draft, save=_save)


@transaction.atomic
def document_restore(*, access: Access, document: Document) -> Document:
    require(
        access.can_manage and document.congress_id == access.congress.pk,
        MANAGERS_ONLY,
    )
    return restore_from_trash(access, document, DocumentAction.RESTORED, save=_save)


# Confidential documents and files ----------------------------------------------------------------
