"""“Đổi mật khẩu”: any signed-in user changes their password; a user whose password was
printed on a login slip is sent to the form before anything else, until they have changed it."""

import pytest
from django.contrib.auth import authenticate
from django.urls import reverse

from daihoi.accounts import services
from daihoi.accounts.models import AccountAction, User
from daihoi.core.audit import history_of
from daihoi.testing.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

CHANGE = "/tai-khoan/doi-mat-khau/"
NEW = "Cay-Ca-Phe-2025"


@pytest.fixture
def printed(db):
    """A user signed in with a password someone else printed for them."""
    user = UserFactory.create(username="db77", full_name="Y Phương")
    services.initial_password_set(user=user, password="abcde-fghjk")
    return user


def change(client, old, new1, new2=None, next_path=""):
    url = reverse("accounts:password-change") + (f"?next={next_path}" if next_path else "")
    return client.post(
        url, {"old_password": old, "new_password1": new1, "new_password2": new2 or new1}
    )


def test_every_page_sends_a_user_with_a_printed_password_to_the_change_form(printed, client):
    assert client.login(username="db77", password="abcde-fghjk")
    answer = client.get("/thong-bao/")
    assert answer.status_code == 302
    assert answer["Location"] == CHANGE + "?next=%2Fthong-bao%2F"
    # A POST elsewhere is refused the same way and changes nothing.
    assert client.post("/thong-bao/da-doc-tat-ca/").status_code == 302
    page = client.get(CHANGE).content.decode()
    assert "Đồng chí đang dùng mật khẩu in trên phiếu đăng nhập." in page


def test_an_htmx_fragment_asks_the_browser_to_go_to_the_change_form(printed, client):
    client.login(username="db77", password="abcde-fghjk")
    answer = client.get("/thong-bao/", headers={"HX-Request": "true"})
    assert answer.status_code == 204 and answer["HX-Redirect"].startswith(CHANGE)


def test_signing_out_stays_possible_before_the_change(printed, client):
    client.login(username="db77", password="abcde-fghjk")
    client.post(reverse("accounts:logout"))
    assert "_auth_user_id" not in client.session


def test_after_the_change_the_slip_password_stops_working_and_pages_open(printed, client):
    client.login(username="db77", password="abcde-fghjk")
    answer = change(client, "abcde-fghjk", NEW, next_path="/thong-bao/")
    assert answer.status_code == 302 and answer["Location"] == "/thong-bao/"
    assert client.get("/thong-bao/").status_code == 200  # still signed in, no more detour
    assert authenticate(username="db77", password="abcde-fghjk") is None
    assert authenticate(username="db77", password=NEW) == printed
    assert not User.objects.get(pk=printed.pk).password_change_required
    (entry,) = [e for e in history_of(printed) if e.action == AccountAction.PASSWORD_CHANGED]
    assert entry.data["required"] is True


@pytest.mark.parametrize(
    "old, new1, new2, message",
    [
        ("sai-mat-khau", NEW, NEW, "Mật khẩu hiện tại không đúng."),
        ("abcde-fghjk", NEW, NEW + "x", "Hai lần nhập mật khẩu mới không khớp nhau."),
        ("abcde-fghjk", "abcde-fghjk", "abcde-fghjk", "Mật khẩu mới phải khác mật khẩu hiện tại."),
        ("abcde-fghjk", "12345678901", "12345678901", "toàn"),
        ("abcde-fghjk", "ab1", "ab1", "quá ngắn"),
        ("abcde-fghjk", "password123", "password123", "quá phổ biến"),
    ],
)
def test_a_refused_new_password_says_why_in_vietnamese_and_changes_nothing(
    printed, client, old, new1, new2, message
):
    client.login(username="db77", password="abcde-fghjk")
    answer = change(client, old, new1, new2)
    assert answer.status_code == 200
    assert message in answer.content.decode()
    printed.refresh_from_db()
    assert printed.password_change_required and printed.check_password("abcde-fghjk")


def test_a_user_who_chose_their_own_password_is_never_sent_to_the_form(client, db):
    UserFactory.create(username="thuky")
    client.login(username="thuky", password=PASSWORD)
    assert client.get("/thong-bao/").status_code == 200
    page = client.get(CHANGE).content.decode()
    assert "phiếu đăng nhập" not in page and "Đổi mật khẩu" in page


def test_a_staff_user_changes_their_own_password_from_the_header_link(client, db):
    user = UserFactory.create(username="thuky")
    client.login(username="thuky", password=PASSWORD)
    assert CHANGE in client.get("/thong-bao/").content.decode()
    assert change(client, PASSWORD, NEW).status_code == 302
    assert authenticate(username="thuky", password=NEW) == user


def test_a_fragment_loaded_by_the_change_form_itself_gets_nothing(printed, client):
    client.login(username="db77", password="abcde-fghjk")
    answer = client.get(
        "/thong-bao/chua-doc/",
        headers={"HX-Request": "true", "HX-Current-URL": "http://testserver" + CHANGE + "?next=/"},
    )
    assert answer.status_code == 204 and "HX-Redirect" not in answer
