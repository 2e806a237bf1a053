import datetime as dt
import io

from docx import Document as DocxDocument

from daihoi.consultation import selectors, services, synthesis

from .helpers import officer, secretariat, send_rule


def _text(content: bytes) -> tuple[str, list[list[str]]]:
    doc = DocxDocument(io.BytesIO(content))
    text = "\n".join(p.text for p in doc.paragraphs)
    rows = [[c.text for c in row.cells] for table in doc.tables[1:-1] for row in table.rows]
    return text, rows


def test_the_synthesis_lists_every_comment_with_how_it_was_taken_and_who_has_not_answered(world):
    consultation = send_rule(world, people=[world.chair])
    draft = services.current_draft(consultation)
    article = draft.sections.get(label="Điều 3")
    comments = services.comments_submit(
        access=officer(world),
        draft=draft,
        entries=[
            services.Entry(article.pk, "Họp hai tuần một lần."),
            services.Entry(None, "Nhất trí về bố cục."),
        ],
    )
    services.comment_resolve(
        access=secretariat(world),
        comment=comments[0],
        resolution="explained",
        reason="Giữ họp tháng; họp đột xuất khi cần.",
    )
    access = secretariat(world)
    content = synthesis.render_docx(
        consultation,
        selectors.revision_chain(consultation),
        list(selectors.comments_visible(access, consultation)),
        ["Sở Tài chính", "Nguyễn Hữu Hải"],
        dt.date(2020, 9, 5),
    )
    text, rows = _text(content)
    assert "BÁO CÁO" in text
    assert "Tổng hợp, tiếp thu, giải trình ý kiến góp ý dự thảo Quy chế làm việc" in text
    assert "Dự thảo lần 1" in text and "1/3 nơi đã góp ý" in text
    assert rows[0] == [
        "STT",
        "Mục",
        "Nội dung góp ý",
        "Cơ quan, cá nhân góp ý",
        "Tiếp thu, giải trình",
    ]
    assert rows[1] == [
        "1",
        "Toàn văn",
        "Nhất trí về bố cục.",
        "Ban Tuyên giáo Tỉnh ủy",
        "Chưa xử lý",
    ]
    assert rows[2][1:] == [
        "Điều 3",
        "Họp hai tuần một lần.",
        "Ban Tuyên giáo Tỉnh ủy",
        "Giải trình: Giữ họp tháng; họp đột xuất khi cần.",
    ]
    assert "Sở Tài chính; Nguyễn Hữu Hải." in text
    header = DocxDocument(io.BytesIO(content)).tables[0].rows[0].cells
    assert "VĂN PHÒNG TỈNH ỦY" in header[0].text
    assert "Kon Tum, ngày 05 tháng 9 năm 2020" in header[1].text


def test_the_synthesis_of_an_adopted_draft_says_when_it_was_adopted(world):
    consultation = send_rule(world)
    services.consultation_adopt(
        access=secretariat(world), consultation=consultation, body="Điều 1. Phạm vi"
    )
    consultation.refresh_from_db()
    content = synthesis.render_docx(
        consultation, selectors.revision_chain(consultation), [], [], dt.date(2020, 9, 5)
    )
    text, _ = _text(content)
    assert "Bản cuối cùng đã được thông qua ngày" in text
    assert "Không có ý kiến góp ý." in text
