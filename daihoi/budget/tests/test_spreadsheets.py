import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document as Docx
from openpyxl import Workbook, load_workbook

from daihoi.core.exceptions import PermissionDenied

from .. import report, selectors, services, spreadsheets
from ..models import Category, Norm
from .helpers import accesses, approved_estimate_with_spending, make_norm

pytestmark = pytest.mark.django_db


def upload(rows, header=None) -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header or [label for _, label in spreadsheets.NORM_COLUMNS])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return SimpleUploadedFile("dinh-muc.xlsx", out.getvalue())


def test_norms_survive_an_export_then_import_round_trip(world):
    finance = accesses(world)["finance"]
    make_norm(world, valid_from=dt.date(2020, 1, 1), valid_to=dt.date(2020, 12, 31))
    make_norm(
        world,
        code="DM02",
        name='=HYPERLINK("x")',
        unit="bộ",
        max_unit_price=1_234_567,
        category=Category.PRINTING,
        legal_basis="-",
    )
    fields = [
        "code",
        "name",
        "category",
        "unit",
        "max_unit_price",
        "legal_basis",
        "valid_from",
        "valid_to",
    ]
    before = list(Norm.objects.order_by("code").values(*fields))
    content = spreadsheets.export_norms(selectors.norms_of(finance))
    Norm.objects.all().delete()
    result = services.norms_import(access=finance, upload=SimpleUploadedFile("x.xlsx", content))
    assert (result.created, result.updated) == (2, 0)
    assert list(Norm.objects.order_by("code").values(*fields)) == before
    again = services.norms_import(access=finance, upload=SimpleUploadedFile("x.xlsx", content))
    assert (again.created, again.updated) == (0, 2)


def test_exported_cells_that_look_like_formulas_stay_text(world):
    finance = accesses(world)["finance"]
    make_norm(world, name="=1+1", legal_basis="@SUM(A1)", unit="+bộ")
    sheet = load_workbook(io.BytesIO(spreadsheets.export_norms(selectors.norms_of(finance)))).active
    values = [cell.value for cell in sheet[2]]
    assert values[1] == "'=1+1" and values[3] == "'+bộ" and values[5] == "'@SUM(A1)"
    assert all(cell.data_type != "f" for cell in sheet[2])


def test_an_import_with_bad_rows_saves_nothing_and_names_each_row(world):
    finance = accesses(world)["finance"]
    bad = upload(
        [
            [
                "DM01",
                "Bồi dưỡng đại biểu",
                "Bồi dưỡng, phụ cấp",
                "người/ngày",
                200000,
                "",
                None,
                None,
            ],
            ["DM02", "In tài liệu", "In ấn, tài liệu", "trang", "5OO", "", None, None],
            ["", "Không mã", "", "bộ", 1000, "", None, None],
            ["DM04", "Âm", "", "bộ", -5, "", None, None],
            ["DM05", "Ngày sai", "", "bộ", 1000, "", "31/02/2020", None],
            ["DM01", "Trùng mã", "", "bộ", 1000, "", None, None],
            ["DM07", "Nhóm lạ", "Nhóm gì đó", "bộ", 1000, "", None, None],
        ]
    )
    with pytest.raises(services.NormImportError) as error:
        services.norms_import(access=finance, upload=bad)
    assert error.value.errors == [
        "Dòng 3: mức chi tối đa “5OO” không phải số tiền hợp lệ.",
        "Dòng 4: thiếu mã.",
        "Dòng 5: mức chi tối đa không được âm.",
        "Dòng 6: ngày hiệu lực “31/02/2020” không phải ngày hợp lệ (dd/mm/yyyy).",
        "Dòng 7: mã DM01 trùng với dòng 2.",
        "Dòng 8: nhóm chi “Nhóm gì đó” không có trong danh mục.",
    ]
    assert not Norm.objects.exists()


