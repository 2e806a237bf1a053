"""Webhooks and personal tokens through the API: the same services, forms and messages as the
"Webhook" and "Khóa API" pages; a token never makes another token."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from daihoi.accounts.models import Role
from daihoi.api import services, webhooks
from daihoi.api.models import ApiToken, Delivery, Webhook
from daihoi.api.routers.webhooks import NOT_BY_TOKEN
from daihoi.organizations.models import Participation

from .helpers import ApiClient
from .test_session import _browser, _csrf

HOOK = {
    "name": "Hệ thống văn bản điều hành",
    "url": "https://vanban.example.vn/nhan",
    "events": ["task.assigned", "document.issued"],
}


def _hook(access) -> Webhook:
    return webhooks.webhook_create(
        access=access, name="Nhận", url="https://vanban.example.vn/nhan", events=["task.assigned"]
    )


def test_the_secretariat_adds_edits_reads_and_deletes_a_webhook(world):
    api = ApiClient(world.users["secretariat"])
    base = f"/congresses/{world.congress.pk}/webhooks/"
    made = api.post(base, HOOK)
    assert made.status_code == 201, made.content
    hook = made.json()
    assert len(hook["secret"]) > 20 and hook["events"] == HOOK["events"]
    no_event = api.post(base, {**HOOK, "events": []})
    assert no_event.status_code == 400 and "events" in no_event.json()["errors"]
    paused = api.put(f"{base}{hook['id']}/", {**HOOK, "active": False})
    assert paused.status_code == 200 and paused.json()["active"] is False
    assert [h["id"] for h in api.all(base)] == [hook["id"]]
    assert api.get(f"{base}{hook['id']}/").json()["secret"] == hook["secret"]
    assert api.delete(f"{base}{hook['id']}/").status_code == 204
    assert not Webhook.objects.filter(pk=hook["id"]).exists()


def test_others_are_refused_and_another_congress_s_webhook_is_404(world, secretariat_access):
    hook = webhooks.webhook_create(
        access=secretariat_access,
        name="Nhận",
        url="https://vanban.example.vn/nhan",
        events=["task.assigned"],
    )
    leader = ApiClient(world.users["leader"])
    refused = leader.get(f"/congresses/{world.congress.pk}/webhooks/{hook.pk}/")
    assert refused.status_code == 403
    assert refused.json()["detail"] == webhooks.ONLY_SECRETARIAT
    assert leader.post(f"/congresses/{world.congress.pk}/webhooks/", HOOK).status_code == 403
    # The same secretariat also runs another congress: this webhook is not found there.
    Participation.objects.create(
        user=world.users["secretariat"], congress=world.other, role=Role.SECRETARIAT
    )
    api = ApiClient(world.users["secretariat"])
    path = f"/congresses/{world.other.pk}/webhooks/{hook.pk}/"
    assert api.get(path).status_code == 404
    assert api.delete(path).status_code == 404
    assert (
        ApiClient(world.users["outsider"])
        .get(f"/congresses/{world.congress.pk}/webhooks/")
        .status_code
        == 404
    )
    assert Webhook.objects.filter(pk=hook.pk).exists()


def test_the_delivery_log_reads_newest_first_in_a_fixed_number_of_queries(
    world, secretariat_access
):
    hook = webhooks.webhook_create(
        access=secretariat_access,
        name="Nhận",
        url="https://vanban.example.vn/nhan",
        events=["task.assigned"],
    )
    api = ApiClient(world.users["secretariat"])
    path = f"/congresses/{world.congress.pk}/webhooks/{hook.pk}/deliveries/"

    def add(n: int) -> None:
        for i in range(n):
            Delivery.objects.create(
                webhook=hook, event="task.assigned", dedupe_key=f"k{i}-{n}", payload={}
            )

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert api.get(path).status_code == 200
        return len(ctx.captured_queries)

    add(2)
    queries()  # the token's first use of the minute also notes when it was used
    few = queries()
    add(20)
    assert queries() == few
    rows = api.all(path)
    assert len(rows) == 22 and rows[0]["id"] > rows[-1]["id"]


def test_a_user_lists_and_revokes_their_own_tokens_only(world):
    mine, raw = services.token_create(
        user=world.users["officer"], name="Văn bản", scope="read", days=30
    )
    api = ApiClient(world.users["officer"])
    listed = api.all("/tokens/")
    assert {t["prefix"] for t in listed} == {mine.prefix, api.token.prefix}
    assert all("token" not in t for t in listed)
    other = ApiClient(world.users["officer2"])
    assert other.post(f"/tokens/{mine.pk}/revoke/").status_code == 404
    revoked = api.post(f"/tokens/{mine.pk}/revoke/")
    assert revoked.status_code == 200 and revoked.json()["live"] is False
    again = api.post(f"/tokens/{mine.pk}/revoke/")
    assert again.status_code == 400
    assert (
        Client().get("/api/v1/tokens/", headers={"Authorization": f"Bearer {raw}"}).status_code
        == 401
    )


def test_a_token_is_made_from_the_signed_in_app_and_never_by_another_token(world):
    api = ApiClient(world.users["officer"])
    body = {"name": "Hệ thống khác", "scope": "read_write", "days": 90}
    refused = api.post("/tokens/", body)
    assert refused.status_code == 403 and refused.json()["detail"] == NOT_BY_TOKEN
    browser = _browser(world.users["officer"])
    headers = {"X-CSRFToken": _csrf(browser)}
    bad = browser.post("/api/v1/tokens/", {**body, "days": 7}, "application/json", headers=headers)
    assert bad.status_code == 400 and "days" in bad.json()["errors"]
    made = browser.post("/api/v1/tokens/", body, "application/json", headers=headers)
    assert made.status_code == 201, made.content
    raw = made.json()["token"]
    stored = ApiToken.objects.get(pk=made.json()["id"])
    assert stored.token_hash == services.hash_token(raw) and raw not in str(stored.__dict__)
    assert (
        Client().get("/api/v1/tokens/", headers={"Authorization": f"Bearer {raw}"}).status_code
        == 200
    )
