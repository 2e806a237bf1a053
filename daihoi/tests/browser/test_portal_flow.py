import pytest
from captcha.models import CaptchaStore

from daihoi.portal.models import Moderation, Submission
from daihoi.portal.tests.helpers import open_public
from daihoi.testing.factories import PASSWORD, build_world

from .conftest import login, logout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _solve_captcha(page) -> None:
    """Reads the picture's answer from the captcha store, as the person reads the picture."""
    key = page.get_attribute("input[name=captcha_0]", "value")
    page.fill("input[name=captcha_1]", CaptchaStore.objects.get(hashkey=key).response)


def test_a_citizen_comments_on_a_draft_section_from_a_phone_and_an_editor_approves(
    phone_page, live_server
):
    page = phone_page
    world = build_world()
    public = open_public(world)
    portal = f"{live_server.url}/cong-thong-tin/{world.congress.pk}/"

    # A citizen, not logged in, on a 375 px screen.
    page.goto(portal)
    page.click("text=Góp ý dự thảo")
    page.click(f"text={public.title}")
    assert "Điều 3" in page.content()
    page.click(
        "#muc-{} ~ p >> text=Góp ý mục này".format(public.draft.sections.get(label="Điều 3").pk)
    )
    assert page.locator("h1").inner_text().startswith("Điều 3")
    page.fill("input[name=name]", "Trần Thị Bình")
    page.fill("input[name=email]", "binh@example.vn")
    page.select_option("select[name=sender]", label="Nhân dân")
    page.fill("textarea[name=text]", "Đề nghị quy định thêm chế độ họp bất thường khi cần.")
    _solve_captcha(page)
    page.click("button:has-text('Gửi góp ý')")
    page.wait_for_load_state("networkidle")
    assert "sẽ được đăng sau khi Ban biên tập duyệt" in page.content()
    assert "họp bất thường" not in page.locator("#da-dang").locator("..").inner_text()
    # Nothing overflows the phone's width.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    submission = Submission.objects.get()
    assert submission.status == Moderation.PENDING

    # The congress's editor approves it from the moderation queue.
    login(page, live_server, "editor", PASSWORD)
    page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/cong-thong-tin/")
    page.click("nav >> text=Kiểm duyệt ý kiến")
    page.click("text=Góp ý dự thảo")
    assert "binh@example.vn" in page.content()
    page.check(f"#chon-{submission.pk}")
    page.select_option("select[name=decision]", label="Duyệt")
    page.click("button:has-text('Thực hiện')")
    page.wait_for_load_state("networkidle")
    assert "Đã xử lý 1 ý kiến." in page.content()
    logout(page)

    # Everyone reads it now under the section, without the sender's e-mail.
    section = public.draft.sections.get(label="Điều 3")
    page.goto(f"{portal}gop-y/{public.pk}/y-kien/?muc={section.pk}")
    published = page.locator("#da-dang").locator("..").inner_text()
    assert "họp bất thường" in published and "Trần Thị Bình" in published
    assert "binh@example.vn" not in page.content()
    submission.refresh_from_db()
    assert submission.status == Moderation.APPROVED
