import datetime as dt

import pytest

from daihoi.consultation.models import Comment, Consultation
from daihoi.core.dates import today
from daihoi.testing.factories import PASSWORD, build_world

from .conftest import login, logout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Dự thảo Quy chế làm việc của Tiểu ban Tổ chức phục vụ Đại hội"
BODY = "\n".join(
    [
        "Điều 1. Phạm vi điều chỉnh",
        "Quy chế quy định chế độ làm việc của Tiểu ban.",
        "Điều 2. Chế độ họp",
        "Tiểu ban họp mỗi tháng một lần.",
    ]
)


def _comment(page, live_server, username, consultation_url, fill):
    login(page, live_server, username, PASSWORD)
    page.goto(consultation_url)
    page.click("a.btn:has-text('Gửi ý kiến góp ý')")
    fill(page)
    page.click("button:has-text('Gửi ý kiến')")
    page.wait_for_load_state("networkidle")
    assert "Đã gửi ý kiến góp ý." in page.content()
    logout(page)


def test_a_draft_commented_by_two_agencies_is_synthesised_and_adopted(page, live_server, tmp_path):
    world = build_world()
    deadline = today() + dt.timedelta(days=7)

    login(page, live_server, "secretariat", PASSWORD)
    page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/")
    page.click("nav >> text=Lấy ý kiến dự thảo")
    page.click("text=+ Gửi dự thảo lấy ý kiến")
    page.fill("input[name=title]", TITLE)
    page.select_option("select[name=drafting_agency]", label="Văn phòng Tỉnh ủy")
    page.fill("textarea[name=body]", BODY)
    page.fill("input[name=deadline]", deadline.isoformat())
    page.check("label:has-text('Ban Tuyên giáo Tỉnh ủy') input[name=agencies]")
    page.check("label:has-text('Sở Tài chính') input[name=agencies]")
    page.click("button:has-text('Gửi lấy ý kiến')")
    page.wait_for_load_state("networkidle")
    assert "Đã gửi dự thảo lấy ý kiến." in page.content()
    assert page.locator("#answers tr.waiting").count() == 2
    consultation_url = page.url
    logout(page)

    def on_article_2(p):
        p.fill(
            "label:has-text('Điều 2') ~ textarea", "Đề nghị họp hai tuần một lần khi gần Đại hội."
        )

    def on_the_whole(p):
        p.fill("textarea[name=whole]", "Đề nghị bổ sung điều khoản về kinh phí.")

    _comment(page, live_server, "officer", consultation_url, on_article_2)
    _comment(page, live_server, "officer2", consultation_url, on_the_whole)

    # Ban Tuyên giáo sees its own comment only, not Sở Tài chính's.
    login(page, live_server, "officer", PASSWORD)
    page.goto(consultation_url)
    assert "họp hai tuần một lần" in page.content()
    assert "điều khoản về kinh phí" not in page.content()
    logout(page)

    login(page, live_server, "secretariat", PASSWORD)
    page.goto(consultation_url)
    assert page.locator("#answers tr.answered").count() == 2
    accepted = page.locator("#comments tr", has_text="họp hai tuần một lần")
    accepted.locator("select[name=resolution]").select_option("accepted")
    accepted.locator("textarea[name=reason]").fill("Bổ sung vào Điều 2.")
    accepted.locator("button:has-text('Lưu')").click()
    page.wait_for_load_state("networkidle")
    assert "Đã ghi nhận: tiếp thu." in page.content()
    explained = page.locator("#comments tr", has_text="điều khoản về kinh phí")
    explained.locator("select[name=resolution]").select_option("explained")
    explained.locator("textarea[name=reason]").fill("Kinh phí đã quy định trong Kế hoạch.")
    explained.locator("button:has-text('Lưu')").click()
    page.wait_for_load_state("networkidle")
    assert "Đã ghi nhận: giải trình." in page.content()

    with page.expect_download() as download:
        page.click("a:has-text('Bảng tổng hợp ý kiến (DOCX)')")
    saved = tmp_path / "tong-hop.docx"
    download.value.save_as(saved)
    assert saved.read_bytes()[:2] == b"PK"

    page.click("a.btn:has-text('Thông qua bản cuối cùng')")
    page.fill("textarea[name=body]", BODY.replace("mỗi tháng một lần", "hai tuần một lần"))
    page.fill("textarea[name=note]", "Thông qua tại phiên họp của Tiểu ban.")
    page.click("button:has-text('Thông qua')")
    page.wait_for_load_state("networkidle")
    assert "Đã thông qua bản cuối cùng." in page.content()
    assert "Đã thông qua" in page.locator(".badge").first.inner_text()
    page.click(".draft-chain >> text=Bản thông qua")
    assert "hai tuần một lần" in page.content()
    assert "Dự thảo lần 1" in page.locator(".draft-chain").inner_text()

    consultation = Consultation.objects.get(title=TITLE)
    assert consultation.status == Consultation.Status.ADOPTED
    assert sorted(Comment.objects.values_list("resolution", flat=True)) == [
        "accepted",
        "explained",
    ]


def test_consultation_pages_fit_a_phone_screen(phone_page, live_server):
    world = build_world()
    from daihoi.consultation.tests.helpers import consultation_objects

    ids = consultation_objects(world)
    login(phone_page, live_server, "secretariat", PASSWORD)
    base = f"{live_server.url}/dai-hoi/{world.congress.pk}/lay-y-kien/"
    for path in ["", "them/", f"{ids['consultation_id']}/", f"{ids['consultation_id']}/thong-qua/"]:
        phone_page.goto(base + path)
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, (path, width)
