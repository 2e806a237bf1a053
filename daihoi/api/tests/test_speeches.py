"""Speeches through the API: the presidium's list of speakers run as on its screens (paper
registration, approving, ordering, calling, recording), the board, the printable record, and a
delegate's own registrations; the pages' rules and Vietnamese messages."""

from daihoi.api.models import Scope
from daihoi.core.models import AuditEntry
from daihoi.programme.tests.helpers import opening_session, secretariat
from daihoi.speeches import services
from daihoi.speeches.models import Floor, Speech
from daihoi.speeches.tests.helpers import delegates, register, speech_pdf

from .helpers import ApiClient


def _paths(world, session) -> tuple[str, str]:
    c = f"/congresses/{world.congress.pk}"
    return f"{c}/programme/sessions/{session.pk}/speeches/", f"{c}/speeches/"


def test_the_presidium_registers_approves_calls_and_records_speakers(world):
    session = opening_session(world)
    first, second = delegates(secretariat(world), 2)
    api = ApiClient(world.users["secretariat"])
    queue, speeches = _paths(world, session)

    speakers = api.get(queue + "speakers/").json()
    assert {s["id"] for s in speakers} == {first.pk, second.pk}
    body = {"topic": "Chuyển đổi số", "summary": "Ba giải pháp trọng tâm."}
    missing = api.post_form(queue, body)
    assert missing.status_code == 400 and "delegate" in missing.json()["errors"]
    wrong_file = api.post_form(
        queue, body | {"delegate": first.pk, "text_file": speech_pdf(name="tham-luan.txt")}
    )
    assert wrong_file.status_code == 400
    assert wrong_file.json()["errors"]["text_file"] == [
        "Tệp toàn văn “tham-luan.txt” không nhận: chỉ nhận tệp Word (.docx) hoặc PDF."
    ]
    made = api.post_form(queue, body | {"delegate": first.pk, "text_file": speech_pdf()})
    assert made.status_code == 201, made.content
    speech = Speech.objects.get(pk=made.json()["id"])
    assert speech.source == "paper" and speech.state == "requested" and speech.text_file
    assert made.json()["delegate_name"] == first.full_name
    entry = AuditEntry.objects.filter(action="speech.registered").latest("id")
    assert entry.data["api_token"] == api.token.prefix
    again = api.post_form(queue, body | {"delegate": first.pk})
    assert again.json()["errors"]["delegate"] == [
        "Đại biểu này đã đăng ký phát biểu trong phiên này."
    ]
    other = api.post_form(queue, body | {"delegate": second.pk}).json()

    nobody = api.post(queue + "call-next/")
    assert nobody.status_code == 400
    assert nobody.json()["detail"] == (
        "Không còn đại biểu nào đã được duyệt trong danh sách chờ phát biểu. "
        "Còn 2 đăng ký chờ duyệt."
    )
    for pk in (speech.pk, other["id"]):
        assert api.post(f"{speeches}{pk}/approve/").json()["state"] == "approved"
    moved = api.post(f"{speeches}{other['id']}/move/", {"step": "up"})
    assert [s["id"] for s in moved.json()["waiting"]] == [other["id"], speech.pk]
    called = api.post(queue + "call-next/")
    assert called.json()["id"] == other["id"] and called.json()["state"] == "called"
    busy = api.post(queue + "call-next/")
    assert busy.status_code == 400 and "đang phát biểu" in busy.json()["detail"]
    too_long = api.post(f"{speeches}{other['id']}/deliver/", {"minutes": 500})
    assert too_long.status_code == 400 and "minutes" in too_long.json()["errors"]
    done = api.post(f"{speeches}{other['id']}/deliver/", {"minutes": 8})
    assert done.json()["state"] == "delivered" and done.json()["minutes"] == 8
    declined = api.post(f"{speeches}{speech.pk}/decline/", {"reason": "Hết thời gian"})
    assert declined.json()["state"] == "declined"
    speech.refresh_from_db()
    assert speech.decline_reason == "Hết thời gian"

    text = api.get(f"{speeches}{speech.pk}/text/")
    assert text.status_code == 200 and b"".join(text.streaming_content).startswith(b"%PDF")
    printed = ApiClient(world.users["member"]).get(queue + "delivered/").json()
    assert [s["id"] for s in printed["speeches"]] == [other["id"]]
    assert printed["total_minutes"] == 8
    state = api.get(queue).json()
    assert state["speaking"] is None and state["waiting"] == []
    assert sorted(s["state"] for s in state["done"]) == ["declined", "delivered"]


