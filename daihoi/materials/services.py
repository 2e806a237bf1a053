"""Every change to the documents for delegates: upload (a PDF, or a Word file the worker turns
into one), order, withdraw; and the stamped copy a reader downloads (audited: who got a copy).

Upload and moves lock the programme session's row (documents are numbered under it); a
withdrawal locks the document's row. Each is audited on the document.
"""

import datetime as dt

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from daihoi.core.audit import record
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require, require_same_congress
from daihoi.core.text import normalize
from daihoi.core.uploads import DOCX_CONTENT_TYPE, validate_attachment
from daihoi.documents.models import Confidentiality
from daihoi.documents.tasks import ConversionError, docx_to_pdf
from daihoi.organizations.permissions import Access
from daihoi.programme.models import Session

from . import watermark
from .models import Material, MaterialAction
from .permissions import ONLY_KEEPERS, can_keep_materials

PDF = "application/pdf"
NOT_READABLE = "Tệp PDF bị hỏng hoặc có mật khẩu; hãy tải lên bản PDF mở được."


def _lock_session(access: Access, session: Session) -> Session:
    locked = Session.objects.select_for_update().filter(pk=session.pk).first()
    if locked is None or locked.congress_id != access.congress.pk:
        raise BusinessError("Phiên này không còn trong chương trình.", field="session")
    return locked


@transaction.atomic
def material_upload(
    *,
    access: Access,
    session: Session,
    title: str,
    kind: str,
    confidentiality: str,
    upload: UploadedFile,
) -> Material:
    """Adds a document at the end of the session's list. A PDF is ready at once; a Word file
    (.docx) is queued for the worker to turn into a PDF (delegates see it once that is done)."""
    require(can_keep_materials(access), ONLY_KEEPERS)
    require_same_congress(access.congress, session)
    title = normalize(title)
    if not title:
        raise BusinessError("Vui lòng nhập tên tài liệu.", field="title")
    if kind not in Material.Kind.values:
        raise BusinessError("Loại tài liệu không hợp lệ.", field="kind")
    if confidentiality not in Confidentiality.values:
        raise BusinessError("Độ mật không hợp lệ.", field="confidentiality")
    try:
        content_type = validate_attachment(upload)
    except BusinessError as error:
        raise BusinessError(error.message, field="upload") from None
    if content_type not in (PDF, DOCX_CONTENT_TYPE):
        raise BusinessError("Tài liệu phải là tệp PDF hoặc Word (.docx).", field="upload")
    session = _lock_session(access, session)
    last = session.materials.aggregate(last=Max("position"))["last"] or 0
    material = Material(
        congress=access.congress,
        session=session,
        position=last + 1,
        kind=kind,
        title=title[:255],
        confidentiality=confidentiality,
        uploaded_by=access.user,
    )
    data = upload.read()
    if content_type == PDF:
        try:
            material.pages = watermark.page_count(data)
        except watermark.UnreadablePdf:
            raise BusinessError(NOT_READABLE, field="upload") from None
        material.pdf.save("tai-lieu.pdf", ContentFile(data), save=False)
    else:
        material.state = Material.State.CONVERTING
        material.source.save("tai-lieu.docx", ContentFile(data), save=False)
    material.save()
    if material.state == Material.State.CONVERTING:
        transaction.on_commit(lambda: _enqueue_conversion(material.pk))
    record(
        access,
        MaterialAction.UPLOADED,
        material,
        data={"title": material.title, "session": session.title, "mark": confidentiality},
    )
    return material


def _enqueue_conversion(material_id: int) -> None:
    from .tasks import convert_material

    convert_material.enqueue(material_id)


def material_convert(*, material_id: int) -> bool:
    """The worker's job: the Word file as a PDF. LibreOffice runs outside any transaction; the
    result is stored under the document's lock, once (a second run finds it done)."""
    material = Material.objects.filter(pk=material_id).first()
    if material is None or material.state != Material.State.CONVERTING or not material.source:
        return False
    with material.source.open("rb") as handle:
        docx = handle.read()
    try:
        pdf = docx_to_pdf(docx)
        pages = watermark.page_count(pdf)
        error = ""
    except (ConversionError, watermark.UnreadablePdf, OSError) as failure:
        pdf, pages, error = b"", 0, str(failure)[-500:] or "LibreOffice"
    with transaction.atomic():
        locked = Material.objects.select_for_update().filter(pk=material_id).first()
        if locked is None or locked.state != Material.State.CONVERTING:
            return False
        if pdf:
            locked.pdf.save("tai-lieu.pdf", ContentFile(pdf), save=False)
            locked.state, locked.pages = Material.State.READY, pages
        else:
            locked.state, locked.error = Material.State.FAILED, error
        locked.save(update_fields=["pdf", "state", "pages", "error"])
        record(None, MaterialAction.CONVERTED, locked, data={"ok": bool(pdf)})
    return bool(pdf)


