"""Small real files for tests: uploads are opened as their kind (`core.uploads`), so a test
file must be a whole one — a Word file that opens, a PDF that ends as a PDF does."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document as DocxDocument


def docx_bytes(*paragraphs: str) -> bytes:
    document = DocxDocument()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_upload(name: str = "mau.docx", *paragraphs: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, docx_bytes(*(paragraphs or ("Mẫu báo cáo",))))


def pdf_upload(name: str = "tai-lieu.pdf", body: bytes = b"noi dung") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n" + body + b"\n%%EOF\n", "application/pdf")
