import pytest
from django.urls import reverse

from daihoi.testing.files import pdf_upload, png_upload

from ..models import Article
from .helpers import category, published_article

pytestmark = pytest.mark.django_db


def test_an_editor_writes_publishes_and_the_public_reads_it(world, client):
    column = category(world)
    client.force_login(world.users["editor"])
    create = reverse("portal:staff-article-create", args=[world.congress.pk])
    response = client.post(
        create,
        {
            "kind": "news",
            "category": column.pk,
            "title": "Hội nghị Ban Chấp hành cho ý kiến vào dự thảo văn kiện",
            "summary": "Tóm tắt.",
            "body": "Đoạn một.\nĐoạn hai.",
            "image": png_upload(),
            "image_alt": "Quang cảnh hội nghị",
            "comments_open": "on",
        },
    )
    article = Article.objects.get()
    assert response.status_code == 302 and not article.is_published
    public = reverse("portal:article", args=[world.congress.pk, article.pk])
    assert client.get(public).status_code == 404
    client.post(reverse("portal:staff-article-publish", args=[world.congress.pk, article.pk]))
    article.refresh_from_db()
    assert article.is_published
    client.logout()
    assert "Quang cảnh hội nghị" in client.get(public).content.decode()


def test_the_article_form_refuses_a_file_that_is_not_a_picture(world, client):
    client.force_login(world.users["editor"])
    response = client.post(
        reverse("portal:staff-article-create", args=[world.congress.pk]),
        {
            "kind": "result",
            "title": "Kết quả",
            "body": "Nội dung",
            "image": pdf_upload("anh.pdf"),
            "image_alt": "x",
        },
    )
    assert response.status_code == 200
    assert "không phải là ảnh" in response.content.decode()
    assert not Article.objects.exists()


def test_an_edit_shows_on_the_articles_history(world, client):
    article = published_article(world)
    client.force_login(world.users["editor"])
    url = reverse("portal:staff-article-edit", args=[world.congress.pk, article.pk])
    client.post(
        url,
        {
            "kind": "news",
            "category": article.category_id,
            "title": "Tiêu đề mới",
            "body": "Nội dung.",
            "version": article.version,
        },
    )
    page = client.get(url).content.decode()
    assert "Sửa bài" in page and "Tiêu đề mới" in page and "Đăng bài" in page


def test_the_staff_list_reads_in_few_queries(world, client, django_assert_max_num_queries):
    for n in range(5):
        published_article(world, f"Bài số {n}")
    client.force_login(world.users["editor"])
    with django_assert_max_num_queries(12):
        response = client.get(reverse("portal:staff-articles", args=[world.congress.pk]))
    assert response.content.decode().count(">Bài số") == 5


def test_public_lists_read_in_few_queries_when_not_cached(
    world, client, django_assert_max_num_queries
):
    for n in range(5):
        published_article(world, f"Tin {n}")
    with django_assert_max_num_queries(8):
        assert client.get(reverse("portal:home", args=[world.congress.pk])).status_code == 200
    with django_assert_max_num_queries(8):
        url = reverse("portal:kind-list", args=[world.congress.pk, "tai-lieu"])
        assert client.get(url).status_code == 200
