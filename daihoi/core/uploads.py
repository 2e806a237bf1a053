"""Uploaded attachments: allowed kinds, size limit, and content that opens as its kind.

Beyond the first bytes, each kind is opened the safe way before it is stored or read:
Word/Excel files (.docx, .xlsx are ZIP archives) by their directory only, with caps on the
entries and the unpacked size so a ZIP bomb is refused unread; a PDF must end as a PDF does; a
PNG's declared picture size is capped and its end present; a JPEG must end as a JPEG does.
"""

import struct
import zipfile
from collections.abc import Sequence
from typing import IO, Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import models

from daihoi.core.exceptions import BusinessError

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

ALLOWED_ATTACHMENT_TYPES = {
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".docx": DOCX_CONTENT_TYPE,
    ".xls": "application/vnd.ms-excel",
    ".xlsx": XLSX_CONTENT_TYPE,
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
    check_content(upload, suffix, name)
    upload.seek(0)
    return ALLOWED_ATTACHMENT_TYPES[suffix]


# Caps for what a document may unpack to: generous for real Word/Excel files.
MAX_ARCHIVE_ENTRIES = 2_000
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ENTRY_RATIO = 200  # unpacked / packed size of one entry; real XML stays well under 100
MAX_PICTURE_PIXELS = 80_000_000
_MAIN_PART = {".docx": "word/document.xml", ".xlsx": "xl/workbook.xml"}


def check_content(stream: IO[bytes], suffix: str, name: str, field: str = "attachments") -> None:
    """Opens `stream` as its `suffix` says, safely; raises a Vietnamese BusinessError for a
    damaged, truncated or oversized file. Reads at most the archive directory and the tail."""
    problem = _content_problem(stream, suffix)
    stream.seek(0)
    if problem:
        raise BusinessError(f"Tệp “{name}” {problem}", field=field)


def _content_problem(stream: IO[bytes], suffix: str) -> str:
    if suffix in _MAIN_PART:
        return _archive_problem(stream, _MAIN_PART[suffix])
    if suffix == ".pdf":
        return (
            ""
            if b"%%EOF" in _tail(stream, 2048)
            else "bị cắt cụt hoặc hỏng (không phải PDF đầy đủ)."
        )
    if suffix == ".png":
        return _png_problem(stream)
    if suffix in (".jpg", ".jpeg"):
        return (
            ""
            if b"\xff\xd9" in _tail(stream, 4096)
            else "bị cắt cụt hoặc hỏng (ảnh JPG không đầy đủ)."
        )
    return ""


def _tail(stream: IO[bytes], size: int) -> bytes:
    stream.seek(0, 2)
    end = stream.tell()
    stream.seek(max(0, end - size))
    return stream.read(size)


def _archive_problem(stream: IO[bytes], main_part: str) -> str:
    try:
        with zipfile.ZipFile(stream) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ARCHIVE_ENTRIES:
                return f"chứa quá nhiều thành phần ({len(entries):,}); không nhận.".replace(
                    ",", "."
                )
            if sum(e.file_size for e in entries) > MAX_UNPACKED_BYTES:
                return "khi giải nén quá lớn; không nhận (có thể là tệp nén độc hại)."
            if any(e.file_size > MAX_ENTRY_RATIO * max(e.compress_size, 1) for e in entries):
                return "có tỷ lệ nén bất thường; không nhận (có thể là tệp nén độc hại)."
            if main_part not in archive.namelist():
                return "không phải tệp Word/Excel hợp lệ."
            with archive.open(main_part) as part:  # reading it checks its CRC
                while part.read(1024 * 1024):
                    pass
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError):
        return "bị hỏng hoặc bị cắt cụt; hãy mở và lưu lại rồi gửi lại."
    return ""


def _png_problem(stream: IO[bytes]) -> str:
    stream.seek(16)
    header = stream.read(8)  # IHDR: width and height, 4 bytes each
    if len(header) < 8:
        return "bị hỏng (ảnh PNG không đầy đủ)."
    width, height = struct.unpack(">II", header)
    if width * height > MAX_PICTURE_PIXELS:
        return "có kích thước ảnh quá lớn; không nhận."
    if b"IEND" not in _tail(stream, 64):
        return "bị cắt cụt hoặc hỏng (ảnh PNG không đầy đủ)."
    return ""


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
