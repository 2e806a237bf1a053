"""First impressions: the product's name in titles, a favicon, our own 404 and 403 pages."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import path

from daihoi.urls import urlpatterns as project_urls

SITE_NAME = "Điều hành Đại hội"


def refuse(request):
    raise PermissionDenied("Chỉ Thường trực được làm việc này.")


# The project's URLs plus one view that raises PermissionDenied, for the handler403 test.
urlpatterns = [path("tu-choi/", refuse), *project_urls]
handler403 = "daihoi.core.errors.permission_denied"
handler404 = "daihoi.core.errors.page_not_found"


@pytest.fixture
def client_no_raise() -> Client:
    return Client(raise_request_exception=False)


@pytest.mark.django_db
@pytest.mark.parametrize("debug", [True, False])
def test_an_unknown_address_shows_our_404_page_in_vietnamese(settings, client_no_raise, debug):
    settings.DEBUG = debug
    response = client_no_raise.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Không tìm thấy trang" in body
    assert f"Không tìm thấy · {SITE_NAME}</title>" in body
    assert "DEBUG = True" not in body


@pytest.mark.django_db
@pytest.mark.parametrize("debug", [True, False])
def test_an_object_outside_the_users_congress_shows_our_404_page(
    settings, client_no_raise, world, debug
):
    settings.DEBUG = debug
    client_no_raise.force_login(world.users["outsider"])
    response = client_no_raise.get(f"/dai-hoi/{world.congress.pk}/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("debug", [True, False])
def test_permission_denied_shows_our_403_page_with_the_reason(settings, client_no_raise, debug):
    settings.DEBUG = debug
    settings.ROOT_URLCONF = __name__
    response = client_no_raise.get("/tu-choi/")
    assert response.status_code == 403
    body = response.content.decode()
    assert "Không có quyền truy cập" in body
    assert "Chỉ Thường trực được làm việc này." in body
    assert f"Không có quyền · {SITE_NAME}</title>" in body


@pytest.mark.django_db
def test_the_login_page_carries_the_products_name_and_icon(client):
    body = client.get("/tai-khoan/dang-nhap/").content.decode()
    assert f"<title>Đăng nhập · {SITE_NAME}</title>" in body
    assert 'rel="icon" href="/static/core/favicon.svg"' in body
    assert SITE_NAME in body.split("<main>", 1)[1]


@pytest.mark.django_db
def test_favicon_ico_leads_to_our_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/core/favicon.svg"
    icon = client.get(response["Location"])
    assert icon.status_code == 200
    assert b"<svg" in b"".join(icon.streaming_content)


@pytest.mark.django_db
def test_every_congress_page_title_names_the_product(client, world):
    client.force_login(world.users["secretariat"])
    for url in [f"/dai-hoi/{world.congress.pk}/", f"/dai-hoi/{world.congress.pk}/nhiem-vu/"]:
        body = client.get(url).content.decode()
        title = body.split("<title>", 1)[1].split("</title>", 1)[0]
        assert title.endswith(f" · {SITE_NAME}")


@pytest.mark.django_db
def test_a_form_sent_without_its_security_token_gets_our_403_page_in_vietnamese():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/tai-khoan/dang-nhap/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    body = response.content.decode()
    assert "Không có quyền truy cập" in body
    assert "Hãy tải lại trang" in body


@pytest.mark.django_db
def test_a_refusal_inside_a_congress_leads_back_to_its_today_page(client, world):
    client.force_login(world.users["officer"])
    response = client.get(f"/dai-hoi/{world.congress.pk}/nhiem-vu/them/")
    assert response.status_code == 403
    assert f'href="/dai-hoi/{world.congress.pk}/hom-nay/"' in response.content.decode()
