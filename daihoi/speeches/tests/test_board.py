"""The presidium's board: the quorum rule, the session and item under way, the live fragment."""

import datetime as dt

import pytest
from django.urls import reverse

from daihoi.programme.board import BoardPanel, board_panels, register_board_panel
from daihoi.programme.tests.helpers import at, opening_session, secretariat

from .. import board, services
from .helpers import delegates, register

pytestmark = pytest.mark.django_db


def test_the_board_says_how_many_more_delegates_the_quorum_needs():
    short = board.Attendance(present=150, summoned=300)
    assert (short.needed, short.valid, short.missing, short.percent) == (200, False, 50, 50)
    enough = board.Attendance(present=200, summoned=300)
    assert (enough.valid, enough.missing) == (True, 0)


def test_the_board_follows_the_clock_until_the_presidium_announces_an_item(world):
    session = opening_session(world)
    items = board.items_of(session)
    day = world.congress.opening_date
    at_7_45 = at(day, 7, 45)
    sessions = board.sessions_of(world.congress)
    assert board.session_now(sessions, None, at_7_45) == session
    by_clock = board.item_now(session, items, None, at_7_45)
    assert (by_clock.item, by_clock.announced) == (items[1], False)
    floor = services.floor_set_item(access=secretariat(world), item=items[0])
    announced = board.item_now(session, items, board.floor_of(world.congress), at_7_45)
    assert (announced.item, announced.announced) == (items[0], True)
    assert floor.item == items[0]
    before = board.item_now(session, items, None, at(day - dt.timedelta(days=1), 9))
    assert before.item is None


def test_between_sessions_the_board_shows_the_next_one(world):
    session = opening_session(world)
    sessions = board.sessions_of(world.congress)
    early = at(world.congress.opening_date, 6, 0)
    assert board.session_now(sessions, None, early) == session


@pytest.fixture
def panel():
    register_board_panel(
        BoardPanel(
            "test-vote",
            "speeches/tests/_panel.html",
            lambda access, s: {"title": s.title if s else ""},
        )
    )
    yield
    from daihoi.programme import board as registry

    registry._panels.pop("test-vote", None)


def test_the_live_board_costs_the_same_few_queries_however_long_the_list(
    world, client, django_assert_max_num_queries
):
    access = secretariat(world)
    session = opening_session(world)
    client.force_login(world.users["secretariat"])
    url = reverse("speeches:board", args=[world.congress.pk]) + f"?phien={session.pk}"
    people = delegates(access, 5)
    with django_assert_max_num_queries(15) as few:
        client.get(url, headers={"HX-Request": "true"})
    for delegate in people:
        services.speech_approve(access=access, speech=register(access, session, delegate))
    services.speech_call_next(access=access, session=session)
    with django_assert_max_num_queries(len(few.captured_queries)):
        live = client.get(url, headers={"HX-Request": "true"})
    body = live.content.decode()
    assert 'id="board"' in body and "<html" not in body
    assert "A Pớt" in body and "Nghi thức chào cờ" in body


def test_a_registered_panel_is_shown_on_the_board(world, client, panel):
    assert "test-vote" in [p.name for p in board_panels()]
    session = opening_session(world)
    client.force_login(world.users["secretariat"])
    page = client.get(reverse("speeches:board", args=[world.congress.pk]) + f"?phien={session.pk}")
    assert "Bảng thử của Phiên khai mạc" in page.content.decode()


def test_announcing_an_item_from_the_board_moves_the_current_item(world, client):
    session = opening_session(world)
    speech_item = session.items.get(position=2)
    client.force_login(world.users["secretariat"])
    reply = client.post(reverse("speeches:board-item", args=[world.congress.pk, speech_item.pk]))
    assert reply.status_code == 302 and reply["Location"].endswith(f"?phien={session.pk}")
    page = client.get(reply["Location"]).content.decode()
    assert "Đoàn Chủ tịch đã chuyển sang mục này." in page
    assert "Diễn văn khai mạc Đại hội" in page


def test_the_board_counts_checked_in_official_delegates_against_the_quorum(world, client):
    from daihoi.delegates.services.checkin import check_in_by_name

    access = secretariat(world)
    session = opening_session(world)
    gate = session.checkin_session  # the programme session's own check-in session
    people = delegates(access, 3)
    for delegate in people[:2]:
        check_in_by_name(access=access, session=gate, delegate=delegate)
    counted = board.attendance_of(session)
    assert counted is not None
    assert (counted.present, counted.summoned, counted.needed, counted.valid) == (2, 3, 2, True)
    client.force_login(world.users["secretariat"])
    page = client.get(reverse("speeches:board", args=[world.congress.pk]) + f"?phien={session.pk}")
    body = page.content.decode()
    assert "2 / 3" in body and "Đủ điều kiện tiến hành" in body
    assert "Không có nội dung nào đang biểu quyết." in body
