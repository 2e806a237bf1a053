import datetime as dt
import unicodedata

import pytest
from django import forms

from daihoi.core.dates import place_date_line
from daihoi.core.forms import DeadlineField, VNDateField
from daihoi.core.money import format_vnd, parse_vnd
from daihoi.core.text import fold, normalize
from daihoi.extraction.roman import from_roman, to_roman


def test_fold_strips_diacritics_case_and_d_stroke():
    assert fold("Sở Tài chính") == "so tai chinh"
    assert fold("ĐẠI HỘI Đảng bộ") == "dai hoi dang bo"


def test_fold_treats_nfd_and_nfc_alike():
    text = "Ủy ban Mặt trận Tổ quốc"
    assert fold(unicodedata.normalize("NFD", text)) == fold(text)


def test_normalize_turns_non_breaking_spaces_into_single_spaces():
    assert normalize("yêu cầu\u00a0 bộ phận ") == "yêu cầu bộ phận"


@pytest.mark.parametrize(
    ("number", "numeral"),
    [
        (1, "I"),
        (4, "IV"),
        (13, "XIII"),
        (15, "XV"),
        (17, "XVII"),
        (20, "XX"),
        (25, "XXV"),
        (2020, "MMXX"),
    ],
)
def test_roman_numerals_round_trip(number, numeral):
    assert to_roman(number) == numeral
    assert from_roman(numeral) == number


def test_roman_rejects_malformed_numerals():
    with pytest.raises(ValueError):
        from_roman("IIII")
    with pytest.raises(ValueError):
        to_roman(0)


@pytest.mark.parametrize(
    ("day", "line"),
    [
        (dt.date(2020, 10, 5), "Kon Tum, ngày 05 tháng 10 năm 2020"),
        (dt.date(2019, 8, 8), "Kon Tum, ngày 08 tháng 8 năm 2019"),
        (dt.date(2020, 2, 20), "Kon Tum, ngày 20 tháng 02 năm 2020"),
        (dt.date(2020, 1, 9), "Kon Tum, ngày 09 tháng 01 năm 2020"),
    ],
)
def test_place_date_line_pads_day_and_only_january_february(day, line):
    assert place_date_line("Kon Tum", day) == line


def test_money_is_shown_with_dot_groups_and_dong_sign():
    assert format_vnd(1234567) == "1.234.567 đ"
    assert format_vnd(0) == "0 đ"


@pytest.mark.parametrize("text", ["1.234.567", "1234567", "1,234,567", "1.234.567 đ"])
def test_money_input_accepts_common_ways_of_writing(text):
    assert parse_vnd(text) == 1234567


@pytest.mark.parametrize("text", ["12a", "1.23.4", "", "1.234,567"])
def test_money_input_rejects_malformed_amounts(text):
    with pytest.raises(ValueError):
        parse_vnd(text)


def test_deadline_field_reads_a_date_or_an_offset_from_the_opening_day():
    field = DeadlineField()
    assert field.clean("30/09/2020") == (dt.date(2020, 9, 30), None)
    assert field.clean("D-30") == (None, -30)
    assert field.clean("D−7") == (None, -7)
    assert field.clean("d+2") == (None, 2)
    assert field.clean("") == (None, None)


def test_deadline_field_rejects_garbage_in_vietnamese():
    with pytest.raises(forms.ValidationError) as caught:
        DeadlineField().clean("tuần sau")
    assert "dd/mm/yyyy" in caught.value.messages[0]


def test_date_field_accepts_vietnamese_order():
    assert VNDateField().clean("08/8/2019") == dt.date(2019, 8, 8)
    with pytest.raises(forms.ValidationError):
        VNDateField().clean("2019/31/12")
