import datetime as dt
import io

import pytest
from docx import Document as DocxDocument
from openpyxl import load_workbook

from daihoi.core.dates import today
from daihoi.core.exceptions import BusinessError
from daihoi.reporting import services
from daihoi.reporting.compilation import format_figure
from daihoi.reporting.models import ReportRequest

from .helpers import make_request, officer, secretariat

pytestmark = pytest.mark.django_db

COLUMNS = [
    {"label": "Số đảng viên", "kind": "number"},
    {"label": "Kinh phí (đồng)", "kind": "number", "optional": True},
    {"label": "Ghi chú", "kind": "text", "optional": True},
]


def base(world) -> str:
    return f"/dai-hoi/{world.congress.pk}/bao-cao/"


def answered_request(world):
    request = make_request(world, agencies=("btg", "stc", "ca"), columns=COLUMNS)
    btg = request.submissions.get(agency=world.agencies["btg"])
    stc = request.submissions.get(agency=world.agencies["stc"])
    services.submission_submit(
        access=officer(world),
        submission=btg,
        text="Ban Tuyên giáo báo cáo số liệu quý III.",
        values=["1.234", "2.500.000", "Đủ"],
    )
    services.submission_submit(
        access=officer(world, "officer2"), submission=stc, text="", values=["16", "", ""]
    )
    return request


def test_a_request_with_a_deadline_already_past_is_refused(world):
    yesterday = today() - dt.timedelta(days=1)
    with pytest.raises(BusinessError, match="đã qua") as error:
        services.report_request_create(
            access=secretariat(world),
            title="Báo cáo muộn",
            deadline=yesterday,
            agencies=[world.agencies["btg"]],
        )
    assert error.value.field == "deadline"
    assert yesterday.strftime("%d/%m/%Y") in error.value.message
    assert not ReportRequest.objects.exists()


def test_the_request_form_shows_the_past_deadline_on_its_field(world, client):
    client.force_login(world.users["secretariat"])
    response = client.post(
        base(world) + "yeu-cau/them/",
        {
            "title": "Báo cáo muộn",
            "deadline": (today() - dt.timedelta(days=3)).strftime("%d/%m/%Y"),
            "agencies": [world.agencies["btg"].pk],
            "columns": "Số đảng viên | số\nKinh phí | số | không bắt buộc",
        },
    )
    assert response.status_code == 200
    assert "đã qua" in str(response.context["form"].errors["deadline"])
    assert not ReportRequest.objects.exists()


def test_the_form_marks_columns_as_numbers_and_as_optional(world, client):
    client.force_login(world.users["secretariat"])
    client.post(
        base(world) + "yeu-cau/them/",
        {
            "title": "Số liệu",
            "deadline": today().strftime("%d/%m/%Y"),
            "agencies": [world.agencies["btg"].pk],
            "columns": "Số đảng viên | số\nKinh phí | số | không bắt buộc\nGhi chú | tùy chọn",
        },
    )
    assert ReportRequest.objects.get().columns == [
        {"label": "Số đảng viên", "kind": "number", "optional": False},
        {"label": "Kinh phí", "kind": "number", "optional": True},
        {"label": "Ghi chú", "kind": "text", "optional": True},
    ]


def test_a_required_column_left_empty_is_named_and_optional_ones_may_stay_empty(world):
    submission = make_request(world, columns=COLUMNS).submissions.get()
    with pytest.raises(BusinessError) as error:
        services.submission_submit(
            access=officer(world), submission=submission, text="x", values=["", "5", ""]
        )
    assert error.value.message == "Chưa điền cột bắt buộc “Số đảng viên”."
    services.submission_submit(
        access=officer(world), submission=submission, text="x", values=["12", "", ""]
    )
    submission.refresh_from_db()
    assert submission.is_submitted and submission.values == ["12", "", ""]


