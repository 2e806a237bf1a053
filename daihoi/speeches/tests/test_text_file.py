"""A delegate registering to speak may attach their full text as a Word or PDF file: checked,
stored, read by the presidium's helpers and by the delegate, never by another delegate."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError
from daihoi.delegates.services.accounts import delegate_account_create
from daihoi.organizations.models import Participation
from daihoi.programme.tests.helpers import opening_session, secretariat
from daihoi.testing.factories import build_world

from ..models import Speech, SpeechAction
from .helpers import delegates, register, speech_pdf

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def delegate_world():
    return build_world(with_delegate=True)


def _docx(text: str) -> bytes:
    document = Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _post(client, world, session, **files):
    url = reverse("speeches:mine-register", args=[world.congress.pk, session.pk])
    return client.post(
        url, {"topic": "Giữ rừng gắn với sinh kế", "summary": "Ba kiến nghị.", **files}
    )


def test_a_delegate_attaches_a_word_file_and_downloads_it_back(delegate_world, client):
    world = delegate_world
    session = opening_session(world)
    client.force_login(world.users["delegate"])
    content = _docx("Toàn văn tham luận về giữ rừng")
    upload = SimpleUploadedFile("Tham luận giữ rừng.docx", content, DOCX)
    assert _post(client, world, session, text_file=upload).status_code == 302
    speech = Speech.objects.get(delegate=world.delegate)
    assert speech.text_file_name == "Tham luận giữ rừng.docx"
    assert speech.text_file_size == len(content)
    (registered,) = [e for e in history_of(speech) if e.action == SpeechAction.REGISTERED]
    assert registered.data["text_file"] == "Tham luận giữ rừng.docx"

    page = client.get(reverse("speeches:mine", args=[world.congress.pk])).content.decode()
    mine = reverse("speeches:mine-text", args=[world.congress.pk, speech.pk])
    assert mine in page and "Tham luận giữ rừng.docx" in page
    answer = client.get(mine)
    assert answer.status_code == 200 and b"".join(answer.streaming_content) == content
    assert "no-store" in answer["Cache-Control"]


@pytest.mark.parametrize(
    "name, content, kind, message",
    [
        ("tham-luan.doc", b"\xd0\xcf\x11\xe0" + b"0" * 100, "application/msword", "chỉ nhận"),
        ("tham-luan.txt", "Toàn văn".encode(), "text/plain", "chỉ nhận"),
        ("tham-luan.pdf", b"MZ\x90\x00 not a pdf", "application/pdf", "không khớp"),
        ("tham-luan.docx", b"PK\x03\x04 broken", DOCX, "bị hỏng"),
        ("tham-luan.pdf", b"", "application/pdf", "rỗng"),
    ],
)
def test_a_file_not_word_or_pdf_is_refused_with_a_vietnamese_reason_and_nothing_is_saved(
    delegate_world, client, name, content, kind, message
):
    world = delegate_world
    session = opening_session(world)
    client.force_login(world.users["delegate"])
    answer = _post(client, world, session, text_file=SimpleUploadedFile(name, content, kind))
    assert answer.status_code == 200
    page = answer.content.decode()
    assert message in page or (content == b"" and "trống" in page), page[-3000:]
    assert not Speech.objects.filter(delegate=world.delegate).exists()


def test_a_file_over_the_size_limit_is_refused(delegate_world, settings):
    world = delegate_world
    settings.ATTACHMENT_MAX_BYTES = 1024
    big = speech_pdf()
    big.size = 4096
    with pytest.raises(BusinessError) as refused:
        register(
            secretariat(world),
            opening_session(world),
            delegates(secretariat(world), 1)[0],
            text_file=big,
        )
    assert "vượt quá dung lượng" in refused.value.message and refused.value.field == "text_file"
    assert not Speech.objects.exists()


def test_the_presidium_reads_the_file_another_delegate_and_other_staff_do_not(
    delegate_world, client
):
    world = delegate_world
    access = secretariat(world)
    session = opening_session(world)
    (speaker,) = delegates(access, 1)
    speech = register(access, session, speaker, text_file=speech_pdf())
    presidium_url = reverse("speeches:speech-text", args=[world.congress.pk, speech.pk])

    client.force_login(world.users["secretariat"])
    detail = client.get(reverse("speeches:speech-detail", args=[world.congress.pk, speech.pk]))
    assert presidium_url in detail.content.decode()
    answer = client.get(presidium_url)
    assert answer.status_code == 200
    assert b"".join(answer.streaming_content).startswith(b"%PDF")
    downloads = [e for e in history_of(speech) if e.action == SpeechAction.TEXT_DOWNLOADED]
    assert len(downloads) == 1

    client.force_login(world.users["member"])
    assert client.get(presidium_url).status_code == 403
    # The world's delegate is not the speaker: their own-file URL and the presidium's say 404.
    client.force_login(world.users["delegate"])
    assert client.get(presidium_url).status_code == 404
    mine = reverse("speeches:mine-text", args=[world.congress.pk, speech.pk])
    assert client.get(mine).status_code == 404


def test_the_speaker_reads_their_own_file_from_their_account(delegate_world, client):
    world = delegate_world
    access = secretariat(world)
    (speaker,) = delegates(access, 1)
    delegate_account_create(access=access, delegate=speaker)
    user = Participation.objects.get(delegate=speaker).user
    speech = register(access, opening_session(world), speaker, text_file=speech_pdf())
    client.force_login(user)
    mine = reverse("speeches:mine-text", args=[world.congress.pk, speech.pk])
    assert client.get(mine).status_code == 200


def test_a_registration_without_a_file_has_no_download(delegate_world, client):
    world = delegate_world
    access = secretariat(world)
    speech = register(access, opening_session(world), delegates(access, 1)[0])
    client.force_login(world.users["secretariat"])
    url = reverse("speeches:speech-text", args=[world.congress.pk, speech.pk])
    assert client.get(url).status_code == 404


def test_the_paper_form_takes_the_file_too(delegate_world, client):
    world = delegate_world
    access = secretariat(world)
    session = opening_session(world)
    (speaker,) = delegates(access, 1)
    client.force_login(world.users["secretariat"])
    answer = client.post(
        reverse("speeches:register", args=[world.congress.pk, session.pk]),
        {
            "delegate": speaker.pk,
            "topic": "Du lịch cộng đồng",
            "summary": "Hai đề xuất.",
            "text_file": speech_pdf("phieu.pdf"),
        },
    )
    assert answer.status_code == 302
    assert Speech.objects.get(delegate=speaker).text_file_name == "phieu.pdf"
