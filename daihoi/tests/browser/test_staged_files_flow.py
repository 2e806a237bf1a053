import datetime as dt

import pytest

from daihoi.core.dates import today
from daihoi.core.models import StagedUpload
from daihoi.planning import services as planning_services
from daihoi.planning.models import Area, Attachment, Phase
from daihoi.reporting.tests.helpers import secretariat
from daihoi.testing.factories import PASSWORD, build_world

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_keeps_the_attached_file_after_forgetting_the_report_text(
    page, live_server, tmp_path
):
    world = build_world()
    task = planning_services.task_create(
        access=secretariat(world),
        fields=planning_services.TaskFields(
            title="Biên tập phóng sự chào mừng Đại hội",
            lead_agency=world.agencies["btg"],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
            deadline=today() + dt.timedelta(days=10),
        ),
    )
    minutes = tmp_path / "bien-ban-hop.pdf"
    minutes.write_bytes(b"%PDF-1.4 bien ban\n%%EOF")

    login(page, live_server, "officer", PASSWORD)
    page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/nhiem-vu/{task.pk}/bao-cao/")
    page.fill("input[name=percent]", "50")
    page.set_input_files("input[name=attachments]", str(minutes))
    page.click("button:has-text('Gửi báo cáo')")
    page.wait_for_load_state("networkidle")
    staged = page.locator(".staged-files")
    assert "Tệp đã đính kèm:" in staged.inner_text()
    assert "bien-ban-hop.pdf" in staged.inner_text()
    assert not Attachment.objects.exists()

    page.fill("textarea[name=text]", "Đã quay xong phần hình ảnh.")
    page.click("button:has-text('Gửi báo cáo')")
    page.wait_for_load_state("networkidle")
    assert "Đã gửi báo cáo tiến độ." in page.content()
    assert "bien-ban-hop.pdf" in page.content()
    (attachment,) = Attachment.objects.all()
    assert attachment.original_name == "bien-ban-hop.pdf"
    assert not StagedUpload.objects.exists()
