"""The notification centre through the API: every notice marked read at once, and how each
user is told, with the page's choices and a refusal in Vietnamese."""

from daihoi.api.models import Scope
from daihoi.notifications.models import Kind, Notification, NotificationPreference

from .helpers import ApiClient


def _notice(world, user, key: str) -> Notification:
    return Notification.objects.create(
        recipient=user,
        congress=world.congress,
        kind=Kind.TASK_ASSIGNED,
        title="Nhiệm vụ mới",
        dedupe_key=key,
    )


def test_every_notice_of_mine_is_marked_read_and_no_one_elses(world):
    for key in ("a", "b"):
        _notice(world, world.users["officer"], key)
    theirs = _notice(world, world.users["officer2"], "c")
    officer = ApiClient(world.users["officer"])
    assert officer.post("/notifications/read-all/").json() == {"count": 2}
    assert officer.all("/notifications/", {"unread": "true"}) == []
    assert Notification.objects.get(pk=theirs.pk).read_at is None
    assert officer.post("/notifications/read-all/").json() == {"count": 0}


def test_the_way_i_am_told_is_mine_to_change(world):
    officer = ApiClient(world.users["officer"])
    assert officer.get("/notifications/preferences/").json() == {"channel": "email"}
    wrong = officer.put("/notifications/preferences/", {"channel": "sms"})
    assert wrong.status_code == 400 and list(wrong.json()["errors"]) == ["channel"]
    changed = officer.put("/notifications/preferences/", {"channel": "in_app"})
    assert changed.status_code == 200 and changed.json() == {"channel": "in_app"}
    assert NotificationPreference.objects.get(user=world.users["officer"]).channel == "in_app"
    assert ApiClient(world.users["officer2"]).get("/notifications/preferences/").json() == {
        "channel": "email"
    }
    reader = ApiClient(world.users["officer"], scope=Scope.READ)
    assert reader.put("/notifications/preferences/", {"channel": "email"}).status_code == 403
    assert reader.post("/notifications/read-all/").status_code == 403
