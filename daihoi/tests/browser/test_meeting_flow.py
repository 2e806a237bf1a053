import datetime as dt
import io

import pytest
from docx import Document as Docx

from daihoi.core.dates import today
from daihoi.planning.models import Task
from daihoi.testing.factories import PASSWORD, build_world

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_meeting_from_invitation_to_notice_with_tasks_on_the_dashboard(page, live_server, tmp_path):
    world = build_world()
    world.congress.opening_date = today() + dt.timedelta(days=40)
    world.congress.save()
    base = f"{live_server.url}/dai-hoi/{world.congress.pk}"
    # Yesterday: the meeting has taken place by the time it is recorded and its notice issued.
    # The date field is the browser's picker, filled as the standard says: ISO yyyy-mm-dd.
    meeting_date = (today() - dt.timedelta(days=1)).isoformat()

    login(page, live_server, "secretariat", PASSWORD)
    page.goto(f"{base}/cuoc-hop/them/?committee={world.committee.pk}")
    page.fill("input[name=title]", "Phiên họp thứ hai Tiểu ban Tổ chức phục vụ")
    page.fill("input[name=date]", meeting_date)
    page.fill("input[name=start_time]", "08:00")
    page.fill("input[name=end_time]", "10:30")
    page.fill("input[name=place]", "Hội trường A, Tỉnh ủy")
    page.select_option("select[name=chair]", str(world.chair.pk))
    page.check(f"input[name=invited_agencies][value='{world.agencies['btg'].pk}']")
    page.check(f"input[name=invited_agencies][value='{world.agencies['stc'].pk}']")
    page.fill("textarea[name=agenda]", "Kiểm điểm tiến độ chuẩn bị")
    page.click("button:has-text('Lưu')")
    page.wait_for_load_state("networkidle")
    assert "Đã lên lịch cuộc họp" in page.content()

    page.click("text=Điểm danh, biên bản")
    page.check(f"input[name=p{world.chair.pk}][value=present]")
    page.fill("textarea[name=minutes]", "Tiểu ban nghe các cơ quan báo cáo.")
    page.click("button:has-text('Lưu')")
    page.wait_for_load_state("networkidle")

    conclusions = [
        "Ban Tuyên giáo Tỉnh ủy hoàn thành treo pano trên các tuyến phố chính.",
        "Sở Tài chính bố trí kinh phí in tài liệu Đại hội.",
        "Các thành viên kịp thời báo cáo vướng mắc về Tiểu ban.",
    ]
    for text in conclusions:
        page.fill("#conclusions textarea[name=text]", text)
        page.click("#conclusions button:has-text('Thêm kết luận')")
        page.wait_for_selector(f"#conclusions td:has-text('{text[:30]}')")

    for lead, area in [("btg", "propaganda"), ("stc", "finance")]:
        page.click("#conclusions a:has-text('Giao thành nhiệm vụ') >> nth=0")
        page.select_option("select[name=lead_agency]", str(world.agencies[lead].pk))
        page.fill("input[name=deadline]", "D-10")
        page.select_option("select[name=area]", area)
        page.click("button:has-text('Giao nhiệm vụ')")
        page.wait_for_load_state("networkidle")
    assert page.locator("#conclusions a:has-text('Giao thành nhiệm vụ')").count() == 1

    page.click("text=Ra thông báo kết luận")
    page.select_option("select[name=issuer]", str(world.agencies["vptu"].pk))
    page.select_option("select[name=signer]", str(world.chair.pk))
    page.fill("input[name=signer_title]", "Trưởng Tiểu ban")
    page.click("button:has-text('Ban hành')")
    page.wait_for_load_state("networkidle")
    assert "Đã ban hành văn bản số" in page.content()

    page.click("dd a:has-text('Số')")  # the notice in the registry
    with page.expect_download() as download_info:
        page.click("a:has-text('DOCX')")
    path = tmp_path / "thong-bao.docx"
    download_info.value.save_as(path)
    text = "\n".join(p.text for p in Docx(io.BytesIO(path.read_bytes())).paragraphs)
    assert conclusions[0] in text and "THÔNG BÁO" in text

    page.goto(f"{base}/")
    section = page.locator("#open-conclusions")
    assert section.locator("a:has-text('Ban Tuyên giáo Tỉnh ủy hoàn thành treo pano')").count() == 1
    assert section.locator("a:has-text('Sở Tài chính bố trí kinh phí')").count() == 1
    assert Task.objects.filter(conclusion__isnull=False).count() == 2
