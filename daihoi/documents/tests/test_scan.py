"""A document issued on paper is registered with its signed scan, or gets it later; a secret
replacement is not named on the page of the document it replaces."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from daihoi.core.exceptions import BusinessError
from daihoi.documents import services
from daihoi.documents.models import Confidentiality, Document, DocumentAction

from .conftest import ISSUED_ON, PDF, pdf


def _url(world, suffix=""):
    return f"/dai-hoi/{world.congress.pk}/van-ban/{suffix}"


def _register(access, issuer, **fields):
    return services.document_register(
        access=access,
        kind="KH",
        issuer=issuer,
        number=6,
        issued_on=ISSUED_ON,
        subject="Kế hoạch tuyên truyền Đại hội",
        **fields,
    )


def test_the_registry_page_registers_a_document_with_its_scan(world, client, party_office):
    client.force_login(world.users["secretariat"])
    response = client.post(
        _url(world, "vao-so/"),
        {
            "kind": "KH",
            "number": 6,
            "issued_on": ISSUED_ON.strftime("%d/%m/%Y"),
            "issuer": party_office.pk,
            "subject": "Kế hoạch tuyên truyền Đại hội",
            "scan": SimpleUploadedFile("kh06.pdf", PDF, content_type="application/pdf"),
        },
    )
    document = Document.objects.get()
    assert response.status_code == 302 and document.scan_name == "kh06.pdf"
    download = client.get(_url(world, f"{document.pk}/ban-ky/"))
    assert b"".join(download.streaming_content) == PDF


def test_a_scan_attached_later_replaces_none_and_is_recorded(
    world, client, secretariat_access, party_office
):
    document = _register(secretariat_access, party_office)
    client.force_login(world.users["secretariat"])
    response = client.post(_url(world, f"{document.pk}/ban-ky/tai-len/"), {"scan": pdf("kh.pdf")})
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.scan_name == "kh.pdf"
    assert document.history.count() >= 1
    from daihoi.core.models import AuditEntry

    assert AuditEntry.objects.filter(action=DocumentAction.SCAN_ATTACHED).count() == 1


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("anh.png", b"\x89PNG\r\n"),
        SimpleUploadedFile("gia.pdf", b"MZ not a pdf"),
        SimpleUploadedFile("rong.pdf", b""),
    ],
)
def test_a_bad_scan_is_refused_and_nothing_is_stored(secretariat_access, party_office, upload):
    with pytest.raises(BusinessError) as error:
        _register(secretariat_access, party_office, scan=upload)
    assert error.value.field == "scan"
    assert not Document.objects.exists()


def test_a_draft_issued_here_takes_no_scan(secretariat_access, make_draft):
    with pytest.raises(BusinessError, match="Chỉ văn bản vào sổ"):
        services.document_attach_scan(access=secretariat_access, document=make_draft(), scan=pdf())


def test_a_secret_replacement_is_not_named_on_the_replaced_documents_page(
    world, client, colleague, secretariat_access, party_office
):
    old = _register(secretariat_access, party_office)
    services.document_register(
        access=secretariat_access,
        kind="KH",
        issuer=party_office,
        number=7,
        issued_on=ISSUED_ON,
        subject="Kế hoạch nhân sự thay thế",
        replaces=old,
        confidentiality=Confidentiality.SECRET,
    )
    client.force_login(colleague)
    page = client.get(_url(world, f"{old.pk}/")).content.decode()
    assert "<dt>Bị thay thế bởi</dt>" not in page and "07-KH" not in page
    client.force_login(world.users["secretariat"])
    assert "<dt>Bị thay thế bởi</dt>" in client.get(_url(world, f"{old.pk}/")).content.decode()
