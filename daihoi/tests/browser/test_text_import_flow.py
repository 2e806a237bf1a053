import pytest

from daihoi.planning.models import Task
from daihoi.testing.factories import PASSWORD, build_world

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Written for this test in the style of a conclusion notice; the deadline "05/10" has no year.
NOTICE = (
    "Ngày 14/9/2020, đồng chí Nguyễn Hữu Hải, Phó Chủ tịch Thường trực UBND tỉnh, Trưởng Tiểu "
    "ban chủ trì cuộc họp Tiểu ban Tổ chức phục vụ Đại hội.\n\n"
    "Kết luận cuộc họp, đồng chí Trưởng Tiểu ban đề nghị Ban Tuyên giáo Tỉnh ủy chủ trì, phối "
    "hợp với Sở VH-TT&DL và Công an tỉnh tổ chức trang trí, tuyên truyền trực quan trên các "
    "tuyến phố chính trước ngày 05/10. Sở Tài chính chủ động tham mưu bố trí kinh phí phục vụ "
    "Đại hội. Văn phòng Tỉnh ủy chuẩn bị hội trường, nơi ăn nghỉ cho đại biểu."
)


def test_officer_pastes_a_notice_corrects_a_row_and_confirms_the_tasks(page, live_server):
    world = build_world()
    login(page, live_server, "secretariat", PASSWORD)
    page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/tieu-ban/{world.committee.pk}/")
    page.click("text=Nhập từ văn bản")
    page.fill("textarea[name=text]", NOTICE)
    page.click("button:has-text('Đọc văn bản')")
    page.wait_for_selector("text=Xem lại nhiệm vụ đề xuất")

    rows = page.locator(".import-row:not(template .import-row)")
    assert rows.count() == 5
    assert page.locator("mark").count() >= 3
    # The coordinating "Sở VH-TT&DL" matched the registry despite the abbreviation.
    svh = rows.filter(has_text="Trong văn bản: Sở VH-TT&DL")
    assert svh.locator("select[name$='-agency']").input_value() == str(world.agencies["svh"].pk)

    # Correct one row: the finance task gets a date and goes to the right area.
    finance = rows.filter(has_text="Trong văn bản: Sở Tài chính")
    finance.locator("input[name$='-deadline']").fill("25/09/2020")
    finance.locator("textarea[name$='-task']").fill("Tham mưu bố trí kinh phí phục vụ Đại hội")
    page.fill("input[name=place]", "Phòng họp Tỉnh ủy")
    page.click("button:has-text('Xác nhận, tạo nhiệm vụ')")
    page.wait_for_selector("text=Đã tạo 3 nhiệm vụ từ văn bản")

    tasks = {t.lead_agency.name: t for t in Task.objects.all()}
    assert set(tasks) == {"Ban Tuyên giáo Tỉnh ủy", "Sở Tài chính", "Văn phòng Tỉnh ủy"}
    decor = tasks["Ban Tuyên giáo Tỉnh ủy"]
    assert decor.deadline is not None
    assert decor.deadline.isoformat() == "2020-10-05"
    assert {a.agency.name for a in decor.partner_assignments} == {
        "Sở Văn hóa, Thể thao và Du lịch",
        "Công an tỉnh",
    }
    finance_task = tasks["Sở Tài chính"]
    assert finance_task.title == "Tham mưu bố trí kinh phí phục vụ Đại hội"
    assert finance_task.deadline is not None
    assert finance_task.deadline.isoformat() == "2020-09-25"
    assert "chủ động tham mưu bố trí kinh phí" in finance_task.source_text
