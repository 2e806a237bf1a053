"""The structure statistics as XLSX and as the credentials report (DOCX, Party layout)."""

import datetime as dt

from daihoi.core.spreadsheets import table_workbook
from daihoi.documents import rendering
from daihoi.documents.models import Document, DocumentKind
from daihoi.extraction.roman import to_roman
from daihoi.organizations.models import Agency, Congress

from .statistics import Statistics

HEADER = ["STT", "Tiêu chí", "Số đại biểu", "Tỷ lệ (%)"]


def _rows(stats: Statistics) -> tuple[list[list], set[int]]:
    """The tables as one list: a bold line per table (I. Giới tính…), then its rows."""
    rows: list[list] = []
    bold: set[int] = set()
    for number, table in enumerate(stats.tables, start=1):
        bold.add(len(rows))
        rows.append([to_roman(number), table.title, "", ""])
        rows.extend(
            [str(i), row.label, row.count, row.percent_text]
            for i, row in enumerate(table.rows, start=1)
        )
    return rows, bold


def statistics_xlsx(congress: Congress, stats: Statistics) -> bytes:
    rows, _ = _rows(stats)
    return table_workbook(
        "Cơ cấu đại biểu",
        HEADER,
        rows,
        widths=[8, 40, 14, 12],
        heading=[
            f"Cơ cấu đại biểu chính thức — {congress.full_title}",
            f"Tổng số: {stats.total} đại biểu; tuổi đời, tuổi Đảng tính đến ngày "
            f"{stats.reference:%d/%m/%Y}",
        ],
        number_columns={2},
    )


def report_document(congress: Congress, today: dt.date) -> Document:
    """An unsaved report of the credentials board, numbered when the board issues it."""
    superior = Agency(congress=congress, name=congress.organization, code="")
    board = Agency(
        congress=congress,
        name="Ban Thẩm tra tư cách đại biểu",
        code="BTTTC",
        layout=Congress.Rules.PARTY,
        parent=superior,
    )
    body = (
        f"Căn cứ Điều lệ Đảng và Quy chế bầu cử trong Đảng, Ban Thẩm tra tư cách đại biểu đã "
        f"thẩm tra tư cách đại biểu dự {congress.full_title}. Ban Thẩm tra tư cách đại biểu "
        "báo cáo cơ cấu đại biểu chính thức như sau:"
    )
    return Document(
        congress=congress,
        kind=DocumentKind.BC,
        issuer=board,
        issuer_code="BTTTC",
        subject=f"Thẩm tra tư cách đại biểu dự {congress.name}",
        issued_on=today,
        body=body,
        recipients="Đoàn Chủ tịch Đại hội\nCác đại biểu dự Đại hội",
        authority="T/M BAN THẨM TRA TƯ CÁCH ĐẠI BIỂU",
        signer_title="TRƯỞNG BAN",
    )


def statistics_docx(congress: Congress, stats: Statistics, today: dt.date) -> bytes:
    document = report_document(congress, today)
    rows, bold = _rows(stats)

    def tables(doc, rules) -> None:
        rendering.add_body_text(
            doc,
            rules,
            f"Tổng số đại biểu chính thức: {stats.total} đồng chí. Tuổi đời, tuổi Đảng tính "
            f"đến ngày {stats.reference:%d/%m/%Y}.",
        )
        rendering.add_table(
            doc,
            HEADER,
            [[str(v) for v in row] for row in rows],
            widths_mm=[14, 91, 30, 30],
            right_aligned={2, 3},
            bold_rows=bold,
        )
        rendering.add_body_text(
            doc,
            rules,
            "Ban Thẩm tra tư cách đại biểu báo cáo Đại hội xem xét, thông qua./.",
        )

    return rendering.render_docx(document, after_body=tables)
