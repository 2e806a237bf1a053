"""The register of documents received: numbering, bad input, edits, trash and the audit trail."""

import datetime as dt
import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections

from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.core.models import AuditEntry
from daihoi.documents import services
from daihoi.documents.models import (
    ArrivalSequence,
    Confidentiality,
    IncomingAction,
    IncomingDocument,
    Urgency,
)
from daihoi.organizations.models import Congress

from .conftest import RECEIVED_ON, pdf


def test_arrival_numbers_run_on_without_gaps_within_a_congress_and_year(register_incoming):
    numbers = [register_incoming().arrival_number for _ in range(3)]
    assert numbers == [1, 2, 3]
    assert ArrivalSequence.objects.get().last_number == 3


def test_arrival_numbers_start_again_at_one_in_a_new_year(register_incoming):
    register_incoming()
    register_incoming()
    next_year = register_incoming(received_on=dt.date(2026, 1, 2), issued_on=None)
    assert (next_year.arrival_number, next_year.year) == (1, 2026)


def test_each_congress_keeps_its_own_register(world, register_incoming, admin_access):
    from daihoi.accounts.models import Role
    from daihoi.organizations.permissions import Access

    register_incoming()
    other = Access(world.admin, Congress.objects.get(pk=world.other.pk), Role.SECRETARIAT)
    assert register_incoming(access=other).arrival_number == 1


def test_a_deleted_entry_keeps_its_number_so_the_register_has_no_gap(
    register_incoming, secretariat_access
):
    first = register_incoming()
    services.incoming_delete(access=secretariat_access, document=first)
    assert register_incoming().arrival_number == 2
    assert IncomingDocument.all_objects.filter(arrival_number=1).exists()


def test_registering_records_one_audit_entry_with_the_number(register_incoming):
    document = register_incoming(issuer_agency=None)
    entry = AuditEntry.objects.get(action=IncomingAction.REGISTERED)
    assert entry.data == {"number": 1} and entry.object_id == document.pk
    assert "Ban Tổ chức" not in entry.object_repr  # the subject and sender stay on the page


def test_a_known_agency_as_issuer_replaces_the_typed_name(world, register_incoming):
    document = register_incoming(issuer_agency=world.agencies["btg"], issuer_name="x")
    assert document.issuer_label == "Ban Tuyên giáo Tỉnh ủy" and document.issuer_name == ""


def test_the_file_is_stored_with_its_name(register_incoming):
    document = register_incoming(file=pdf("HD-12.pdf"))
    assert document.file_name == "HD-12.pdf"
    assert document.file.read().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"subject": "   "}, "subject", "trích yếu"),
        ({"issuer_name": ""}, "issuer_name", "cơ quan ban hành"),
        ({"received_on": dt.date(2099, 1, 1)}, "received_on", "sau ngày hôm nay"),
        ({"issued_on": RECEIVED_ON + dt.timedelta(days=1)}, "issued_on", "sau ngày đến"),
        ({"urgency": "rat-khan"}, "urgency", "Độ khẩn"),
        ({"confidentiality": "tuyet-mat"}, "confidentiality", "Độ mật"),
        (
            {"file": SimpleUploadedFile("virus.exe", b"MZ\x90\x00")},
            "file",
            "PDF hoặc DOCX",
        ),
        ({"file": SimpleUploadedFile("bang.xlsx", b"PK\x03\x04")}, "file", "PDF hoặc DOCX"),
        ({"file": SimpleUploadedFile("gia.pdf", b"not a pdf")}, "file", "không khớp"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_saved(
    register_incoming, fields, field, message
):
    with pytest.raises(BusinessError) as error:
        register_incoming(**fields)
    assert error.value.field == field and message in error.value.message
    assert not IncomingDocument.all_objects.exists()
    assert not AuditEntry.objects.exists()


def test_a_reader_from_another_congress_is_refused(world, register_incoming):
    with pytest.raises(BusinessError, match="người dùng của Đại hội này"):
        register_incoming(confidentiality=Confidentiality.SECRET, readers=[world.users["outsider"]])
    assert not IncomingDocument.all_objects.exists()


def test_only_the_secretariat_registers(register_incoming, leader_access, propaganda_access):
    for access in (leader_access, propaganda_access):
        with pytest.raises(PermissionDenied):
            register_incoming(access=access)


def test_an_edit_keeps_the_number_and_records_what_changed(register_incoming, secretariat_access):
    document = register_incoming()
    services.incoming_update(
        access=secretariat_access,
        document=document,
        subject="Hướng dẫn nhân sự (bản sửa)",
        urgency=Urgency.URGENT,
        file=pdf("ban-moi.pdf"),
    )
    document.refresh_from_db()
    assert document.arrival_number == 1 and document.file_name == "ban-moi.pdf"
    entry = history_of(document)[0]
    assert entry.action == IncomingAction.UPDATED
    changed = [row[0] for row in entry.data["changes"]]
    assert changed == ["Trích yếu", "Độ khẩn", "Tệp văn bản"]


def test_an_edit_cannot_move_the_date_received_into_another_year(
    register_incoming, secretariat_access
):
    document = register_incoming()
    with pytest.raises(BusinessError, match="ngày đến phải trong năm đó"):
        services.incoming_update(
            access=secretariat_access, document=document, received_on=dt.date(2026, 1, 5)
        )
    document.refresh_from_db()
    assert document.received_on == RECEIVED_ON


def test_a_secret_document_always_names_whoever_registers_it(
    world, register_incoming, secretariat_access
):
    document = register_incoming(
        confidentiality=Confidentiality.SECRET, readers=[world.users["leader"]]
    )
    assert set(document.readers.values_list("username", flat=True)) == {"secretariat", "leader"}


def test_an_ordinary_document_keeps_no_reader_list(world, register_incoming):
    document = register_incoming(readers=[world.users["leader"]])
    assert not document.readers.exists()


def test_a_deleted_entry_is_restored_from_the_trash(register_incoming, secretariat_access):
    document = register_incoming()
    services.incoming_delete(access=secretariat_access, document=document)
    assert not IncomingDocument.objects.exists()
    services.incoming_restore(access=secretariat_access, document=document)
    assert IncomingDocument.objects.get() == document
    assert [e.action for e in history_of(document)][:2] == [
        IncomingAction.RESTORED,
        IncomingAction.DELETED,
    ]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_registrations_at_the_same_moment_get_consecutive_arrival_numbers(
    register_incoming, secretariat_access, colleague_access
):
    if connection.vendor != "postgresql":
        pytest.skip("Row locks (SELECT … FOR UPDATE) are only meaningful on PostgreSQL")
    barrier = threading.Barrier(2)
    results, errors = [], []

    def register(access):
        try:
            barrier.wait()
            results.append(register_incoming(access=access))
        except Exception as error:  # noqa: BLE001 — reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=register, args=(access,))
        for access in (secretariat_access, colleague_access)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(d.arrival_number for d in results) == [1, 2]
    assert ArrivalSequence.objects.get().last_number == 2
