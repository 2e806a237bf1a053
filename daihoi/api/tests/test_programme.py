"""The programme through the API: sessions, items and script lines kept with their versions,
publishing a release, the printable programme; the pages' rules and Vietnamese messages."""

import datetime as dt

from daihoi.api.models import Scope
from daihoi.core.models import AuditEntry
from daihoi.programme import services
from daihoi.programme.models import Cue, Item, Release, Session
from daihoi.programme.tests.helpers import at, opening_session, secretariat

from .helpers import ApiClient

SESSION_BODY = {
    "kind": "working",
    "title": "Phiên làm việc thứ nhất",
    "date": "15/10/2020",
    "start_time": "08:00",
    "end_time": "11:30",
    "place": "Hội trường Trung tâm Hội nghị tỉnh",
    "presidium": "Đồng chí Bí thư Tỉnh ủy",
}


def _base(world) -> str:
    return f"/congresses/{world.congress.pk}/programme"


def test_the_secretariat_adds_and_edits_a_session_with_its_version(world):
    api = ApiClient(world.users["secretariat"])
    base = _base(world)

    created = api.post(base + "/sessions/", SESSION_BODY)
    assert created.status_code == 201, created.content
    body = created.json()
    session = Session.objects.get(pk=body["id"])
    assert session.title == "Phiên làm việc thứ nhất" and session.audience == "delegates"
    assert body["kind_label"] == "Phiên làm việc" and body["items"] == []
    assert session.checkin_session.name == "Phiên làm việc thứ nhất"
    entry = AuditEntry.objects.filter(action="programme.session_created").latest("id")
    assert entry.data["api_token"] == api.token.prefix

    backwards = api.post(base + "/sessions/", SESSION_BODY | {"end_time": "07:00"})
    assert backwards.status_code == 400
    assert backwards.json()["errors"]["ends_at"] == ["Giờ kết thúc phải sau giờ bắt đầu."]
    far = api.post(base + "/sessions/", SESSION_BODY | {"date": "15/12/2020"})
    assert far.status_code == 400 and "starts_at" in far.json()["errors"]
    blank = api.post(base + "/sessions/", SESSION_BODY | {"date": "", "title": ""})
    assert set(blank.json()["errors"]) >= {"date", "title"}

    path = f"{base}/sessions/{session.pk}/"
    edit = SESSION_BODY | {"title": "Phiên làm việc buổi sáng", "version": body["version"]}
    saved = api.put(path, edit)
    assert saved.status_code == 200, saved.content
    assert saved.json()["title"] == "Phiên làm việc buổi sáng"
    assert saved.json()["version"] == body["version"] + 1
    stale = api.put(path, edit | {"title": "Phiên khác"})
    assert stale.status_code == 409
    session.refresh_from_db()
    assert session.title == "Phiên làm việc buổi sáng"

    assert api.delete(path).status_code == 204
    assert not Session.objects.filter(pk=session.pk).exists()


def test_items_and_script_lines_are_kept_moved_and_deleted(world):
    session = opening_session(world)
    api = ApiClient(world.users["secretariat"])
    base = _base(world)
    salute, speech = session.items.order_by("position")

    listed = api.get(f"{base}/sessions/{session.pk}/items/")
    assert [i["title"] for i in listed.json()] == [salute.title, speech.title]
    assert [c["kind_label"] for c in listed.json()[0]["cues"]] == ["Lời dẫn, phát biểu", "Nhạc"]

    items = f"{base}/sessions/{session.pk}/items/"
    added = api.post(items, {"title": "Báo cáo chính trị", "starts_at": "08:00", "minutes": 45})
    assert added.status_code == 201, added.content
    assert added.json()["position"] == 3 and added.json()["starts_at"] == "08:00:00"
    outside = api.post(items, {"title": "Giải lao", "starts_at": "13:00"})
    assert outside.status_code == 400
    assert outside.json()["errors"]["starts_at"] == [
        "Giờ của mục phải trong giờ của phiên (07:30 – 11:30)."
    ]
    assert "title" in api.post(items, {"minutes": 5}).json()["errors"]

    item_path = f"{base}/items/{added.json()['id']}/"
    edit = {"title": "Báo cáo chính trị của Ban Chấp hành", "version": added.json()["version"]}
    assert api.put(item_path, edit).status_code == 200
    assert api.put(item_path, edit).status_code == 409
    assert Item.objects.get(pk=added.json()["id"]).title == "Báo cáo chính trị của Ban Chấp hành"

    moved = api.post(f"{base}/items/{speech.pk}/move/", {"step": "down"})
    assert moved.status_code == 200, moved.content
    assert [i["id"] for i in moved.json()] == [salute.pk, added.json()["id"], speech.pk]
    last = api.post(f"{base}/items/{speech.pk}/move/", {"step": "down"})
    assert last.status_code == 400 and last.json()["detail"] == "Mục đã ở đầu hoặc cuối phiên."

    cues = f"{base}/items/{salute.pk}/cues/"
    cue = api.post(cues, {"actor": "Bộ phận kỹ thuật", "text": "Chiếu phim", "kind": "film"})
    assert cue.status_code == 201, cue.content
    assert cue.json()["position"] == 3 and cue.json()["kind_label"] == "Phim, hình ảnh"
    wrong = api.post(cues, {"actor": "", "text": "x", "kind": "fireworks"})
    assert set(wrong.json()["errors"]) == {"actor", "kind"}
    cue_path = f"{base}/cues/{cue.json()['id']}/"
    version = cue.json()["version"]
    text = {"actor": "Bộ phận kỹ thuật", "text": "Chiếu phim tài liệu 7 phút", "version": version}
    assert api.put(cue_path, text).json()["text"] == "Chiếu phim tài liệu 7 phút"
    assert api.put(cue_path, text).status_code == 409
    assert api.delete(cue_path).status_code == 204
    assert not Cue.objects.filter(pk=cue.json()["id"]).exists()
    assert api.delete(item_path).status_code == 204
    assert list(session.items.order_by("position").values_list("pk", flat=True)) == [
        salute.pk,
        speech.pk,
    ]


