"""The private calendar URL through the API: made, replaced, revoked, each user's own."""

from django.test import Client

from daihoi.api.models import Scope
from daihoi.meetings.models import CalendarFeed

from .helpers import ApiClient


def test_a_user_makes_a_new_calendar_url_which_revokes_the_old_one(world):
    officer = ApiClient(world.users["officer"])
    assert officer.get("/calendar/").json() == {"url": None, "created_at": None}

    first = officer.post("/calendar/renew/", {})
    assert first.status_code == 200, first.content
    url = first.json()["url"]
    assert url.startswith("http://testserver/lich/") and url.endswith(".ics")
    feed = Client().get(url.removeprefix("http://testserver"))
    assert feed.status_code == 200 and feed["Content-Type"].startswith("text/calendar")
    assert officer.get("/calendar/").json()["url"] == url

    second = officer.post("/calendar/renew/", {}).json()["url"]
    assert second != url
    assert Client().get(url.removeprefix("http://testserver")).status_code == 404
    assert CalendarFeed.objects.filter(user=world.users["officer"], revoked_at=None).count() == 1

    # Another user sees only their own (none), never the officer's.
    assert ApiClient(world.users["officer2"]).get("/calendar/").json()["url"] is None


def test_revoking_leaves_no_live_url_and_a_read_only_token_cannot_change_it(world):
    officer = ApiClient(world.users["officer"])
    url = officer.post("/calendar/renew/", {}).json()["url"]
    reader = ApiClient(world.users["officer"], scope=Scope.READ)
    assert reader.post("/calendar/renew/", {"revoke": True}).status_code == 403
    assert reader.get("/calendar/").json()["url"] == url

    revoked = officer.post("/calendar/renew/", {"revoke": True})
    assert revoked.status_code == 200 and revoked.json()["url"] is None
    assert Client().get(url.removeprefix("http://testserver")).status_code == 404
    assert not CalendarFeed.objects.filter(revoked_at=None).exists()
