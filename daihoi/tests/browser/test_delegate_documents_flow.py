"""A delegate on a 375 px phone: logs in with the login slip's password, opens the documents of
a session they are summoned to, downloads one (their name is printed on it) and cannot open a
document of a session they are not summoned to."""

import datetime as dt
import subprocess
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from daihoi.delegates.models import Delegate
from daihoi.delegates.services import accounts
from daihoi.delegates.tests.helpers import make_delegate
from daihoi.materials.tests.helpers import upload
from daihoi.programme import services as programme_services
from daihoi.programme.models import Session
from daihoi.programme.tests.helpers import at, opening_session, secretariat
from daihoi.testing.factories import build_world

from .conftest import login, replace_slip_password

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _pdftotext(content: bytes) -> str:
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "tai-lieu.pdf"
        source.write_bytes(content)
        return subprocess.run(
            ["pdftotext", str(source), "-"], capture_output=True, check=True
        ).stdout.decode()


def test_a_guest_reads_the_opening_documents_and_not_a_working_sessions(phone_page, live_server):
    world = build_world()
    access = secretariat(world)
    guest = make_delegate(
        access, full_name="Rơ Chăm Long", gender="male", kind=Delegate.Kind.GUEST, birth_year=None
    )
    accounts.delegate_account_create(access=access, delegate=guest)
    (slip,) = accounts.delegate_slips_issue(access=access, delegates=[guest])
    opening = opening_session(world)
    day = world.congress.opening_date + dt.timedelta(days=1)
    working = programme_services.session_create(
        access=access,
        fields=programme_services.SessionFields(
            kind=Session.Kind.WORKING,
            title="Phiên thảo luận văn kiện",
            starts_at=at(day, 8),
            ends_at=at(day, 11),
        ),
    )
    speech = upload(world, opening, "Diễn văn khai mạc Đại hội", confidentiality="secret")
    draft = upload(world, working, "Dự thảo Nghị quyết Đại hội")

    login(phone_page, live_server, slip.username, slip.password)
    replace_slip_password(phone_page, slip.password, "Ro-Cham-Long-2025")
    expect(phone_page.locator("h1")).to_contain_text("Rơ Chăm Long")
    phone_page.click(".delegate-links >> text=Tài liệu")
    expect(phone_page.locator("h1")).to_have_text("Tài liệu")
    expect(phone_page.get_by_text("Diễn văn khai mạc Đại hội")).to_be_visible()
    expect(phone_page.get_by_text("Dự thảo Nghị quyết Đại hội")).to_have_count(0)
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page scrolls sideways at 375 px ({width} px)"

    link = phone_page.get_by_text("Diễn văn khai mạc Đại hội").get_attribute("href")
    answer = phone_page.request.get(f"{live_server.url}{link}")
    assert answer.status == 200
    assert {"no-store", "private"} <= set(
        answer.headers["cache-control"].replace(" ", "").split(",")
    )
    text = " ".join(_pdftotext(answer.body()).split())
    assert "Rơ Chăm Long" in text and "MẬT" in text

    forbidden = (
        f"/dai-hoi/{world.congress.pk}/chuong-trinh/tai-lieu/cua-toi/{draft.pk}/tai-lieu.pdf"
    )
    assert phone_page.request.get(f"{live_server.url}{forbidden}").status == 404
    phone_page.goto(f"{live_server.url}{forbidden}")
    expect(phone_page.locator("body")).not_to_contain_text("Dự thảo Nghị quyết")
    assert speech.pk != draft.pk
