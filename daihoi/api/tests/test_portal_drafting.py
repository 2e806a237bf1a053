"""The public consultation's drafting side through the API: a draft opened to the people, the
Front's consolidated comments entered, grouped into themes, each theme taken in or explained,
the synthesis downloaded; and the people's side of it read with no token."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.test import Client

from daihoi.consultation.tests.helpers import send_rule
from daihoi.core.dates import today as local_today
from daihoi.core.models import AuditEntry
from daihoi.portal import services
from daihoi.portal.models import Moderation, PublicComment, PublicConsultation, Sender, Theme
from daihoi.portal.tests.helpers import drafter, open_public

from .helpers import ApiClient

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _citizen(public: PublicConsultation, section=None) -> None:
    services.public_comment_post(
        public=public,
        section=section,
        sent=services.Sent("Trần Thị Bình", "binh@example.vn", "", "10.0.0.7"),
        sender=Sender.CITIZEN,
        text="Đề nghị quy định rõ chế độ họp bất thường.",
    )


def test_the_drafting_side_opens_a_draft_and_enters_groups_and_resolves_comments(world):
    secretariat = ApiClient(world.users["secretariat"])
    base = f"/congresses/{world.congress.pk}/public-consultations/"
    draft = send_rule(world).drafts.get()
    assert [d["id"] for d in secretariat.get(base + "drafts/").json()] == [draft.pk]

    late = secretariat.post(base, {"draft": draft.pk, "closes_on": "01/01/2000"})
    assert late.status_code == 400
    assert late.json()["errors"] == {"closes_on": ["Hạn cuối nhận góp ý phải từ hôm nay trở đi."]}
    closes = (local_today() + dt.timedelta(days=15)).strftime("%d/%m/%Y")
    opened = secretariat.post(base, {"draft": draft.pk, "closes_on": closes})
    assert opened.status_code == 201, opened.content
    public = PublicConsultation.objects.get(pk=opened.json()["id"])
    assert public.draft == draft and public.is_open
    entry = AuditEntry.objects.get(action="portal.consultation_opened", object_id=public.pk)
    assert entry.data["api_token"] == secretariat.token.prefix
    assert secretariat.get(base + "drafts/").json() == []

    path = f"{base}{public.pk}/"
    section = draft.sections.order_by("position")[0]
    foreign = secretariat.post(
        path + "front/",
        {"name": "Ủy ban MTTQ", "email": "mttq@example.vn", "sections": {"999999": "Ý kiến"}},
    )
    assert foreign.json()["errors"] == {"sections": ["Mục được góp ý không thuộc dự thảo này."]}
    bad_mail = secretariat.post(path + "front/", {"name": "Ủy ban MTTQ", "email": "khong-phai"})
    assert "email" in bad_mail.json()["errors"]
    front = secretariat.post(
        path + "front/",
        {
            "name": "Ủy ban MTTQ Việt Nam tỉnh",
            "email": "mttq@example.vn",
            "organisation": "Văn bản số 12/MTTQ",
            "whole": "Tán thành dự thảo.",
            "sections": {str(section.pk): "Bổ sung chế độ báo cáo."},
        },
    )
    assert front.status_code == 201, front.content
    assert front.json()["comment_count"] == 2 and front.json()["status"] == Moderation.APPROVED
    ids = sorted(
        PublicComment.objects.filter(submission_id=front.json()["id"]).values_list("pk", flat=True)
    )

    managed = secretariat.get(path).json()
    assert sorted(c["id"] for c in managed["ungrouped"]) == ids
    assert managed["approved"] == 1 and managed["counts"][0]["total"] == 1

    nothing = secretariat.post(path + "themes/", {"ids": [], "title": "Về chế độ họp"})
    assert nothing.status_code == 400
    untitled = secretariat.post(path + "themes/", {"ids": ids})
    assert untitled.json()["errors"] == {"title": ["Hãy nêu nội dung chung của nhóm ý kiến."]}
    grouped = secretariat.post(path + "themes/", {"ids": ids[:1], "title": "Về chế độ họp"})
    assert grouped.status_code == 200, grouped.content
    theme = Theme.objects.get(pk=grouped.json()["id"])
    joined = secretariat.post(path + "themes/", {"ids": ids[1:], "theme": theme.pk})
    assert joined.status_code == 200 and joined.json()["size"] == 2
    assert set(theme.comments.values_list("pk", flat=True)) == set(ids)

    resolve = f"{path}themes/{theme.pk}/resolve/"
    bare = secretariat.post(resolve, {"resolution": "explained"})
    assert bare.status_code == 400 and "reason" in bare.json()["errors"]
    resolved = secretariat.post(resolve, {"resolution": "accepted", "reason": "Bổ sung Điều 3"})
    assert resolved.status_code == 200 and resolved.json()["resolution"] == "accepted"
    theme.refresh_from_db()
    assert theme.resolution == "accepted" and theme.resolved_by == world.users["secretariat"]

    docx = secretariat.get(path + "synthesis/docx/")
    assert docx.status_code == 200 and docx["Content-Type"].startswith("application/vnd.openxml")


def test_only_the_drafting_side_manages_and_another_congress_sees_nothing(world):
    public = open_public(world)
    path = f"/congresses/{world.congress.pk}/public-consultations/{public.pk}/"
    refused = ApiClient(world.users["officer2"]).post(
        path + "front/", {"name": "A", "email": "a@b.vn"}
    )
    assert refused.status_code == 403
    assert refused.json()["detail"] == (
        "Chỉ đơn vị soạn thảo (hoặc Thường trực, lãnh đạo tiểu ban) mới thực hiện được."
    )
    assert ApiClient(world.users["member"]).get(path).status_code == 403
    assert ApiClient(world.users["editor"]).get(path).status_code == 404
    admin = ApiClient(world.admin)
    elsewhere = f"/congresses/{world.other.pk}/public-consultations/{public.pk}/"
    assert admin.get(elsewhere).status_code == 404
    reader = ApiClient(world.users["secretariat"], scope="read")
    assert reader.get(path).status_code == 200
    written = reader.post(path + "front/", {"name": "Ủy ban MTTQ", "email": "mttq@example.vn"})
    assert written.status_code == 403 and not public.submissions.exists()


def test_the_people_read_a_draft_and_its_approved_comments_with_no_token(world):
    public = open_public(world)
    section = public.draft.sections.order_by("position")[0]
    _citizen(public, section)  # waits for an editor: not shown
    services.front_submission_enter(
        access=drafter(world),
        public=public,
        name="Ủy ban MTTQ Việt Nam tỉnh",
        email="mttq@example.vn",
        entries=[services.FrontEntry(section.pk, "Tán thành mục này.")],
    )
    anonymous = Client()
    base = f"/api/v1/portal/{world.congress.pk}/consultations/"
    assert [c["id"] for c in anonymous.get(base).json()] == [public.pk]
    detail = anonymous.get(f"{base}{public.pk}/").json()
    counted = {s["id"]: s["approved"] for s in detail["sections"]}
    assert counted[section.pk] == 1 and detail["is_open"]
    comments = anonymous.get(f"{base}{public.pk}/comments/", {"section": section.pk}).json()
    assert [c["text"] for c in comments] == ["Tán thành mục này."]
    assert "email" not in comments[0]
    assert anonymous.get(f"{base}{public.pk}/comments/").json() == []
    assert anonymous.get(f"{base}{public.pk}/comments/", {"section": 999999}).status_code == 404
    huge = anonymous.get(f"{base}{public.pk}/comments/", {"section": str(2**63)})
    assert huge.status_code == 404
    other = f"/api/v1/portal/{world.other.pk}/consultations/{public.pk}/"
    assert anonymous.get(other).status_code == 404


def test_the_drafting_list_takes_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    secretariat = ApiClient(world.users["secretariat"])
    url = f"/congresses/{world.congress.pk}/public-consultations/"
    public = open_public(world)
    _citizen(public)
    with django_assert_max_num_queries(8):
        assert len(secretariat.get(url).json()["results"]) == 1
    for _ in range(3):
        extra = send_rule(world).drafts.get()
        services.public_consultation_open(
            access=drafter(world),
            draft=extra,
            title="",
            closes_on=local_today() + dt.timedelta(days=5),
        )
    with django_assert_max_num_queries(8):
        assert len(secretariat.get(url).json()["results"]) == 4


def test_the_peoples_reads_take_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    public = open_public(world)
    section = public.draft.sections.order_by("position")[0]
    base = f"/api/v1/portal/{world.congress.pk}"
    paths = (
        "/",
        "/consultations/",
        f"/consultations/{public.pk}/",
        f"/consultations/{public.pk}/comments/?section={section.pk}",
    )

    def enter(n: int) -> None:
        for i in range(n):
            services.front_submission_enter(
                access=drafter(world),
                public=public,
                name=f"Ủy ban MTTQ huyện số {i}",
                email=f"mttq{i}@example.vn",
                entries=[services.FrontEntry(section.pk, f"Ý kiến tổng hợp {i}")],
            )

    enter(1)
    for path in paths:
        cache.clear()
        with django_assert_max_num_queries(8):
            assert Client().get(base + path).status_code == 200
    enter(5)
    for path in paths:
        cache.clear()
        with django_assert_max_num_queries(8):
            assert Client().get(base + path).status_code == 200
