import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from ..models import Delegate
from ..services.importing import COLUMNS, roster_import
from .helpers import make_delegate, make_delegation

GOOD = {
    "full_name": "Nguyễn Thị Hòa",
    "kind": "Chính thức",
    "gender": "Nữ",
    "birth_year": 1975,
    "ethnicity": "Kinh",
    "religion": "Không",
    "education": "12/12",
    "professional_level": "Thạc sĩ",
    "theory_level": "Cao cấp",
    "party_joined_on": "19/05/2000",
    "position": "Bí thư Huyện ủy",
    "workplace": "Huyện ủy Đắk Tô",
    "delegation": "Đoàn Đảng bộ huyện Đắk Tô",
    "is_ex_officio": "Đương nhiên",
    "phone": "0905111222",
}


def xlsx(rows: list[dict]) -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([label for _, label in COLUMNS])
    for row in rows:
        sheet.append([row.get(name) for name, _ in COLUMNS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("dai-bieu.xlsx", buffer.getvalue())


def test_a_clean_file_imports_every_row(secretariat_access):
    make_delegation(secretariat_access, "Đoàn Đảng bộ huyện Đắk Tô")
    rows = [GOOD, GOOD | {"full_name": "A Sang", "gender": "Nam", "ethnicity": "Xơ Đăng"}]
    result = roster_import(access=secretariat_access, upload=xlsx(rows))
    assert result.errors == [] and result.created == 2
    hoa = Delegate.objects.get(name_key="nguyen thi hoa")
    assert hoa.party_joined_on == dt.date(2000, 5, 19) and hoa.is_ex_officio
    assert hoa.professional_level == "master" and hoa.theory_level == "senior"


def test_a_file_with_bad_rows_imports_nothing_and_names_every_row(secretariat_access):
    delegation = make_delegation(secretariat_access, "Đoàn Đảng bộ huyện Đắk Tô")
    make_delegate(secretariat_access, delegation, full_name="Trần Văn Có", birth_year=1970)
    rows = [
        GOOD,
        GOOD | {"full_name": ""},
        GOOD | {"full_name": "Lê Văn Ba", "party_joined_on": "31/02/1999"},
        GOOD | {"full_name": "Lê Văn Bốn", "delegation": "Đoàn không có"},
        GOOD,
        GOOD | {"full_name": "Trần Văn Có", "birth_year": 1970},
        GOOD | {"full_name": "Lê Văn Năm", "birth_year": 1990, "party_joined_on": "01/01/1995"},
    ]
    result = roster_import(access=secretariat_access, upload=xlsx(rows))
    assert result.created == 0
    by_row: dict[int, list[str]] = {}
    for row, message in result.errors:
        by_row.setdefault(row, []).append(message)
    assert set(by_row) == {3, 4, 5, 6, 7, 8}
    assert any("Họ và tên" in m for m in by_row[3])
    assert any("31/02/1999" in m for m in by_row[4])
    assert any("Đoàn không có" in m for m in by_row[5])
    assert any("Trùng với dòng 2" in m for m in by_row[6])
    assert any("đã có trong danh sách" in m for m in by_row[7])
    assert any("chưa đủ 17 tuổi" in m for m in by_row[8])
    assert Delegate.objects.filter(congress=secretariat_access.congress).count() == 1


def test_a_file_that_is_not_a_spreadsheet_is_refused_in_vietnamese(secretariat_access):
    result = roster_import(
        access=secretariat_access, upload=SimpleUploadedFile("x.xlsx", b"khong phai excel")
    )
    assert result.created == 0 and "Excel" in result.errors[0][1]


def test_the_import_page_shows_the_errors_and_the_template_downloads(
    world, secretariat_access, client
):
    client.force_login(world.users["secretariat"])
    url = reverse("delegates:roster-import", args=[world.congress.pk])
    page = client.post(url, {"file": xlsx([GOOD])}).content.decode()
    assert "Không có đoàn" in page and "Dòng" in page
    template = client.get(reverse("delegates:roster-template", args=[world.congress.pk]))
    assert template.status_code == 200 and template.content.startswith(b"PK")
