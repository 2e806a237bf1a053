"""Documents for delegates through the API: uploaded (multipart) by the programme's keepers,
ordered, withdrawn, read as PDFs stamped with the reader's name; a delegate's own list and
copies. The pages' rules and messages; every write and copy audited with its token."""

import io

import pytest
from pypdf import PdfReader

from daihoi.accounts.models import Role
from daihoi.api.models import Scope
from daihoi.core.models import AuditEntry
from daihoi.materials.models import Material
from daihoi.materials.tests.helpers import pdf_bytes, upload
from daihoi.organizations.models import Participation
from daihoi.programme.tests.helpers import opening_session

from .helpers import ApiClient

pytestmark = pytest.mark.django_db


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _pdf_file(name: str = "nghi-quyet.pdf") -> io.BytesIO:
    handle = io.BytesIO(pdf_bytes("Dự thảo Nghị quyết"))
    handle.name = name
    return handle


def test_a_keeper_uploads_orders_and_withdraws_documents(delegate_world):
    world = delegate_world
    session = opening_session(world)
    first = upload(world, session)
    secretariat = ApiClient(world.users["secretariat"])
    base = f"/congresses/{world.congress.pk}/materials/"

    created = secretariat.post_form(
        base,
        {
            "session": session.pk,
            "title": "Dự thảo Nghị quyết Đại hội",
            "kind": "resolution",
            "confidentiality": "normal",
            "upload": _pdf_file(),
        },
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["position"], body["state"], body["pages"]) == (2, "ready", 2)
    assert body["kind_label"] == "Dự thảo Nghị quyết"
    second = Material.objects.get(pk=body["id"])

    moved = secretariat.post(f"{base}{second.pk}/move/", {"step": "up"})
    assert moved.status_code == 200 and moved.json()["position"] == 1
    first.refresh_from_db()
    assert first.position == 2
    top = secretariat.post(f"{base}{second.pk}/move/", {"step": "up"})
    assert top.status_code == 400
    assert top.json()["detail"] == "Tài liệu đã ở đầu hoặc cuối danh sách của phiên."

    no_reason = secretariat.post(f"{base}{first.pk}/withdraw/", {"reason": " "})
    assert no_reason.json()["errors"] == {"reason": ["Hãy ghi lý do rút tài liệu."]}
    withdrawn = secretariat.post(f"{base}{first.pk}/withdraw/", {"reason": "Thay bản mới"})
    assert withdrawn.status_code == 200, withdrawn.content
    assert withdrawn.json()["withdrawn_by"] == world.users["secretariat"].display_name
    first.refresh_from_db()
    assert first.is_withdrawn and first.withdrawal_reason == "Thay bản mới"
    entry = AuditEntry.objects.filter(object_id=first.pk, action="material.withdrawn").get()
    assert entry.data.get("api_token") == secretariat.token.prefix

    rows = secretariat.all(base, {"session": session.pk})
    assert sorted(r["id"] for r in rows) == sorted([first.pk, second.pk])


def test_an_upload_is_refused_field_by_field_in_vietnamese(delegate_world):
    world = delegate_world
    session = opening_session(world)
    secretariat = ApiClient(world.users["secretariat"])
    base = f"/congresses/{world.congress.pk}/materials/"
    missing = secretariat.post_form(base, {"session": session.pk, "kind": "resolution"})
    assert missing.status_code == 400
    errors = missing.json()["errors"]
    assert set(errors) == {"title", "confidentiality", "upload"}
    assert errors["title"] == ["Trường này là bắt buộc."]
    text = io.BytesIO(b"chi la chu")
    text.name = "anh.txt"
    wrong = secretariat.post_form(
        base,
        {
            "session": session.pk,
            "title": "Ảnh",
            "kind": "other",
            "confidentiality": "normal",
            "upload": text,
        },
    )
    assert wrong.status_code == 400
    assert not Material.objects.filter(title="Ảnh").exists()


def test_the_others_are_refused_and_another_congress_sees_nothing(delegate_world):
    world = delegate_world
    material = upload(world, opening_session(world))
    path = f"/congresses/{world.congress.pk}/materials/{material.pk}/"
    member = ApiClient(world.users["member"]).post(path + "withdraw/", {"reason": "Sai"})
    assert member.status_code == 403
    assert member.json()["detail"].startswith("Chỉ Thường trực, Văn phòng")
    read_only = ApiClient(world.users["secretariat"], scope=Scope.READ)
    assert read_only.post(path + "withdraw/", {"reason": "Sai"}).status_code == 403
    assert read_only.get(path).status_code == 200
    # The outsider keeps the other congress's documents: this one is no object to them.
    Participation.objects.filter(user=world.users["outsider"]).update(role=Role.SECRETARIAT)
    outsider = ApiClient(world.users["outsider"])
    other = f"/congresses/{world.other.pk}/materials/{material.pk}/"
    assert outsider.get(other).status_code == 404
    assert outsider.post(other + "withdraw/", {"reason": "Sai"}).status_code == 404
    assert outsider.get(path + "pdf/").status_code == 404
    material.refresh_from_db()
    assert not material.is_withdrawn


def test_each_reader_gets_a_copy_with_their_name_and_the_delegate_only_their_own(delegate_world):
    world = delegate_world
    material = upload(world, opening_session(world))
    c = f"/congresses/{world.congress.pk}"
    secretariat = ApiClient(world.users["secretariat"])
    copy = secretariat.get(f"{c}/materials/{material.pk}/pdf/")
    assert copy.status_code == 200 and "no-store" in copy["Cache-Control"]
    assert world.users["secretariat"].display_name in _text(copy.content)

    delegate = ApiClient(world.users["delegate"])
    mine = delegate.all(f"{c}/my-materials/")
    assert [(m["id"], m["session"]["title"]) for m in mine] == [(material.pk, "Phiên khai mạc")]
    own = delegate.get(f"{c}/my-materials/{material.pk}/pdf/")
    assert own.status_code == 200
    assert world.delegate.full_name in _text(own.content)
    entry = AuditEntry.objects.filter(object_id=material.pk, action="material.downloaded").latest(
        "id"
    )
    assert entry.data.get("api_token") == delegate.token.prefix
    assert delegate.get(f"{c}/materials/").status_code == 404

    secretariat.post(f"{c}/materials/{material.pk}/withdraw/", {"reason": "Thay bản mới"})
    assert delegate.all(f"{c}/my-materials/") == []
    assert delegate.get(f"{c}/my-materials/{material.pk}/pdf/").status_code == 404


def test_the_lists_take_the_same_number_of_queries_as_rows_grow(
    delegate_world, django_assert_max_num_queries
):
    world = delegate_world
    session = opening_session(world)
    upload(world, session)
    secretariat = ApiClient(world.users["secretariat"])
    delegate = ApiClient(world.users["delegate"])
    c = f"/congresses/{world.congress.pk}"

    def counts() -> tuple[int, int]:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as kept:
            assert secretariat.get(f"{c}/materials/").status_code == 200
        with CaptureQueriesContext(connection) as mine:
            assert delegate.get(f"{c}/my-materials/").status_code == 200
        return len(kept), len(mine)

    counts()  # the tokens' first use is recorded once
    few = counts()
    for number in range(4):
        upload(world, session, f"Tài liệu số {number}")
    assert counts() == few
    with django_assert_max_num_queries(few[0]):
        secretariat.get(f"{c}/materials/")
