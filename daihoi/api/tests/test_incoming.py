"""The register of documents received through the API, with the pages' rules: registered with
its file, listed and exported with the page's filters, corrected with its version, its file
replaced, put in the trash, given to an agency as a task. Only the secretariat writes; an
agency reads what it handles; another congress meets 404."""

import datetime as dt
import io

from openpyxl import load_workbook

from daihoi.documents import services
from daihoi.documents.models import IncomingDocument
from daihoi.planning.models import Task
from daihoi.testing.files import pdf_upload

from .helpers import ApiClient


def _entry(**changes):
    return {
        "received_on": "02/03/2020",
        "sender_symbol": "15-HD/BTCTW",
        "issued_on": "28/02/2020",
        "issuer_name": "Ban Tổ chức Trung ương",
        "subject": "Hướng dẫn tổ chức Đại hội đảng bộ các cấp",
        "urgency": "urgent",
    } | changes


def test_the_secretariat_registers_corrects_and_bins_a_document_received(world):
    secretariat = ApiClient(world.users["secretariat"])
    base = f"/congresses/{world.congress.pk}/incoming/"
    late = secretariat.post_form(base + "register/", _entry(issued_on="05/03/2020"))
    assert late.status_code == 400
    assert late.json()["errors"] == {"issued_on": ["Ngày ban hành không được sau ngày đến."]}
    for user, refused in (("leader", 403), ("outsider", 404)):
        answer = ApiClient(world.users[user]).post_form(base + "register/", _entry())
        assert answer.status_code == refused, user
    assert not IncomingDocument.objects.exists()

    made = secretariat.post_form(base + "register/", _entry(file=pdf_upload("huong-dan.pdf")))
    assert made.status_code == 201, made.content
    entry = made.json()
    assert (entry["arrival_number"], entry["has_file"], entry["file_name"]) == (
        1,
        True,
        "huong-dan.pdf",
    )
    path = f"{base}{entry['id']}/"
    stale = secretariat.put(path, _entry(subject="Sửa trích yếu", version=entry["version"] - 1))
    assert stale.status_code == 409
    other_year = secretariat.put(path, _entry(received_on="02/01/2019", issued_on=""))
    assert other_year.status_code == 400 and "received_on" in other_year.json()["errors"]
    fixed = secretariat.put(path, _entry(subject="Sửa trích yếu", version=entry["version"]))
    assert fixed.status_code == 200, fixed.content
    assert fixed.json()["subject"] == "Sửa trích yếu" and fixed.json()["has_file"]
    assert ApiClient(world.users["leader"]).put(path, _entry()).status_code == 403

    assert secretariat.post_form(path + "file/", {}).json()["errors"] == {
        "file": ["Hãy chọn tệp văn bản (PDF hoặc DOCX)."]
    }
    replaced = secretariat.post_form(
        path + "file/", {"file": pdf_upload("ban-moi.pdf", b"ban moi"), "version": 1}
    )
    assert replaced.status_code == 409, replaced.content
    current = secretariat.get(path).json()["version"]
    replaced = secretariat.post_form(
        path + "file/", {"file": pdf_upload("ban-moi.pdf", b"ban moi"), "version": current}
    )
    assert replaced.status_code == 200, replaced.content
    assert replaced.json()["file_name"] == "ban-moi.pdf"
    assert replaced.json()["subject"] == "Sửa trích yếu"
    download = secretariat.get(path + "file/")
    assert download.status_code == 200 and b"ban moi" in b"".join(download.streaming_content)

    assert ApiClient(world.users["leader"]).delete(path).status_code == 403
    assert secretariat.delete(path).status_code == 204
    assert secretariat.get(path).status_code == 404


def test_the_register_is_listed_and_exported_with_the_pages_filters(
    world, secretariat_access, django_assert_max_num_queries
):
    for day in range(1, 8):
        services.incoming_register(
            access=secretariat_access,
            received_on=dt.date(2020, 3, day),
            subject=f"Công văn số {day} về công tác chuẩn bị",
            issuer_name="Văn phòng Trung ương Đảng",
        )
    services.incoming_register(
        access=secretariat_access,
        received_on=dt.date(2020, 4, 1),
        subject="Hướng dẫn tuyên truyền Đại hội",
        issuer_name="Ban Tuyên giáo Trung ương",
        urgency="urgent",
    )
    secretariat = ApiClient(world.users["secretariat"])
    path = f"/congresses/{world.congress.pk}/incoming/"

    def subjects(**query):
        return {row["subject"] for row in secretariat.all(path, query)}

    assert subjects(q="huong dan tuyen truyen") == {"Hướng dẫn tuyên truyền Đại hội"}
    assert subjects(urgency="urgent") == {"Hướng dẫn tuyên truyền Đại hội"}
    assert len(subjects(date_from="2020-03-02", date_to="2020-03-04")) == 3
    assert len(secretariat.all(path, {"page_size": 3})) == 8
    with django_assert_max_num_queries(8):
        listed = secretariat.get(path, {"page_size": 50})
    assert listed.status_code == 200 and len(listed.json()["results"]) == 8
    # No agency handles them yet: the officer's list is empty, another congress's is 404.
    assert ApiClient(world.users["officer"]).all(path) == []
    assert ApiClient(world.users["outsider"]).get(path).status_code == 404

    exported = secretariat.get(path + "export/", {"date_from": "2020-03-02"})
    assert exported.status_code == 200
    assert exported["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(exported.content)).active
    cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert "Hướng dẫn tuyên truyền Đại hội" in cells
    assert "Công văn số 1 về công tác chuẩn bị" not in cells


def test_a_document_received_is_given_to_an_agency_as_a_task(world, secretariat_access):
    entry = services.incoming_register(
        access=secretariat_access,
        received_on=dt.date(2020, 3, 2),
        subject="Hướng dẫn tuyên truyền Đại hội",
        issuer_name="Ban Tuyên giáo Trung ương",
    )
    path = f"/congresses/{world.congress.pk}/incoming/{entry.pk}/"
    officer = ApiClient(world.users["officer"])
    assert officer.get(path).status_code == 404
    body = {
        "title": "Triển khai hướng dẫn tuyên truyền",
        "lead_agency": world.agencies["btg"].pk,
        "area": "propaganda",
        "phase": "before",
    }
    assert ApiClient(world.users["leader"]).post(path + "task/", body).status_code == 403
    assert ApiClient(world.users["outsider"]).post(path + "task/", body).status_code == 404
    secretariat = ApiClient(world.users["secretariat"])
    untitled = secretariat.post(path + "task/", body | {"title": ""})
    assert untitled.status_code == 400 and "title" in untitled.json()["errors"]
    given = secretariat.post(path + "task/", body)
    assert given.status_code == 201, given.content
    task = Task.objects.get(pk=given.json()["id"])
    assert task.incoming_document_id == entry.pk
    # Ban Tuyên giáo now handles the document and reads it, with the task given from it.
    seen = officer.get(path)
    assert seen.status_code == 200
    assert seen.json()["handling_agencies"] == [world.agencies["btg"].pk]
    assert seen.json()["tasks"] == [task.pk]
    assert ApiClient(world.users["officer2"]).get(path).status_code == 404
    # The list's "agency handling it" filter, as on the page.
    listed = f"/congresses/{world.congress.pk}/incoming/"
    assert [r["id"] for r in secretariat.all(listed, {"agency": world.agencies["btg"].pk})] == [
        entry.pk
    ]
    assert secretariat.all(listed, {"agency": world.agencies["svh"].pk}) == []
