"""The agency import through the API: the template, a preview naming each bad row (nothing
saved), the confirmation of the signed rows, all or none; only the secretariat."""

import io

from openpyxl import load_workbook

from daihoi.organizations.models import Agency
from daihoi.organizations.tests.helpers import KON_TUM_ROWS, agency_sheet

from .helpers import ApiClient


def test_the_secretariat_previews_then_confirms_a_sheet_of_agencies(world):
    api = ApiClient(world.users["secretariat"])
    base = f"/congresses/{world.congress.pk}/agency-import/"
    template = api.get(f"{base}template/")
    assert template.status_code == 200
    header = next(load_workbook(io.BytesIO(template.content)).worksheets[0].iter_rows())
    assert header[0].value == "Tên cơ quan, đơn vị"
    before = Agency.objects.count()
    preview = api.post_form(base, {"file": agency_sheet(KON_TUM_ROWS)})
    assert preview.status_code == 200, preview.content
    body = preview.json()
    assert body["ok"] and len(body["rows"]) == 4 and body["token"]
    assert Agency.objects.count() == before
    confirmed = api.post(f"{base}confirm/", {"token": body["token"]})
    assert confirmed.status_code == 201, confirmed.content
    assert {a["name"] for a in confirmed.json()} >= {"Tỉnh ủy Kon Tum", "Huyện ủy Đắk Hà"}
    office = Agency.objects.select_related("parent").get(name="Văn phòng Tỉnh ủy Kon Tum")
    assert office.parent is not None and office.parent.name == "Tỉnh ủy Kon Tum"
    # The same rows again: every one is now in the registry; nothing more is saved.
    again = api.post(f"{base}confirm/", {"token": body["token"]})
    assert again.status_code == 400
    assert any("đã có trong danh mục" in e for e in again.json()["errors"]["rows"])
    assert Agency.objects.count() == before + 4


def test_a_bad_row_is_named_in_the_preview_and_gives_no_token(world):
    api = ApiClient(world.users["secretariat"])
    base = f"/congresses/{world.congress.pk}/agency-import/"
    sheet = agency_sheet([("Huyện ủy Sa Thầy", "", "", "Tỉnh ủy Gia Lai", "")])
    body = api.post_form(base, {"file": sheet}).json()
    assert not body["ok"] and body["token"] == ""
    assert "Tỉnh ủy Gia Lai" in body["rows"][0]["errors"][0]
    no_file = api.post_form(base, {})
    assert no_file.status_code == 400 and "file" in no_file.json()["errors"]
    forged = api.post(f"{base}confirm/", {"token": "gia-mao"})
    assert forged.status_code == 400
    assert "hết hạn hoặc không hợp lệ" in forged.json()["detail"]


def test_others_are_refused_and_another_congress_is_not_found(world):
    officer = ApiClient(world.users["officer"])
    base = f"/congresses/{world.congress.pk}/agency-import/"
    assert officer.get(f"{base}template/").status_code == 403
    assert officer.post_form(base, {"file": agency_sheet(KON_TUM_ROWS)}).status_code == 403
    other = ApiClient(world.users["secretariat"])
    assert other.get(f"/congresses/{world.other.pk}/agency-import/template/").status_code == 404
