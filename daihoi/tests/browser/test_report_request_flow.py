import datetime as dt

import pytest
from django.urls import NoReverseMatch, reverse

from daihoi.core.dates import today
from daihoi.reporting.models import ReportSubmission
from daihoi.testing.factories import PASSWORD, build_world

from .conftest import login, logout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Báo cáo số liệu phục vụ xây dựng Báo cáo chính trị"


def _notification_centre() -> str | None:
    try:
        return reverse("notifications:list")
    except NoReverseMatch:
        return None


def test_secretariat_asks_for_a_report_and_sees_the_agency_send_it_on_time(page, live_server):
    world = build_world()
    deadline = today() + dt.timedelta(days=5)

    login(page, live_server, "secretariat", PASSWORD)
    page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/")
    page.click("nav >> text=Báo cáo")
    page.click("text=+ Yêu cầu báo cáo")
    page.fill("input[name=title]", TITLE)
    page.fill("input[name=deadline]", deadline.isoformat())  # the browser's date picker
    page.fill("textarea[name=instructions]", "Gửi về Văn phòng Tỉnh ủy trước hạn.")
    page.check("label:has-text('Ban Tuyên giáo Tỉnh ủy') input")
    page.fill("textarea[name=columns]", "Số đảng viên | số")
    page.click("button:has-text('Gửi yêu cầu')")
    page.wait_for_load_state("networkidle")
    assert "Đã gửi yêu cầu báo cáo tới 1 cơ quan, đơn vị." in page.content()
    assert page.locator("#state-counts .waiting .n").inner_text() == "1"
    logout(page)

    login(page, live_server, "officer", PASSWORD)
    centre = _notification_centre()
    if centre is not None:
        page.goto(live_server.url + centre)
        assert TITLE in page.content()
    page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/")
    page.click("nav >> text=Báo cáo")
    page.click(f"#submission-rows >> text={TITLE}")
    page.click("a.btn:has-text('Gửi báo cáo')")
    page.fill("textarea[name=text]", "Toàn Đảng bộ có 1.234 đảng viên.")
    page.fill("input[name=value_0]", "1.234")
    page.click("button:has-text('Gửi báo cáo')")
    page.wait_for_load_state("networkidle")
    assert "Đã gửi báo cáo." in page.content()
    assert page.locator("[data-state=on_time]").first.is_visible()
    logout(page)

    login(page, live_server, "secretariat", PASSWORD)
    page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/bao-cao/")
    page.click(f"text={TITLE}")
    row = page.locator("#submission-rows tr[data-agency=BTGTU]")
    assert row.locator("[data-state=on_time]").inner_text() == "Đã gửi đúng hạn"
    assert "1.234" in row.inner_text()
    assert page.locator("#state-counts .on_time .n").inner_text() == "1"
    submission = ReportSubmission.objects.get(request__title=TITLE)
    assert submission.submitted_on == today() and submission.status == "submitted"


def test_report_pages_fit_a_phone_screen(phone_page, live_server):
    world = build_world()
    login(phone_page, live_server, "secretariat", PASSWORD)
    for path in ["", "tong-hop/", "danh-gia/", "canh-bao/", "nhiem-vu/nhap/", "yeu-cau/them/"]:
        phone_page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/bao-cao/{path}")
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, (path, width)
