"""A delegate votes from a phone: once, a second copy of the ballot is refused, and the result
shows once the presidium closes the vote."""

import pytest
from playwright.sync_api import expect

from daihoi.programme.tests.helpers import opening_session
from daihoi.testing.factories import PASSWORD, build_world
from daihoi.voting import services
from daihoi.voting.models import Motion
from daihoi.voting.tests.helpers import check_in, motion, presidium

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_present_delegate_votes_once_on_a_phone_and_sees_the_result_after_closing(
    browser, phone_page, live_server
):
    world = build_world(with_delegate=True)
    session = opening_session(world)
    check_in(world, session, world.delegate)
    m = motion(world, session, opened=True)
    base = f"{live_server.url}/dai-hoi/{world.congress.pk}/chuong-trinh/bieu-quyet"

    login(phone_page, live_server, "daibieu", PASSWORD)
    phone_page.goto(f"{base}/cua-toi/")
    phone_page.click("text=Biểu quyết ngay")
    # A second copy of the ballot, opened before the first vote (a double tap, another tab).
    second = phone_page.context.new_page()
    second.goto(phone_page.url)
    phone_page.click("button.ballot-yes")
    expect(phone_page.locator("#ballot-state")).to_contain_text("Đồng chí đã biểu quyết")
    second.click("button.ballot-no")
    expect(second.locator(".messages")).to_contain_text("chỉ biểu quyết một lần")
    second.close()
    m.refresh_from_db()
    assert (m.yes_count, m.no_count) == (1, 0)
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "the ballot fits the phone's width"

    services.motion_close(access=presidium(world), motion=Motion.objects.get(pk=m.pk))
    phone_page.reload()
    expect(phone_page.locator("#ballot-state")).to_contain_text("Biểu quyết đã kết thúc")
    expect(phone_page.locator("#ballot-state")).to_contain_text("Được thông qua")
    expect(phone_page.locator("#ballot-state")).to_contain_text("100,00%")
