"""A delegate on a 375 px phone registers to speak at the opening session from their own area
and sees their place in the list of speakers."""

import pytest

from daihoi.programme.tests.helpers import opening_session, secretariat
from daihoi.speeches.models import Speech
from daihoi.speeches.tests.helpers import delegates, register
from daihoi.testing.factories import PASSWORD, build_world

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_delegate_registers_to_speak_on_a_phone_and_sees_their_place(phone_page, live_server):
    world = build_world(with_delegate=True)
    access = secretariat(world)
    session = opening_session(world)
    (before,) = delegates(access, 1)
    register(access, session, before)
    page = phone_page
    page.set_default_timeout(30000)

    login(page, live_server, "daibieu", PASSWORD)
    page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/dai-bieu/toi/")
    page.click("main >> text=Đăng ký phát biểu")
    page.click("text=Phiên khai mạc")
    page.fill("input[name=topic]", "Phát triển cây dược liệu dưới tán rừng")
    page.fill("textarea[name=summary]", "Ba đề xuất về giống, vốn và thị trường.")
    page.click("button:has-text('Gửi đăng ký')")
    page.wait_for_load_state("networkidle")

    body = page.content()
    assert "Đã gửi đăng ký phát biểu tới Đoàn Chủ tịch." in body
    assert "Thứ tự trong danh sách: <strong>2</strong>" in body
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    speech = Speech.objects.get(delegate=world.delegate)
    assert (speech.source, speech.state) == (Speech.Source.DELEGATE, Speech.State.REQUESTED)
