import datetime as dt

import pytest

from daihoi.core.dates import today
from daihoi.planning import services
from daihoi.planning.models import AppraisalRound, AppraisalState, Area, Phase, Task
from daihoi.testing.factories import PASSWORD, build_world

from .conftest import login, logout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def give_opinion(page, decision: str, opinion: str) -> None:
    page.check(f"input[name=decision][value={decision}]")
    page.fill("textarea[name=opinion]", opinion)
    page.click("button:has-text('Gửi ý kiến thẩm định')")
    page.wait_for_load_state("networkidle")


def test_an_appraisal_returned_then_approved_lets_the_lead_report_completion(
    page, live_server, tmp_path
):
    from daihoi.organizations.permissions import ADMIN, Access

    world = build_world()
    task = services.task_create(
        access=Access(world.admin, world.congress, ADMIN),
        fields=services.TaskFields(
            title="Xây dựng dự toán kinh phí tổ chức Đại hội",
            lead_agency=world.agencies["btg"],
            appraising_agency=world.agencies["stc"],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
            deadline=today() + dt.timedelta(days=10),
        ),
    )
    base = f"{live_server.url}/dai-hoi/{world.congress.pk}"
    draft = tmp_path / "du-toan.pdf"
    draft.write_bytes(b"%PDF-1.4 du toan kinh phi\n%%EOF")

    # The lead cannot report completion yet, and is told why.
    login(page, live_server, "officer", PASSWORD)
    page.goto(f"{base}/nhiem-vu/{task.pk}/")
    assert "đơn vị thẩm định thông qua" in page.locator("#completion-note").inner_text()
    page.click("text=Báo cáo tiến độ")
    assert page.locator("input[name=reports_completion]").count() == 0
    assert "Chưa báo cáo hoàn thành được." in page.content()

    # It submits its product with a file.
    page.goto(f"{base}/nhiem-vu/{task.pk}/")
    page.click("#appraisal-submit-link")
    page.fill("textarea[name=text]", "Dự toán kinh phí tổ chức Đại hội, bản dự thảo")
    page.set_input_files("input[name=attachments]", str(draft))
    page.click("button:has-text('Gửi thẩm định')")
    page.wait_for_load_state("networkidle")
    assert "Chờ thẩm định" in page.locator("#appraisal").inner_text()
    assert "du-toan.pdf" in page.locator("#appraisal-round-1").inner_text()
    logout(page)

    # The appraising agency finds it in Hôm nay and returns it with a comment.
    login(page, live_server, "officer2", PASSWORD)
    page.goto(f"{base}/hom-nay/")
    page.click("a.today-figure:has-text('Chờ đơn vị thẩm định')")
    page.click(f"text={task.title}")
    page.click("#appraisal-decide-link")
    give_opinion(page, "returned", "Tách riêng chi phí in ấn tài liệu; đối chiếu định mức")
    assert "Thẩm định trả lại" in page.locator("#appraisal").inner_text()
    logout(page)

    # The lead reads the opinion, still cannot complete, and resubmits.
    login(page, live_server, "officer", PASSWORD)
    page.goto(f"{base}/nhiem-vu/{task.pk}/")
    assert "Tách riêng chi phí in ấn tài liệu" in page.locator("#appraisal-round-1").inner_text()
    assert page.locator("#completion-note").count() == 1
    page.click("#appraisal-submit-link")
    page.fill("textarea[name=text]", "Đã tách chi phí in ấn và đối chiếu định mức")
    page.click("button:has-text('Gửi thẩm định')")
    page.wait_for_load_state("networkidle")
    logout(page)

    # The appraising agency approves the second round.
    login(page, live_server, "officer2", PASSWORD)
    page.goto(f"{base}/nhiem-vu/{task.pk}/tham-dinh/y-kien/")
    give_opinion(page, "approved", "Thống nhất dự toán")
    logout(page)

    # Now the lead reports the task complete.
    login(page, live_server, "officer", PASSWORD)
    page.goto(f"{base}/nhiem-vu/{task.pk}/")
    assert page.locator("#completion-note").count() == 0
    assert "Đã thẩm định, thông qua" in page.locator("#appraisal").inner_text()
    page.click("text=Báo cáo tiến độ")
    page.fill("textarea[name=text]", "Dự toán đã được thẩm định và trình ký")
    page.fill("input[name=percent]", "100")
    page.check("input[name=reports_completion]")
    page.click("button:has-text('Gửi báo cáo')")
    page.wait_for_load_state("networkidle")

    task = Task.objects.get(pk=task.pk)
    assert task.reported_complete_on is not None
    assert task.appraisal_state == AppraisalState.APPROVED
    assert list(
        AppraisalRound.objects.filter(task=task).order_by("number").values_list("state", flat=True)
    ) == [AppraisalState.RETURNED, AppraisalState.APPROVED]
