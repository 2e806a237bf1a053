"""Drafting in the registry through the API, with the pages' rules: a draft written and edited
with its version, issued, replaced, put in the trash; the signed scan; the secrecy mark and its
readers; a committee's founding decision. Another agency or congress meets 404."""

import datetime as dt

from daihoi.documents import services
from daihoi.documents.models import Document
from daihoi.testing.files import pdf_upload

from .helpers import ApiClient


def _draft(world, **changes):
    return {
        "kind": "TB",
        "issuer": world.agencies["vptu"].pk,
        "subject": "Thông báo lịch tổng duyệt Đại hội",
        "body": "Tổng duyệt lúc 8 giờ.",
        "recipient_agencies": [str(world.agencies["btg"].pk)],
        "signer": world.chair.pk,
    } | changes


def test_a_leader_drafts_edits_with_the_version_read_and_issues_a_document(world):
    leader = ApiClient(world.users["leader"])
    base = f"/congresses/{world.congress.pk}/documents/"
    empty = leader.post(base, _draft(world, subject=""))
    assert empty.status_code == 400 and "subject" in empty.json()["errors"]
    assert ApiClient(world.users["officer"]).post(base, _draft(world)).status_code == 403
    assert ApiClient(world.users["outsider"]).post(base, _draft(world)).status_code == 404
    assert not Document.objects.exists()

    made = leader.post(base, _draft(world))
    assert made.status_code == 201, made.content
    draft = made.json()
    assert draft["status"] == "draft" and draft["number"] is None
    assert draft["recipient_agencies"] == [world.agencies["btg"].pk]
    path = f"{base}{draft['id']}/"
    stale = leader.put(path, _draft(world, subject="Sửa lần 1", version=draft["version"] - 1))
    assert stale.status_code == 409
    edited = leader.put(path, _draft(world, subject="Sửa lần 1", version=draft["version"]))
    assert edited.status_code == 200, edited.content
    assert edited.json()["subject"] == "Sửa lần 1"
    # Drafts are the drafters': the officer of the addressed agency does not see one yet.
    assert ApiClient(world.users["officer"]).get(path).status_code == 404

    assert leader.post(path + "issue/").status_code == 200
    final = leader.put(path, _draft(world, subject="Sửa sau khi ban hành"))
    assert final.status_code == 400
    assert final.json()["errors"]["__all__"] == [services.ISSUED_IS_FINAL]
    assert ApiClient(world.users["officer"]).get(path).json()["subject"] == "Sửa lần 1"
    assert ApiClient(world.users["officer2"]).get(path).status_code == 404


def test_a_replacement_draft_copies_the_issued_document_and_supersedes_it_once_issued(
    world, leader_access
):
    issued = services.document_issue(
        access=leader_access,
        document=services.document_create(
            access=leader_access,
            kind="TB",
            issuer=world.agencies["vptu"],
            subject="Thông báo địa điểm Đại hội",
            body="Hội trường Tỉnh ủy.",
            recipient_agencies=[world.agencies["btg"]],
            signer=world.chair,
        ),
    )
    path = f"/congresses/{world.congress.pk}/documents/{issued.pk}/"
    assert ApiClient(world.users["officer"]).post(path + "replace/").status_code == 403
    assert ApiClient(world.users["officer2"]).post(path + "replace/").status_code == 404
    leader = ApiClient(world.users["leader"])
    made = leader.post(path + "replace/")
    assert made.status_code == 201, made.content
    new = made.json()
    assert new["replaces_id"] == issued.pk and new["status"] == "draft"
    assert (new["subject"], new["body"]) == ("Thông báo địa điểm Đại hội", "Hội trường Tỉnh ủy.")
    replacement = f"/congresses/{world.congress.pk}/documents/{new['id']}/"
    assert leader.post(replacement + "issue/").status_code == 200
    assert leader.get(path).json()["status"] == "superseded"


def test_only_a_draft_goes_to_the_trash_and_only_by_the_secretariat(world, leader_access):
    draft = services.document_create(
        access=leader_access,
        kind="TB",
        issuer=world.agencies["vptu"],
        subject="Dự thảo bỏ",
        body="",
    )
    issued = services.document_issue(
        access=leader_access,
        document=services.document_create(
            access=leader_access,
            kind="TB",
            issuer=world.agencies["vptu"],
            subject="Đã ban hành",
            body="",
            signer=world.chair,
        ),
    )
    base = f"/congresses/{world.congress.pk}/documents/"
    secretariat = ApiClient(world.users["secretariat"])
    assert ApiClient(world.users["leader"]).delete(f"{base}{draft.pk}/").status_code == 403
    refused = secretariat.delete(f"{base}{issued.pk}/")
    assert refused.status_code == 400 and "không xóa được" in refused.json()["detail"]
    assert secretariat.delete(f"{base}{draft.pk}/").status_code == 204
    assert secretariat.get(f"{base}{draft.pk}/").status_code == 404
    assert ApiClient(world.users["outsider"]).delete(f"{base}{issued.pk}/").status_code == 404


