"""The presidium's helpers run the list of speakers at a desktop: a paper registration is
approved, the next speaker is called from the board, and the live list shows who speaks."""

import pytest
from playwright.sync_api import expect

from daihoi.programme.tests.helpers import opening_session, secretariat
from daihoi.speeches.models import Speech
from daihoi.speeches.tests.helpers import delegates, register
from daihoi.testing.factories import PASSWORD, build_world

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_presidium_approves_a_paper_registration_and_calls_the_next_speaker(page, live_server):
    world = build_world()
    access = secretariat(world)
    session = opening_session(world)
    first, second = delegates(access, 2)
    register(access, session, first, topic="Phát triển cây sâm Ngọc Linh")
    register(access, session, second, topic="Giảm nghèo bền vững")
    login(page, live_server, "secretariat", PASSWORD)
    base = f"{live_server.url}/dai-hoi/{world.congress.pk}"
    page.goto(f"{base}/phat-bieu/phien/{session.pk}/")
    row = page.locator("li.speech", has_text="Y Ngọc")
    row.get_by_role("button", name="Lên trên").click()
    expect(page.locator("li.speech").first).to_contain_text("Y Ngọc")
    approve = page.locator("li.speech", has_text="Y Ngọc").get_by_role(
        "button", name="Duyệt", exact=True
    )
    approve.click()
    expect(page.locator("li.speech", has_text="Y Ngọc")).to_contain_text("Đã duyệt")

    page.goto(f"{base}/chuong-trinh/dieu-hanh/?phien={session.pk}")
    page.get_by_role("button", name="Mời phát biểu").click()
    expect(page.locator(".messages")).to_contain_text("Mời đồng chí Y Ngọc phát biểu.")
    expect(page.locator("#board .speaking-name")).to_have_text("Y Ngọc")
    page.fill("#board input[name=minutes]", "8")
    page.locator("#board").get_by_role("button", name="Đã phát biểu").click()
    expect(page.locator(".messages")).to_contain_text("Đã ghi nhận đại biểu đã phát biểu.")
    page.goto(f"{base}/chuong-trinh/dieu-hanh/?phien={session.pk}")
    page.get_by_role("button", name="Mời phát biểu").click()
    expect(page.locator(".messages")).to_contain_text("Còn 1 đăng ký chờ duyệt")
    delivered = Speech.objects.get(delegate=second)
    assert (delivered.state, delivered.minutes) == (Speech.State.DELIVERED, 8)
