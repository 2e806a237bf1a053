"""A delegate on a 375 px phone registers to speak at the opening session from their own area
and sees their place in the list of speakers; they attach their full text as a file."""

import pytest

from daihoi.programme.tests.helpers import opening_session, secretariat
from daihoi.speeches.models import Speech
from daihoi.speeches.tests.helpers import delegates, register, speech_pdf
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


def test_a_delegate_attaches_their_full_text_on_a_phone_and_a_wrong_file_is_refused(
    phone_page, live_server, tmp_path
):
    world = build_world(with_delegate=True)
    session = opening_session(world)
    page = phone_page
    page.set_default_timeout(30000)
    wrong = tmp_path / "tham-luan.txt"
    wrong.write_text("Toàn văn bằng tệp chữ", encoding="utf-8")
    right = tmp_path / "tham-luan.pdf"
    right.write_bytes(speech_pdf().read())

    login(page, live_server, "daibieu", PASSWORD)
    page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/dai-bieu/toi/")
    page.click("main >> text=Đăng ký phát biểu")
    page.click(f"text={session.title}")
    page.fill("input[name=topic]", "Giữ rừng gắn với sinh kế")
    page.fill("textarea[name=summary]", "Ba kiến nghị.")
    page.set_input_files("input[name=text_file]", str(wrong))
    page.click("button:has-text('Gửi đăng ký')")
    page.wait_for_load_state("networkidle")
    assert "chỉ nhận tệp Word (.docx) hoặc PDF" in page.content()
    assert not Speech.objects.filter(delegate=world.delegate).exists()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

    page.set_input_files("input[name=text_file]", str(right))
    page.click("button:has-text('Gửi đăng ký')")
    page.wait_for_load_state("networkidle")
    assert "Đã gửi đăng ký phát biểu tới Đoàn Chủ tịch." in page.content()
    with page.expect_download() as download:
        page.click("text=tham-luan.pdf")
    assert download.value.suggested_filename == "tham-luan.pdf"
    speech = Speech.objects.get(delegate=world.delegate)
    assert speech.text_file_name == "tham-luan.pdf"
