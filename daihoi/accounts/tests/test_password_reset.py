"""“Quên mật khẩu”: a user asks for a reset link by e-mail; the worker mails it."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from daihoi.accounts import services
from daihoi.accounts.models import AccountAction, User
from daihoi.core.audit import history_of
from daihoi.testing.factories import UserFactory
from daihoi.testing.mail import link_in, run_worker, sent_to

RESET_PREFIX = "/tai-khoan/dat-lai-mat-khau/"


@pytest.fixture(autouse=True)
def fresh_request_counts():
    """The per-address request counts live in the cache: each test starts from none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def user(db):
    return UserFactory.create(username="ha.le", email="ha.le@kontum.gov.vn", full_name="Lê Thị Hà")


def ask(client, email):
    return client.post(reverse("accounts:password-reset"), {"email": email})


def test_the_login_page_links_to_the_forgotten_password_page(client, db):
    page = client.get(reverse("accounts:login")).content.decode()
    assert reverse("accounts:password-reset") in page and "Quên mật khẩu?" in page


# The worker runs in this process with its own transactions: the data must be committed.
@pytest.mark.django_db(transaction=True)
def test_a_user_resets_a_forgotten_password_through_the_mailed_link(user, client):
    response = ask(client, "HA.LE@kontum.gov.vn")
    assert response["Location"] == reverse("accounts:password-reset-done")
    assert mail.outbox == []  # the worker sends it, not the request
    # The queued job carries the user's id only; the token is made when the mail is written.
    assert all("ha.le" not in str(job.args_kwargs) for job in DBTaskResult.objects.all())
    run_worker()
    message = sent_to("ha.le@kontum.gov.vn")[0]
    assert "Lê Thị Hà" in message.body and "ha.le" in message.body
    page = client.get(link_in(message, RESET_PREFIX), follow=True)
    confirm_url = page.redirect_chain[-1][0]
    response = client.post(
        confirm_url, {"new_password1": "Mat-khau-moi-25", "new_password2": "Mat-khau-moi-25"}
    )
    assert response["Location"] == reverse("accounts:login")
    assert User.objects.get(pk=user.pk).check_password("Mat-khau-moi-25")
    assert [e.action for e in history_of(user)] == [
        AccountAction.PASSWORD_RESET_DONE,
        AccountAction.PASSWORD_RESET_REQUESTED,
    ]
    # The link worked once.
    again = client.get(link_in(message, RESET_PREFIX), follow=True).content.decode()
    assert "không hợp lệ, đã hết hạn hoặc đã được dùng" in again


def test_an_unknown_address_gets_the_same_answer_and_no_mail(
    client, db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, "khong.co@kontum.gov.vn")
    assert response["Location"] == reverse("accounts:password-reset-done")
    assert DBTaskResult.objects.count() == 0


def test_a_bad_address_is_refused_in_vietnamese(client, db):
    response = ask(client, "khong-phai-email")
    assert "Địa chỉ e-mail không hợp lệ." in response.content.decode()


def test_a_locked_account_or_one_not_yet_invited_in_gets_no_reset(user, db):
    user.is_active = False
    user.save()
    invited = UserFactory.create(username="moi", email="moi@kontum.gov.vn")
    invited.set_unusable_password()
    invited.save()
    assert services.password_reset_request(email="ha.le@kontum.gov.vn") == 0
    assert services.password_reset_request(email="moi@kontum.gov.vn") == 0


def test_requests_for_one_address_are_capped_per_hour(user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sent = [services.password_reset_request(email="ha.le@kontum.gov.vn") for _ in range(5)]
    assert sent == [1, 1, 1, 0, 0]
    assert DBTaskResult.objects.count() == 3
