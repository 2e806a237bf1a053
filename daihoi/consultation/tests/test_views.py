import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from daihoi.consultation import services
from daihoi.consultation.models import Comment, Consultation
from daihoi.organizations.models import Agency

from .helpers import in_days, officer, secretariat, send, send_rule

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def _url(name, consultation, **extra):
    return reverse(
        f"consultation:{name}",
        kwargs={
            "congress_id": consultation.congress_id,
            "consultation_id": consultation.pk,
            **extra,
        },
    )


def _list_url(world):
    return reverse("consultation:consultation-list", kwargs={"congress_id": world.congress.pk})


def _comment(world, consultation, key, text, label="Điều 2"):
    draft = services.current_draft(consultation)
    section = draft.sections.get(label=label)
    return services.comments_submit(
        access=officer(world, key), draft=draft, entries=[services.Entry(section.pk, text)]
    )[0]


def test_a_recipient_sends_comments_per_section_through_the_form(world, client):
    consultation = send_rule(world)
    draft = services.current_draft(consultation)
    article = draft.sections.get(label="Điều 3")
    client.force_login(world.users["officer"])
    page = client.get(_url("comment-submit", consultation))
    assert "Điều 3. Chế độ họp" in page.content.decode()
    response = client.post(
        _url("comment-submit", consultation),
        {"whole": "Nhất trí về bố cục.", f"section_{article.pk}": "Họp hai tuần một lần."},
    )
    assert response.status_code == 302
    assert sorted(Comment.objects.values_list("text", flat=True)) == [
        "Họp hai tuần một lần.",
        "Nhất trí về bố cục.",
    ]


def test_an_empty_answer_is_shown_on_the_form_and_saves_nothing(world, client):
    consultation = send_rule(world)
    client.force_login(world.users["officer"])
    response = client.post(_url("comment-submit", consultation), {"whole": "  "})
    assert response.status_code == 200
    assert "Chưa có ý kiến nào" in response.content.decode()
    assert not Comment.objects.exists()


def test_after_the_deadline_the_page_says_so_and_a_posted_comment_is_refused(world, client):
    consultation = send_rule(world, deadline_days=1)
    later = dt.datetime.now(HANOI) + dt.timedelta(days=3)
    with time_machine.travel(later, tick=False):
        client.force_login(world.users["officer"])  # sessions last 8 hours
        page = client.get(_url("consultation-detail", consultation)).content.decode()
        assert "Đã hết hạn góp ý ngày" in page
        assert _url("comment-submit", consultation) not in page
        response = client.post(_url("comment-submit", consultation), {"whole": "Muộn"})
    assert "Đã hết hạn góp ý (hạn" in response.content.decode()
    assert not Comment.objects.exists()


def test_agency_a_does_not_see_agency_bs_comments_until_the_synthesis_is_shared(world, client):
    consultation = send_rule(world)
    _comment(world, consultation, "btg", "Ý kiến riêng của Ban Tuyên giáo")
    theirs = _comment(world, consultation, "stc", "Ý kiến riêng của Sở Tài chính")
    client.force_login(world.users["officer"])
    page = client.get(_url("consultation-detail", consultation)).content.decode()
    assert "Ý kiến riêng của Ban Tuyên giáo" in page
    assert "Ý kiến riêng của Sở Tài chính" not in page
    assert "nơi đã góp ý" not in page  # not even how many others answered
    draft_page = client.get(
        _url("draft-detail", consultation, draft_id=theirs.draft_id)
    ).content.decode()
    assert "Ý kiến riêng của Sở Tài chính" not in draft_page
    assert client.get(_url("synthesis-docx", consultation)).status_code == 403
    resolve = _url("comment-resolve", consultation, comment_id=theirs.pk)
    assert client.post(resolve, {"resolution": "accepted"}).status_code == 404

    services.consultation_share(access=secretariat(world), consultation=consultation, shared=True)
    page = client.get(_url("consultation-detail", consultation)).content.decode()
    assert "Ý kiến riêng của Sở Tài chính" in page and "Sở Tài chính" in page
    assert client.get(_url("synthesis-docx", consultation)).status_code == 200


def test_an_agency_not_asked_and_another_congress_get_404(world, client):
    consultation = send_rule(world, agencies=("btg",))
    client.force_login(world.users["officer2"])
    for name in ("consultation-detail", "comment-submit", "draft-revise", "synthesis-docx"):
        assert client.get(_url(name, consultation)).status_code == 404, name
    assert client.get(_list_url(world)).status_code == 200
    assert consultation.title not in client.get(_list_url(world)).content.decode()
    client.force_login(world.users["outsider"])
    assert client.get(_url("consultation-detail", consultation)).status_code == 404


