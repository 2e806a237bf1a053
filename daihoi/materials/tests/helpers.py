"""Documents for delegates built through the services, for the tests."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from reportlab.pdfgen.canvas import Canvas

from daihoi.programme.models import Session
from daihoi.programme.tests.helpers import secretariat

from .. import services
from ..models import Material


def pdf_bytes(text: str = "Dự thảo Báo cáo chính trị", pages: int = 2) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    for number in range(1, pages + 1):
        canvas.drawString(72, 720, f"{text} - trang {number}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def upload(
    world,
    session: Session,
    title: str = "Dự thảo Báo cáo chính trị",
    confidentiality: str = "normal",
) -> Material:
    return services.material_upload(
        access=secretariat(world),
        session=session,
        title=title,
        kind=Material.Kind.POLITICAL_REPORT,
        confidentiality=confidentiality,
        upload=SimpleUploadedFile("bao-cao.pdf", pdf_bytes(title), "application/pdf"),
    )
