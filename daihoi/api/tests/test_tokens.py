"""Personal tokens: made in the app and shown once, stored hashed, scoped, expiring, revocable,
limited in rate, each request acting as the owner."""

import datetime as dt
import hashlib

import pytest
from django.utils import timezone

from daihoi.api.models import ApiToken, Scope
from daihoi.core.models import AuditEntry

from .helpers import ApiClient


def test_the_page_shows_a_new_token_once_and_stores_only_its_hash(world, client):
    client.force_login(world.users["officer"])
    response = client.post(
        "/tai-khoan/khoa-api/", {"name": "Hệ thống văn bản", "scope": "read", "days": "90"}
    )
    assert response.status_code == 200
    raw = response.context["raw"]
    assert raw.startswith("dh_") and raw in response.content.decode()
    token = ApiToken.objects.get(user=world.users["officer"])
    assert token.token_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert raw not in {token.prefix, token.token_hash, token.name}
    assert (token.expires_at - timezone.now()).days in (89, 90)
    assert AuditEntry.objects.filter(action="api_token.created", object_id=token.pk).exists()
    again = client.get("/tai-khoan/khoa-api/")
    assert raw not in again.content.decode()
    assert token.prefix in again.content.decode()


def test_the_owner_revokes_a_token_and_it_stops_working_at_once(world, client):
    api = ApiClient(world.users["officer"])
    assert api.get("/congresses/").status_code == 200
    client.force_login(world.users["officer"])
    response = client.post(f"/tai-khoan/khoa-api/{api.token.pk}/thu-hoi/")
    assert response.status_code == 302
    refused = api.get("/congresses/")
    assert refused.status_code == 401
    assert "thu hồi" in refused.json()["detail"]


def test_nobody_else_revokes_or_sees_a_users_token(world, client):
    api = ApiClient(world.users["officer"])
    client.force_login(world.users["secretariat"])
    assert client.post(f"/tai-khoan/khoa-api/{api.token.pk}/thu-hoi/").status_code == 404
    assert api.token.prefix not in client.get("/tai-khoan/khoa-api/").content.decode()
    assert api.get("/congresses/").status_code == 200


def test_an_expired_or_unknown_token_is_refused(world):
    api = ApiClient(world.users["officer"])
    ApiToken.objects.filter(pk=api.token.pk).update(
        expires_at=timezone.now() - dt.timedelta(seconds=1)
    )
    assert api.get("/congresses/").status_code == 401
    api.raw = "dh_khong-co-that"
    assert api.get("/congresses/").status_code == 401


def test_a_locked_account_s_tokens_stop_working(world):
    api = ApiClient(world.users["officer"])
    world.users["officer"].is_active = False
    world.users["officer"].save()
    assert api.get("/congresses/").status_code == 401


def test_a_read_only_token_reads_but_every_write_is_refused(world):
    api = ApiClient(world.users["secretariat"], scope=Scope.READ)
    assert api.get(f"/congresses/{world.congress.pk}/tasks/").status_code == 200
    response = api.post(
        f"/congresses/{world.congress.pk}/plans/",
        {"number": 1, "issuer_code": "TU", "issued_on": "2020-03-02", "subject": "Kế hoạch"},
    )
    assert response.status_code == 403
    assert "chỉ có quyền đọc" in response.json()["detail"]


def test_requests_past_the_rate_are_refused_with_retry_after(world, settings):
    settings.DAIHOI_API_RATE = "3/d"
    api = ApiClient(world.users["officer"])
    other = ApiClient(world.users["officer2"])
    statuses = [api.get("/congresses/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = api.get("/congresses/")
    assert int(refused["Retry-After"]) >= 1
    assert "Quá nhiều yêu cầu" in refused.json()["detail"]
    # Each token has its own count.
    assert other.get("/congresses/").status_code == 200


def test_a_token_acts_as_its_owner_in_each_congress(world):
    outsider = ApiClient(world.users["outsider"])
    assert [c["id"] for c in outsider.all("/congresses/")] == [world.other.pk]
    assert outsider.get(f"/congresses/{world.congress.pk}/").status_code == 404
    officer = ApiClient(world.users["officer"])
    me = officer.get(f"/congresses/{world.congress.pk}/").json()
    assert me["role"] == "agency" and me["agency_id"] == world.agencies["btg"].pk


def test_the_schema_is_valid_openapi_3_and_the_docs_load_from_our_own_static_files(client):
    from openapi_spec_validator import validate

    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    validate(schema)
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
    # No inline script: only external files and one JSON data block.
    import re

    for tag in re.findall(r"<script[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    assert "script-src 'self'" in docs["Content-Security-Policy"]


@pytest.mark.parametrize("scope", [Scope.READ, Scope.READ_WRITE])
def test_tokens_cannot_be_made_without_a_name(world, scope):
    from daihoi.api import services
    from daihoi.core.exceptions import BusinessError

    with pytest.raises(BusinessError):
        services.token_create(user=world.users["officer"], name="  ", scope=scope, days=30)


def test_the_schema_is_built_once_and_then_served_as_built(client):
    from daihoi.api.api import api

    built = api.get_openapi_schema(path_prefix="/api/v1/")
    assert api.get_openapi_schema(path_prefix="/api/v1/") is built
    served = client.get("/api/v1/schema/").json()
    assert served["paths"].keys() == built["paths"].keys()
    assert len(served["paths"]) > 300
