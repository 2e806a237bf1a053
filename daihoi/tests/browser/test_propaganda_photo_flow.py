"""A propaganda item's photo proof sent from a phone: the agency's officer, on a 375 px screen,
takes the photo (the file input asks for the camera), sends it, marks the item installed, and
the page shows the picture with the time and place the camera wrote."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from daihoi.propaganda.models import ItemPhoto, ItemState, VisualItem
from daihoi.propaganda.tests.helpers import make_item
from daihoi.testing.factories import PASSWORD, build_world
from daihoi.testing.photos import jpeg_bytes

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_sends_photo_proof_from_a_phone_and_sees_when_and_where(phone_page, live_server):
    world = build_world()
    item = make_item(world, location="Quảng trường 16 tháng 3")
    login(phone_page, live_server, "officer", PASSWORD)
    phone_page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/tuyen-truyen/muc/{item.pk}/")
    expect(phone_page.locator("h1")).to_contain_text("Quảng trường 16 tháng 3")

    camera = phone_page.locator("#photos input[type=file][name=photo]")
    assert camera.get_attribute("capture") == "environment"
    assert camera.get_attribute("accept") == "image/*"
    photo = jpeg_bytes(
        taken_at=dt.datetime(2020, 10, 1, 7, 20), latitude=14.3531, longitude=108.0050
    )
    camera.set_input_files({"name": "IMG_0412.jpg", "mimeType": "image/jpeg", "buffer": photo})
    phone_page.click("#photos button[type=submit]")
    phone_page.wait_for_load_state("networkidle")

    expect(phone_page.locator(".messages")).to_contain_text("Đã lưu ảnh minh chứng")
    caption = phone_page.locator("#photos figcaption").first
    expect(caption).to_contain_text("Chụp lúc 07:20 01/10/2020")
    expect(caption).to_contain_text("Nơi chụp: 14.353100, 108.005000")
    picture = phone_page.locator("#photos figure img").first
    expect(picture).to_be_visible()
    assert picture.evaluate("img => img.complete && img.naturalWidth") == 96

    phone_page.click("#state-actions button:has-text('Đã lắp đặt')")
    phone_page.wait_for_load_state("networkidle")
    expect(phone_page.locator("h1 + p .badge").first).to_have_text("Đã lắp đặt")
    expect(phone_page.locator(".history")).to_contain_text("Thêm ảnh minh chứng")

    # Nothing is wider than the phone's screen.
    width = phone_page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= 375, width
    assert ItemPhoto.objects.get().item_id == item.pk
    assert VisualItem.objects.get(pk=item.pk).state == ItemState.INSTALLED


def test_a_routes_printed_list_scrolls_inside_a_phone_and_prints_whole(phone_page, live_server):
    world = build_world()
    item = make_item(world, location="Dọc tuyến, cột điện chiếu sáng từ ngã tư đến cầu Đắk Bla")
    login(phone_page, live_server, "officer", PASSWORD)
    url = f"{live_server.url}/dai-hoi/{world.congress.pk}/tuyen-truyen/tuyen/{item.route_id}/in/"
    phone_page.goto(url)
    expect(phone_page.locator("#route-items")).to_contain_text("cầu Đắk Bla")
    # The table is wider than the phone: it scrolls inside its box, the page does not.
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 375
    wrap = phone_page.locator(".pp-print-wrap")
    assert wrap.evaluate("el => el.scrollWidth > el.clientWidth")
    phone_page.emulate_media(media="print")
    assert phone_page.locator("th.print-only").is_visible()
    assert wrap.evaluate("el => getComputedStyle(el).overflowX") == "visible"