def test_the_board_shows_the_announced_item_and_the_list(world):
    session = opening_session(world)
    access = secretariat(world)
    first = delegates(access, 1)[0]
    services.speech_approve(access=access, speech=register(access, session, first))
    api = ApiClient(world.users["leader"])
    base = f"/congresses/{world.congress.pk}/board/"
    speech_item = session.items.get(position=2)

    announced = api.post(f"{base}items/{speech_item.pk}/")
    assert announced.status_code == 200, announced.content
    assert Floor.objects.get(congress=world.congress).item_id == speech_item.pk
    entry = AuditEntry.objects.filter(action="floor.item_set").latest("id")
    assert entry.data["api_token"] == api.token.prefix

    shown = api.get(base, {"session": session.pk}).json()
    assert shown["chosen"] is True and shown["announced"] is True
    assert shown["current_item"]["id"] == speech_item.pk
    assert [i["stage"] for i in shown["items"]] == ["past", "current"]
    assert shown["queue"]["approved"] == 1 and shown["queue"]["waiting"][0]["id"]
    refused = ApiClient(world.users["officer"]).get(base)
    assert refused.status_code == 403
    assert refused.json()["detail"].startswith("Chỉ bộ phận giúp việc Đoàn Chủ tịch")


def test_a_delegate_registers_reads_and_withdraws_their_own(delegate_world):
    world = delegate_world
    session = opening_session(world)
    api = ApiClient(world.users["delegate"])
    mine = f"/congresses/{world.congress.pk}/my-speeches/"

    page = api.get(mine).json()
    assert [s["id"] for s in page["sessions"]] == [session.pk] and page["speeches"] == []
    blank = api.post_form(f"{mine}sessions/{session.pk}/", {"topic": ""})
    assert set(blank.json()["errors"]) >= {"topic", "summary"}
    body = {"topic": "Nông thôn mới", "summary": "Kinh nghiệm ở xã biên giới."}
    made = api.post_form(f"{mine}sessions/{session.pk}/", body | {"text_file": speech_pdf()})
    assert made.status_code == 201, made.content
    speech = Speech.objects.get(pk=made.json()["id"])
    assert speech.delegate_id == world.delegate.pk and speech.source == "delegate"
    assert made.json()["ahead"] == 0 and made.json()["session_title"] == session.title
    assert api.get(f"{mine}{speech.pk}/text/").status_code == 200

    # Nobody else reaches the delegate's own: staff and other congresses 404.
    staff = ApiClient(world.users["secretariat"])
    assert staff.get(mine).status_code == 404
    assert staff.post(f"{mine}{speech.pk}/withdraw/").status_code == 404
    read_only = ApiClient(world.users["delegate"], scope=Scope.READ)
    assert read_only.post(f"{mine}{speech.pk}/withdraw/").status_code == 403

    withdrawn = api.post(f"{mine}{speech.pk}/withdraw/")
    assert withdrawn.status_code == 200 and withdrawn.json()["state"] == "withdrawn"
    speech.refresh_from_db()
    assert speech.state == "withdrawn"
    entry = AuditEntry.objects.filter(action="speech.withdrawn").latest("id")
    assert entry.data["api_token"] == api.token.prefix
    late = api.post(f"{mine}{speech.pk}/withdraw/")
    assert late.status_code == 400


def test_other_roles_and_congresses_are_refused(world):
    session = opening_session(world)
    access = secretariat(world)
    speech = register(access, session, delegates(access, 1)[0])
    queue, speeches = _paths(world, session)

    officer = ApiClient(world.users["officer"])
    assert officer.get(queue).status_code == 403
    assert officer.post(f"{speeches}{speech.pk}/approve/").status_code == 403
    assert officer.get(queue + "delivered/").status_code == 200
    read_only = ApiClient(world.users["secretariat"], scope=Scope.READ)
    assert read_only.get(f"{speeches}{speech.pk}/").status_code == 200
    assert read_only.post(f"{speeches}{speech.pk}/approve/").status_code == 403
    outsider = ApiClient(world.users["outsider"])
    elsewhere = f"/congresses/{world.other.pk}/speeches/{speech.pk}/"
    assert outsider.get(elsewhere).status_code == 404
    assert outsider.post(elsewhere + "approve/").status_code == 404
    speech.refresh_from_db()
    assert speech.state == "requested"


def test_the_lists_cost_the_same_queries_however_long(
    delegate_world, django_assert_max_num_queries
):
    world = delegate_world
    session = opening_session(world)
    access = secretariat(world)
    staff = ApiClient(world.users["secretariat"])
    delegate = ApiClient(world.users["delegate"])
    queue, _ = _paths(world, session)
    mine = f"/congresses/{world.congress.pk}/my-speeches/"
    register(access, session, world.delegate)
    people = delegates(access, 5)

    for rounds in range(2):
        with django_assert_max_num_queries(10):
            assert staff.get(queue).status_code == 200
        with django_assert_max_num_queries(10):
            assert staff.get(queue + "delivered/").status_code == 200
        with django_assert_max_num_queries(10):
            assert staff.get(queue + "speakers/").status_code == 200
        with django_assert_max_num_queries(10):
            assert delegate.get(mine).status_code == 200
        with django_assert_max_num_queries(16):
            assert staff.get(f"/congresses/{world.congress.pk}/board/").status_code == 200
        if not rounds:
            for person in people[:3]:
                speech = register(access, session, person)
                services.speech_approve(access=access, speech=speech)
                services.speech_call_next(access=access, session=session)
                services.speech_deliver(access=access, speech=speech, minutes=5)
            register(access, session, people[3])
