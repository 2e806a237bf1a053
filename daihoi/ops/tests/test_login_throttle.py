"""Login throttling (django-axes): by account and by address, in the app and in the admin."""

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command

from daihoi.testing.factories import PASSWORD, UserFactory

LOGIN = "/tai-khoan/dang-nhap/"
ADMIN_LOGIN = "/quan-tri/login/"


def attempt(client, url: str, username: str, password: str, address: str = "127.0.0.1"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.django_db
def test_fifty_wrong_passwords_then_the_right_one_is_refused_until_reset(client):
    UserFactory(username="vanphong")
    statuses = [attempt(client, LOGIN, "vanphong", f"sai-{i}").status_code for i in range(50)]
    # The first wrong passwords show the form again; then the lock answers 429.
    assert statuses[:4] == [200] * 4 and set(statuses[5:]) == {429}
    refused = attempt(client, LOGIN, "vanphong", PASSWORD)
    assert refused.status_code == 429 and not logged_in(client)
    page = refused.content.decode()
    assert "Tạm khóa đăng nhập" in page and "30 phút" in page and "quản trị hệ thống" in page

    call_command("axes_reset", verbosity=0)
    assert attempt(client, LOGIN, "vanphong", PASSWORD).status_code == 302
    assert logged_in(client)


@pytest.mark.django_db
def test_the_admin_login_is_throttled_too(client):
    UserFactory(username="quantri2", is_staff=True, is_superuser=True)
    for i in range(50):
        attempt(client, ADMIN_LOGIN, "quantri2", f"sai-{i}")
    refused = attempt(client, ADMIN_LOGIN, "quantri2", PASSWORD)
    assert refused.status_code == 429 and not logged_in(client)
    assert "Tạm khóa đăng nhập" in refused.content.decode()
    call_command("axes_reset_username", "quantri2", verbosity=0)
    assert attempt(client, ADMIN_LOGIN, "quantri2", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_one_account_is_locked_whatever_address_the_guesses_come_from(client):
    UserFactory(username="bithu")
    for i in range(10):
        attempt(client, LOGIN, "bithu", f"sai-{i}", address=f"198.51.100.{i}")
    assert attempt(client, LOGIN, "bithu", PASSWORD, address="198.51.100.200").status_code == 429


@pytest.mark.django_db
def test_one_address_is_locked_whatever_accounts_it_tries(client):
    UserFactory(username="canbo")
    for i in range(10):
        attempt(client, LOGIN, f"khong-co-{i}", "sai", address="203.0.113.7")
    assert attempt(client, LOGIN, "canbo", PASSWORD, address="203.0.113.7").status_code == 429
    # The same account from another address is not locked.
    assert attempt(client, LOGIN, "canbo", PASSWORD, address="203.0.113.8").status_code == 302


@pytest.mark.django_db
def test_a_success_clears_the_count_of_earlier_mistakes(client):
    UserFactory(username="thuky")
    for i in range(3):
        attempt(client, LOGIN, "thuky", f"sai-{i}")
    assert attempt(client, LOGIN, "thuky", PASSWORD).status_code == 302
    client.logout()
    for i in range(3):
        attempt(client, LOGIN, "thuky", f"sai-{i}")
    assert attempt(client, LOGIN, "thuky", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_the_administrator_unlocks_from_the_admin_in_vietnamese(client, admin_client):
    UserFactory(username="vanphong")
    for i in range(6):
        attempt(client, LOGIN, "vanphong", f"sai-{i}")
    listing = admin_client.get("/quan-tri/axes/accessattempt/")
    page = listing.content.decode()
    assert listing.status_code == 200
    assert "Đăng nhập sai" in page and "Số lần sai" in page and "Đang bị khóa" in page
    assert "Chống dò mật khẩu" in admin_client.get("/quan-tri/").content.decode()
    ids = list(AccessAttempt.objects.values_list("pk", flat=True))
    admin_client.post(
        "/quan-tri/axes/accessattempt/",
        {"action": "delete_selected", "_selected_action": ids, "post": "yes"},
    )
    assert not AccessAttempt.objects.exists()
    assert attempt(client, LOGIN, "vanphong", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_behind_the_proxy_the_client_address_is_counted(client, settings):
    settings.DAIHOI_TRUSTED_PROXIES = ["127.0.0.1"]
    UserFactory(username="canbo")
    for i in range(10):
        client.post(
            LOGIN, {"username": f"x{i}", "password": "sai"}, HTTP_X_FORWARDED_FOR="203.0.113.7"
        )
    # nginx (127.0.0.1) forwards another client: not locked by the first one's mistakes.
    ok = client.post(
        LOGIN, {"username": "canbo", "password": PASSWORD}, HTTP_X_FORWARDED_FOR="203.0.113.9"
    )
    assert ok.status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.7"}
