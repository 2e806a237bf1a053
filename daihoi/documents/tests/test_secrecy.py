"""Documents marked Mật or Tối mật reach only the people named on them, through every channel:
the lists and their counts, search, the XLSX export, the detail and file URLs, the task page and
the trash. The colleague is a secretariat officer like the registrar, but not named."""

import io

import pytest
from openpyxl import load_workbook

from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.documents import services
from daihoi.documents.models import Confidentiality, Document, IncomingDocument
from daihoi.planning import services as planning_services
from daihoi.planning.models import Area, Phase

from .conftest import ISSUED_ON, pdf

SECRET_SUBJECT = "Phương án nhân sự Ban Chấp hành khóa mới"


def _url(world, suffix=""):
    return f"/dai-hoi/{world.congress.pk}/van-ban/{suffix}"


@pytest.fixture
def secret_incoming(world, register_incoming):
    return register_incoming(
        subject=SECRET_SUBJECT,
        sender_symbol="07-CV/BTCTW",
        confidentiality=Confidentiality.SECRET,
        readers=[world.users["leader"]],
        file=pdf("mat.pdf"),
    )


@pytest.fixture
def ordinary_incoming(register_incoming):
    return register_incoming(subject="Hướng dẫn tuyên truyền Đại hội")


@pytest.fixture
def secret_outgoing(world, secretariat_access, party_office):
    return services.document_register(
        access=secretariat_access,
        kind="TTr",
        issuer=party_office,
        number=15,
        issued_on=ISSUED_ON,
        subject=SECRET_SUBJECT,
        confidentiality=Confidentiality.TOP_SECRET,
        readers=[world.users["leader"]],
        scan=pdf("to-trinh-mat.pdf"),
    )


def _give_as_task(world, access, document):
    return planning_services.incoming_to_task(
        access=access,
        document=document,
        fields=planning_services.TaskFields(
            title="Chuẩn bị phương án theo văn bản đến",
            lead_agency=world.agencies["btg"],
            area=Area.PERSONNEL,
            phase=Phase.BEFORE,
        ),
    )


def test_the_rule_keeps_secret_documents_to_the_named(
    world,
    secret_incoming,
    ordinary_incoming,
    secret_outgoing,
    secretariat_access,
    leader_access,
    colleague_access,
    admin_access,
):
    for access in (secretariat_access, leader_access):
        assert IncomingDocument.objects.visible_to(access).count() == 2
        assert Document.objects.visible_to(access).count() == 1
    for access in (colleague_access, admin_access):
        assert list(IncomingDocument.objects.visible_to(access)) == [ordinary_incoming]
        assert not Document.objects.visible_to(access).exists()


def test_the_colleague_does_not_find_a_secret_document_in_the_lists_counts_or_search(
    world, client, colleague, secret_incoming, ordinary_incoming, secret_outgoing
):
    client.force_login(colleague)
    page = client.get(_url(world, "den/")).content.decode()
    assert SECRET_SUBJECT not in page and "07-CV/BTCTW" not in page and "1 văn bản" in page
    page = client.get(_url(world, "den/"), {"q": "nhan su"}).content.decode()
    assert SECRET_SUBJECT not in page and "Không có văn bản đến nào" in page
    page = client.get(_url(world, "den/"), {"confidentiality": "secret"}).content.decode()
    assert "Không có văn bản đến nào" in page
    page = client.get(_url(world), {"q": "nhan su"}).content.decode()
    assert SECRET_SUBJECT not in page
    assert SECRET_SUBJECT not in client.get(_url(world)).content.decode()


def test_a_named_reader_finds_it_by_search(world, client, secret_incoming, secret_outgoing):
    client.force_login(world.users["leader"])
    assert SECRET_SUBJECT in client.get(_url(world, "den/"), {"q": "nhan su"}).content.decode()
    assert SECRET_SUBJECT in client.get(_url(world), {"q": "nhan su"}).content.decode()


def test_the_colleague_gets_404_for_the_detail_file_and_edit_urls(
    world, client, colleague, secret_incoming, secret_outgoing
):
    client.force_login(colleague)
    for suffix in ("", "sua/", "tep/"):
        assert client.get(_url(world, f"den/{secret_incoming.pk}/{suffix}")).status_code == 404
    assert client.post(_url(world, f"den/{secret_incoming.pk}/xoa/")).status_code == 404
    for suffix in ("", "ban-ky/", "pdf/", "do-mat/"):
        assert client.get(_url(world, f"{secret_outgoing.pk}/{suffix}")).status_code == 404


def test_the_export_leaves_secret_documents_out_for_the_colleague(
    world, client, colleague, secret_incoming, ordinary_incoming
):
    client.force_login(colleague)
    response = client.get(_url(world, "den/xlsx/"))
    text = " ".join(
        str(cell.value)
        for row in load_workbook(io.BytesIO(response.content)).active.iter_rows()
        for cell in row
    )
    assert "Hướng dẫn tuyên truyền" in text and SECRET_SUBJECT not in text
    client.force_login(world.users["secretariat"])
    response = client.get(_url(world, "den/xlsx/"))
    assert SECRET_SUBJECT in " ".join(
        str(c.value)
        for r in load_workbook(io.BytesIO(response.content)).active.iter_rows()
        for c in r
    )


