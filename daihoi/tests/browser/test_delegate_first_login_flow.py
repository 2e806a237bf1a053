"""A delegate on a 375 px phone signs in with the password printed on their login slip, is
asked for a password of their own before anything else, sets it and reaches their area."""

import pytest

from daihoi.delegates.services.accounts import delegate_slips_issue
from daihoi.programme.tests.helpers import secretariat
from daihoi.testing.factories import build_world

from .conftest import login, logout, replace_slip_password

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_delegate_replaces_the_slip_password_on_a_phone(phone_page, live_server):
    world = build_world(with_delegate=True)
    (slip,) = delegate_slips_issue(access=secretariat(world), delegates=[world.delegate])
    page = phone_page
    page.set_default_timeout(30000)

    login(page, live_server, slip.username, slip.password)
    assert "/tai-khoan/doi-mat-khau/" in page.url
    assert "Đồng chí đang dùng mật khẩu in trên phiếu đăng nhập." in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    # Another page is not reachable yet.
    page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/dai-bieu/toi/")
    assert "/tai-khoan/doi-mat-khau/" in page.url

    page.fill("input[name=old_password]", slip.password)
    page.fill("input[name=new_password1]", "123")
    page.fill("input[name=new_password2]", "123")
    page.click("button:has-text('Đổi mật khẩu')")
    page.wait_for_load_state("networkidle")
    assert "quá ngắn" in page.content()

    replace_slip_password(page, slip.password, "Sam-Ngoc-Linh-1")
    assert page.url.endswith(f"/dai-hoi/{world.congress.pk}/dai-bieu/toi/")
    assert "Đã đổi mật khẩu." in page.content()
    assert "Đồng chí A Thị Liên" in page.content()

    logout(page)
    login(page, live_server, slip.username, slip.password)
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in page.content()
    login(page, live_server, slip.username, "Sam-Ngoc-Linh-1")
    assert page.url.endswith(f"/dai-hoi/{world.congress.pk}/dai-bieu/toi/")
