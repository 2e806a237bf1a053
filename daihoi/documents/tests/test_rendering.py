import io
import shutil
import subprocess

import pytest
from django.core.management import call_command
from docx import Document as DocxDocument
from docx.oxml.ns import qn

from daihoi.core.dates import place_date_line
from daihoi.documents import services
from daihoi.documents.models import Document
from daihoi.documents.rendering import recipient_lines, render_docx, title_lines
from daihoi.documents.tasks import soffice_path

from .conftest import ISSUED_ON

NO_SOFFICE = "LibreOffice (soffice) is not installed here: PDF conversion is not tested"


def _read(document: Document):
    return DocxDocument(io.BytesIO(render_docx(document)))


def _cell_texts(table) -> tuple[list[str], list[str]]:
    left, right = table.rows[0].cells
    return [p.text for p in left.paragraphs], [p.text for p in right.paragraphs]


def _texts(docx) -> list[str]:
    return [p.text for p in docx.paragraphs]


def test_the_date_line_pads_the_day_and_only_january_and_february():
    assert place_date_line("Kon Tum", ISSUED_ON) == "Kon Tum, ngày 05 tháng 10 năm 2020"
    import datetime as dt

    assert place_date_line("Kon Tum", dt.date(2019, 8, 8)) == "Kon Tum, ngày 08 tháng 8 năm 2019"
    assert place_date_line("Hải Dương", dt.date(2020, 2, 20)) == (
        "Hải Dương, ngày 20 tháng 02 năm 2020"
    )


def test_the_title_is_the_type_name_in_capitals_then_the_subject(make_draft):
    document = make_draft(subject="kết luận của đồng chí Trưởng Tiểu ban")
    assert title_lines(document) == ["THÔNG BÁO", "Kết luận của đồng chí Trưởng Tiểu ban"]
    assert title_lines(make_draft(kind="CV")) == []


def test_recipients_end_with_semicolons_and_the_record_copy_last(make_draft):
    document = make_draft(recipients="- Như trên;\nLưu: VT, TH\nThường trực Tỉnh ủy.")
    assert recipient_lines(document) == ["- Như trên;", "- Thường trực Tỉnh ủy;", "- Lưu: VT, TH."]
    assert recipient_lines(make_draft(recipients=""))[-1] == "- Lưu: VT."


def test_party_docx_has_the_party_header_number_and_title(world, make_draft, secretariat_access):
    document = services.document_issue(
        access=secretariat_access, document=make_draft(), issued_on=ISSUED_ON
    )
    docx = _read(document)
    left, right = _cell_texts(docx.tables[0])
    assert left[:4] == ["TỈNH ỦY KON TUM", "VĂN PHÒNG TỈNH ỦY", "*", "Số 01-TB/VPTU"]
    assert right[0] == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert "Kon Tum, ngày 05 tháng 10 năm 2020" in right
    texts = _texts(docx)
    assert "THÔNG BÁO" in texts and document.subject in texts and "-----" in texts
    assert "Đoạn một." in texts
    sign_left, sign_right = _cell_texts(docx.tables[1])
    assert sign_left[0] == "Nơi nhận:" and sign_left[-1] == "- Lưu: VT."
    assert sign_right[:2] == ["T/M TIỂU BAN", "TRƯỞNG TIỂU BAN"]
    assert sign_right[-1] == "Nguyễn Hữu Hải"


def test_state_docx_has_the_national_motto_and_a_colon_after_so(
    make_draft, secretariat_access, state_office
):
    document = services.document_issue(
        access=secretariat_access,
        document=make_draft(issuer=state_office, authority="TL. CHỦ TỊCH"),
        issued_on=ISSUED_ON,
    )
    docx = _read(document)
    left, right = _cell_texts(docx.tables[0])
    assert left[0] == "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI DƯƠNG" and left[1] == "VĂN PHÒNG"
    assert "Số: 01/TB-VP" in left
    assert right[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert right[-1] == "Kon Tum, ngày 05 tháng 10 năm 2020"
    assert docx.tables[0].rows[0].cells[1].paragraphs[-1].runs[0].italic


def test_cong_van_has_a_vv_line_and_kinh_gui_instead_of_a_title(
    make_draft, secretariat_access, state_office, world
):
    document = services.document_issue(
        access=secretariat_access,
        document=make_draft(issuer=state_office, kind="CV", subject="chuẩn bị phòng họp"),
        issued_on=ISSUED_ON,
    )
    docx = _read(document)
    left, _ = _cell_texts(docx.tables[0])
    assert "Số: 01/UBND-VP" in left and "V/v chuẩn bị phòng họp" in left
    assert "Kính gửi: Ban Tuyên giáo Tỉnh ủy." in _texts(docx)
    assert "CÔNG VĂN" not in _texts(docx)


@pytest.mark.parametrize(
    ("rules", "margins"), [("state", (20, 20, 30, 15)), ("party", (20, 20, 30, 15))]
)
def test_page_is_a4_with_the_official_margins(world, make_draft, rules, margins):
    world.congress.document_rules = rules
    world.congress.save()
    section = _read(make_draft()).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    shown = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    assert tuple(round(m.mm) for m in shown) == margins
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml


def test_every_run_and_the_normal_style_use_times_new_roman(make_draft):
    docx = _read(make_draft())
    normal = docx.styles["Normal"].element.rPr.rFonts
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        assert normal.get(qn(attribute)) == "Times New Roman"
    runs = docx.element.body.iter(qn("w:r"))
    for run in runs:
        fonts = run.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        assert fonts is not None
        assert {fonts.get(qn(a)) for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")} == {
            "Times New Roman"
        }


def test_body_is_justified_with_a_first_line_indent(make_draft):
    docx = _read(make_draft())
    paragraph = next(p for p in docx.paragraphs if p.text == "Đoạn một.")
    fmt = paragraph.paragraph_format
    assert round(fmt.first_line_indent.cm, 2) == 1.27
    assert fmt.alignment == 3  # justify
    assert fmt.space_after.pt >= 6 and 1 <= fmt.line_spacing <= 1.5


def test_header_table_sets_column_and_cell_widths(make_draft):
    table = _read(make_draft()).tables[0]
    for column, cell in zip(table.columns, table.rows[0].cells, strict=True):
        assert column.width is not None and column.width == cell.width
    assert 'w:type="fixed"' in table._tbl.xml


@pytest.mark.django_db(transaction=True)
def test_the_background_worker_makes_the_pdf_of_an_issued_document(
    world, make_draft, secretariat_access
):
    if soffice_path() is None:
        pytest.skip(NO_SOFFICE)
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler (pdftotext) is not installed here")
    document = services.document_issue(
        access=secretariat_access, document=make_draft(), issued_on=ISSUED_ON
    )
    document.refresh_from_db()
    assert not document.pdf  # made by the worker, after the commit
    call_command("db_worker", batch=True, no_startup_delay=True, reload=False, verbosity=0)
    document.refresh_from_db()
    assert str(document.pdf.name).endswith(".pdf")
    with document.pdf.open("rb") as handle:
        pdf = handle.read()
    assert pdf.startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert "Số 01-TB/VPTU" in text
    assert "Kon Tum, ngày 05 tháng 10 năm 2020" in text
