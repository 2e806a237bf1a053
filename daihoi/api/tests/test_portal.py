"""The portal through the API: the public reads need no token, show only what the public pages
show and come from the portal's cache; the editors write, edit with the version read, publish
and take down articles, add columns and moderate, with the pages' rules and messages."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from daihoi.api.models import Scope
from daihoi.core.models import AuditEntry
from daihoi.portal import services
from daihoi.portal.models import Article, Category, Kind, Moderation, ReaderComment
from daihoi.portal.tests.helpers import category, editor, published_article
from daihoi.testing.files import png_upload

from .helpers import ApiClient

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _draft(world, title: str = "Bản nháp chưa đăng") -> Article:
    return services.article_save(
        access=editor(world),
        fields=services.ArticleFields(kind=Kind.DOCUMENT, title=title, body="Nội dung nháp."),
    )


def _comment(article: Article, title: str) -> ReaderComment:
    return services.comment_post(
        article=article,
        sent=services.Sent("Nguyễn Văn An", "an@example.vn", "", "10.0.0.9"),
        title=title,
        content="Mong Đại hội thành công tốt đẹp.",
    )


def test_the_public_reads_need_no_token_and_show_only_what_is_published(world):
    shown = published_article(world, "Khai mạc Đại hội", image=png_upload())
    hidden = _draft(world)
    approved = _comment(shown, "Chúc mừng Đại hội")
    _comment(shown, "Bình luận chưa duyệt")
    services.moderate(
        access=editor(world), model=ReaderComment, ids=[approved.pk], decision="approve"
    )
    anonymous = Client()
    base = f"/api/v1/portal/{world.congress.pk}"

    home = anonymous.get(base + "/")
    assert home.status_code == 200, home.content
    assert [a["title"] for a in home.json()["news"]] == ["Khai mạc Đại hội"]
    listed = anonymous.get(base + "/articles/").json()
    assert [a["id"] for a in listed["results"]] == [shown.pk]
    assert anonymous.get(base + "/articles/", {"kind": "document"}).json()["results"] == []
    assert anonymous.get(base + "/articles/", {"kind": "bao-chi"}).status_code == 400
    by_column = anonymous.get(base + "/articles/", {"category": str(shown.category_id)}).json()
    assert [a["id"] for a in by_column["results"]] == [shown.pk]
    elsewhere = category(world, "Chuyên mục khác")
    assert anonymous.get(base + "/articles/", {"category": elsewhere.pk}).json()["results"] == []
    other = Category.objects.create(congress=world.other, name="Của Đại hội khác")
    assert anonymous.get(base + "/articles/", {"category": other.pk}).status_code == 404
    assert anonymous.get(base + "/articles/", {"category": str(2**63)}).status_code == 404
    assert anonymous.get(base + "/articles/", {"cursor": "khong-hop-le"}).status_code == 400

    detail = anonymous.get(f"{base}/articles/{shown.pk}/").json()
    assert detail["paragraphs"] == ["Đoạn thứ nhất.", "Đoạn thứ hai."]
    assert [c["title"] for c in detail["comments"]] == ["Chúc mừng Đại hội"]
    assert "email" not in detail["comments"][0]
    picture = anonymous.get(detail["image_url"])
    assert picture.status_code == 200 and picture["X-Content-Type-Options"] == "nosniff"
    assert anonymous.get(f"{base}/articles/{shown.pk}/attachment/").status_code == 404
    # A draft, and another congress's address for the article, are no public object.
    assert anonymous.get(f"{base}/articles/{hidden.pk}/").status_code == 404
    assert anonymous.get(f"{base}/articles/{hidden.pk}/image/").status_code == 404
    other_base = f"/api/v1/portal/{world.other.pk}"
    assert anonymous.get(f"{other_base}/articles/{shown.pk}/").status_code == 404
    assert anonymous.get("/api/v1/portal/999999/").status_code == 404


def test_a_public_read_comes_from_the_portals_cache_and_is_renewed_on_a_change(
    world, django_assert_num_queries
):
    article = published_article(world, "Tin đã đăng")
    anonymous = Client()
    url = f"/api/v1/portal/{world.congress.pk}/articles/"
    first = anonymous.get(url)
    assert first["X-Portal-Cache"] == "miss"
    with django_assert_num_queries(0):
        again = anonymous.get(url)
    assert again["X-Portal-Cache"] == "hit" and again.json() == first.json()
    assert again["Cache-Control"] == "public, max-age=60"
    # Made-up parameters are the same entry; the filters are entries of their own.
    with django_assert_num_queries(0):
        assert anonymous.get(url, {"utm": "x", "y": "1"})["X-Portal-Cache"] == "hit"
    assert anonymous.get(url, {"kind": "news"})["X-Portal-Cache"] == "miss"

    # A token goes through the same cache: it brings no way around it.
    token = ApiClient(world.users["member"])
    with django_assert_num_queries(0):
        assert token.get(f"/portal/{world.congress.pk}/articles/")["X-Portal-Cache"] == "hit"

    editor_client = ApiClient(world.users["editor"])
    staff = f"/congresses/{world.congress.pk}/portal/articles/{article.pk}/"
    assert editor_client.post(staff + "unpublish/").status_code == 200
    after = anonymous.get(url)
    assert after["X-Portal-Cache"] == "miss" and after.json()["results"] == []


def test_the_public_article_list_takes_a_fixed_number_of_queries(
    world, django_assert_max_num_queries
):
    url = f"/api/v1/portal/{world.congress.pk}/articles/"
    published_article(world, "Bài thứ nhất")
    cache.clear()
    with django_assert_max_num_queries(4):
        assert len(Client().get(url).json()["results"]) == 1
    for n in range(5):
        published_article(world, f"Bài số {n + 2}", image=png_upload())
    cache.clear()
    with django_assert_max_num_queries(4):
        assert len(Client().get(url).json()["results"]) == 6


def test_an_editor_writes_edits_publishes_and_takes_down_an_article(world):
    editor_client = ApiClient(world.users["editor"])
    column = category(world, "Hoạt động chuẩn bị")
    base = f"/congresses/{world.congress.pk}/portal/articles/"
    body = {"kind": "news", "title": "Hội nghị Ban Chấp hành", "body": "Đoạn một.\nĐoạn hai."}

    refused = editor_client.post_form(base, body)
    assert refused.status_code == 400
    assert refused.json()["errors"] == {"category": ["Tin tức cần chọn chuyên mục."]}
    empty = editor_client.post_form(base, {"kind": "news", "category": column.pk})
    assert set(empty.json()["errors"]) == {"title", "body"}
    no_alt = editor_client.post_form(base, body | {"category": column.pk, "image": png_upload()})
    assert "image_alt" in no_alt.json()["errors"]

    created = editor_client.post_form(
        base,
        body | {"category": column.pk, "image": png_upload(), "image_alt": "Quang cảnh hội nghị"},
    )
    assert created.status_code == 201, created.content
    article = Article.objects.get(pk=created.json()["id"])
    assert article.image and not article.is_published and article.created_by == editor(world).user
    assert created.json()["state_label"] == "Nháp" and created.json()["has_image"]
    entry = AuditEntry.objects.get(action="portal.article_created", object_id=article.pk)
    assert entry.data["api_token"] == editor_client.token.prefix

    path = f"{base}{article.pk}/"
    version = created.json()["version"]
    edit = body | {"category": column.pk, "title": "Hội nghị Ban Chấp hành lần thứ 20"}
    edited = editor_client.put(path, edit | {"version": version})
    assert edited.status_code == 200, edited.content
    article.refresh_from_db()
    assert article.title == "Hội nghị Ban Chấp hành lần thứ 20" and article.image
    stale = editor_client.put(path, edit | {"title": "Sửa đè", "version": version})
    assert stale.status_code == 409

    past = timezone.localtime() - dt.timedelta(days=1)
    late = editor_client.post(path + "publish/", {"at": past.strftime("%d/%m/%Y %H:%M")})
    assert late.status_code == 400
    assert late.json()["errors"] == {"at": ["Giờ hẹn đăng đã qua; hãy chọn một thời điểm sắp tới."]}
    published = editor_client.post(path + "publish/", {})
    assert published.status_code == 200 and published.json()["state_label"] == "Đã đăng"
    public = Client().get(f"/api/v1/portal/{world.congress.pk}/articles/{article.pk}/")
    assert public.status_code == 200
    assert editor_client.post(path + "unpublish/").status_code == 200
    again = editor_client.post(path + "unpublish/")
    assert again.status_code == 400 and again.json()["detail"] == "Bài này chưa được đăng."
    assert (
        Client().get(f"/api/v1/portal/{world.congress.pk}/articles/{article.pk}/").status_code
        == 404
    )

    no_file = editor_client.post_form(path + "files/", {})
    assert no_file.json()["errors"] == {"image": ["Hãy chọn ảnh hoặc tệp tài liệu để tải lên."]}
    attached = editor_client.post_form(
        path + "files/",
        {"attachment": _pdf(), "version": editor_client.get(path).json()["version"]},
    )
    assert attached.status_code == 200, attached.content
    assert attached.json()["attachment_name"] == "tai-lieu.pdf"


def _pdf():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("tai-lieu.pdf", b"%PDF-1.4 tai lieu\n%%EOF", "application/pdf")


def test_the_editors_side_is_the_editors_and_a_read_only_token_writes_nothing(world):
    article = published_article(world)
    base = f"/congresses/{world.congress.pk}/portal/articles/"
    for role in ("member", "officer", "leader"):
        assert ApiClient(world.users[role]).get(base).status_code == 404
    # Another congress's article, asked by the administrator through another congress: 404.
    admin = ApiClient(world.admin)
    other = f"/congresses/{world.other.pk}/portal/articles/{article.pk}/"
    assert admin.get(other).status_code == 404
    assert admin.post(other + "unpublish/").status_code == 404
    reader = ApiClient(world.users["editor"], scope=Scope.READ)
    assert reader.get(base).status_code == 200
    assert reader.post(f"{base}{article.pk}/unpublish/").status_code == 403
    article.refresh_from_db()
    assert article.is_published


def test_an_editor_adds_a_column_and_moderates_the_readers_comments(world):
    article = published_article(world, "Bài nhận bình luận")
    first = _comment(article, "Ý kiến thứ nhất")
    second = _comment(article, "Ý kiến thứ hai")
    editor_client = ApiClient(world.users["editor"])
    base = f"/congresses/{world.congress.pk}/portal/"

    added = editor_client.post(base + "categories/", {"name": "Gương sáng", "position": 3})
    assert added.status_code == 201 and Category.objects.filter(name="Gương sáng").exists()
    twice = editor_client.post(base + "categories/", {"name": "gương sáng"})
    assert twice.status_code == 400 and "name" in twice.json()["errors"]
    assert "Gương sáng" in [c["name"] for c in editor_client.get(base + "categories/").json()]

    queue = editor_client.all(base + "moderation/comments/")
    assert {c["id"] for c in queue} == {first.pk, second.pk}
    assert queue[0]["email"] == "an@example.vn"
    nothing = editor_client.post(
        base + "moderation/", {"queue": "comments", "ids": [], "decision": "approve"}
    )
    assert nothing.status_code == 400
    done = editor_client.post(
        base + "moderation/", {"queue": "comments", "ids": [first.pk], "decision": "approve"}
    )
    assert done.status_code == 200 and done.json() == {"count": 1}
    first.refresh_from_db()
    assert first.status == Moderation.APPROVED and first.moderated_by == editor(world).user
    entry = AuditEntry.objects.get(action="portal.moderated", object_id=first.pk)
    assert entry.data["api_token"] == editor_client.token.prefix
    approved = editor_client.all(base + "moderation/comments/", {"state": "approved"})
    assert [c["id"] for c in approved] == [first.pk]
    public = Client().get(f"/api/v1/portal/{world.congress.pk}/articles/{article.pk}/").json()
    assert [c["title"] for c in public["comments"]] == ["Ý kiến thứ nhất"]


def test_the_editors_lists_take_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    editor_client = ApiClient(world.users["editor"])
    base = f"/congresses/{world.congress.pk}/portal/"
    paths = ("articles/", "moderation/comments/", "moderation/submissions/", "categories/")
    article = published_article(world)
    _comment(article, "Một")
    for path in paths:
        with django_assert_max_num_queries(8):
            assert editor_client.get(base + path).status_code == 200
    for n in range(4):
        _comment(published_article(world, f"Bài {n}"), f"Ý kiến {n}")
        _draft(world, f"Nháp {n}")
    for path in paths:
        with django_assert_max_num_queries(8):
            assert editor_client.get(base + path).status_code == 200
