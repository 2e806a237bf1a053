import pytest
from django.test import override_settings
from django.urls import reverse

from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.organizations.permissions import Access

from .. import services
from ..models import Article, Ban, Moderation, ReaderComment
from .helpers import captcha_answer, editor, published_article

pytestmark = pytest.mark.django_db
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _comment_url(world, article):
    return reverse("portal:article-comment", args=[world.congress.pk, article.pk])


def _post(client, world, article, **fields):
    url = _comment_url(world, article)
    data = {
        "name": "Nguyễn Văn An",
        "email": "an@example.vn",
        "phone": "0912 345 678",
        "title": "Ý kiến của tôi",
        "content": "Đề nghị đưa tin thêm về công tác chuẩn bị.",
        **captcha_answer(client, url),
        **fields,
    }
    return client.post(url, data)


def test_a_reader_comment_waits_for_moderation_and_keeps_the_email_private(world, client):
    article = published_article(world)
    response = _post(client, world, article)
    assert response.status_code == 302 and response["Location"].endswith("?gui=1")
    comment = ReaderComment.objects.get()
    assert comment.status == Moderation.PENDING and comment.ip == "127.0.0.1"
    page = client.get(reverse("portal:article", args=[world.congress.pk, article.pk]))
    assert "Ý kiến của tôi" not in page.content.decode()
    services.moderate(
        access=editor(world), model=ReaderComment, ids=[comment.pk], decision="approve"
    )
    html = client.get(reverse("portal:article", args=[world.congress.pk, article.pk])).content
    assert "Ý kiến của tôi" in html.decode()
    assert "an@example.vn" not in html.decode() and "0912" not in html.decode()


def test_a_wrong_captcha_is_refused_and_nothing_is_saved(world, client):
    article = published_article(world)
    response = _post(client, world, article, captcha_1="sai")
    assert response.status_code == 400
    assert "Mã xác nhận chưa đúng" in response.content.decode()
    assert not ReaderComment.objects.exists()


@pytest.mark.parametrize(
    ("key", "answer", "message"),
    [
        ("a\x00b", "abc\x00", "Mã xác nhận chưa đúng"),
        ("x" * 500, "abc", "Mã xác nhận chưa đúng"),
        ("\x00", "\x00\x01", "Chưa nhập mã xác nhận"),
    ],
)
def test_a_captcha_with_control_characters_or_any_length_is_refused_in_vietnamese(
    world, client, key, answer, message
):
    article = published_article(world)
    response = _post(client, world, article, captcha_0=key, captcha_1=answer)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ReaderComment.objects.exists()


def test_script_in_every_field_is_shown_as_text_and_links_are_not_followed(world, client):
    article = published_article(world)
    _post(
        client,
        world,
        article,
        name=XSS,
        title=XSS,
        content=XSS + " xem https://spam.example/mua-ngay",
    )
    comment = ReaderComment.objects.get()
    services.moderate(
        access=editor(world), model=ReaderComment, ids=[comment.pk], decision="approve"
    )
    html = client.get(
        reverse("portal:article", args=[world.congress.pk, article.pk])
    ).content.decode()
    import re

    assert "<script>alert" not in html, re.findall(r".{80}<script>alert.{20}", html)
    assert "<img src=x" not in html
    assert "&lt;script&gt;" in html
    assert 'href="https://spam.example/mua-ngay" rel="nofollow ugc noopener"' in html
    client.force_login(world.users["editor"])
    queue = client.get(
        reverse("portal:staff-moderation", args=[world.congress.pk]) + "?trang-thai=da-duyet"
    )
    assert "<script>alert" not in queue.content.decode()


