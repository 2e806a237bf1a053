"""Uploads are opened safely as their kind before anything keeps or reads them."""

import io
import struct
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document as DocxDocument
from openpyxl import Workbook

from daihoi.core.exceptions import BusinessError
from daihoi.core.uploads import MAX_ARCHIVE_ENTRIES, validate_attachment


def real_docx() -> bytes:
    document = DocxDocument()
    document.add_paragraph("Kế hoạch tổ chức Đại hội")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def real_xlsx() -> bytes:
    book = Workbook()
    book.active.append(["Nội dung", "Hạn"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def zip_of(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def png(width: int, height: int, end: bool = True) -> bytes:
    head = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR"
    size = struct.pack(">II", width, height) + b"\x08\x02\x00\x00\x00"
    tail = b"\x00\x00\x00\x00IEND\xaeB`\x82" if end else b""
    return head + size + b"\x00" * 40 + tail


def check(name: str, data: bytes) -> str:
    return validate_attachment(SimpleUploadedFile(name, data))


def test_real_word_excel_pdf_and_pictures_pass():
    assert check("ke-hoach.docx", real_docx()).endswith("document")
    assert check("danh-sach.xlsx", real_xlsx()).endswith("sheet")
    assert check("to-trinh.pdf", b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n") == "application/pdf"
    assert check("anh.png", png(800, 600)) == "image/png"
    assert check("anh.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 100 + b"\xff\xd9") == "image/jpeg"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("cat-cut.docx", real_docx()[:-200], "bị hỏng hoặc bị cắt cụt"),
        ("bom.docx", zip_of({"word/document.xml": b"0" * 30_000_000}), "tỷ lệ nén bất thường"),
        (
            "nhieu.xlsx",
            zip_of({f"xl/{i}.xml": b"" for i in range(MAX_ARCHIVE_ENTRIES + 1)}),
            "quá nhiều thành phần",
        ),
        ("khong-phai-word.docx", zip_of({"readme.txt": b"xin chao"}), "không phải tệp Word/Excel"),
        ("cat-cut.pdf", b"%PDF-1.7\n1 0 obj\n<<>>\n", "không phải PDF đầy đủ"),
        ("khong-lo.png", png(100_000, 100_000), "kích thước ảnh quá lớn"),
        ("cat-cut.png", png(10, 10, end=False), "ảnh PNG không đầy đủ"),
        ("cat-cut.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 100, "ảnh JPG không đầy đủ"),
    ],
)
def test_damaged_truncated_or_bomb_files_are_refused_in_vietnamese(name, data, message):
    with pytest.raises(BusinessError, match=message) as error:
        check(name, data)
    assert name in error.value.message and error.value.field == "attachments"


def test_a_document_part_damaged_inside_the_archive_fails_its_checksum():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("word/document.xml", b"<w:document>Ke hoach</w:document>")
    data = bytearray(buffer.getvalue())
    data[data.index(b"Ke hoach")] ^= 0xFF
    with pytest.raises(BusinessError, match="bị hỏng"):
        check("sua.docx", bytes(data))
