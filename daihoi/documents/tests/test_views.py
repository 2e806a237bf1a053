import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from daihoi.documents import services
from daihoi.documents.models import Document

from .conftest import ISSUED_ON


def _url(world, suffix=""):
    return f"/dai-hoi/{world.congress.pk}/van-ban/{suffix}"


def _issue(access, make_draft, **fields):
    return services.document_issue(
        access=access, document=make_draft(**fields), issued_on=ISSUED_ON
    )


def test_registry_search_ignores_diacritics_and_case(world, client, make_draft, secretariat_access):
    # Words no menu carries, so a hit is the document's own.
    _issue(secretariat_access, make_draft, subject="Kết luận về công tác Khánh tiết")
    _issue(secretariat_access, make_draft, subject="Tuyên truyền trực quan")
    client.force_login(world.users["secretariat"])
    page = client.get(_url(world), {"q": "KHANH TIET"}).content.decode()
    assert "Khánh tiết" in page and "Tuyên truyền trực quan" not in page
    page = client.get(_url(world), {"q": "02-tb/vptu"}).content.decode()
    assert "Tuyên truyền trực quan" in page and "Khánh tiết" not in page


def test_registry_filters_by_kind_and_date_range(world, client, make_draft, secretariat_access):
    _issue(secretariat_access, make_draft, subject="Thông báo tháng mười")
    services.document_issue(
        access=secretariat_access,
        document=make_draft(kind="KH", subject="Kế hoạch tháng chín"),
        issued_on=dt.date(2020, 9, 1),
    )
    client.force_login(world.users["secretariat"])
    page = client.get(_url(world), {"kind": "KH"}).content.decode()
    assert "Kế hoạch tháng chín" in page and "Thông báo tháng mười" not in page
    page = client.get(_url(world), {"date_from": "01/10/2020", "date_to": "31/10/2020"})
    assert "Thông báo tháng mười" in page.content.decode()
    assert "Kế hoạch tháng chín" not in page.content.decode()


def test_agency_officer_sees_only_documents_addressed_to_the_agency(
    world, client, make_draft, secretariat_access
):
    _issue(secretariat_access, make_draft, subject="Gửi Ban Tuyên giáo")
    other = _issue(
        secretariat_access,
        make_draft,
        subject="Gửi Sở Tài chính",
        recipient_agencies=[world.agencies["stc"]],
    )
    make_draft(subject="Dự thảo chưa gửi")
    client.force_login(world.users["officer"])
    page = client.get(_url(world)).content.decode()
    assert "Gửi Ban Tuyên giáo" in page
    assert "Gửi Sở Tài chính" not in page and "Dự thảo chưa gửi" not in page
    assert client.get(_url(world, f"{other.pk}/")).status_code == 404
    assert client.get(_url(world, f"{other.pk}/docx/")).status_code == 404


def test_document_of_another_congress_answers_404(world, client, make_draft, secretariat_access):
    document = _issue(secretariat_access, make_draft)
    client.force_login(world.users["outsider"])
    other_url = f"/dai-hoi/{world.other.pk}/van-ban/{document.pk}/"
    assert client.get(other_url).status_code == 404
    client.force_login(world.users["secretariat"])
    assert client.get(_url(world, "999999/")).status_code == 404


def test_secretariat_drafts_and_issues_a_document_through_the_pages(world, client, party_office):
    client.force_login(world.users["secretariat"])
    response = client.post(
        _url(world, "them/"),
        {
            "kind": "TB",
            "issuer": party_office.pk,
            "subject": "Kết luận cuộc họp",
            "body": "Một.\nHai.",
            "recipient_agencies": [world.agencies["btg"].pk],
            "signer": world.chair.pk,
            "signer_title": "Trưởng Tiểu ban",
        },
    )
    document = Document.objects.get()
    assert response.status_code == 302 and document.is_draft
    response = client.post(_url(world, f"{document.pk}/ban-hanh/"), follow=True)
    document.refresh_from_db()
    assert document.symbol == "01-TB/VPTU"
    assert "Đã ban hành văn bản số 01-TB/VPTU" in response.content.decode()
    download = client.get(_url(world, f"{document.pk}/docx/"))
    assert download.status_code == 200 and download.getvalue().startswith(b"PK")


def test_issuing_without_a_signer_shows_the_reason(world, client, make_draft):
    document = make_draft(signer=None)
    client.force_login(world.users["secretariat"])
    response = client.post(_url(world, f"{document.pk}/ban-hanh/"), follow=True)
    assert "Chưa có người ký" in response.content.decode()
    document.refresh_from_db()
    assert document.is_draft and document.number is None


def test_editing_an_issued_document_is_refused_with_a_message(
    world, client, make_draft, secretariat_access
):
    document = _issue(secretariat_access, make_draft)
    client.force_login(world.users["secretariat"])
    response = client.get(_url(world, f"{document.pk}/sua/"), follow=True)
    assert "hãy ban hành văn bản thay thế" in response.content.decode()


def test_replacing_an_issued_document_prefills_a_draft(
    world, client, make_draft, secretariat_access
):
    old = _issue(secretariat_access, make_draft, subject="Bản cũ")
    client.force_login(world.users["secretariat"])
    response = client.post(_url(world, f"{old.pk}/thay-the/"))
    draft = Document.objects.exclude(pk=old.pk).get()
    assert response.status_code == 302 and response.url.endswith(f"/{draft.pk}/sua/")
    assert draft.replaces == old and draft.subject == "Bản cũ" and draft.is_draft
    assert list(draft.recipient_agencies.all()) == [world.agencies["btg"]]


def test_duplicate_registered_number_is_refused_on_the_form(
    world, client, make_draft, secretariat_access, party_office
):
    _issue(secretariat_access, make_draft)
    client.force_login(world.users["secretariat"])
    response = client.post(
        _url(world, "vao-so/"),
        {
            "kind": "TB",
            "number": 1,
            "issued_on": "20/10/2020",
            "issuer": party_office.pk,
            "subject": "Trùng số",
        },
    )
    assert response.status_code == 200
    assert "Số 01 đã được dùng cho một thông báo khác" in response.content.decode()
    assert Document.objects.count() == 1


@pytest.mark.parametrize("role", ["secretariat", "officer"])
def test_registry_query_count_does_not_grow_with_rows(
    world, client, make_draft, secretariat_access, role
):
    client.force_login(world.users[role])

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_url(world)).status_code == 200
        return len(queries)

    _issue(secretariat_access, make_draft)
    few = count()
    for _ in range(8):
        _issue(secretariat_access, make_draft)
    assert count() == few