def test_the_signed_scan_and_the_readers_of_a_document_registered_from_paper(
    world, secretariat_access
):
    registered = services.document_register(
        access=secretariat_access,
        kind="TB",
        number=540,
        issued_on=dt.date(2020, 3, 5),
        issuer=world.agencies["vptu"],
        subject="Thông báo kết luận của Thường trực",
        recipient_agencies=[world.agencies["btg"], world.agencies["stc"]],
    )
    path = f"/congresses/{world.congress.pk}/documents/{registered.pk}/"
    leader = ApiClient(world.users["leader"])
    nothing = leader.post_form(path + "scan/", {})
    assert nothing.status_code == 400
    assert nothing.json()["errors"] == {"scan": ["Hãy chọn tệp bản ký (PDF hoặc DOCX)."]}
    assert ApiClient(world.users["officer"]).post_form(path + "scan/", {}).status_code == 403
    attached = leader.post_form(path + "scan/", {"scan": pdf_upload("ban-ky.pdf")})
    assert attached.status_code == 200, attached.content
    assert attached.json()["has_scan"] and attached.json()["scan_name"] == "ban-ky.pdf"
    officer2 = ApiClient(world.users["officer2"])
    assert officer2.get(path + "scan/").status_code == 200

    # Marked secret, naming the officer of Ban Tuyên giáo: officer2 no longer finds it.
    officer = world.users["officer"]
    marked = leader.post(path + "readers/", {"confidentiality": "secret", "readers": [officer.pk]})
    assert marked.status_code == 200, marked.content
    assert officer.pk in marked.json()["readers"]
    assert officer2.get(path).status_code == 404 and officer2.get(path + "scan/").status_code == 404
    scan = ApiClient(officer).get(path + "scan/")
    assert scan.status_code == 200 and "no-store" in scan["Cache-Control"]
    assert b"".join(scan.streaming_content).startswith(b"%PDF")


def test_an_issued_documents_mark_cannot_change(world, leader_access):
    issued = services.document_issue(
        access=leader_access,
        document=services.document_create(
            access=leader_access,
            kind="TB",
            issuer=world.agencies["vptu"],
            subject="Giấy mời đã gửi",
            body="",
            signer=world.chair,
        ),
    )
    path = f"/congresses/{world.congress.pk}/documents/{issued.pk}/readers/"
    refused = ApiClient(world.users["leader"]).post(path, {"confidentiality": "secret"})
    assert refused.status_code == 400 and "confidentiality" in refused.json()["errors"]
    assert Document.objects.get(pk=issued.pk).confidentiality == "normal"


def test_the_secretariat_gives_a_committee_its_founding_decision(world, secretariat_access):
    decision = services.document_register(
        access=secretariat_access,
        kind="QĐ",
        number=12,
        issued_on=dt.date(2020, 2, 1),
        issuer=world.agencies["vptu"],
        subject="Về việc thành lập Tiểu ban Tổ chức phục vụ",
    )
    path = f"/congresses/{world.congress.pk}/committees/{world.committee.pk}/founding-decision/"
    secretariat = ApiClient(world.users["secretariat"])
    both = secretariat.post(path, {"document": decision.pk, "number": 13})
    assert both.status_code == 400 and "document" in both.json()["errors"]
    chosen = {"document": decision.pk}
    assert ApiClient(world.users["leader"]).post(path, chosen).status_code == 403
    assert ApiClient(world.users["outsider"]).post(path, chosen).status_code == 404
    chosen = secretariat.post(path, {"document": decision.pk})
    assert chosen.status_code == 200, chosen.content
    assert chosen.json()["founding_document_id"] == decision.pk

    entered = secretariat.post(
        path,
        {
            "issuer": world.agencies["vptu"].pk,
            "number": 14,
            "issued_on": "03/02/2020",
            "subject": "Về việc kiện toàn Tiểu ban Tổ chức phục vụ",
        },
    )
    assert entered.status_code == 200, entered.content
    new = Document.objects.get(pk=entered.json()["founding_document_id"])
    assert (new.kind, new.number, new.issued_on) == ("QĐ", 14, dt.date(2020, 2, 3))


def test_the_document_list_takes_a_fixed_number_of_queries(
    world, leader_access, django_assert_max_num_queries
):
    for number in range(6):
        services.document_issue(
            access=leader_access,
            document=services.document_create(
                access=leader_access,
                kind="TB",
                issuer=world.agencies["vptu"],
                subject=f"Thông báo số {number}",
                body="",
                recipient_agencies=[world.agencies["btg"]],
                signer=world.chair,
            ),
        )
    path = f"/congresses/{world.congress.pk}/documents/"
    officer = ApiClient(world.users["officer"])
    with django_assert_max_num_queries(8):
        listed = officer.get(path, {"page_size": 50})
    assert listed.status_code == 200 and len(listed.json()["results"]) == 6
    assert ApiClient(world.users["officer2"]).all(path) == []
