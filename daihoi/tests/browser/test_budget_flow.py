import pytest

from daihoi.budget.models import Estimate
from daihoi.budget.tests.helpers import approved_estimate_with_spending, make_norm
from daihoi.testing.factories import PASSWORD, build_world

from .conftest import login, logout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_agency_estimate_over_the_norm_is_returned_fixed_and_approved(page, live_server):
    world = build_world()
    norm = make_norm(world)  # DM01: at most 200.000 đ per person per day
    base = f"{live_server.url}/dai-hoi/{world.congress.pk}/kinh-phi/"

    login(page, live_server, "officer", PASSWORD)
    page.click("nav >> text=Kinh phí")
    page.click("text=Lập dự trù kinh phí")
    page.fill("input[name=title]", "Dự trù kinh phí tuyên truyền Đại hội")
    page.click("button:has-text('Lưu')")
    page.wait_for_load_state("networkidle")
    page.fill("input[name=content]", "Bồi dưỡng cộng tác viên tuyên truyền")
    page.select_option("select[name=norm]", str(norm.pk))
    page.fill("input[name=quantity]", "10")
    page.fill("input[name=unit_price]", "250.000")
    page.fill("textarea[name=notes]", "Cộng tác viên ở huyện xa")
    page.click("button:has-text('Thêm khoản chi')")
    page.wait_for_load_state("networkidle")
    assert page.locator("#lines .badge:has-text('Vượt định mức')").is_visible()
    assert page.locator("[data-total=requested] .n").inner_text() == "2.500.000 đ"
    page.click("button:has-text('Gửi Sở Tài chính')")
    page.wait_for_load_state("networkidle")
    assert "Đã gửi dự trù tới Sở Tài chính" in page.content()
    logout(page)

    login(page, live_server, "officer2", PASSWORD)
    # Finance learns of the estimate in the notification centre, like of every other event.
    page.goto(f"{live_server.url}/thong-bao/")
    assert "Ban Tuyên giáo Tỉnh ủy gửi dự trù 2.500.000 đ, 1 khoản vượt định mức" in page.content()
    page.goto(base + "tong-hop/")
    page.click("#by-agency >> text=Ban Tuyên giáo Tỉnh ủy")
    page.fill("textarea[name=comment]", "Đơn giá vượt định mức, đề nghị điều chỉnh về 200.000 đ")
    page.click("button:has-text('Trả lại')")
    page.wait_for_load_state("networkidle")
    assert "Đã trả lại dự trù cho đơn vị" in page.content()
    logout(page)

    login(page, live_server, "officer", PASSWORD)
    page.click("nav >> text=Kinh phí")
    page.click("text=Dự trù của đơn vị")
    assert "Đơn giá vượt định mức, đề nghị điều chỉnh" in page.content()
    page.click("#lines >> text=Sửa")
    page.fill("input[name=unit_price]", "200000")
    page.click("button:has-text('Lưu khoản chi')")
    page.wait_for_load_state("networkidle")
    assert page.locator("#lines .badge:has-text('Vượt định mức')").count() == 0
    page.click("button:has-text('Gửi Sở Tài chính')")
    page.wait_for_load_state("networkidle")
    logout(page)

    login(page, live_server, "officer2", PASSWORD)
    page.goto(base + "du-tru/")
    page.click("#estimates >> text=Ban Tuyên giáo Tỉnh ủy")
    page.click("text=Thẩm định")
    page.click("button:has-text('Thẩm định')")
    page.wait_for_load_state("networkidle")
    assert "Đã thẩm định dự trù" in page.content()
    page.click("nav >> text=Kinh phí")
    assert page.locator("#budget-totals [data-total=approved] .n").inner_text() == "2.000.000 đ"
    assert "Ban Tuyên giáo Tỉnh ủy" in page.locator("#budget-by-agency").inner_text()
    estimate = Estimate.objects.get()
    assert estimate.status == Estimate.Status.APPROVED and estimate.approved_total == 2_000_000


@pytest.mark.parametrize("path", ["", "tong-hop/", "dinh-muc/", "du-tru/{estimate_id}/"])
def test_budget_pages_fit_a_phone_screen(phone_page, live_server, path):
    world = build_world()
    ids = approved_estimate_with_spending(world)
    login(phone_page, live_server, "officer2", PASSWORD)
    phone_page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/kinh-phi/{path.format(**ids)}")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 375