def test_the_drafting_unit_marks_comments_through_the_page(world, client):
    consultation = send_rule(world)
    comment = _comment(world, consultation, "btg", "Bổ sung chế độ báo cáo")
    client.force_login(world.users["secretariat"])
    resolve = _url("comment-resolve", consultation, comment_id=comment.pk)
    client.post(resolve, {"resolution": "explained", "reason": ""}, follow=True)
    comment.refresh_from_db()
    assert comment.is_pending
    response = client.post(
        resolve, {"resolution": "explained", "reason": "Đã có tại Điều 5."}, follow=True
    )
    assert "Đã ghi nhận: giải trình." in response.content.decode()
    comment.refresh_from_db()
    assert comment.resolution == Comment.Resolution.EXPLAINED


def _with_recipients(world, count):
    agencies = [
        Agency.objects.create(congress=world.congress, name=f"Huyện ủy số {n}")
        for n in range(count)
    ]
    consultation = send(world, send_to=services.SendTo(agencies=agencies))
    draft = services.current_draft(consultation)
    # Setup only: half of them answered, each with a comment still pending.
    for row in draft.recipients.all()[: count // 2]:
        Comment.objects.create(
            draft=draft, recipient=row, text="Ý kiến", author=world.users["secretariat"]
        )
        row.answered_at = timezone.now()
        row.save()
    return consultation


@pytest.mark.parametrize("count", [2, 20])
def test_the_answer_tracking_page_reads_in_a_fixed_number_of_queries(
    world, client, django_assert_max_num_queries, count
):
    consultation = _with_recipients(world, count)
    client.force_login(world.users["secretariat"])
    with django_assert_max_num_queries(24):
        response = client.get(_url("consultation-detail", consultation))
    assert response.content.decode().count('class="waiting"') == count - count // 2


@pytest.mark.parametrize("count", [2, 20])
def test_the_list_reads_in_a_fixed_number_of_queries(
    world, client, django_assert_max_num_queries, count
):
    for _ in range(count):
        send_rule(world)
    client.force_login(world.users["secretariat"])
    with django_assert_max_num_queries(14):
        response = client.get(_list_url(world))
    assert response.content.decode().count("0/2") == count


def test_today_counts_the_drafts_waiting_for_the_agency_and_links_to_exactly_them(world, client):
    waiting = send_rule(world, agencies=("btg",))
    answered = send_rule(world, agencies=("btg",))
    _comment(world, answered, "btg", "Đã góp ý")
    send_rule(world, agencies=("stc",))  # not asked
    client.force_login(world.users["officer"])
    response = client.get(reverse("workspace:today", kwargs={"congress_id": world.congress.pk}))
    figure = next(
        f for f in response.context["board"].figures if f.label == "Dự thảo chờ đơn vị góp ý"
    )
    assert figure.count == 1
    listed = client.get(figure.url)
    assert [c.pk for c, _ in listed.context["rows"]] == [waiting.pk]
    assert "dự thảo đang chờ bạn góp ý" in listed.content.decode()


def test_choosing_an_agency_group_asks_each_of_its_agencies_once(world, client):
    from daihoi.organizations.forms import GROUP_PREFIX
    from daihoi.organizations.models import AgencyGroup

    departments = AgencyGroup.objects.create(congress=world.congress, name="Các sở, ban, ngành")
    departments.agencies.set([world.agencies["stc"], world.agencies["svh"]])
    client.force_login(world.users["secretariat"])
    response = client.post(
        reverse("consultation:consultation-create", kwargs={"congress_id": world.congress.pk}),
        {
            "title": "Dự thảo Kế hoạch tổ chức phục vụ Đại hội",
            "kind": "KH",
            "drafting_agency": world.agencies["vptu"].pk,
            "deadline": in_days(5).isoformat(),
            "body": "I. MỤC ĐÍCH\nII. NỘI DUNG",
            "agencies": [f"{GROUP_PREFIX}{departments.pk}", world.agencies["stc"].pk],
        },
    )
    assert response.status_code == 302
    draft = services.current_draft(Consultation.objects.get())
    assert sorted(r.agency_id or 0 for r in draft.recipients.all()) == sorted(
        [world.agencies["stc"].pk, world.agencies["svh"].pk]
    )
