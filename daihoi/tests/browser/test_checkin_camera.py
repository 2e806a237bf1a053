"""Check-in at the gate with the phone's camera itself: Chromium's fake camera films a badge's QR
code, the page reads it from the video and the gate shows the delegate in green, once."""

import pytest
import segno
from playwright.sync_api import expect

from daihoi.delegates.tests.test_checkin import issue_badge
from daihoi.testing.factories import PASSWORD

from .conftest import CHROMIUM, login
from .test_checkin_flow import _gate_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTH, HEIGHT, SCALE = 640, 480, 8


def film_of(code: str, path) -> None:
    """A few seconds of video (YUV4MPEG2, 4:2:0) of the QR code, black on white."""
    matrix = [bytes(row) for row in segno.make(code, error="m").matrix]
    side = len(matrix) * SCALE
    left, top = (WIDTH - side) // 2, (HEIGHT - side) // 2
    luma = bytearray(b"\xff" * (WIDTH * HEIGHT))
    for y in range(side):
        row = matrix[y // SCALE]
        start = (top + y) * WIDTH + left
        luma[start : start + side] = bytes(0 if row[x // SCALE] else 255 for x in range(side))
    chroma = b"\x80" * (WIDTH * HEIGHT // 2)
    with open(path, "wb") as film:
        film.write(f"YUV4MPEG2 W{WIDTH} H{HEIGHT} F10:1 Ip A1:1 C420jpeg\n".encode())
        for _ in range(20):
            film.write(b"FRAME\n" + bytes(luma) + chroma)


def test_the_camera_films_a_badge_and_the_gate_checks_the_delegate_in_once(
    browser, live_server, tmp_path
):
    world, delegate, session = _gate_world()
    film = tmp_path / "the.y4m"
    film_of(issue_badge(delegate), film)
    # A second Chromium of the same Playwright, started with a fake camera that plays the film.
    camera = browser.browser_type.launch(
        executable_path=CHROMIUM,
        headless=True,
        args=[
            "--no-sandbox",
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
            f"--use-file-for-fake-video-capture={film}",
        ],
    )
    try:
        context = camera.new_context(locale="vi-VN", viewport={"width": 375, "height": 740})
        context.grant_permissions(["camera"], origin=live_server.url)
        page = context.new_page()
        page.set_default_timeout(20000)
        login(page, live_server, "member", PASSWORD)
        page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/dai-bieu/diem-danh/")
        page.click("#camera-start")
        expect(page.locator("#camera")).to_be_visible()
        result = page.locator("#result")
        expect(result).to_have_attribute("data-status", "ok")
        expect(result).to_contain_text("Rơ Chăm Long")
        # The camera keeps filming the same badge: a few seconds later the page sends it again
        # and the gate answers "already" (blue), never a second arrival.
        expect(result).to_have_attribute("data-status", "again", timeout=15000)
        expect(result).to_contain_text("Đã điểm danh")
        assert delegate.check_ins.filter(session=session).count() == 1
        page.click("#camera-start")
        expect(page.locator("#camera")).to_be_hidden()
    finally:
        camera.close()
