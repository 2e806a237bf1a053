import io

import pytest
from docx import Document as Docx

from daihoi.core.exceptions import BusinessError
from daihoi.intake import readers
from daihoi.intake.drafts import clean_task, guess_area, guess_phase
from daihoi.organizations.matching import AgencyMatcher, canonical


def docx_bytes(*paragraphs: str) -> bytes:
    document = Docx()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_upload_is_read_as_text():
    text = readers.read_upload("ket-luan.docx", docx_bytes("Sở Tài chính bố trí kinh phí."))
    assert "Sở Tài chính bố trí kinh phí." in text


def _bomb() -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * 50_000_000)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("trong.docx", docx_bytes(""), "không có nội dung chữ"),
        ("hong.docx", b"PK\x03\x04 not really a zip", "bị hỏng"),
        ("cat-cut.docx", docx_bytes("Sở Tài chính bố trí kinh phí.")[:-300], "bị cắt cụt"),
        ("bom.docx", _bomb(), "tỷ lệ nén bất thường"),
        ("anh.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "nhị phân"),
        ("bang.xlsx", b"PK", "Chỉ nhận tệp"),
        ("lon.txt", b"a" * (readers.MAX_UPLOAD_BYTES + 1), "quá lớn"),
    ],
)
def test_bad_uploads_get_a_clear_message(name, data, message):
    with pytest.raises(BusinessError, match=message):
        readers.read_upload(name, data)


def test_empty_huge_and_foreign_texts_are_refused():
    with pytest.raises(BusinessError, match="dán nội dung"):
        readers.check_text("   ")
    with pytest.raises(BusinessError, match="quá dài"):
        readers.check_text("Sở Tài chính bố trí kinh phí. " * 200_000)
    with pytest.raises(BusinessError, match="không phải tiếng Việt"):
        readers.check_text("The finance department shall arrange the budget for the congress " * 3)


def test_vietnamese_text_passes_and_is_nfc():
    import unicodedata

    text = unicodedata.normalize("NFD", "Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền Đại hội.")
    assert readers.check_text(text) == unicodedata.normalize("NFC", text)


class FakeAgency:
    def __init__(self, pk, name, short_name=""):
        self.pk, self.name, self.short_name = pk, name, short_name


AGENCIES = [
    FakeAgency(1, "Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL"),
    FakeAgency(2, "Ủy ban nhân dân tỉnh", "UBND tỉnh"),
    FakeAgency(3, "Ban Tuyên giáo Tỉnh ủy", "BTGTU"),
    FakeAgency(4, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    FakeAgency(5, "Đài Phát thanh - Truyền hình tỉnh"),
]


@pytest.mark.parametrize(
    ("written", "pk"),
    [
        ("Sở VH-TT&DL", 1),
        ("sở văn hóa, thể thao và du lịch", 1),
        ("UBND tỉnh", 2),
        ("Ban Tuyên giáo", 3),
        ("Ủy ban MTTQ Việt Nam tỉnh", 4),
        ("Đài PT-TH tỉnh", 5),
    ],
)
def test_agency_names_match_ignoring_diacritics_case_and_abbreviations(written, pk):
    agency = AgencyMatcher(AGENCIES).match(written).agency
    assert isinstance(agency, FakeAgency) and agency.pk == pk


def test_generic_addressees_and_unknown_agencies_stay_unmatched():
    matcher = AgencyMatcher(AGENCIES)
    generic = matcher.match("Các sở, ban, ngành")
    assert generic.agency is None and generic.is_generic
    assert matcher.match("Bộ Chỉ huy Quân sự tỉnh").agency is None


def test_canonical_expands_the_usual_abbreviations():
    assert canonical("Ban Tuyên giáo T.Ư") == "ban tuyen giao trung uong"
    assert canonical("HĐND tỉnh") == "hoi dong nhan dan tinh"


def test_task_text_loses_its_lead_in_and_gets_an_area_and_phase():
    task = clean_task(
        "chủ trì, phối hợp với Công an tỉnh và Sở Y tế bảo đảm an ninh trong thời gian diễn ra "
        "Đại hội",
        ["Công an tỉnh", "Sở Y tế"],
    )
    assert task == "Bảo đảm an ninh trong thời gian diễn ra Đại hội"
    assert guess_area(task) == "security"
    assert guess_phase(task) == "during"
    assert guess_area("Bố trí kinh phí tổ chức") == "finance"
    assert guess_phase("Tuyên truyền trước, trong và sau Đại hội") == "throughout"
