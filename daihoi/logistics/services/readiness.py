"""The readiness checklist: items created by the service staff, reported on by the agencies."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from daihoi.core import audit
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require, require_same_congress
from daihoi.core.uploads import store_uploads, validate_attachment
from daihoi.core.versioning import check_version
from daihoi.organizations.models import Agency
from daihoi.organizations.permissions import Access

from .. import permissions
from ..models import LogisticsAction, ReadinessItem, ReadinessPhoto, ReadinessState

PROOF_KINDS = (".jpg", ".jpeg", ".png", ".pdf")
MAX_PHOTOS_AT_ONCE = 10
NEEDS_PROOF = "Cần ít nhất một ảnh minh chứng trước khi báo hạng mục “Đã sẵn sàng”."
PROBLEM_NEEDS_NOTE = "Hãy ghi rõ vướng mắc để Tiểu ban tháo gỡ."
FIELDS = ("area", "title", "agency", "deadline", "note")


@dataclass(frozen=True)
class ItemFields:
    area: str
    title: str
    agency: Agency
    deadline: dt.date | None = None
    note: str = ""


@transaction.atomic
def readiness_item_create(*, access: Access, fields: ItemFields) -> ReadinessItem:
    require(permissions.can_manage_logistics(access), permissions.STAFF_ONLY)
    require_same_congress(access.congress, fields.agency)
    item = ReadinessItem(congress=access.congress, **fields.__dict__)
    item.full_clean()
    item.save()
    audit.record(access, LogisticsAction.READINESS_CREATED, item)
    return item


@transaction.atomic
def readiness_item_update(
    *, access: Access, item: ReadinessItem, fields: ItemFields, expected_version: int | None
) -> ReadinessItem:
    """Locks the item row; refuses a form opened before someone else's save."""
    require(permissions.can_manage_logistics(access), permissions.STAFF_ONLY)
    require_same_congress(access.congress, fields.agency)
    locked = ReadinessItem.objects.select_for_update().get(pk=item.pk, congress=access.congress)
    check_version(locked, expected_version, "Hạng mục")
    before = audit.snapshot(locked, FIELDS)
    for name, value in fields.__dict__.items():
        setattr(locked, name, value)
    locked.full_clean()
    locked.save()
    audit.record(
        access,
        LogisticsAction.READINESS_UPDATED,
        locked,
        changes=audit.changes_since(locked, before),
    )
    return locked


def _check_proofs(photos: Sequence[UploadedFile]) -> list[str]:
    if len(photos) > MAX_PHOTOS_AT_ONCE:
        raise BusinessError(
            f"Mỗi lần gửi tối đa {MAX_PHOTOS_AT_ONCE} ảnh minh chứng.", field="photos"
        )
    kinds = []
    for photo in photos:
        name = (photo.name or "").lower()
        if not name.endswith(PROOF_KINDS):
            raise BusinessError(
                f"Tệp “{photo.name}” không phải ảnh JPG/PNG hay bản chụp PDF.", field="photos"
            )
        try:
            kinds.append(validate_attachment(photo))
        except BusinessError as error:
            raise BusinessError(error.message, field="photos") from None
    return kinds


@transaction.atomic
def readiness_item_report(
    *,
    access: Access,
    item: ReadinessItem,
    state: str,
    note: str = "",
    photos: Sequence[UploadedFile] = (),
) -> ReadinessItem:
    """The responsible agency (or the staff) tells the state, with photos as proof.

    Locks the item row, so two reports in a row each see the other's photos. "Ready" needs at
    least one photo (already there or sent now); "problem" needs a note saying what blocks."""
    require(permissions.can_report_readiness(access, item), permissions.REPORTER_ONLY)
    if state not in ReadinessState.values:
        raise BusinessError("Tình trạng không hợp lệ.", field="state")
    kinds = _check_proofs(photos)
    locked = ReadinessItem.objects.select_for_update().get(pk=item.pk, congress=access.congress)
    if state == ReadinessState.READY and not photos and not locked.photos.exists():
        raise BusinessError(NEEDS_PROOF, field="photos")
    if state == ReadinessState.PROBLEM and not note.strip():
        raise BusinessError(PROBLEM_NEEDS_NOTE, field="note")
    before = audit.snapshot(locked, ("state", "note"))
    locked.state = state
    if note.strip():
        locked.note = note.strip()
    locked.version += 1
    locked.save()
    stored = store_uploads(ReadinessPhoto, photos, kinds, item=locked, uploaded_by=access.user)
    audit.record(
        access,
        LogisticsAction.READINESS_REPORTED,
        locked,
        changes=audit.changes_since(locked, before),
        data={"photos": [p.original_name for p in stored]},
        reason=f"{len(stored)} ảnh minh chứng" if stored else "",
    )
    return locked