def test_an_import_accepts_amounts_written_with_dots_or_commas(world):
    finance = accesses(world)["finance"]
    good = upload(
        [
            ["dm01", "Bồi dưỡng", "", "người/ngày", "1.234.567", "", "01/01/2020", None],
            ["DM02", "In", "in an, tai lieu", "trang", "1,500", "", None, "31/12/2020"],
        ]
    )
    services.norms_import(access=finance, upload=good)
    assert dict(Norm.objects.values_list("code", "max_unit_price")) == {
        "DM01": 1_234_567,
        "DM02": 1_500,
    }
    assert Norm.objects.get(code="DM02").category == Category.PRINTING


def test_a_file_that_is_not_a_spreadsheet_or_has_other_columns_is_refused(world):
    finance = accesses(world)["finance"]
    with pytest.raises(services.NormImportError) as error:
        services.norms_import(access=finance, upload=SimpleUploadedFile("a.xlsx", b"not xlsx"))
    assert "không phải bảng tính Excel" in error.value.errors[0]
    with pytest.raises(services.NormImportError) as error:
        services.norms_import(access=finance, upload=upload([["x"]], header=["Tên", "Giá"]))
    assert error.value.errors[0].startswith("Dòng 1: tiêu đề cột phải là")


def test_only_finance_imports_norms(world):
    with pytest.raises(PermissionDenied):
        services.norms_import(access=accesses(world)["btg"], upload=upload([]))


def test_the_compiled_table_exports_every_line_and_the_totals(world):
    approved_estimate_with_spending(world)
    compiled = selectors.compilation(accesses(world)["finance"])
    workbook = load_workbook(io.BytesIO(spreadsheets.export_compilation(compiled)))
    assert workbook.sheetnames == ["Theo đơn vị", "Chi tiết", "Theo lĩnh vực", "Theo nhóm chi"]
    summary = [list(r) for r in workbook["Theo đơn vị"].iter_rows(values_only=True)]
    assert summary[-1] == [None, "Tổng cộng", None, 2_000_000, 2_000_000, 1_500_000, None]
    detail = list(workbook["Chi tiết"].iter_rows(values_only=True))
    assert detail[1][2] == "Bồi dưỡng cộng tác viên" and detail[1][10] == 2_000_000


def test_the_docx_report_has_the_official_header_a_table_and_the_total_in_words(world):
    world.agencies["stc"].code = "STC"
    world.agencies["stc"].save()
    approved_estimate_with_spending(world)
    compiled = selectors.compilation(accesses(world)["finance"], with_lines=False)
    content = report.render_report(world.congress, compiled, dt.date(2020, 9, 8))
    doc = Docx(io.BytesIO(content))
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    header = cells[0] + "\n" + cells[1]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header and "/BC-STC" in header
    assert "Kon Tum, ngày 08 tháng 9 năm 2020" in header
    assert "BÁO CÁO" in text and "Tổng hợp dự trù kinh phí phục vụ Đại hội" in text
    assert "Bằng chữ: Hai triệu đồng." in text
    assert "Ban Tuyên giáo Tỉnh ủy" in cells and "2.000.000" in cells


def test_a_norms_file_that_unpacks_to_a_bomb_is_refused_before_it_is_read():
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * 40_000_000)
    rows, errors = spreadsheets.read_norms(SimpleUploadedFile("dinh-muc.xlsx", buffer.getvalue()))
    assert rows == [] and "tỷ lệ nén bất thường" in errors[0]


def test_a_norms_file_with_too_many_rows_is_refused_whole(world):
    rows = [
        [f"N{i}", "Nước uống", "Khác", "chai", 10000, "", "", ""]
        for i in range(spreadsheets.MAX_NORM_ROWS + 1)
    ]
    norms, errors = spreadsheets.read_norms(upload(rows))
    assert norms == [] and errors == ["Tệp có quá 2.000 dòng định mức; hãy chia thành nhiều tệp."]