def test_a_named_reader_downloads_the_secret_files_uncached(
    world, client, secret_incoming, secret_outgoing
):
    client.force_login(world.users["leader"])
    for suffix in (f"den/{secret_incoming.pk}/tep/", f"{secret_outgoing.pk}/ban-ky/"):
        response = client.get(_url(world, suffix))
        assert response.status_code == 200 and "no-store" in response["Cache-Control"]
        assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_the_task_page_links_the_document_only_for_the_named(
    world, client, secretariat_access, secret_incoming
):
    task = _give_as_task(world, secretariat_access, secret_incoming)
    task_url = f"/dai-hoi/{world.congress.pk}/nhiem-vu/{task.pk}/"
    detail_url = _url(world, f"den/{secret_incoming.pk}/")
    client.force_login(world.users["secretariat"])
    assert detail_url in client.get(task_url).content.decode()
    # The lead agency's officer handles the task but is not named on the document.
    client.force_login(world.users["officer"])
    page = client.get(task_url).content.decode()
    assert detail_url not in page and "07-CV/BTCTW" not in page
    assert client.get(detail_url).status_code == 404


def test_the_trash_shows_a_deleted_secret_draft_only_to_the_named(
    world, client, colleague, secretariat_access, party_office
):
    draft = services.document_create(
        access=secretariat_access,
        kind="TTr",
        issuer=party_office,
        subject=SECRET_SUBJECT,
        body="",
        confidentiality=Confidentiality.SECRET,
    )
    services.document_delete(access=secretariat_access, document=draft)
    trash = f"/dai-hoi/{world.congress.pk}/thung-rac/"
    client.force_login(colleague)
    assert SECRET_SUBJECT not in client.get(trash).content.decode()
    client.force_login(world.users["secretariat"])
    assert SECRET_SUBJECT in client.get(trash).content.decode()


def test_the_secretariat_marks_a_registered_document_secret_and_names_its_readers(
    world, client, colleague, secretariat_access, party_office
):
    document = services.document_register(
        access=secretariat_access,
        kind="BC",
        issuer=party_office,
        number=3,
        issued_on=ISSUED_ON,
        subject=SECRET_SUBJECT,
    )
    client.force_login(world.users["secretariat"])
    response = client.post(
        _url(world, f"{document.pk}/do-mat/"),
        {"confidentiality": "top_secret", "readers": [world.users["leader"].pk]},
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.confidentiality == Confidentiality.TOP_SECRET
    assert set(document.readers.values_list("username", flat=True)) == {"secretariat", "leader"}
    client.force_login(colleague)
    assert client.get(_url(world, f"{document.pk}/")).status_code == 404
    assert SECRET_SUBJECT not in client.get(_url(world)).content.decode()


def test_a_reader_outside_the_congress_or_a_non_drafter_is_refused(
    world, secretariat_access, propaganda_access, party_office
):
    document = services.document_register(
        access=secretariat_access,
        kind="BC",
        issuer=party_office,
        number=4,
        issued_on=ISSUED_ON,
        subject=SECRET_SUBJECT,
    )
    with pytest.raises(BusinessError, match="người dùng của Đại hội này"):
        services.document_set_readers(
            access=secretariat_access,
            document=document,
            confidentiality=Confidentiality.SECRET,
            readers=[world.users["outsider"]],
        )
    with pytest.raises(PermissionDenied):
        services.document_set_readers(
            access=propaganda_access,
            document=document,
            confidentiality=Confidentiality.SECRET,
            readers=[],
        )
    document.refresh_from_db()
    assert document.confidentiality == Confidentiality.NORMAL and not document.readers.exists()


def test_the_task_notifications_and_mails_carry_nothing_of_a_secret_document(
    world, secretariat_access, secret_incoming, django_capture_on_commit_callbacks, mailoutbox
):
    from daihoi.notifications.models import Notification

    with django_capture_on_commit_callbacks(execute=True):
        _give_as_task(world, secretariat_access, secret_incoming)
    notices = list(Notification.objects.values_list("title", "body"))
    assert notices  # the lead agency's officer is told of the task
    sent = " ".join(f"{t} {b}" for t, b in notices)
    sent += " ".join(f"{m.subject} {m.body}" for m in mailoutbox)
    assert SECRET_SUBJECT not in sent and "07-CV/BTCTW" not in sent and "Mật" not in sent


def test_a_secret_draft_is_not_offered_for_comment_to_the_colleague(
    world, client, colleague, secretariat_access, party_office
):
    services.document_create(
        access=secretariat_access,
        kind="QC",
        issuer=party_office,
        subject=SECRET_SUBJECT,
        body="Điều 1. Phạm vi.",
        confidentiality=Confidentiality.SECRET,
    )
    url = f"/dai-hoi/{world.congress.pk}/lay-y-kien/them/"
    client.force_login(colleague)
    assert SECRET_SUBJECT not in client.get(url).content.decode()
    client.force_login(world.users["secretariat"])
    assert SECRET_SUBJECT in client.get(url).content.decode()


def test_an_ordinary_document_issued_here_cannot_be_marked_secret_afterwards(
    world, secretariat_access, make_draft
):
    issued = services.document_issue(
        access=secretariat_access, document=make_draft(), issued_on=ISSUED_ON
    )
    with pytest.raises(BusinessError, match="không đổi được độ mật"):
        services.document_set_readers(
            access=secretariat_access,
            document=issued,
            confidentiality=Confidentiality.SECRET,
            readers=[],
        )
    issued.refresh_from_db()
    assert issued.confidentiality == Confidentiality.NORMAL
