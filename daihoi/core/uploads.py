"""Uploaded attachments: allowed kinds, size limit, and content that matches the extension."""

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import models

from daihoi.core.exceptions import BusinessError

ALLOWED_ATTACHMENT_TYPES = {
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".txt": "text/plain",
}
# The first bytes of each allowed kind, so a renamed executable is refused.
_MAGIC = {
    ".pdf": (b"%PDF",),
    ".docx": (b"PK\x03\x04",),
    ".xlsx": (b"PK\x03\x04",),
    ".doc": (b"\xd0\xcf\x11\xe0",),
    ".xls": (b"\xd0\xcf\x11\xe0",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG",),
}


def validate_attachment(upload: UploadedFile) -> str:
    name = upload.name or ""
    suffix = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""
    if suffix not in ALLOWED_ATTACHMENT_TYPES:
        raise BusinessError(
            f"Tệp “{name}” không đúng định dạng cho phép (PDF, Word, Excel, ảnh JPG/PNG, TXT).",
            field="attachments",
        )
    limit = settings.ATTACHMENT_MAX_BYTES
    if (upload.size or 0) > limit:
        raise BusinessError(
            f"Tệp “{name}” vượt quá dung lượng cho phép {limit // (1024 * 1024)} MB.",
            field="attachments",
        )
    if upload.size == 0:
        raise BusinessError(f"Tệp “{name}” rỗng.", field="attachments")
    head = upload.read(8)
    upload.seek(0)
    signatures = _MAGIC.get(suffix)
    if signatures and not head.startswith(signatures):
        raise BusinessError(
            f"Nội dung tệp “{name}” không khớp với phần mở rộng {suffix}.", field="attachments"
        )
    return ALLOWED_ATTACHMENT_TYPES[suffix]


class StoredUpload(models.Model):
    """What every attachment keeps besides its file: the user's file name, size and type."""

    original_name = models.CharField(max_length=255)
    size = models.PositiveIntegerField()
    content_type = models.CharField(max_length=120)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.original_name


def upload_facts(upload: UploadedFile, content_type: str) -> dict[str, Any]:
    """The stored facts of one checked upload: the file, the user's file name, size and type."""
    return {
        "file": upload,
        "original_name": (upload.name or "tep")[:255],
        "size": upload.size or 0,
        "content_type": content_type,
    }


def store_uploads[S: StoredUpload](
    model: type[S],
    uploads: Sequence[UploadedFile],
    content_types: Sequence[str] | None = None,
    **owner: Any,
) -> list[S]:
    """Saves one `model` row per upload, owned by `owner` (e.g. `update=update`).

    `content_types` are the kinds `validate_attachment` already returned (when the caller checked
    the files before changing anything); without them each file is checked here."""
    kinds = content_types or [validate_attachment(upload) for upload in uploads]
    return [
        model._default_manager.create(**owner, **upload_facts(upload, kind))
        for upload, kind in zip(uploads, kinds, strict=True)
    ]
