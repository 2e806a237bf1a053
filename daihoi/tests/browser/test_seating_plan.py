"""The seating plan in a real browser: automatic seating by delegation, a seat given by hand
from the plan, a seat refused when taken, the plan printed without controls, and a phone."""

import pytest

from daihoi.delegates.models import Delegate, Delegation
from daihoi.logistics import services
from daihoi.logistics.models import Block
from daihoi.logistics.tests.helpers import accesses, hall_with_blocks, roster
from daihoi.testing.factories import PASSWORD, build_world

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
M, F = Delegate.Gender.MALE, Delegate.Gender.FEMALE
KT = "Đoàn Đảng bộ thành phố Kon Tum"
DG = "Đoàn Đảng bộ huyện Đăk Glei"


def setting(world):
    roster(world, ("A Lâm", M, KT), ("Y Ngọc", F, KT), ("A Hơ", M, DG), ("Y Hoa", F, DG))
    hall = hall_with_blocks(world, ("Khối A", 2, 3), ("Khối B", 2, 3))
    staff = accesses(world)["secretariat"]
    services.block_delegations_set(
        access=staff,
        block=Block.objects.get(name="Khối A"),
        delegations=[Delegation.objects.get(name=KT)],
    )
    return hall


def test_staff_seat_delegations_automatically_and_by_hand_then_print_the_plan(page, live_server):
    world = build_world()
    hall = setting(world)
    login(page, live_server, "secretariat", PASSWORD)
    base = f"{live_server.url}/dai-hoi/{world.congress.pk}/hau-can"
    page.goto(f"{base}/cho-ngoi/")
    page.click(f"text={hall.name}")
    assert page.locator(".hall-block").count() == 2
    page.on("dialog", lambda dialog: dialog.accept())
    page.click("button:has-text('Xếp chỗ tự động')")
    page.wait_for_load_state("networkidle")
    assert "Đã xếp tự động 2 chỗ ngồi" in page.locator(".messages").inner_text()
    block_a = page.locator("[data-block='Khối A']")
    assert "A Lâm" in block_a.locator("[data-seat='1-1']").inner_text()
    assert "Y Ngọc" in block_a.locator("[data-seat='1-2']").inner_text()

    # Đăk Glei has no block yet: A Hơ is seated by hand from a free seat of Khối B.
    page.locator("[data-block='Khối B'] [data-seat='2-3'] a").click()
    page.select_option("select[name=delegate]", label=f"A Hơ — {DG}")
    page.click("button:has-text('Lưu')")
    page.wait_for_load_state("networkidle")
    assert "A Hơ" in page.locator("[data-block='Khối B'] [data-seat='2-3']").inner_text()

    # The same seat for Y Hoa is refused with the reason, nothing saved.
    page.goto(page.url.split("?")[0].rstrip("/") + "/xep-cho/")
    page.select_option("select[name=delegate]", label=f"Y Hoa — {DG}")
    page.select_option("select[name=block]", label="Khối B")
    page.fill("input[name=row]", "2")
    page.fill("input[name=number]", "3")
    page.click("button:has-text('Lưu')")
    assert "Ghế Khối B, hàng 2, ghế 3 đã có đại biểu A Hơ ngồi." in page.content()

    page.goto(f"{base}/cho-ngoi/{hall.pk}/")
    page.emulate_media(media="print")
    assert not page.locator("nav.nav").is_visible()
    assert not page.locator("button:has-text('Xếp chỗ tự động')").is_visible()
    assert page.locator("#hall-plan").is_visible()
    assert page.locator(".hall-stage").is_visible()
    assert page.pdf(format="A4", landscape=True).startswith(b"%PDF")


def test_a_member_reads_the_plan_on_a_phone_without_the_page_overflowing(phone_page, live_server):
    world = build_world()
    hall = setting(world)
    services.seats_auto(access=accesses(world)["secretariat"], hall=hall)
    login(phone_page, live_server, "member", PASSWORD)
    phone_page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/hau-can/cho-ngoi/{hall.pk}/")
    assert "A Lâm" in phone_page.locator("[data-block='Khối A'] [data-seat='1-1']").inner_text()
    assert phone_page.locator("button:has-text('Xếp chỗ tự động')").count() == 0
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 380, width
