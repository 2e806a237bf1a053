import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from daihoi.core.audit import entries_for
from daihoi.core.spreadsheets import MAX_BYTES
from daihoi.planning.models import Task
from daihoi.reporting import imports
from daihoi.reporting.imports import reading
from daihoi.reporting.models import TaskImportAction

from .helpers import secretariat

pytestmark = pytest.mark.django_db

HEADER = [
    "STT",
    "Nội dung nhiệm vụ",
    "Đơn vị chủ trì",
    "Đơn vị phối hợp",
    "Lĩnh vực",
    "Giai đoạn",
    "Ngày bắt đầu",
    "Hạn hoàn thành",
    "Mô tả, yêu cầu",
]


def xlsx(*rows, header=HEADER) -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return SimpleUploadedFile("nhiem-vu.xlsx", out.getvalue())


GOOD = [
    1,
    "In pano chào mừng",
    "ban tuyen giao tinh uy",
    "Sở Tài chính; SVHTTDL",
    "Tuyên truyền",
    "Trước Đại hội",
    "01/08/2020",
    "30/09/2020",
    "Khổ lớn",
]


def read(world, upload):
    return imports.read_tasks(upload, world.congress)


def test_good_rows_are_previewed_then_saved_through_task_create(world):
    second = [
        2,
        "Bảo đảm an ninh",
        "CA",
        "",
        "An ninh trật tự",
        "Trong Đại hội",
        None,
        dt.datetime(2020, 10, 14),
        "",
    ]
    result = read(world, xlsx(GOOD, second))
    assert result.ok, result.row_errors
    first = result.rows[0]
    assert first.lead_id == world.agencies["btg"].pk
    assert first.coordinating_ids == [world.agencies["stc"].pk, world.agencies["svh"].pk]
    assert (first.start_date, first.deadline) == ("2020-08-01", "2020-09-30")
    rows = imports.unsign_rows(imports.sign_rows(result.rows))
    created, updated = imports.tasks_import(access=secretariat(world), rows=rows)
    assert updated == []
    assert [t.title for t in created] == ["In pano chào mừng", "Bảo đảm an ninh"]
    task = Task.objects.get(title="In pano chào mừng")
    assert task.assignments.count() == 3
    (entry,) = entries_for(action=TaskImportAction.CONFIRMED)
    assert entry.actor == world.users["secretariat"]
    assert entry.data["tasks"] == [t.pk for t in created]
    assert Task.objects.get(title="Bảo đảm an ninh").deadline == dt.date(2020, 10, 14)


def test_an_excel_serial_date_and_a_typed_date_both_read(world):
    row = list(GOOD)
    row[6], row[7] = 44044, "30-09-2020"
    result = read(world, xlsx(row))
    assert result.ok
    assert (result.rows[0].start_date, result.rows[0].deadline) == ("2020-08-01", "2020-09-30")


def test_each_bad_row_gets_its_own_message(world):
    result = read(
        world,
        xlsx(
            [1, "", "Ban Tuyên giáo Tỉnh ủy", "", "Tuyên truyền", "Trước Đại hội", "", "", ""],
            [2, "A", "Sở Ngoại vụ", "", "Tuyên truyền", "Trước Đại hội", "", "", ""],
            [3, "B", "Sở", "", "Tuyên truyền", "Trước Đại hội", "", "", ""],
            [4, "C", "CA", "", "Múa lân", "Trước Đại hội", "", "31/02/2020", ""],
            [5, "D", "CA", "CA", "Y tế", "Giữa chừng", "10/10/2020", "01/10/2020", ""],
        ),
    )
    errors = result.row_errors
    assert not result.ok
    assert errors[0].startswith("Dòng 2: thiếu nội dung nhiệm vụ")
    assert "Sở Ngoại vụ” không có trong danh mục" in errors[1]
    assert errors[2].startswith("Dòng 4:") and "khớp với nhiều đơn vị" in errors[2]
    assert "lĩnh vực “Múa lân”" in errors[3] and "“31/02/2020” không phải ngày hợp lệ" in errors[3]
    assert "trùng đơn vị chủ trì" in errors[4] and "giai đoạn “Giữa chừng”" in errors[4]
    assert "hạn hoàn thành trước ngày bắt đầu" in errors[4]


def test_a_mix_of_good_and_bad_rows_saves_nothing(world):
    bad = [2, "Hội trường", "Ban Quản lý dự án", "", "Hậu cần", "Trước Đại hội", "", "", ""]
    result = read(world, xlsx(GOOD, bad))
    assert not result.ok and len(result.row_errors) == 1
    with pytest.raises(imports.TaskImportError) as error:
        imports.tasks_import(access=secretariat(world), rows=result.rows)
    assert error.value.errors == result.row_errors
    assert not Task.objects.exists()


def test_a_row_refused_by_task_create_rolls_back_the_rows_before_it(world):
    result = read(world, xlsx(GOOD, GOOD))
    result.rows[1].lead_id = world.other_agency.pk  # tampered after the preview
    with pytest.raises(imports.TaskImportError, match="chưa lưu"):
        imports.tasks_import(access=secretariat(world), rows=result.rows)
    assert not Task.objects.exists()


def test_formulas_are_refused_by_cell(world):
    row = list(GOOD)
    row[7] = "=TODAY()+30"
    result = read(world, xlsx(row))
    assert result.row_errors == ["Dòng 2: ô H2 chứa công thức; hãy dán giá trị thay cho công thức."]


def test_a_file_that_is_not_xlsx_is_refused_with_one_message(world):
    for upload, message in [
        (SimpleUploadedFile("nhiem-vu.xlsx", b"STT;Noi dung\n1;x"), "không phải bảng tính Excel"),
        (SimpleUploadedFile("nhiem-vu.xlsx", b"PK\x03\x04 broken zip"), "bị hỏng hoặc bị cắt cụt"),
    ]:
        result = read(world, upload)
        assert not result.ok and result.rows == []
        assert message in result.errors[0]


def test_a_huge_file_is_refused_before_it_is_read(world):
    upload = SimpleUploadedFile("lon.xlsx", b"PK\x03\x04" + b"0" * (MAX_BYTES + 1))
    result = read(world, upload)
    assert "quá lớn" in result.errors[0]


def test_too_many_rows_are_refused(world, monkeypatch):
    monkeypatch.setattr(reading, "MAX_ROWS", 2)
    result = read(world, xlsx(GOOD, GOOD, GOOD))
    assert "quá 2 nhiệm vụ" in result.errors[0]


def test_a_sheet_without_the_headers_names_the_missing_columns(world):
    result = read(world, xlsx(["x"], header=["Tên", "Ngày"]))
    assert "thiếu cột “Nội dung nhiệm vụ”" in result.errors[0]


def test_a_tampered_preview_is_refused(world):
    from daihoi.core.exceptions import BusinessError

    with pytest.raises(BusinessError, match="hết hạn hoặc không hợp lệ"):
        imports.unsign_rows("abc")


def test_the_template_has_the_exports_columns_and_its_examples_read_cleanly(world):
    from daihoi.reporting import task_sheet

    content = imports.template_xlsx(world.congress, dt.date(2026, 11, 30))
    sheet = load_workbook(io.BytesIO(content)).active
    assert [c.value for c in sheet[1]] == task_sheet.LABELS
    result = read(world, SimpleUploadedFile("mau.xlsx", content))
    assert result.ok, result.row_errors
    opening = world.congress.opening_date
    for row in result.rows:
        assert opening - dt.timedelta(days=90) <= row.date("start_date") <= opening
        assert row.date("deadline") <= opening
    assert result.rows[0].deadline_offset == -30