@override_settings(DAIHOI_PORTAL_COMMENT_RATE="3/m")
def test_a_burst_from_one_address_is_limited_and_answered_429(world, client):
    article = published_article(world)
    statuses = [_post(client, world, article, title=f"Lần {n}").status_code for n in range(5)]
    assert statuses == [302, 302, 302, 429, 429]
    assert ReaderComment.objects.count() == 3
    other = _post(client, world, article, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 429  # same client address in the test client
    from django.test import Client

    elsewhere = Client(REMOTE_ADDR="10.0.0.9")
    assert _post(elsewhere, world, article, title="Địa chỉ khác").status_code == 302


def test_a_banned_sender_is_refused_by_email_and_address(world, client):
    article = published_article(world)
    _post(client, world, article)
    first = ReaderComment.objects.get()
    _post(client, world, article, email="khac@example.vn", title="Thư rác")
    count = services.moderate(
        access=editor(world), model=ReaderComment, ids=[first.pk], decision="ban", reason="Rác"
    )
    assert count == 1
    assert Ban.objects.filter(email="an@example.vn").exists()
    # Whatever else came from the address waits no more: rejected with it.
    assert set(ReaderComment.objects.values_list("status", flat=True)) == {Moderation.REJECTED}
    response = _post(client, world, article, email="moi@example.vn")
    assert response.status_code == 400 and "bị chặn" in response.content.decode()


def test_only_editors_of_that_congress_moderate(world):
    article = published_article(world)
    comment = ReaderComment.objects.create(
        article=article, name="A", email="a@example.vn", title="T", content="C"
    )
    for user, role in [("leader", "leader"), ("member", "member"), ("officer", "agency")]:
        with pytest.raises(PermissionDenied):
            services.moderate(
                access=Access(world.users[user], world.congress, role),
                model=ReaderComment,
                ids=[comment.pk],
                decision="approve",
            )
    # An editor acting in another congress finds nothing of this one.
    with pytest.raises(BusinessError, match="Không tìm thấy"):
        services.moderate(
            access=Access(world.users["editor"], world.other, "editor"),
            model=ReaderComment,
            ids=[comment.pk],
            decision="approve",
        )
    assert ReaderComment.objects.get().status == Moderation.PENDING


def test_an_editor_of_another_congress_cannot_open_the_moderation_page(world, client):
    from daihoi.organizations.models import Participation

    Participation.objects.filter(user=world.users["editor"]).update(congress=world.other)
    client.force_login(world.users["editor"])
    assert (
        client.get(reverse("portal:staff-moderation", args=[world.congress.pk])).status_code == 404
    )
    response = client.post(
        reverse("portal:staff-moderation-apply", args=[world.congress.pk]),
        {"ids": ["1"], "decision": "approve"},
    )
    assert response.status_code == 404


def test_editors_approve_in_bulk_from_the_moderation_page(
    world, client, django_assert_max_num_queries
):
    article = published_article(world)
    ids = [
        ReaderComment.objects.create(
            article=article, name=f"Bạn đọc {n}", email=f"b{n}@example.vn", title="T", content="C"
        ).pk
        for n in range(4)
    ]
    client.force_login(world.users["editor"])
    with django_assert_max_num_queries(12):
        page = client.get(reverse("portal:staff-moderation", args=[world.congress.pk]))
    assert page.content.decode().count('name="ids"') == 4
    response = client.post(
        reverse("portal:staff-moderation-apply", args=[world.congress.pk]),
        {"ids": [str(i) for i in ids[:3]], "decision": "approve"},
    )
    assert response.status_code == 302
    assert ReaderComment.objects.filter(status=Moderation.APPROVED).count() == 3


def test_reloads_do_not_inflate_the_view_count(world, client):
    article = published_article(world)
    url = _comment_url(world, article)
    for _ in range(5):
        client.get(url, headers={"HX-Request": "true"})
    from django.test import Client

    Client(REMOTE_ADDR="10.1.1.1").get(url, headers={"HX-Request": "true"})
    assert Article.objects.get(pk=article.pk).view_count == 2


def test_a_comment_on_an_article_closed_to_comments_is_refused(world):
    article = published_article(world)
    Article.objects.filter(pk=article.pk).update(comments_open=False)
    article.refresh_from_db()
    with pytest.raises(BusinessError, match="không nhận bình luận"):
        services.comment_post(
            article=article,
            sent=services.Sent("A", "a@example.vn"),
            title="T",
            content="C",
        )
