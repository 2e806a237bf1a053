"""Votes through the API: the presidium keeps, opens and closes motions with the pages' rules
and messages; a delegate votes once, only while the vote is open, only when present."""

import pytest

from daihoi.api.models import Scope
from daihoi.core.models import AuditEntry
from daihoi.programme.tests.helpers import opening_session
from daihoi.voting.models import Motion, Participation
from daihoi.voting.tests.helpers import check_in, motion

from .helpers import ApiClient

pytestmark = pytest.mark.django_db


def _base(world) -> str:
    return f"/congresses/{world.congress.pk}/motions/"


def test_the_presidium_creates_edits_opens_and_closes_a_motion(world):
    session = opening_session(world)
    presidium = ApiClient(world.users["secretariat"])
    body = {"session": session.pk, "kind": "programme", "title": "Thông qua Chương trình"}

    created = presidium.post(_base(world), body)
    assert created.status_code == 201, created.content
    motion_id = created.json()["id"]
    assert created.json()["state"] == "draft" and created.json()["session_title"] == session.title
    entry = AuditEntry.objects.filter(object_id=motion_id, action="motion.created").get()
    assert entry.data.get("api_token") == presidium.token.prefix

    url = f"{_base(world)}{motion_id}/"
    version = created.json()["version"]
    edited = presidium.put(url, body | {"title": "Thông qua Quy chế", "version": version})
    assert edited.status_code == 200, edited.content
    assert Motion.objects.get(pk=motion_id).title == "Thông qua Quy chế"
    stale = presidium.put(url, body | {"title": "Bản cũ", "version": version})
    assert stale.status_code == 409

    opened = presidium.post(url + "open/")
    assert opened.status_code == 200 and opened.json()["state"] == "open"
    assert opened.json()["progress"]["voted"] == 0
    live = presidium.get(url + "live/")
    assert live.status_code == 200 and live.json()["state"] == "open"
    refused = presidium.delete(url)
    assert refused.status_code == 400
    assert "không sửa, không xóa được" in refused.json()["detail"]

    closed = presidium.post(url + "close/")
    assert closed.status_code == 200, closed.content
    assert closed.json()["state"] == "closed" and closed.json()["passed"] is False
    assert [r["label"] for r in closed.json()["result"]][0] == "Tán thành"
    assert Motion.objects.get(pk=motion_id).is_closed


def test_a_draft_is_deleted_and_the_form_answers_in_vietnamese(world):
    presidium = ApiClient(world.users["secretariat"])
    missing = presidium.post(_base(world), {"kind": "programme"})
    assert missing.status_code == 400
    assert missing.json()["errors"]["title"] == ["Trường này là bắt buộc."]
    assert "session" in missing.json()["errors"]

    draft = motion(world)
    assert presidium.delete(f"{_base(world)}{draft.pk}/").status_code == 204
    assert not Motion.objects.filter(pk=draft.pk).exists()


def test_the_presidium_alone_runs_votes_and_another_congress_sees_nothing(world):
    draft = motion(world)
    url = f"{_base(world)}{draft.pk}/"
    officer = ApiClient(world.users["officer"])
    assert officer.get(url).status_code == 200
    refused = officer.post(url + "open/")
    assert refused.status_code == 403
    assert "Đoàn Chủ tịch" in refused.json()["detail"]
    read_only = ApiClient(world.users["secretariat"], scope=Scope.READ)
    assert read_only.post(url + "open/").status_code == 403
    outsider = ApiClient(world.users["outsider"])
    assert outsider.get(f"/congresses/{world.other.pk}/motions/{draft.pk}/").status_code == 404
    draft.refresh_from_db()
    assert draft.is_draft


def test_the_motion_list_reads_in_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    presidium = ApiClient(world.users["secretariat"])
    session = opening_session(world)
    motion(world, session)
    with django_assert_max_num_queries(8) as few:
        assert len(presidium.all(_base(world))) == 1
    for n in range(4):
        motion(world, session, title=f"Nội dung {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        rows = presidium.all(_base(world), {"state": "draft"})
    assert len(rows) == 5 and rows[0]["kind_label"]


def test_a_present_delegate_votes_once_while_the_vote_is_open(delegate_world):
    world = delegate_world
    session = opening_session(world)
    open_motion = motion(world, session, opened=True)
    delegate = ApiClient(world.users["delegate"])
    mine = f"/congresses/{world.congress.pk}/my-votes/"

    absent = delegate.post(f"{mine}{open_motion.pk}/", {"choice": "yes"})
    assert absent.status_code == 400
    assert "chưa được điểm danh" in absent.json()["detail"]

    check_in(world, session, world.delegate)
    bad = delegate.post(f"{mine}{open_motion.pk}/", {"choice": "maybe"})
    assert bad.status_code == 400
    assert bad.json()["errors"]["choice"] == [
        "Xin chọn Tán thành, Không tán thành hoặc Không biểu quyết."
    ]
    voted = delegate.post(f"{mine}{open_motion.pk}/", {"choice": "yes"})
    assert voted.status_code == 200, voted.content
    assert voted.json()["has_voted"] is True
    open_motion.refresh_from_db()
    assert open_motion.yes_count == 1
    assert Participation.objects.filter(motion=open_motion, delegate=world.delegate).exists()
    again = delegate.post(f"{mine}{open_motion.pk}/", {"choice": "no"})
    assert again.status_code == 400
    assert "Mỗi đại biểu chỉ biểu quyết một lần" in again.json()["detail"]

    listed = delegate.get(mine)
    assert listed.status_code == 200
    assert [(m["id"], m["has_voted"]) for m in listed.json()] == [(open_motion.pk, True)]
    assert delegate.get(f"{mine}{open_motion.pk}/").json()["has_voted"] is True
    # Staff accounts have no ballot; a draft is no ballot either.
    assert ApiClient(world.users["secretariat"]).get(mine).status_code == 404
    draft = motion(world, session, title="Chưa mở")
    assert delegate.get(f"{mine}{draft.pk}/").status_code == 404
