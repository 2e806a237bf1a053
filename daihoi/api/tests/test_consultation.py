"""Consultation on drafts through the API: sent (multipart), answered section by section by
those asked, each comment taken or explained, reminded, shared, revised and adopted; the
synthesis as DOCX. The pages' rules and messages; writes audited with their token."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from daihoi.api.models import Scope
from daihoi.consultation import services
from daihoi.consultation.models import Comment, Consultation
from daihoi.consultation.tests.helpers import RULE_BODY, officer, send_rule
from daihoi.core.models import AuditEntry
from daihoi.organizations.models import Participation

from .helpers import ApiClient

pytestmark = pytest.mark.django_db
DEADLINE = "31/12/2099"


def _base(world) -> str:
    return f"/congresses/{world.congress.pk}/consultations/"


def test_a_draft_is_sent_commented_resolved_revised_and_adopted(world):
    secretariat = ApiClient(world.users["secretariat"])
    answering = ApiClient(world.users["officer"])
    base = _base(world)
    upload = io.BytesIO(b"%PDF-1.4 du thao\n%%EOF")
    upload.name = "du-thao.pdf"

    sent = secretariat.post_form(
        base,
        {
            "title": "Dự thảo Quy chế làm việc của Tiểu ban",
            "kind": "QC",
            "drafting_agency": world.agencies["vptu"].pk,
            "deadline": DEADLINE,
            "body": RULE_BODY,
            "agencies": [world.agencies["btg"].pk],
            "file": upload,
        },
    )
    assert sent.status_code == 201, sent.content
    body = sent.json()
    consultation = Consultation.objects.get(pk=body["id"])
    assert body["current"]["asked"] == 1 and body["manages"]
    assert [t["name"] for t in body["tracking"]] == ["Ban Tuyên giáo Tỉnh ủy"]
    path = f"{base}{consultation.pk}/"
    draft = services.current_draft(consultation)
    file = answering.get(f"{path}drafts/{draft.pk}/file/")
    assert file.status_code == 200 and b"".join(file.streaming_content).startswith(b"%PDF")

    sections = answering.get(f"{path}drafts/{draft.pk}/").json()["sections"]
    article = next(s for s in sections if s["label"] == "Điều 2")
    answered = answering.post(
        path + "comments/", {"sections": {str(article["id"]): "Bổ sung chế độ báo cáo."}}
    )
    assert answered.status_code == 201, answered.content
    comment = answered.json()[0]
    assert (comment["section_label"], comment["resolution"]) == ("Điều 2", "pending")

    pending = secretariat.post(path + "adopt/", {"body": "Quy chế (bản thông qua)"})
    assert pending.status_code == 400
    assert pending.json()["detail"].startswith("Còn 1 ý kiến chưa tiếp thu")
    no_reason = secretariat.post(
        f"{path}comments/{comment['id']}/resolve/", {"resolution": "explained"}
    )
    assert no_reason.json()["errors"] == {"reason": ["Giải trình phải nêu lý do không tiếp thu."]}
    taken = secretariat.post(f"{path}comments/{comment['id']}/resolve/", {"resolution": "accepted"})
    assert taken.status_code == 200 and taken.json()["resolution_label"] == "Tiếp thu"
    assert Comment.objects.get(pk=comment["id"]).resolution == "accepted"
    entry = AuditEntry.objects.filter(action="consultation.comment_resolved").latest("id")
    assert entry.data.get("api_token") == secretariat.token.prefix

    revised = secretariat.post_form(
        path + "drafts/",
        {
            "body": RULE_BODY + "\nĐiều 4. Chế độ báo cáo",
            "deadline": DEADLINE,
            "agencies": [world.agencies["btg"].pk],
        },
    )
    assert revised.status_code == 201, revised.content
    assert revised.json()["number"] == 2
    adopted = secretariat.post(path + "adopt/", {"body": "Quy chế (bản thông qua)"})
    assert adopted.status_code == 200, adopted.content
    assert adopted.json()["status"] == "adopted"
    assert [d["label"] for d in adopted.json()["chain"]][-1] == "Bản thông qua"
    again = secretariat.post(path + "adopt/", {"body": "Lần nữa"})
    assert again.status_code == 400
    synthesis = secretariat.get(path + "synthesis/docx/")
    assert synthesis.status_code == 200 and synthesis.content[:2] == b"PK"


def test_sending_is_refused_field_by_field_in_vietnamese(world):
    officer = ApiClient(world.users["officer"])
    refused = officer.post_form(
        _base(world),
        {"title": "Dự thảo", "kind": "QC", "drafting_agency": world.agencies["vptu"].pk},
    )
    assert refused.status_code == 400
    errors = refused.json()["errors"]
    assert set(errors) == {"drafting_agency", "deadline"}
    assert errors["deadline"] == ["Trường này là bắt buộc."]
    assert not Consultation.objects.exists()


def test_reminding_and_sharing_belong_to_the_drafting_side(world):
    consultation = send_rule(world, agencies=("btg",))
    path = f"{_base(world)}{consultation.pk}/"
    officer = ApiClient(world.users["officer"])
    refused = officer.post(path + "remind/")
    assert refused.status_code == 403
    assert refused.json()["detail"].startswith("Chỉ đơn vị soạn thảo")
    read_only = ApiClient(world.users["secretariat"], scope=Scope.READ)
    assert read_only.post(path + "share/", {"shared": True}).status_code == 403
    secretariat = ApiClient(world.users["secretariat"])
    assert secretariat.post(path + "remind/").json() == {"reminded": 1}
    shared = secretariat.post(path + "share/", {"shared": True})
    assert shared.status_code == 200 and shared.json()["synthesis_shared"]
    consultation.refresh_from_db()
    assert consultation.synthesis_shared
    # Those not asked see nothing of it; another congress's secretariat neither.
    assert ApiClient(world.users["officer2"]).get(path).status_code == 404
    Participation.objects.filter(user=world.users["outsider"]).update(role="secretariat")
    other = f"/congresses/{world.other.pk}/consultations/{consultation.pk}/"
    outsider = ApiClient(world.users["outsider"])
    assert outsider.get(other).status_code == 404
    assert outsider.post(other + "remind/").status_code == 404


def test_the_lists_take_the_same_number_of_queries_as_rows_grow(
    world, django_assert_max_num_queries
):
    consultation = send_rule(world, agencies=("btg",))
    secretariat = ApiClient(world.users["secretariat"])
    base = _base(world)

    def counts() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as listed:
            assert secretariat.get(base).status_code == 200
        with CaptureQueriesContext(connection) as comments:
            assert secretariat.get(f"{base}{consultation.pk}/comments/").status_code == 200
        return len(listed), len(comments)

    counts()  # the token's first use is recorded once
    few = counts()
    for _ in range(3):
        send_rule(world, agencies=("btg", "stc"))
    draft = services.current_draft(consultation)
    for text in ("Bổ sung Điều 1", "Bổ sung Điều 2", "Bổ sung Điều 3"):
        services.comments_submit(
            access=officer(world), draft=draft, entries=[services.Entry(None, text)]
        )
    assert counts() == few
    with django_assert_max_num_queries(few[0]):
        secretariat.get(base)
    assert len(secretariat.all(base)) == 4
    assert len(secretariat.all(f"{base}{consultation.pk}/comments/")) == 3
