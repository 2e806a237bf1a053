"""A Word file uploaded as a congress document becomes a PDF in the background worker
(LibreOffice headless): real DOCX in, the worker run, the stored PDF read back; a failed
conversion is told in Vietnamese and can be sent again."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from docx import Document
from pypdf import PdfReader

from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError
from daihoi.documents.tasks import soffice_path
from daihoi.programme.tests.helpers import opening_session, secretariat
from daihoi.testing.factories import build_world
from daihoi.testing.mail import run_worker

from .. import selectors, services
from ..models import Material, MaterialAction
from .helpers import upload

# The worker runs in this process with its own transactions: the data must be committed.
pytestmark = pytest.mark.django_db(transaction=True)

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
LINES = [
    "DỰ THẢO QUY CHẾ LÀM VIỆC CỦA ĐẠI HỘI",
    "Điều 1. Đại hội làm việc theo nguyên tắc tập trung dân chủ.",
    "Điều 2. Đoàn Chủ tịch điều hành các phiên họp của Đại hội.",
]


def _docx(lines: list[str]) -> bytes:
    document = Document()
    document.add_heading(lines[0], level=1)
    for line in lines[1:]:
        document.add_paragraph(line)
    document.add_page_break()
    document.add_paragraph("Trang hai: Đoàn Thư ký ghi biên bản các phiên họp.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _upload_word(world) -> Material:
    return services.material_upload(
        access=secretariat(world),
        session=opening_session(world),
        title="Dự thảo Quy chế làm việc",
        kind=Material.Kind.RULES,
        confidentiality="normal",
        upload=SimpleUploadedFile("quy-che.docx", _docx(LINES), DOCX),
    )


def _text(material: Material) -> str:
    with material.pdf.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.fixture
def world(db):
    return build_world(with_delegate=True)


@pytest.mark.skipif(soffice_path() is None, reason="LibreOffice is not installed")
def test_the_worker_turns_a_word_file_into_a_pdf_the_delegates_then_read(world, client):
    material = _upload_word(world)
    assert material.state == Material.State.CONVERTING and not material.pdf
    assert list(selectors.materials_for(world.delegate)) == []

    run_worker()

    material.refresh_from_db()
    assert material.state == Material.State.READY, material.error
    assert material.pages == 2 and material.error == ""
    text = _text(material)
    for line in LINES:
        assert line in text, line
    assert "Đoàn Thư ký ghi biên bản" in text
    assert list(selectors.materials_for(world.delegate)) == [material]
    assert [e.data["ok"] for e in history_of(material) if e.action == MaterialAction.CONVERTED] == [
        True
    ]
    # The delegate's copy of the converted document carries their name.
    client.force_login(world.users["delegate"])
    answer = client.get(reverse("materials:my-pdf", args=[world.congress.pk, material.pk]))
    stamped = PdfReader(io.BytesIO(answer.content))
    assert "A Thị Liên" in " ".join((p.extract_text() or "") for p in stamped.pages)


@pytest.mark.skipif(soffice_path() is None, reason="LibreOffice is not installed")
def test_a_second_run_of_the_job_changes_nothing(world):
    material = _upload_word(world)
    run_worker()
    material.refresh_from_db()
    first_pdf = material.pdf.name
    assert not services.material_convert(material_id=material.pk)
    from ..tasks import convert_material

    convert_material.enqueue(material.pk)
    run_worker()
    material.refresh_from_db()
    assert material.pdf.name == first_pdf
    assert len([e for e in history_of(material) if e.action == MaterialAction.CONVERTED]) == 1


def test_a_failed_conversion_is_told_in_vietnamese_and_can_be_sent_again(
    world, client, monkeypatch
):
    material = _upload_word(world)
    monkeypatch.setenv("PATH", "/nonexistent")  # a worker machine without LibreOffice
    run_worker()
    material.refresh_from_db()
    assert material.state == Material.State.FAILED and material.error
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").exists()  # the job itself ended well

    client.force_login(world.users["secretariat"])
    page = client.get(reverse("materials:list", args=[world.congress.pk])).content.decode()
    assert "Không chuyển được sang PDF" in page
    assert "Hệ thống không chuyển được tệp Word này sang PDF" in page
    assert "LibreOffice" not in page  # the technical reason stays on file

    monkeypatch.undo()
    answer = client.post(reverse("materials:convert", args=[world.congress.pk, material.pk]))
    assert answer.status_code == 302
    material.refresh_from_db()
    assert material.state == Material.State.CONVERTING and material.error == ""
    if soffice_path() is not None:
        run_worker()
        material.refresh_from_db()
        assert material.state == Material.State.READY, material.error


def test_only_a_failed_word_file_is_sent_again(world):
    material = upload(world, opening_session(world))  # a PDF, ready at once
    with pytest.raises(BusinessError):
        services.material_convert_again(access=secretariat(world), material=material)
