"""The register of documents received through its pages."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from daihoi.core.models import AuditEntry
from daihoi.documents.models import Confidentiality, IncomingDocument
from daihoi.planning.models import Area, Phase, Task, TaskAssignment

from .conftest import PDF, RECEIVED_ON


def _url(world, suffix=""):
    return f"/dai-hoi/{world.congress.pk}/van-ban/den/{suffix}"


def _task_url(world, document):
    return reverse("planning:incoming-task", args=[world.congress.pk, document.pk])


def _form(**fields):
    data = {
        "received_on": RECEIVED_ON.strftime("%d/%m/%Y"),
        "sender_symbol": "12-HD/BTCTW",
        "issuer_name": "Ban Tổ chức Trung ương",
        "subject": "Hướng dẫn công tác nhân sự",
        "urgency": "normal",
        "confidentiality": "normal",
    }
    data.update(fields)
    return data


def test_the_secretariat_registers_a_document_with_its_file_through_the_page(world, client):
    client.force_login(world.users["secretariat"])
    response = client.post(
        _url(world, "vao-so/"),
        _form(file=SimpleUploadedFile("hd12.pdf", PDF, content_type="application/pdf")),
    )
    document = IncomingDocument.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/den/{document.pk}/")
    assert document.arrival_number == 1 and document.file_name == "hd12.pdf"
    page = client.get(response["Location"]).content.decode()
    assert "Văn bản đến số 1/2025" in page and "Tải tệp văn bản" in page


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"subject": ""}, "This field is required"),
        ({"received_on": "01/01/2099"}, "Ngày đến không được sau ngày hôm nay"),
        ({"received_on": "31/02/2025"}, "Ngày không hợp lệ"),
        ({"issuer_name": ""}, "Hãy chọn cơ quan ban hành"),
        ({"file": SimpleUploadedFile("a.exe", b"MZ")}, "phải là PDF hoặc DOCX"),
    ],
)
def test_bad_input_on_the_page_shows_a_message_and_saves_nothing(world, client, fields, message):
    client.force_login(world.users["secretariat"])
    response = client.post(_url(world, "vao-so/"), _form(**fields))
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page or (message == "This field is required" and "bắt buộc" in page)
    assert not IncomingDocument.all_objects.exists() and not AuditEntry.objects.exists()


def test_the_register_lists_in_a_fixed_number_of_queries(
    world, client, register_incoming, django_assert_max_num_queries
):
    client.force_login(world.users["secretariat"])
    for _ in range(2):
        register_incoming(issuer_agency=world.agencies["btg"])
    with django_assert_max_num_queries(12) as few:
        client.get(_url(world))
    for _ in range(18):
        register_incoming(issuer_agency=world.agencies["btg"], confidentiality="secret")
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(_url(world)).content.decode()
    assert "20 văn bản" in page


def test_the_register_filters_by_mark_and_searches_without_diacritics(
    world, client, register_incoming
):
    register_incoming(subject="Công văn về công tác hậu cần", urgency="urgent")
    register_incoming(subject="Hướng dẫn tuyên truyền")
    client.force_login(world.users["secretariat"])
    page = client.get(_url(world), {"q": "HAU CAN"}).content.decode()
    assert "hậu cần" in page and "tuyên truyền" not in page
    page = client.get(_url(world), {"urgency": "urgent"}).content.decode()
    assert "hậu cần" in page and "tuyên truyền" not in page


def test_an_edit_through_the_page_names_the_readers_of_a_secret_document(
    world, client, register_incoming
):
    document = register_incoming()
    client.force_login(world.users["secretariat"])
    response = client.post(
        _url(world, f"{document.pk}/sua/"),
        _form(confidentiality="secret", readers=[world.users["leader"].pk]),
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.confidentiality == Confidentiality.SECRET
    assert set(document.readers.values_list("username", flat=True)) == {"secretariat", "leader"}


def test_assigning_the_document_as_a_task_links_both_ways_and_lets_the_agencies_read_it(
    world, client, register_incoming
):
    document = register_incoming()
    client.force_login(world.users["secretariat"])
    form = client.get(_task_url(world, document))
    assert "Hướng dẫn công tác nhân sự" in form.content.decode()  # the title is proposed
    response = client.post(
        _task_url(world, document),
        {
            "title": "Tham mưu triển khai hướng dẫn nhân sự",
            "lead_agency": world.agencies["btg"].pk,
            "coordinating_agencies": [world.agencies["svh"].pk],
            "area": Area.PERSONNEL,
            "phase": Phase.BEFORE,
            "deadline": "30/04/2025",
        },
    )
    task = Task.objects.get()
    assert response.status_code == 302, response.content.decode()[:2000]
    assert task.incoming_document == document and task.get_source_display() == "Văn bản đến"
    assert set(task.assignments.values_list("role", flat=True)) == {
        TaskAssignment.Role.LEAD,
        TaskAssignment.Role.COORDINATE,
    }
    assert set(document.handling_agencies.all()) == {world.agencies["btg"], world.agencies["svh"]}
    client.force_login(world.users["officer"])
    task_page = client.get(f"/dai-hoi/{world.congress.pk}/nhiem-vu/{task.pk}/").content.decode()
    assert _url(world, f"{document.pk}/") in task_page
    detail = client.get(_url(world, f"{document.pk}/")).content.decode()
    assert "Tham mưu triển khai hướng dẫn nhân sự" in detail
    assert "Giao xử lý (nhiệm vụ)" not in detail
    client.force_login(world.users["officer2"])
    assert client.get(_url(world, f"{document.pk}/")).status_code == 404
    assert "Hướng dẫn công tác nhân sự" not in client.get(_url(world)).content.decode()


def test_a_secret_document_proposes_no_task_title(world, client, register_incoming):
    document = register_incoming(subject="Phương án nhân sự mật", confidentiality="secret")
    client.force_login(world.users["secretariat"])
    page = client.get(_task_url(world, document)).content.decode()
    assert 'value="Phương án nhân sự mật"' not in page
