"""One request's answers compiled into one report (Báo cáo tổng hợp) in the official layout."""

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from daihoi.core.dates import format_date
from daihoi.documents import rendering
from daihoi.documents.layout import Layout
from daihoi.documents.models import Document
from daihoi.organizations.permissions import Access

from .models import ColumnKind, ReportRequest, ReportSubmission
from .report import issuing_agency, unsaved_report
from .services import parse_number

# Columns of figures per table beside STT and the agency, so a table fits the page's width.
COLUMNS_PER_TABLE = 4
NOT_SENT = "—"
AGENCIES = "cơ quan, đơn vị"
CONGRESSES_BELOW = "Đại hội cấp dưới"


def subject(request: ReportRequest) -> str:
    title = " ".join(request.title.split())
    first = title.split(" ", 1)[0]
    return "Tổng hợp " + (title if first.isupper() else title[:1].lower() + title[1:])


def format_figure(number: Decimal) -> str:
    """1234567.5 → "1.234.567,5", as Vietnamese figures are written."""
    sign = "-" if number < 0 else ""
    number = abs(number)
    whole = int(number)
    fraction = number - whole
    text = f"{whole:,}".replace(",", ".")
    if fraction:
        text += "," + f"{fraction.normalize():f}".split(".", 1)[1]
    return sign + text


def column_sets(columns: Sequence[dict]) -> list[list[tuple[int, dict]]]:
    indexed = list(enumerate(columns))
    return [indexed[i : i + COLUMNS_PER_TABLE] for i in range(0, len(indexed), COLUMNS_PER_TABLE)]


def request_document(
    access: Access,
    request: ReportRequest,
    sent: int,
    asked: int,
    issued_on: dt.date,
    who: str = AGENCIES,
) -> Document:
    """An unsaved document: compiled from the live answers, not registered."""
    issuer = issuing_agency(access)
    return unsaved_report(
        access,
        issuer,
        subject=subject(request),
        issued_on=issued_on,
        body=(
            f"Thực hiện yêu cầu báo cáo “{request.title}” (hạn gửi "
            f"{format_date(request.deadline)}), đã có {sent}/{asked} {who} gửi báo cáo. "
            f"{issuer.name} tổng hợp như sau:"
        ),
        recipients=f"Thường trực Tiểu ban (b/c)\nCác {who} được yêu cầu báo cáo",
    )


def _figures_table(
    doc: Any,
    columns: list[tuple[int, dict]],
    submissions: Sequence[ReportSubmission],
    who: str = AGENCIES,
) -> None:
    width = (165 - 12 - 55) / len(columns)
    rows = []
    totals: dict[int, Decimal] = {i: Decimal(0) for i, c in columns if _is_number(c)}
    for n, s in enumerate(submissions, start=1):
        cells = []
        for i, column in columns:
            value = s.values[i] if i < len(s.values) else ""
            if not s.is_submitted:
                cells.append(NOT_SENT)
                continue
            number = parse_number(value) if _is_number(column) else None
            if number is not None:
                totals[i] += number
                cells.append(format_figure(number))
            else:
                cells.append(value)
        name = s.answerer_name + ("" if s.is_submitted else " (chưa gửi)")
        rows.append([str(n), name, *cells])
    numeric = {2 + k for k, (i, _) in enumerate(columns) if i in totals}
    if totals:
        rows.append(
            ["", "Cộng", *(format_figure(totals[i]) if i in totals else "" for i, _ in columns)]
        )
    rendering.add_table(
        doc,
        ["STT", who[:1].upper() + who[1:], *(c["label"] for _, c in columns)],
        rows,
        widths_mm=[12, 55, *([width] * len(columns))],
        right_aligned={0, *numeric},
        bold_rows={len(rows) - 1} if totals else set(),
        size=11,
    )


def _is_number(column: dict) -> bool:
    return column.get("kind") == ColumnKind.NUMBER


def render_docx(
    access: Access,
    request: ReportRequest,
    submissions: Sequence[ReportSubmission],
    issued_on: dt.date,
) -> bytes:
    """Sections: the figures (a table per set of columns, a totals row for number columns), what
    each agency wrote, and who has not sent yet; then the signature and the recipients."""
    sent = [s for s in submissions if s.is_submitted]
    missing = [s for s in submissions if not s.is_submitted]
    who = CONGRESSES_BELOW if request.to_congresses_below else AGENCIES
    document = request_document(access, request, len(sent), len(submissions), issued_on, who)

    def sections(doc: Any, rules: Layout) -> None:
        text = rendering.add_body_text
        number = 1
        if request.columns:
            text(doc, rules, f"{number}. Số liệu các {who} báo cáo", bold=True)
            sets = column_sets(request.columns)
            for k, columns in enumerate(sets, start=1):
                if len(sets) > 1:
                    text(doc, rules, f"Bảng {k}", italic=True)
                _figures_table(doc, columns, submissions, who)
            number += 1
        text(doc, rules, f"{number}. Nội dung báo cáo của các {who}", bold=True)
        written = [s for s in sent if s.text.strip()]
        if not written:
            text(doc, rules, f"Các {who} không gửi kèm nội dung.", italic=True)
        for s in written:
            text(doc, rules, f"- {s.answerer_name}: {' '.join(s.text.split())}")
        number += 1
        text(doc, rules, f"{number}. {who[:1].upper() + who[1:]} chưa gửi báo cáo", bold=True)
        if missing:
            text(doc, rules, "; ".join(s.answerer_name for s in missing) + ".")
        else:
            text(doc, rules, f"Tất cả các {who} đã gửi báo cáo.", italic=True)

    return rendering.render_docx(document, after_body=sections)


def filename(request: ReportRequest, today: dt.date) -> str:
    return f"tong-hop-bao-cao-{request.pk}-{today:%Y%m%d}.docx"
