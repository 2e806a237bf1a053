"""The secretariat invites an agency's officer by e-mail; the officer opens the mailed link, sets
a password and is signed in. The steps (`invite_officer`, `accept_invitation`) are functions so
a longer flow (setting up a congress from nothing) can chain them."""

import pytest
from django.utils import timezone

from daihoi.accounts.models import Invitation
from daihoi.testing.factories import PASSWORD, build_world
from daihoi.testing.mail import link_in, run_worker, sent_to

from .conftest import login, logout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

INVITE_PREFIX = "/tai-khoan/loi-moi/"


def invite_officer(page, base: str, agency: str, email: str, name: str) -> None:
    """From "Tài khoản" in the menu: invites `name` as the focal officer of `agency` (its label
    in the list); ends on the new account's page."""
    page.goto(base + "/")
    page.click("nav >> text=Tài khoản")
    page.click("text=+ Mời người dùng")
    page.fill("input[name=full_name]", name)
    page.fill("input[name=email]", email)
    page.select_option("select[name=role]", "agency")
    page.select_option("select[name=agency]", label=agency)
    page.click("button:has-text('Tạo tài khoản và gửi thư mời')")
    page.wait_for_load_state("networkidle")
    assert "thư mời đặt mật khẩu đang được gửi" in page.content()
    assert "Chờ đặt mật khẩu" in page.content()


def invitation_link(live_server, email: str) -> str:
    """Runs the background worker, which mails the invitation, and reads the link from it."""
    run_worker()
    return live_server.url + link_in(sent_to(email)[-1], INVITE_PREFIX)


def accept_invitation(page, link: str, password: str) -> None:
    """Opens the mailed link, sets the password and lands signed in."""
    page.goto(link)
    page.fill("input[name=new_password1]", password)
    page.fill("input[name=new_password2]", password)
    page.click("button:has-text('Đặt mật khẩu và đăng nhập')")
    page.wait_for_load_state("networkidle")
    assert "Đã đặt mật khẩu" in page.content()


def test_the_secretariat_invites_an_officer_who_sets_a_password_from_the_mail(page, live_server):
    world = build_world()
    base = f"{live_server.url}/dai-hoi/{world.congress.pk}"
    login(page, live_server, "secretariat", PASSWORD)
    invite_officer(
        page, base, "Sở Văn hóa, Thể thao và Du lịch", "dau.moi.svh@kontum.gov.vn", "Y Hương"
    )
    logout(page)

    link = invitation_link(live_server, "dau.moi.svh@kontum.gov.vn")
    assert "Sở Văn hóa, Thể thao và Du lịch" in sent_to("dau.moi.svh@kontum.gov.vn")[0].body
    accept_invitation(page, link, "Van-hoa-2025!")
    assert "Nhiệm vụ của đơn vị" in page.content()  # signed in, as the agency's officer
    logout(page)

    # The link worked once; the password signs in from the login page.
    page.goto(link)
    assert "đã được dùng để đặt mật khẩu" in page.content()
    login(page, live_server, "dau.moi.svh@kontum.gov.vn", "Van-hoa-2025!")
    assert "Y Hương" in page.content()


def test_an_expired_invitation_link_says_so_in_vietnamese(page, live_server):
    world = build_world()
    base = f"{live_server.url}/dai-hoi/{world.congress.pk}"
    login(page, live_server, "secretariat", PASSWORD)
    invite_officer(page, base, "Công an tỉnh", "tre.han@kontum.gov.vn", "Nguyễn Trễ Hạn")
    link = invitation_link(live_server, "tre.han@kontum.gov.vn")
    Invitation.objects.update(expires_at=timezone.now())
    logout(page)
    page.goto(link)
    assert "Liên kết đã hết hạn" in page.content()
    assert page.locator("input[name=new_password1]").count() == 0