@transaction.atomic
def material_convert_again(*, access: Access, material: Material) -> Material:
    """Queues the Word file again after a failed conversion (LibreOffice was down, say).
    Locks the document's row; refused unless the last conversion failed."""
    require(can_keep_materials(access), ONLY_KEEPERS)
    locked = Material.objects.select_for_update().filter(pk=material.pk).first()
    if locked is None or locked.congress_id != access.congress.pk:
        raise BusinessError("Tài liệu không còn.")
    if locked.state != Material.State.FAILED or not locked.source:
        raise BusinessError("Chỉ chuyển lại được tài liệu Word chưa chuyển được sang PDF.")
    locked.state, locked.error = Material.State.CONVERTING, ""
    locked.save(update_fields=["state", "error"])
    transaction.on_commit(lambda: _enqueue_conversion(locked.pk))
    record(access, MaterialAction.CONVERSION_RETRIED, locked)
    return locked


@transaction.atomic
def material_move(*, access: Access, material: Material, step: int) -> None:
    """Moves the document one place up (`step` < 0) or down among the session's documents
    not withdrawn. Locks the session row."""
    require(can_keep_materials(access), ONLY_KEEPERS)
    session = _lock_session(access, material.session)
    rows = list(session.materials.filter(withdrawn_at__isnull=True).order_by("position", "pk"))
    index = next((i for i, row in enumerate(rows) if row.pk == material.pk), None)
    if index is None:
        raise BusinessError("Tài liệu đã rút không đổi thứ tự được.")
    target = index + (1 if step > 0 else -1)
    if not 0 <= target < len(rows):
        raise BusinessError("Tài liệu đã ở đầu hoặc cuối danh sách của phiên.")
    rows[index], rows[target] = rows[target], rows[index]
    for number, row in enumerate(rows, start=1):
        if row.position != number:
            Material.objects.filter(pk=row.pk).update(position=number)
    record(access, MaterialAction.MOVED, material, data={"to": target + 1})


@transaction.atomic
def material_withdraw(*, access: Access, material: Material, reason: str) -> Material:
    """Withdraws the document: delegates no longer see or open it, from the next request on.
    The row and its file stay, for the record. Locks the document's row."""
    require(can_keep_materials(access), ONLY_KEEPERS)
    locked = Material.objects.select_for_update().filter(pk=material.pk).first()
    if locked is None or locked.congress_id != access.congress.pk:
        raise BusinessError("Tài liệu không còn.")
    if locked.is_withdrawn:
        raise BusinessError("Tài liệu đã được rút từ trước.")
    reason = normalize(reason)
    if not reason:
        raise BusinessError("Hãy ghi lý do rút tài liệu.", field="reason")
    locked.withdrawn_at = timezone.now()
    locked.withdrawn_by = access.user
    locked.withdrawal_reason = reason[:2000]
    locked.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason"])
    record(access, MaterialAction.WITHDRAWN, locked, reason=locked.withdrawal_reason)
    return locked


def stamp_lines(material: Material, reader: str, when: dt.datetime) -> tuple[str, str]:
    local = timezone.localtime(when)
    mark = material.get_confidentiality_display().upper() if material.is_secret else ""
    line = " · ".join(p for p in (mark, reader, local.strftime("%H:%M %d/%m/%Y")) if p)
    foot = (
        f"{mark + ' - ' if mark else ''}Bản cấp cho {reader}, tải lúc {local:%H:%M} ngày "
        f"{local:%d/%m/%Y}. Không sao chụp, chuyển cho người khác."
    )
    return line, foot


@transaction.atomic
def material_copy(*, access: Access, material: Material, reader: str) -> bytes:
    """The document's PDF with `reader` (the delegate's name and delegation, or the staff
    member's name) and the time stamped on every page; audited. The caller has authorised the
    reader (`access_delegate_material` / `access_material`)."""
    if not material.pdf:
        raise BusinessError("Tài liệu chưa có bản PDF.")
    with material.pdf.open("rb") as handle:
        original = handle.read()
    line, foot = stamp_lines(material, reader, timezone.now())
    try:
        stamped = watermark.stamp(original, line=line, foot=foot)
    except watermark.UnreadablePdf:
        raise BusinessError(NOT_READABLE) from None
    record(access, MaterialAction.DOWNLOADED, material, data={"reader": reader})
    return stamped
