"""Agencies from XLSX: a preview with per-row errors in Vietnamese, then all rows or none."""

import pytest

from daihoi.core.audit import entries_for
from daihoi.organizations.models import Agency, AgencyAction
from daihoi.organizations.services import importing

from .helpers import KON_TUM_ROWS, agency_sheet


def test_a_valid_sheet_creates_every_agency_with_parents_from_the_file(world, secretariat_access):
    result = importing.read_agencies(agency_sheet(KON_TUM_ROWS), world.congress)
    assert result.ok, result.row_errors
    created = importing.agencies_import(access=secretariat_access, rows=result.rows)
    assert len(created) == 4
    office = Agency.objects.select_related("parent").get(name="Văn phòng Tỉnh ủy Kon Tum")
    assert office.parent is not None and office.parent.name == "Tỉnh ủy Kon Tum"
    assert office.code == "VPTU"
    assert Agency.objects.get(name="Sở Tài chính tỉnh Kon Tum").is_finance
    district = Agency.objects.select_related("parent").get(name="Huyện ủy Đắk Hà")
    assert district.parent is not None and district.parent.short_name == "TU"
    entry = entries_for(congress_id=world.congress.pk, action=AgencyAction.IMPORTED).get()
    assert entry.data["count"] == 4


def test_a_parent_from_the_registry_is_found_by_its_short_name(world, secretariat_access):
    sheet = agency_sheet([("Trung tâm Báo chí tỉnh", "", "", "BTGTU", "")])
    result = importing.read_agencies(sheet, world.congress)
    assert result.ok
    importing.agencies_import(access=secretariat_access, rows=result.rows)
    assert Agency.objects.get(name="Trung tâm Báo chí tỉnh").parent == world.agencies["btg"]


@pytest.mark.parametrize(
    ("rows", "error"),
    [
        (
            [*KON_TUM_ROWS, ("tinh uy kon tum", "", "", "", "")],
            "Dòng 6: “tinh uy kon tum” trùng với dòng 2.",
        ),
        ([("Sở Tài chính", "", "", "", "")], "Dòng 2: “Sở Tài chính” đã có trong danh mục"),
        (
            [("Huyện ủy Sa Thầy", "", "", "Tỉnh ủy Gia Lai", "")],
            "Dòng 2: cơ quan cấp trên “Tỉnh ủy Gia Lai” không có trong danh mục",
        ),
        (
            [("Phòng A", "PA", "", "PB", ""), ("Phòng B", "PB", "", "PA", "")],
            "vòng lặp",
        ),
        ([("", "X", "", "", "")], "Dòng 2: thiếu Tên cơ quan, đơn vị."),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_saved(world, secretariat_access, rows, error):
    before = Agency.objects.count()
    result = importing.read_agencies(agency_sheet(rows), world.congress)
    assert not result.ok
    assert any(error in e for e in result.row_errors), result.row_errors
    with pytest.raises(importing.AgencyImportError):
        importing.agencies_import(access=secretariat_access, rows=result.rows)
    assert Agency.objects.count() == before


def test_a_row_added_to_the_registry_after_the_preview_refuses_the_whole_import(
    world, secretariat_access
):
    result = importing.read_agencies(agency_sheet(KON_TUM_ROWS), world.congress)
    Agency.objects.create(congress=world.congress, name="Huyện ủy Đắk Hà")
    with pytest.raises(importing.AgencyImportError) as raised:
        importing.agencies_import(access=secretariat_access, rows=result.rows)
    assert "Dòng 5" in raised.value.errors[0]
    assert not Agency.objects.filter(name="Tỉnh ủy Kon Tum").exists()


def test_a_file_that_is_not_a_spreadsheet_is_refused(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    result = importing.read_agencies(SimpleUploadedFile("a.xlsx", b"hello"), world.congress)
    assert result.errors and "không phải bảng tính" in result.errors[0]


def test_the_import_page_previews_then_saves(world, client):
    client.force_login(world.users["secretariat"])
    url = f"/dai-hoi/{world.congress.pk}/thiet-lap/co-quan/nhap/"
    page = client.post(url, {"file": agency_sheet(KON_TUM_ROWS)})
    assert page.status_code == 200 and not Agency.objects.filter(name="Tỉnh ủy Kon Tum").exists()
    token = page.context["token"]
    response = client.post(url, {"confirm": "1", "rows": token})
    assert response.status_code == 302
    assert Agency.objects.filter(congress=world.congress, name="Tỉnh ủy Kon Tum").exists()
    bad = client.post(url, {"file": agency_sheet([("Sở Tài chính", "", "", "", "")])})
    assert "đã có trong danh mục" in bad.content.decode() and not bad.context["token"]


def test_the_template_downloads_with_the_headers(world, client):
    client.force_login(world.users["secretariat"])
    response = client.get(f"/dai-hoi/{world.congress.pk}/thiet-lap/co-quan/mau.xlsx")
    assert response.status_code == 200 and response.content.startswith(b"PK")
