"""Setting up a congress from nothing in the browser: the congress, its agencies from an XLSX
file, and an agency group then offered where tasks are given.

The steps are helper functions (`create_congress`, `import_agencies`, `create_group`) so a longer
flow (committees, members, invitations) can chain them."""

import pytest

from daihoi.organizations.models import Agency, AgencyGroup, Congress
from daihoi.organizations.tests.helpers import KON_TUM_ROWS, agency_sheet
from daihoi.testing.factories import PASSWORD, UserFactory

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CONGRESS = {
    "name": "Đại hội đại biểu Đảng bộ tỉnh Kon Tum",
    "organization": "Đảng bộ tỉnh Kon Tum",
    "ordinal": "16",
    "term_start": "2025",
    "term_end": "2030",
    "venue": "Hội trường 25/4, thành phố Kon Tum",
    "place_name": "Kon Tum",
}


def create_congress(page, live_server, fields: dict[str, str] = CONGRESS) -> str:
    """From the congress chooser, creates a congress; returns its base URL (…/dai-hoi/<id>)."""
    page.goto(f"{live_server.url}/?chon=1")
    page.click("a:has-text('Tạo Đại hội mới')")
    for name, value in fields.items():
        page.fill(f"input[name={name}]", value)
    page.select_option("select[name=level]", "province")
    page.select_option("select[name=document_rules]", "party")
    page.fill("input[name=opening_date]", "2025-09-24")
    page.fill("input[name=closing_date]", "2025-09-26")
    page.click("button:has-text('Tạo Đại hội')")
    page.wait_for_load_state("networkidle")
    assert "Đã tạo Đại hội" in page.content()
    return page.url.removesuffix("/thiet-lap/")


def import_agencies(page, base: str, sheet_path) -> None:
    """Uploads an agency sheet, checks the preview and saves it."""
    page.goto(f"{base}/thiet-lap/co-quan/")
    page.click("a:has-text('Nhập từ Excel')")
    page.set_input_files("input[name=file]", str(sheet_path))
    page.click("button:has-text('Xem trước')")
    page.wait_for_selector("#preview")
    assert not page.query_selector("#import-errors")
    page.click("button[name=confirm]")
    page.wait_for_load_state("networkidle")
    assert "Đã thêm" in page.content()


def create_group(page, base: str, name: str, members: list[str]) -> None:
    """Creates an agency group from the group pages, ticking the members by name."""
    page.goto(f"{base}/thiet-lap/nhom/")
    page.click("a:has-text('Tạo nhóm')")
    page.fill("input[name=name]", name)
    for member in members:
        page.check(f"label:has-text('{member}') input[name=agencies]")
    page.click("button:has-text('Lưu')")
    page.wait_for_load_state("networkidle")
    assert "Đã lưu nhóm" in page.content()


def test_a_congress_is_set_up_from_nothing(page, live_server, tmp_path):
    UserFactory.create(username="quantri", is_superuser=True, is_staff=True)
    sheet = tmp_path / "co-quan.xlsx"
    sheet.write_bytes(agency_sheet(KON_TUM_ROWS).read())

    login(page, live_server, "quantri", PASSWORD)
    base = create_congress(page, live_server)
    congress = Congress.objects.get()
    assert congress.full_title.endswith("lần thứ XVI, nhiệm kỳ 2025–2030")
    assert "24/09/2025" in page.content()

    import_agencies(page, base, sheet)
    assert Agency.objects.filter(congress=congress).count() == len(KON_TUM_ROWS)
    assert "Huyện ủy Đắk Hà" in page.inner_text("#agencies")

    create_group(page, base, "Các cơ quan tỉnh", ["Sở Tài chính tỉnh Kon Tum", "Huyện ủy Đắk Hà"])
    group = AgencyGroup.objects.get(congress=congress)
    assert {a.name for a in group.agencies.all()} == {
        "Sở Tài chính tỉnh Kon Tum",
        "Huyện ủy Đắk Hà",
    }

    # The group is offered as one wherever a task's agencies are chosen.
    page.goto(f"{base}/nhiem-vu/them/")
    assert page.is_visible(f"input[name=coordinating_agencies][value='g{group.pk}']")
