"""Speakers registered through the services, for the tests of this app and of others."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from reportlab.pdfgen.canvas import Canvas

from daihoi.delegates.models import Delegate
from daihoi.delegates.tests.helpers import make_delegate
from daihoi.organizations.permissions import Access
from daihoi.programme.models import Session

from .. import services
from ..models import Speech

NAMES = ["A Pớt", "Y Ngọc", "Nguyễn Văn Hùng", "Trần Thị Lan", "Rơ Chăm Phiên"]


def delegates(access: Access, count: int = 3) -> list[Delegate]:
    return [
        make_delegate(access, full_name=name, birth_year=1970 + n)
        for n, name in enumerate(NAMES[:count])
    ]


def register(
    access: Access,
    session: Session,
    delegate: Delegate,
    topic: str = "Chuyển đổi số",
    text_file: SimpleUploadedFile | None = None,
) -> Speech:
    return services.speech_register(
        access=access,
        session=session,
        delegate=delegate,
        fields=services.SpeechFields(
            topic=topic,
            summary="Đề xuất ba giải pháp trọng tâm cho nhiệm kỳ tới.",
            text_file=text_file,
        ),
    )


def speech_pdf(
    name: str = "tham-luan.pdf", text: str = "Tham luan chuyen doi so"
) -> SimpleUploadedFile:
    """A real one-page PDF, as a delegate's full text."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, text)
    canvas.showPage()
    canvas.save()
    return SimpleUploadedFile(name, buffer.getvalue(), "application/pdf")