def test_publishing_makes_a_release_read_and_printed_by_the_whole_congress(world):
    session = opening_session(world)
    api = ApiClient(world.users["secretariat"])
    base = _base(world)

    draft = ApiClient(world.users["officer"]).get(base + "/printed/")
    assert draft.status_code == 200 and draft.json()["is_draft"] is True
    assert draft.json()["content"]["days"][0]["date"] == "14/10/2020"

    published = api.post(base + "/releases/", {"note": "Bản đầu tiên"})
    assert published.status_code == 201, published.content
    assert published.json()["number"] == 1 and published.json()["is_current"] is True
    again = api.post(base + "/releases/", {})
    assert again.status_code == 400
    assert again.json()["detail"] == "Chương trình không thay đổi so với bản số 1 đang hiện hành."

    services.item_save(
        access=secretariat(world),
        session=session,
        fields=services.ItemFields(title="Bế mạc phiên", starts_at=dt.time(11, 0)),
    )
    programme = ApiClient(world.users["member"]).get(base + "/")
    assert programme.status_code == 200
    assert programme.json()["changed"] is True and programme.json()["keeper"] is False
    assert programme.json()["current"]["number"] == 1
    assert api.post(base + "/releases/", {"note": "Thêm bế mạc phiên"}).status_code == 201

    printed = api.get(base + "/printed/", {"release": 1})
    assert printed.json()["release"]["number"] == 1
    assert len(printed.json()["content"]["days"][0]["sessions"][0]["items"]) == 2
    current = api.get(base + "/printed/").json()
    assert current["release"]["number"] == 2 and current["is_draft"] is False
    first = api.get(base + "/releases/1/").json()
    assert first["is_current"] is False and first["note"] == "Bản đầu tiên"
    assert [r["number"] for r in api.all(base + "/releases/")] == [2, 1]
    assert api.get(base + "/releases/9/").status_code == 404
    assert Release.objects.filter(congress=world.congress).count() == 2


def test_only_the_keepers_write_and_other_congresses_see_nothing(world):
    session = opening_session(world)
    base = _base(world)
    path = f"{base}/sessions/{session.pk}/"

    officer = ApiClient(world.users["officer"])
    assert officer.get(path).status_code == 200
    refused = officer.post(base + "/sessions/", SESSION_BODY)
    assert refused.status_code == 403
    assert refused.json()["detail"].startswith("Chỉ Thường trực, Văn phòng")
    assert officer.delete(path).status_code == 403
    read_only = ApiClient(world.users["secretariat"], scope=Scope.READ)
    assert read_only.get(path).status_code == 200
    assert read_only.delete(path).status_code == 403

    outsider = ApiClient(world.users["outsider"])
    assert outsider.get(path).status_code == 404
    elsewhere = f"/congresses/{world.other.pk}/programme/sessions/{session.pk}/"
    assert outsider.get(elsewhere).status_code == 404
    assert outsider.delete(elsewhere).status_code == 404
    assert Session.objects.filter(pk=session.pk).exists()


def test_the_lists_cost_the_same_queries_however_long(world, django_assert_max_num_queries):
    session = opening_session(world)
    api = ApiClient(world.users["officer"])
    base = _base(world)
    services.programme_publish(access=secretariat(world), note="Bản 1")

    def more() -> None:
        access = secretariat(world)
        for hour in (13, 15):
            services.session_create(
                access=access,
                fields=services.SessionFields(
                    kind="working",
                    title=f"Phiên làm việc {hour} giờ",
                    starts_at=at(world.congress.opening_date, hour),
                    ends_at=at(world.congress.opening_date, hour + 1),
                ),
            )
            services.item_save(access=access, session=session, fields=services.ItemFields("Mục"))
        services.programme_publish(access=access, note="Bản 2")

    for rounds in range(2):
        with django_assert_max_num_queries(8):
            assert api.get(base + "/sessions/").status_code == 200
        with django_assert_max_num_queries(8):
            assert api.get(base + "/releases/").status_code == 200
        with django_assert_max_num_queries(10):
            assert api.get(f"{base}/sessions/{session.pk}/items/").status_code == 200
        with django_assert_max_num_queries(10):
            assert api.get(f"{base}/sessions/{session.pk}/").status_code == 200
        if not rounds:
            more()
