"""Two stations of the counting board enter the same paper ballots in two browsers, one at a
desk (keyboard: number, the names' numbers, Enter) and one on a 375 px phone; they read ballot
1 differently, both are told to enter it again, and the second pair agrees."""

import pytest
from playwright.sync_api import expect

from daihoi.ballots import selectors
from daihoi.ballots.tests.helpers import election_with_board
from daihoi.testing.factories import PASSWORD, build_world

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def patient():
    """Two browsers and the live server share a loaded machine: wait longer than usual."""
    expect.set_options(timeout=30_000)
    yield
    expect.set_options(timeout=5_000)


def test_two_stations_resolve_a_ballot_they_read_differently(
    page, phone_page, live_server, patient
):
    page.set_default_timeout(60_000)
    phone_page.set_default_timeout(60_000)
    world = build_world()
    election = election_with_board(world, collected=2)
    url = f"{live_server.url}/dai-hoi/{world.congress.pk}/chuong-trinh/kiem-phieu/{election.pk}/"
    desk, phone = page, phone_page
    login(desk, live_server, "member", PASSWORD)  # station A
    login(phone, live_server, "leader", PASSWORD)  # station B

    # Station A reaches its desk from the programme's tab and types ballot 1: Cường, Dũng out.
    desk.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/chuong-trinh/")
    desk.click("nav.tabs >> text=Kiểm phiếu")
    desk.click(f"text={election.title}")
    desk.click("text=Nhập phiếu (tổ A)")
    desk.fill("input[name=number]", "1")
    desk.locator("input[name=positions]").press_sequentially("3 4")
    expect(desk.locator("input[name=crossed]:checked")).to_have_count(2)
    desk.keyboard.press("Enter")
    expect(desk.locator(".messages")).to_contain_text("chờ tổ B nhập")
    expect(desk.locator("input[name=number]")).to_have_value("2")

    # Station B, on a phone, ticks Bình and Dũng instead: a mismatch.
    phone.goto(url + "nhap-phieu/")
    phone.fill("input[name=number]", "1")
    phone.click("label.ballot-name >> text=Trần Thị Bình")
    phone.click("label.ballot-name >> text=Phạm Đức Dũng")
    expect(phone.locator("input[name=positions]")).to_have_value("2 4")
    phone.click("text=Lưu, phiếu tiếp theo")
    expect(phone.locator(".messages")).to_contain_text("lệch với tổ A")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375

    # Station A's desk learns of it without reloading; both re-enter after checking the paper.
    expect(desk.locator("#entry-status .reenter")).to_contain_text("Phiếu số 1", timeout=40_000)
    desk.click("#entry-status >> text=Phiếu số 1")
    expect(desk.locator("input[name=number]")).to_have_value("1")
    desk.locator("input[name=positions]").press_sequentially("3 4")
    desk.keyboard.press("Enter")
    expect(desk.locator(".messages")).to_contain_text("chờ tổ B nhập")
    assert selectors.tally_of(election).agreed == 0

    phone.click("#entry-status >> text=Phiếu số 1")
    phone.fill("input[name=positions]", "3 4")
    phone.click("text=Lưu, phiếu tiếp theo")
    expect(phone.locator(".messages")).to_contain_text("khớp với tổ A")

    tally = selectors.tally_of(election)
    assert (tally.entered, tally.agreed, tally.mismatched) == (1, 1, [])
    assert [line.votes for line in tally.lines] == [1, 1, 0, 0]  # An and Bình left

    # A number the station has already entered is refused with a clear message.
    desk.goto(url + "nhap-phieu/")
    desk.fill("input[name=number]", "1")
    desk.keyboard.press("Enter")
    expect(desk.locator(".has-error")).to_contain_text("Tổ A đã nhập phiếu số 1")
