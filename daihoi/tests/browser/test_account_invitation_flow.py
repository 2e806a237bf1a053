import pytest
from django.utils import timezone

from daihoi.accounts.models import Invitation
from daihoi.testing.factories import PASSWORD, build_world
from daihoi.testing.mail import link_in, run_worker, sent_to

from .conftest import login, logout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

INVITE_PREFIX = "/tai-khoan/loi-moi/"


def invite_officer(page, base, world, email, name):
    page.goto(f"{base}/tai-khoan/moi/")
    page.fill("input[name=full_name]", name)
    page.fill("input[name=email]", email)
    page.select_option("select[name=role]", "agency")
    page.select_option("select[name=agency]", str(world.agencies["svh"].pk))
    page.click("button:has-text('Tạo tài khoản và gửi thư mời')")
    page.wait_for_load_state("networkidle")
    assert "thư mời đặt mật khẩu đang được gửi" in page.content()
    assert "Chờ đặt mật khẩu" in page.content()


def test_the_secretariat_invites_an_officer_who_sets_a_password_from_the_mail(page, live_server):
    world = build_world()
    base = f"{live_server.url}/dai-hoi/{world.congress.pk}"
    login(page, live_server, "secretariat", PASSWORD)
    page.click("nav >> text=Tài khoản")
    page.click("text=+ Mời người dùng")
    invite_officer(page, base, world, "dau.moi.svh@kontum.gov.vn", "Y Hương")
    logout(page)

    run_worker()  # the background worker mails the invitation
    message = sent_to("dau.moi.svh@kontum.gov.vn")[0]
    assert "Sở Văn hóa, Thể thao và Du lịch" in message.body
    page.goto(live_server.url + link_in(message, INVITE_PREFIX))
    assert "dau.moi.svh@kontum.gov.vn" in page.content()
    page.fill("input[name=new_password1]", "Van-hoa-2025!")
    page.fill("input[name=new_password2]", "Van-hoa-2025!")
    page.click("button:has-text('Đặt mật khẩu và đăng nhập')")
    page.wait_for_load_state("networkidle")
    assert "Đã đặt mật khẩu" in page.content()
    assert "Nhiệm vụ của đơn vị" in page.content()  # signed in, as the agency's officer
    logout(page)

    # The link worked once; the password signs in from the login page.
    page.goto(live_server.url + link_in(message, INVITE_PREFIX))
    assert "đã được dùng để đặt mật khẩu" in page.content()
    login(page, live_server, "dau.moi.svh@kontum.gov.vn", "Van-hoa-2025!")
    assert "Y Hương" in page.content()


def test_an_expired_invitation_link_says_so_in_vietnamese(page, live_server):
    world = build_world()
    base = f"{live_server.url}/dai-hoi/{world.congress.pk}"
    login(page, live_server, "secretariat", PASSWORD)
    invite_officer(page, base, world, "tre.han@kontum.gov.vn", "Nguyễn Trễ Hạn")
    run_worker()
    Invitation.objects.update(expires_at=timezone.now())
    logout(page)
    page.goto(live_server.url + link_in(sent_to("tre.han@kontum.gov.vn")[0], INVITE_PREFIX))
    assert "Liên kết đã hết hạn" in page.content()
    assert page.locator("input[name=new_password1]").count() == 0
