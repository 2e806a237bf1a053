"""The app's own calls: a signed-in browser session reaches the API as the pages do; every
write must carry the CSRF token, as a page's form does."""

from django.middleware.csrf import get_token
from django.test import Client, RequestFactory

from daihoi.api.auth import CSRF_REFUSED
from daihoi.core.models import AuditEntry
from daihoi.planning.models import Plan

PLAN = {"number": 12, "issuer_code": "TU", "issued_on": "2020-04-01", "subject": "Tuyên truyền"}


def _browser(user) -> Client:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    return browser


def _csrf(browser: Client) -> str:
    """The CSRF token as a page hands it to its scripts (cookie and header)."""
    request = RequestFactory().get("/")
    token = get_token(request)
    browser.cookies["csrftoken"] = request.META["CSRF_COOKIE"]
    return token


def test_a_signed_in_session_reads_the_task_list_without_a_token(world):
    browser = _browser(world.users["officer"])
    response = browser.get(f"/api/v1/congresses/{world.congress.pk}/tasks/")
    assert response.status_code == 200, response.content
    assert "results" in response.json()
    other = _browser(world.users["outsider"])
    assert other.get(f"/api/v1/congresses/{world.congress.pk}/tasks/").status_code == 404


def test_a_session_post_without_the_csrf_token_is_refused_and_writes_nothing(world):
    browser = _browser(world.users["secretariat"])
    path = f"/api/v1/congresses/{world.congress.pk}/plans/"
    refused = browser.post(path, PLAN, content_type="application/json")
    assert refused.status_code == 403
    assert refused.json() == {"detail": CSRF_REFUSED}
    assert not Plan.objects.filter(number=12).exists()


def test_a_session_post_with_the_csrf_token_is_written_and_audited_as_from_the_app(world):
    browser = _browser(world.users["secretariat"])
    token = _csrf(browser)
    made = browser.post(
        f"/api/v1/congresses/{world.congress.pk}/plans/",
        PLAN,
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )
    assert made.status_code == 201, made.content
    entry = AuditEntry.objects.get(object_id=made.json()["id"], action="plan.created")
    assert entry.actor == world.users["secretariat"]
    assert entry.data["api_session"] is True and "api_token" not in entry.data


def test_a_session_has_the_users_own_rights_not_more(world):
    browser = _browser(world.users["officer"])
    token = _csrf(browser)
    refused = browser.post(
        f"/api/v1/congresses/{world.congress.pk}/plans/",
        PLAN,
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )
    assert refused.status_code == 403
    assert refused.json()["detail"] == "Chỉ Thường trực / Văn phòng mới được đăng ký kế hoạch."


def test_no_session_and_no_token_is_401_even_for_a_post(world):
    response = Client(enforce_csrf_checks=True).post(
        f"/api/v1/congresses/{world.congress.pk}/plans/", PLAN, content_type="application/json"
    )
    assert response.status_code == 401
