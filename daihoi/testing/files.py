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


def png_upload(name: str = "anh.png", size: tuple[int, int] = (64, 40)) -> SimpleUploadedFile:
    """A whole PNG picture (Pillow, installed with the captcha library)."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, (183, 28, 28)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), "image/png")
