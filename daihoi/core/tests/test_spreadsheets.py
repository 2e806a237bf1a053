import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from daihoi.core.spreadsheets import read_date, safe_cell, table_workbook, unsafe_text


@pytest.mark.parametrize("text", ["=1+1", "+84 912", "-5", "@SUM(A1)", "\tx"])
def test_text_that_begins_like_a_formula_is_written_as_text(text):
    assert safe_cell(text) == "'" + text
    assert unsafe_text(safe_cell(text)) == text


def test_ordinary_values_are_written_unchanged():
    assert safe_cell("Sở Tài chính") == "Sở Tài chính"
    assert safe_cell(-5) == -5
    assert safe_cell(None) is None


def test_a_table_workbook_holds_no_formula_cells():
    content = table_workbook(
        "Danh sách",
        ["Tên", "Ngày"],
        [['=HYPERLINK("x")', dt.date(2020, 9, 1)]],
        heading=["-lọc"],
    )
    sheet = load_workbook(io.BytesIO(content)).active
    values = [c.value for row in sheet.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    assert '\'=HYPERLINK("x")' in values and "'-lọc" in values


@pytest.mark.parametrize(
    "value, expected",
    [
        ("05/10/2020", dt.date(2020, 10, 5)),
        ("5/10/2020", dt.date(2020, 10, 5)),
        ("2020-10-05", dt.date(2020, 10, 5)),
        (44109, dt.date(2020, 10, 5)),
        (44109.0, dt.date(2020, 10, 5)),
        ("44109", dt.date(2020, 10, 5)),
        (dt.datetime(2020, 10, 5, 0, 0), dt.date(2020, 10, 5)),
    ],
)
def test_dates_read_as_typed_or_as_excel_serial_numbers(value, expected):
    assert read_date(value) == expected


@pytest.mark.parametrize("value", ["31/02/2020", "ngày mai", 44109.5, True, -3])
def test_values_that_are_not_dates_are_refused_with_a_message(value):
    with pytest.raises(ValueError, match="không phải ngày hợp lệ"):
        read_date(value)
