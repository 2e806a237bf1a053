"""A document received: the secretariat enters it in the register with its file and gives it to
two agencies as a task; the lead agency's officer finds the task with the link back to the
document. A document marked Mật stays invisible to a secretariat colleague not named on it."""

import datetime as dt
import os

import pytest

from daihoi.accounts.models import Role
from daihoi.core.dates import today
from daihoi.documents import services
from daihoi.documents.models import Confidentiality, IncomingDocument
from daihoi.organizations.models import Participation
from daihoi.organizations.permissions import Access
from daihoi.planning.models import Area, Task, TaskAssignment
from daihoi.testing.factories import PASSWORD, UserFactory, build_world

from .conftest import login, logout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUBJECT = "Hướng dẫn tuyên truyền đại hội đảng bộ các cấp"
SECRET = "Phương án nhân sự cấp ủy khóa mới"


def _shot(page, name: str) -> None:
    if shots := os.environ.get("DAIHOI_SCREENSHOTS"):
        page.screenshot(path=f"{shots}/{name}.png", full_page=True)


def test_a_document_received_becomes_a_task_and_a_secret_one_stays_hidden(
    page, live_server, tmp_path
):
    world = build_world()
    btg, svh = world.agencies["btg"], world.agencies["svh"]
    scan = tmp_path / "21-HD-BTGTW.pdf"
    scan.write_bytes(b"%PDF-1.4 huong dan tuyen truyen\n%%EOF")
    base = f"{live_server.url}/dai-hoi/{world.congress.pk}"

    login(page, live_server, "secretariat", PASSWORD)
    page.goto(f"{base}/")
    page.click("nav >> text=Văn bản đến")
    page.click("text=+ Vào sổ văn bản đến")
    page.fill("input[name=received_on]", today().isoformat())
    page.fill("input[name=sender_symbol]", "21-HD/BTGTW")
    page.fill("input[name=issuer_name]", "Ban Tuyên giáo Trung ương")
    page.fill("textarea[name=subject]", SUBJECT)
    page.set_input_files("input[name=file]", str(scan))
    _shot(page, "incoming-form-1280")
    page.click("button:has-text('Lưu')")
    page.wait_for_load_state("networkidle")
    assert f"Văn bản đến số 1/{today().year}" in page.content()
    document = IncomingDocument.objects.get()
    assert document.file_name == "21-HD-BTGTW.pdf"

    page.click("text=Giao xử lý (nhiệm vụ)")
    page.wait_for_load_state("networkidle")
    assert page.input_value("[name=title]") == SUBJECT
    page.fill("[name=title]", "Cụ thể hóa hướng dẫn tuyên truyền của Trung ương")
    page.select_option("select[name=lead_agency]", str(btg.pk))
    page.check(f"input[name=coordinating_agencies][value='{svh.pk}']")
    page.select_option("select[name=area]", Area.PROPAGANDA)
    page.fill("input[name=deadline]", (today() + dt.timedelta(days=14)).strftime("%d/%m/%Y"))
    page.click("button:has-text('Lưu')")
    page.wait_for_load_state("networkidle")
    assert "Đã giao xử lý văn bản đến thành nhiệm vụ" in page.content()
    task = Task.objects.get()
    assert task.incoming_document == document
    assert {(a.agency, a.role) for a in task.assignments.all()} == {
        (btg, TaskAssignment.Role.LEAD),
        (svh, TaskAssignment.Role.COORDINATE),
    }
    logout(page)

    # The lead agency's officer finds the task in the agency's inbox, with the document.
    login(page, live_server, "officer", PASSWORD)
    page.goto(f"{base}/don-vi-cua-toi/")
    page.click("text=Cụ thể hóa hướng dẫn tuyên truyền của Trung ương")
    page.wait_for_load_state("networkidle")
    _shot(page, "incoming-task-1280")
    page.click("a.source-document")
    page.wait_for_load_state("networkidle")
    assert SUBJECT in page.content() and "Tải tệp văn bản" in page.content()
    logout(page)

    # A Mật document named to the committee leader: the registrar's colleague never meets it.
    secretariat = Access(world.users["secretariat"], world.congress, Role.SECRETARIAT)
    secret = services.incoming_register(
        access=secretariat,
        received_on=today(),
        subject=SECRET,
        sender_symbol="15-HD/BTCTW",
        issuer_name="Ban Tổ chức Trung ương",
        confidentiality=Confidentiality.SECRET,
        readers=[world.users["leader"]],
    )
    colleague = UserFactory.create(username="vanthu2")
    Participation.objects.create(
        user=colleague,
        congress=world.congress,
        role=Role.SECRETARIAT,
        agency=world.agencies["vptu"],
    )
    login(page, live_server, "vanthu2", PASSWORD)
    page.goto(f"{base}/van-ban/den/")
    assert SUBJECT in page.content()
    assert SECRET not in page.content() and "15-HD/BTCTW" not in page.content()
    page.fill("input[name=q]", "nhan su")
    page.click("button:has-text('Tìm')")
    page.wait_for_load_state("networkidle")
    assert SECRET not in page.content()
    response = page.goto(f"{base}/van-ban/den/{secret.pk}/")
    assert response is not None and response.status == 404
    logout(page)

    login(page, live_server, "leader", PASSWORD)
    page.goto(f"{base}/van-ban/den/")
    assert SECRET in page.content()
    _shot(page, "incoming-list-1280")
