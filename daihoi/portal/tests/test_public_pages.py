import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from daihoi.testing.files import pdf_upload, png_upload

from .. import services
from ..models import Kind
from .helpers import category, editor, published_article

pytestmark = pytest.mark.django_db


def test_anyone_reads_a_published_article_without_logging_in(world, client):
    article = published_article(world)
    response = client.get(reverse("portal:article", args=[world.congress.pk, article.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert article.title in page and "Đoạn thứ hai." in page
    assert response["Cache-Control"] == "public, max-age=60"


def test_a_cached_article_page_runs_no_query(world, client, django_assert_num_queries):
    article = published_article(world)
    url = reverse("portal:article", args=[world.congress.pk, article.pk])
    assert client.get(url)["X-Portal-Cache"] == "miss"
    with django_assert_num_queries(0):
        response = client.get(url)
    assert response.status_code == 200 and response["X-Portal-Cache"] == "hit"
    assert article.title in response.content.decode()


def test_the_home_page_and_lists_are_served_from_cache_too(
    world, client, django_assert_num_queries
):
    article = published_article(world)
    urls = [
        reverse("portal:home", args=[world.congress.pk]),
        reverse("portal:category", args=[world.congress.pk, article.category_id]),
        reverse("portal:kind-list", args=[world.congress.pk, "ket-qua"]),
        reverse("portal:rss", args=[world.congress.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 200
    with django_assert_num_queries(0):
        for url in urls:
            assert client.get(url)["X-Portal-Cache"] == "hit"


def test_made_up_query_parameters_neither_fill_the_cache_nor_reach_the_page(
    world, client, django_assert_num_queries
):
    article = published_article(world)
    url = reverse("portal:category", args=[world.congress.pk, article.category_id])
    first = client.get(url, {"trang": "1", "utm": '"><b>chen-vao</b>'})
    assert first["X-Portal-Cache"] == "miss"
    assert "chen-vao" not in first.content.decode()
    with django_assert_num_queries(0):
        for junk in ("a", "b", "c"):
            again = client.get(url, {"trang": "1", "utm": junk, junk: "x"})
            assert again["X-Portal-Cache"] == "hit"
    # The page number is read: another page is another entry.
    assert client.get(url, {"trang": "2"})["X-Portal-Cache"] == "miss"


def test_an_edit_of_a_published_article_replaces_the_cached_page(world, client):
    article = published_article(world)
    url = reverse("portal:article", args=[world.congress.pk, article.pk])
    client.get(url)
    services.article_save(
        access=editor(world),
        article=article,
        fields=services.ArticleFields(
            kind=Kind.NEWS,
            title="Tiêu đề đã sửa",
            body="Nội dung mới.",
            category=article.category,
        ),
        expected_version=article.version,
    )
    response = client.get(url)
    assert response["X-Portal-Cache"] == "miss"
    assert "Tiêu đề đã sửa" in response.content.decode()


def test_publishing_shows_the_article_on_the_cached_home_page(world, client):
    home = reverse("portal:home", args=[world.congress.pk])
    assert "Bài mới đăng" not in client.get(home).content.decode()
    published_article(world, "Bài mới đăng")
    assert "Bài mới đăng" in client.get(home).content.decode()


def test_an_unpublished_or_draft_article_answers_404(world, client):
    article = published_article(world)
    services.article_unpublish(access=editor(world), article=article)
    assert (
        client.get(reverse("portal:article", args=[world.congress.pk, article.pk])).status_code
        == 404
    )


def test_a_scheduled_article_appears_when_its_time_comes_without_any_write(world, client):
    access = editor(world)
    article = services.article_save(
        access=access,
        fields=services.ArticleFields(
            kind=Kind.NEWS, title="Tin hẹn giờ", body="Nội dung.", category=category(world)
        ),
    )
    at = timezone.now() + dt.timedelta(hours=2)
    services.article_publish(access=access, article=article, at=at)
    home = reverse("portal:home", args=[world.congress.pk])
    url = reverse("portal:article", args=[world.congress.pk, article.pk])
    assert "Tin hẹn giờ" not in client.get(home).content.decode()
    assert client.get(url).status_code == 404
    with time_machine.travel(at + dt.timedelta(minutes=1)):
        assert "Tin hẹn giờ" in client.get(home).content.decode()
        assert client.get(url).status_code == 200


def test_rss_lists_published_articles_with_their_time(world, client):
    article = published_article(world)
    response = client.get(reverse("portal:rss", args=[world.congress.pk]))
    assert response["Content-Type"].startswith("application/rss+xml")
    body = response.content.decode()
    assert f"<title>{article.title}</title>" in body and "<pubDate>" in body


def test_an_article_image_and_public_document_are_served(world, client):
    access = editor(world)
    article = services.article_save(
        access=access,
        fields=services.ArticleFields(
            kind=Kind.DOCUMENT,
            title="Tài liệu Đại hội",
            body="Tài liệu.",
            image_alt="Ảnh hội trường",
        ),
        image=png_upload(),
        attachment=pdf_upload("chuong-trinh.pdf"),
    )
    services.article_publish(access=access, article=article)
    image = client.get(reverse("portal:article-image", args=[world.congress.pk, article.pk]))
    assert image.status_code == 200 and b"".join(image.streaming_content).startswith(b"\x89PNG")
    document = client.get(
        reverse("portal:article-attachment", args=[world.congress.pk, article.pk])
    )
    assert document.status_code == 200 and "chuong-trinh.pdf" in document["Content-Disposition"]
    page = client.get(reverse("portal:article", args=[world.congress.pk, article.pk])).content
    assert 'alt="Ảnh hội trường"' in page.decode()


def test_a_file_that_is_not_an_image_is_refused_as_the_article_image(world):
    from daihoi.core.exceptions import BusinessError

    with pytest.raises(BusinessError, match="không phải là ảnh"):
        services.article_save(
            access=editor(world),
            fields=services.ArticleFields(
                kind=Kind.RESULT, title="Kết quả", body="Nội dung", image_alt="x"
            ),
            image=pdf_upload("anh.pdf"),
        )
    with pytest.raises(BusinessError, match="không khớp"):
        services.validate_image(
            __import__("django.core.files.uploadedfile", fromlist=["x"]).SimpleUploadedFile(
                "gia.png", b"MZ\x90\x00 not a picture"
            )
        )


def test_the_article_page_is_accessible_and_printable(world, client):
    article = published_article(world)
    page = client.get(reverse("portal:article", args=[world.congress.pk, article.pk])).content
    html = page.decode()
    assert '<html lang="vi">' in html and 'class="skip-link"' in html
    assert 'name="viewport"' in html and "portal.css" in html
    assert "csrfmiddlewaretoken" not in html  # nothing personal in what the cache keeps


def test_the_comment_pages_carry_the_portals_whole_menu(world, client):
    from .helpers import open_public

    article = published_article(world)
    public = open_public(world)
    column = reverse("portal:category", args=[world.congress.pk, article.category_id])
    pages = [
        reverse("portal:article-comment", args=[world.congress.pk, article.pk]),
        reverse("portal:consultation-comment", args=[world.congress.pk, public.pk]),
    ]
    for url in pages:
        assert f'href="{column}"' in client.get(url).content.decode(), url
    # The fragment loaded into the cached article page has no menu of its own.
    fragment = client.get(pages[0], headers={"HX-Request": "true"}).content.decode()
    assert column not in fragment and "captcha" in fragment


def test_made_up_or_huge_ids_in_urls_and_forms_answer_404_or_a_message_never_500(world, client):
    from .helpers import open_public

    public = open_public(world)
    base = f"/cong-thong-tin/{world.congress.pk}"
    assert client.get(f"{base}/bai-viet/99999999999999999999/").status_code == 404
    url = f"{base}/gop-y/{public.pk}/y-kien/?muc=99999999999999999999999"
    assert client.get(url).status_code == 200
    assert client.get(f"{base}/trang/khong-co/").status_code == 404
    assert client.get("/cong-thong-tin/999999/").status_code == 404
    client.force_login(world.users["editor"])
    response = client.post(
        reverse("portal:staff-moderation-apply", args=[world.congress.pk]),
        {"ids": ["99999999999999999999999", "abc"], "decision": "approve"},
    )
    assert response.status_code == 302
