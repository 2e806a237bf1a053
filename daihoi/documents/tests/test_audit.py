"""Each service of the registry writes exactly one audit entry with its action code."""

import datetime as dt

from daihoi.core.audit import history_of
from daihoi.core.models import AuditEntry
from daihoi.documents import services
from daihoi.documents.models import Document, DocumentAction

from .conftest import ISSUED_ON


def _actions(document: Document) -> list[str]:
    return [entry.action for entry in history_of(document)]


def test_creating_a_draft_records_document_drafted(make_draft, secretariat_access):
    document = make_draft()
    entry = history_of(document).get()
    assert entry.action == DocumentAction.DRAFTED and entry.actor == secretariat_access.user


def test_updating_a_draft_records_the_changed_fields(make_draft, secretariat_access):
    document = make_draft()
    services.document_update(access=secretariat_access, document=document, subject="Trích mới")
    entry = history_of(document)[0]
    assert entry.action == DocumentAction.UPDATED
    assert [row[0] for row in entry.changes] == ["Trích yếu"]
    assert entry.changes[0][2] == "Trích mới"


def test_issuing_records_one_document_issued_entry(make_draft, secretariat_access):
    document = make_draft()
    before = AuditEntry.objects.count()
    services.document_issue(access=secretariat_access, document=document, issued_on=ISSUED_ON)
    assert AuditEntry.objects.count() == before + 1
    assert _actions(document)[0] == DocumentAction.ISSUED
    assert history_of(document)[0].data["symbol"] == document.symbol


def test_registering_records_document_registered(world, secretariat_access, party_office):
    document = services.document_register(
        access=secretariat_access,
        kind="KH",
        issuer=party_office,
        number=12,
        issued_on=dt.date(2020, 3, 2),
        subject="Kế hoạch tổ chức Đại hội",
    )
    assert _actions(document) == [DocumentAction.REGISTERED]


def test_correcting_a_registration_records_the_changes(world, secretariat_access, party_office):
    document = services.document_register(
        access=secretariat_access,
        kind="KH",
        issuer=party_office,
        number=12,
        issued_on=dt.date(2020, 3, 2),
        subject="Kế hoạch tổ chức Đại hội",
    )
    services.document_correct_registration(
        access=secretariat_access,
        document=document,
        number=13,
        issued_on=dt.date(2020, 3, 2),
        subject="Kế hoạch tổ chức Đại hội",
        issuer=party_office,
    )
    entry = history_of(document)[0]
    assert entry.action == DocumentAction.REGISTRATION_CORRECTED
    assert ["Số", "12", "13"] in entry.changes


def test_deleting_and_restoring_a_draft_record_one_entry_each(make_draft, secretariat_access):
    document = make_draft()
    services.document_delete(access=secretariat_access, document=document)
    services.document_restore(access=secretariat_access, document=document)
    assert _actions(document) == [
        DocumentAction.RESTORED,
        DocumentAction.DELETED,
        DocumentAction.DRAFTED,
    ]


def test_storing_the_pdf_records_document_pdf_stored(make_draft, secretariat_access):
    document = services.document_issue(
        access=secretariat_access, document=make_draft(), issued_on=ISSUED_ON
    )
    services.document_store_pdf(document_id=document.pk, pdf=b"%PDF-1.4\n%%EOF")
    entry = history_of(document)[0]
    assert entry.action == DocumentAction.PDF_STORED and entry.actor is None


def test_document_history_page_shows_the_trail(world, client, make_draft, secretariat_access):
    document = make_draft()
    services.document_update(access=secretariat_access, document=document, subject="Trích mới")
    client.force_login(world.users["secretariat"])
    page = client.get(f"/dai-hoi/{world.congress.pk}/van-ban/{document.pk}/").content.decode()
    assert "Tạo dự thảo văn bản" in page and "Sửa dự thảo văn bản" in page
    assert "Trích mới" in page
