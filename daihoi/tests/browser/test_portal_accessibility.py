"""The public portal read by Chromium as a reader (no login) would: every picture has a
description, every field a label, headings in order under one h1, text dark enough on its
background (WCAG AA, 4.5:1), nothing wider than a phone, and the printed page without the menu
or the comment form."""

from pathlib import Path

import pytest

from daihoi.portal.tests.helpers import open_public, published_article
from daihoi.testing.factories import build_world
from daihoi.testing.files import png_upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The checks as one function for page.evaluate (the file's leading comment left out).
_SOURCE = (Path(__file__).parent / "portal_audit.js").read_text().splitlines()
AUDIT = "\n".join(line for line in _SOURCE if not line.startswith("//"))


def _audit(page, url: str) -> list[str]:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page.evaluate(AUDIT)


def test_the_public_pages_pass_the_readers_checks_on_a_phone_and_a_desktop(
    page, phone_page, live_server
):
    world = build_world()
    article = published_article(world, image=png_upload())
    public = open_public(world)
    section = public.draft.sections.get(label="Điều 3")
    portal = f"{live_server.url}/cong-thong-tin/{world.congress.pk}/"
    urls = [
        portal,
        f"{portal}bai-viet/{article.pk}/",
        f"{portal}bai-viet/{article.pk}/binh-luan/",
        f"{portal}chuyen-muc/{article.category_id}/",
        f"{portal}trang/chuong-trinh/",
        f"{portal}gop-y/",
        f"{portal}gop-y/{public.pk}/",
        f"{portal}gop-y/{public.pk}/y-kien/?muc={section.pk}",
    ]
    for browser_page in (phone_page, page):
        for url in urls:
            assert _audit(browser_page, url) == [], url

    # The article's comment form is loaded into the page and has every field labelled.
    phone_page.goto(f"{portal}bai-viet/{article.pk}/")
    phone_page.wait_for_selector("#binh-luan form")
    assert phone_page.evaluate(AUDIT) == []
    assert phone_page.locator("#binh-luan img.captcha").get_attribute("alt") != ""


def test_the_printed_article_leaves_out_the_menu_and_the_comment_form(page, live_server):
    world = build_world()
    article = published_article(world)
    page.goto(f"{live_server.url}/cong-thong-tin/{world.congress.pk}/bai-viet/{article.pk}/")
    page.wait_for_selector("#binh-luan form")
    page.emulate_media(media="print")
    assert page.locator(".portal-nav").is_hidden()
    assert page.locator("#binh-luan").is_hidden()
    assert page.locator("article h1").is_visible()
    assert page.locator("article").inner_text().count("Đoạn thứ") == 2
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
