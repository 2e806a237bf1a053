"""Turn what the officer pastes or uploads into plain text, refusing what is not a text."""

import io
import zipfile

from daihoi.core.exceptions import BusinessError
from daihoi.core.text import clean_text
from daihoi.core.uploads import check_content

MAX_CHARS = 200_000
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
# Letters only Vietnamese uses among the Latin scripts (after NFC), to tell its text apart.
_VIETNAMESE = set("ăâđêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


def read_upload(name: str, data: bytes) -> str:
    lower = (name or "").lower()
    if len(data) > MAX_UPLOAD_BYTES:
        raise BusinessError(
            f"Tệp quá lớn ({len(data) // 1024} KB); chỉ nhận tệp đến "
            f"{MAX_UPLOAD_BYTES // (1024 * 1024)} MB.",
            field="file",
        )
    if lower.endswith(".docx"):
        check_content(io.BytesIO(data), ".docx", name, field="file")
        return _read_docx(data)
    if lower.endswith(".txt"):
        return _read_txt(data)
    raise BusinessError("Chỉ nhận tệp văn bản .txt hoặc tệp Word .docx.", field="file")


def _read_txt(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise BusinessError(
            "Tệp không phải văn bản thuần (.txt): có dữ liệu nhị phân.", field="file"
        )
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise BusinessError(
        "Không đọc được tệp .txt: hãy lưu tệp với bảng mã UTF-8 (Unicode).", field="file"
    )


def _read_docx(data: bytes) -> str:
    from docx import Document

    try:
        document = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError):
        raise BusinessError("Tệp .docx bị hỏng hoặc không phải tệp Word.", field="file") from None
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines += [cell.text for cell in row.cells]
    text = "\n".join(lines)
    if not text.strip():
        raise BusinessError("Tệp Word không có nội dung chữ.", field="file")
    return text


def check_text(text: str) -> str:
    """NFC text that is Vietnamese and of a sensible length; raises BusinessError otherwise."""
    text = clean_text(text or "").strip()
    if not text:
        raise BusinessError("Vui lòng dán nội dung văn bản hoặc chọn tệp.", field="text")
    if len(text) > MAX_CHARS:
        raise BusinessError(
            f"Văn bản quá dài ({len(text):,} ký tự); mỗi lần chỉ nhập tối đa "
            f"{MAX_CHARS:,} ký tự — hãy tách thành nhiều lần.".replace(",", "."),
            field="text",
        )
    letters = [c for c in text.lower() if c.isalpha()]
    if len(letters) >= 40 and sum(c in _VIETNAMESE for c in letters) < 0.02 * len(letters):
        raise BusinessError(
            "Văn bản không phải tiếng Việt có dấu; hệ thống chỉ đọc được thông báo, báo cáo "
            "bằng tiếng Việt.",
            field="text",
        )
    return text