def test_number_columns_export_as_numbers_with_a_totals_row(world, client):
    request = answered_request(world)
    client.force_login(world.users["secretariat"])
    sheet = load_workbook(
        io.BytesIO(client.get(base(world) + f"yeu-cau/{request.pk}/excel/").content)
    ).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(r for r in rows if r[0] == "Cơ quan, đơn vị")
    members, money, note = (
        header.index(label) for label in ("Số đảng viên", "Kinh phí (đồng)", "Ghi chú")
    )
    btg = next(r for r in rows if r[0] == "Ban Tuyên giáo Tỉnh ủy")
    assert btg[members] == 1234 and btg[money] == 2500000 and btg[note] == "Đủ"
    totals = rows[-1]
    assert totals[0] == "Cộng"
    assert totals[members] == 1250 and totals[money] == 2500000 and totals[note] is None
    total_cell = sheet.cell(sheet.max_row, members + 1)
    assert total_cell.data_type == "n" and total_cell.font.b


def test_the_submissions_compile_into_one_report_in_the_official_layout(
    world, client, django_assert_max_num_queries
):
    request = answered_request(world)
    client.force_login(world.users["secretariat"])
    with django_assert_max_num_queries(12):
        response = client.get(base(world) + f"yeu-cau/{request.pk}/tong-hop/")
    assert response.status_code == 200
    assert response["Content-Type"].endswith("wordprocessingml.document")
    doc = DocxDocument(io.BytesIO(response.content))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "BÁO CÁO" in text
    assert "Tổng hợp báo cáo số liệu phục vụ Báo cáo chính trị" in text
    assert "đã có 2/3 cơ quan, đơn vị gửi báo cáo" in text
    assert "Nơi nhận:" in "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    (figures,) = [t for t in doc.tables if t.rows[0].cells[0].text == "STT"]
    grid = [[c.text for c in row.cells] for row in figures.rows]
    assert grid[0] == ["STT", "Cơ quan, đơn vị", "Số đảng viên", "Kinh phí (đồng)", "Ghi chú"]
    assert ["1", "Ban Tuyên giáo Tỉnh ủy", "1.234", "2.500.000", "Đủ"] in grid
    assert grid[-1] == ["", "Cộng", "1.250", "2.500.000", ""]
    assert any(row[1].endswith("(chưa gửi)") and row[2] == "—" for row in grid)
    assert "Ban Tuyên giáo Tỉnh ủy: Ban Tuyên giáo báo cáo số liệu quý III." in text


def test_many_columns_are_split_into_several_tables_each_with_one_row_per_agency(world, client):
    columns = [{"label": f"Chỉ tiêu {i}", "kind": "number"} for i in range(1, 7)]
    request = make_request(world, agencies=("btg", "stc"), columns=columns)
    client.force_login(world.users["secretariat"])
    doc = DocxDocument(
        io.BytesIO(client.get(base(world) + f"yeu-cau/{request.pk}/tong-hop/").content)
    )
    tables = [t for t in doc.tables if t.rows[0].cells[0].text == "STT"]
    assert [len(t.columns) for t in tables] == [6, 4]
    assert all(len(t.rows) == 1 + 2 + 1 for t in tables)


def test_an_agency_officer_cannot_download_the_compiled_report(world, client):
    request = answered_request(world)
    client.force_login(world.users["officer"])
    assert client.get(base(world) + f"yeu-cau/{request.pk}/tong-hop/").status_code == 403


def test_figures_are_written_the_vietnamese_way():
    from decimal import Decimal

    assert format_figure(Decimal("1234567")) == "1.234.567"
    assert format_figure(Decimal("1234.50")) == "1.234,5"
    assert format_figure(Decimal("-12")) == "-12"


def test_the_request_page_says_which_columns_take_numbers_and_which_are_optional(world):
    request = make_request(world, columns=COLUMNS)
    assert request.column_summary == (
        "Số đảng viên (số); Kinh phí (đồng) (số, không bắt buộc); Ghi chú (không bắt buộc)"
    )


def test_a_request_form_sent_twice_with_its_token_asks_the_agencies_once(world, client):
    client.force_login(world.users["secretariat"])
    data = {
        "title": "Số liệu đảng viên",
        "deadline": today().strftime("%d/%m/%Y"),
        "agencies": [world.agencies["btg"].pk, world.agencies["stc"].pk],
        "columns": "Số đảng viên | số",
        "_once": "ab12" * 8,
    }
    first = client.post(base(world) + "yeu-cau/them/", data)
    second = client.post(base(world) + "yeu-cau/them/", data)
    assert ReportRequest.objects.count() == 1
    assert second.status_code == 302 and second["Location"] == first["Location"]
