"""Documents for delegates: uploaded per session, ordered, withdrawn; read by the delegates
summoned to the session as PDFs stamped with their name, never cached."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.organizations.permissions import access_delegate
from daihoi.programme import services as programme_services
from daihoi.programme.tests.helpers import opening_session, secretariat
from daihoi.testing.factories import PASSWORD

from .. import selectors, services
from ..models import Material
from .helpers import pdf_bytes, upload

pytestmark = pytest.mark.django_db


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_a_pdf_is_ready_at_once_numbered_in_its_session(world):
    session = opening_session(world)
    first, second = upload(world, session), upload(world, session, "Dự thảo Nghị quyết")
    assert (first.position, second.position) == (1, 2)
    assert first.state == Material.State.READY and first.pages == 2


def test_a_file_that_is_not_a_pdf_or_word_is_refused(world):
    with pytest.raises(BusinessError):
        services.material_upload(
            access=secretariat(world),
            session=opening_session(world),
            title="Ảnh",
            kind="other",
            confidentiality="normal",
            upload=SimpleUploadedFile("anh.txt", b"chi la chu", "text/plain"),
        )


def test_a_word_file_waits_for_the_worker_and_is_hidden_until_converted(world):
    session = opening_session(world)
    material = services.material_upload(
        access=secretariat(world),
        session=session,
        title="Quy chế làm việc",
        kind="rules",
        confidentiality="normal",
        upload=SimpleUploadedFile(
            "quy-che.docx",
            _docx(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
    )
    assert material.state == Material.State.CONVERTING
    assert list(selectors.materials_for(world.delegate)) == []


def _docx() -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph("Quy chế làm việc của Đại hội")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_only_the_programme_keepers_upload(world):
    from daihoi.accounts.models import Role
    from daihoi.organizations.permissions import Access

    member = Access(world.users["member"], world.congress, Role.MEMBER)
    with pytest.raises(PermissionDenied):
        services.material_upload(
            access=member,
            session=opening_session(world),
            title="X",
            kind="other",
            confidentiality="normal",
            upload=SimpleUploadedFile("a.pdf", pdf_bytes(), "application/pdf"),
        )


def test_moving_a_document_up_swaps_it_with_the_one_above(world):
    session = opening_session(world)
    first, second = upload(world, session), upload(world, session, "Dự thảo Nghị quyết")
    services.material_move(access=secretariat(world), material=second, step=-1)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (second.position, first.position) == (1, 2)


def test_a_withdrawn_document_is_gone_for_delegates_at_once_and_kept_on_file(world, client):
    material = upload(world, opening_session(world))
    services.material_withdraw(access=secretariat(world), material=material, reason="Sai số liệu")
    assert list(selectors.materials_for(world.delegate)) == []
    assert Material.objects.get(pk=material.pk).withdrawal_reason == "Sai số liệu"
    client.force_login(world.users["delegate"])
    url = reverse("materials:my-pdf", args=[world.congress.pk, material.pk])
    assert client.get(url).status_code == 404


def test_a_withdrawal_needs_a_reason(world):
    material = upload(world, opening_session(world))
    with pytest.raises(BusinessError):
        services.material_withdraw(access=secretariat(world), material=material, reason=" ")


def test_the_delegates_copy_carries_their_name_on_every_page_and_is_never_cached(world, client):
    material = upload(world, opening_session(world), confidentiality="secret")
    client.force_login(world.users["delegate"])
    answer = client.get(reverse("materials:my-pdf", args=[world.congress.pk, material.pk]))
    assert answer.status_code == 200
    assert {"no-store", "private"} <= set(answer["Cache-Control"].replace(" ", "").split(","))
    pages = PdfReader(io.BytesIO(answer.content)).pages
    assert len(pages) == 2
    for page in pages:
        assert "A Thị Liên" in page.extract_text()
    assert "MẬT" in _text(answer.content)


def test_a_delegate_cannot_open_a_document_of_a_session_they_are_not_summoned_to(world, client):
    """The world's delegate is replaced: no session summons them any more."""
    from daihoi.delegates.models import Delegate

    session = opening_session(world)
    material = upload(world, session)
    access = access_delegate(world.users["delegate"], world.congress.pk)
    assert access.delegate_id is not None
    Delegate.objects.filter(pk=access.delegate_id).update(kind=Delegate.Kind.ALTERNATE)
    client.force_login(world.users["delegate"])
    url = reverse("materials:my-pdf", args=[world.congress.pk, material.pk])
    assert client.get(url).status_code == 404
    listing = client.get(reverse("materials:my-list", args=[world.congress.pk]))
    assert material.title not in listing.content.decode()


def test_a_session_with_documents_is_not_deleted_from_the_programme(world):
    session = opening_session(world)
    upload(world, session)
    with pytest.raises(BusinessError):
        programme_services.session_delete(access=secretariat(world), session=session)


def test_the_delegates_list_reads_a_fixed_number_of_queries(
    world, client, django_assert_max_num_queries
):
    for _ in range(3):
        session = opening_session(world)
        upload(world, session)
        upload(world, session, "Dự thảo Nghị quyết")
    client.force_login(world.users["delegate"])
    with django_assert_max_num_queries(10):
        page = client.get(reverse("materials:my-list", args=[world.congress.pk]))
    assert page.content.decode().count("Dự thảo Nghị quyết") == 3


def test_a_delegate_logs_in_and_finds_the_documents_link(world, client):
    client.post(reverse("accounts:login"), {"username": "daibieu", "password": PASSWORD})
    home = client.get(reverse("delegate_area:home", args=[world.congress.pk]))
    assert reverse("materials:my-list", args=[world.congress.pk]) in home.content.decode()
