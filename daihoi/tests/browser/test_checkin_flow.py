"""Check-in at the gate on a 375 px phone: by name, and by a photo of the badge's QR code."""

import datetime as dt

import pytest
import segno
from django.utils import timezone
from playwright.sync_api import expect

from daihoi.accounts.models import Role
from daihoi.delegates.models import Duty
from daihoi.delegates.services.checkin import session_create
from daihoi.delegates.tests.helpers import make_delegate, make_delegation
from daihoi.delegates.tests.test_checkin import issue_badge
from daihoi.organizations.permissions import Access
from daihoi.testing.factories import PASSWORD, build_world

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _gate_world():
    world = build_world()
    access = Access(world.users["secretariat"], world.congress, Role.SECRETARIAT)
    delegation = make_delegation(access)
    delegate = make_delegate(access, delegation, full_name="Rơ Chăm Long", gender="male")
    make_delegate(access, delegation, full_name="Y Ngọc")
    session = session_create(
        access=access,
        name="Phiên khai mạc",
        starts_at=timezone.make_aware(dt.datetime(2020, 10, 14, 7, 30)),
    )
    Duty.objects.create(congress=world.congress, user=world.users["member"], kind="gate")
    return world, delegate, session


def test_gate_staff_find_a_delegate_by_name_and_check_him_in(phone_page, live_server):
    world, delegate, session = _gate_world()
    login(phone_page, live_server, "member", PASSWORD)
    phone_page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/dai-bieu/diem-danh/")
    phone_page.fill("input[name=q]", "cham long")
    button = phone_page.locator("#hits [data-delegate]")
    expect(button).to_have_count(1)
    button.click()
    result = phone_page.locator("#result")
    expect(result).to_have_attribute("data-status", "ok")
    expect(result).to_contain_text("Rơ Chăm Long")
    expect(phone_page.locator("#hits")).to_contain_text("đã điểm danh")
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "the gate page fits a 375 px phone"
    assert delegate.check_ins.filter(session=session).count() == 1


def test_a_photo_of_the_qr_code_checks_in_and_a_second_photo_says_already(
    phone_page, live_server, tmp_path
):
    world, delegate, session = _gate_world()
    code = issue_badge(delegate)
    picture = tmp_path / "the.png"
    segno.make(code, error="m").save(str(picture), scale=8, border=4)
    forged = tmp_path / "gia.png"
    segno.make("DHDB1:khong-co-that-nay", error="m").save(str(forged), scale=8, border=4)
    login(phone_page, live_server, "member", PASSWORD)
    phone_page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/dai-bieu/diem-danh/")
    result = phone_page.locator("#result")
    phone_page.set_input_files("#qr-photo", str(picture))
    expect(result).to_have_attribute("data-status", "ok")
    expect(result).to_contain_text("Rơ Chăm Long")
    phone_page.set_input_files("#qr-photo", str(picture))
    expect(result).to_have_attribute("data-status", "again")
    phone_page.set_input_files("#qr-photo", str(forged))
    expect(result).to_have_attribute("data-status", "refused")
    expect(result).not_to_contain_text("Rơ Chăm Long")
    assert delegate.check_ins.filter(session=session).count() == 1
