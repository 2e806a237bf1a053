import pytest

from daihoi.core.money import amount_in_words


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "Không đồng"),
        (5, "Năm đồng"),
        (10, "Mười đồng"),
        (11, "Mười một đồng"),
        (15, "Mười lăm đồng"),
        (21, "Hai mươi mốt đồng"),
        (24, "Hai mươi tư đồng"),
        (25, "Hai mươi lăm đồng"),
        (30, "Ba mươi đồng"),
        (100, "Một trăm đồng"),
        (101, "Một trăm linh một đồng"),
        (105, "Một trăm linh năm đồng"),
        (110, "Một trăm mười đồng"),
        (115, "Một trăm mười lăm đồng"),
        (1_000, "Một nghìn đồng"),
        (2_021, "Hai nghìn không trăm hai mươi mốt đồng"),
        (10_500, "Mười nghìn năm trăm đồng"),
        (1_000_005, "Một triệu không trăm linh năm đồng"),
        (1_050_000, "Một triệu không trăm năm mươi nghìn đồng"),
        (123_000_000, "Một trăm hai mươi ba triệu đồng"),
        (1_000_000_000, "Một tỷ đồng"),
        (2_000_000_021, "Hai tỷ không trăm hai mươi mốt đồng"),
        (
            1_234_567_891,
            "Một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn "
            "tám trăm chín mươi mốt đồng",
        ),
        (1_000_000_000_000, "Một nghìn tỷ đồng"),
    ],
)
def test_amount_in_words_reads_vietnamese_amounts_as_accountants_write_them(amount, words):
    assert amount_in_words(amount) == words


def test_a_later_group_keeps_its_hundreds_even_when_zero():
    assert "không trăm" in amount_in_words(5_007_000)
    assert amount_in_words(5_007_000) == "Năm triệu không trăm linh bảy nghìn đồng"


def test_five_after_one_reads_lam_but_after_zero_reads_nam():
    assert amount_in_words(205) == "Hai trăm linh năm đồng"
    assert amount_in_words(215) == "Hai trăm mười lăm đồng"


def test_one_reads_mot_only_after_twenty_and_above():
    assert amount_in_words(11) == "Mười một đồng"
    assert amount_in_words(91) == "Chín mươi mốt đồng"
    assert amount_in_words(201) == "Hai trăm linh một đồng"


def test_negative_amounts_are_read_with_am():
    assert amount_in_words(-15) == "Âm mười lăm đồng"
