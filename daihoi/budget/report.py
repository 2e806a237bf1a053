"""The compiled budget as a report (Báo cáo) of the Finance department, in the official layout.

Sở Tài chính is a state body, so its report follows Decree 30/2020 whatever the rules of the
congress's own (Party) documents.
"""

import copy
import datetime as dt

from daihoi.core.exceptions import BusinessError
from daihoi.core.money import amount_in_words, format_vnd
from daihoi.documents import rendering
from daihoi.documents.models import Document, DocumentKind
from daihoi.organizations.models import Agency, Congress

from .selectors import Compilation

SUBJECT = "Tổng hợp dự trù kinh phí phục vụ Đại hội"


def _money(amount: int | None) -> str:
    return format_vnd(amount).removesuffix(" đ") if amount is not None else "—"


def finance_agency(congress: Congress) -> Agency:
    agency = (
        Agency.objects.filter(congress=congress, is_finance=True).select_related("parent").first()
    )
    if agency is None:
        raise BusinessError("Đại hội chưa có cơ quan tài chính (Sở Tài chính) để đứng tên báo cáo.")
    return agency


def report_document(congress: Congress, issuer: Agency, today: dt.date) -> Document:
    """An unsaved document: the report is printed from the live figures, not registered."""
    state_issuer = copy.copy(issuer)
    state_issuer.layout = Congress.Rules.STATE
    body = (
        f"Thực hiện nhiệm vụ được phân công phục vụ {congress.full_title}, trên cơ sở dự trù "
        f"kinh phí của các cơ quan, đơn vị, {issuer.name} tổng hợp, báo cáo như sau:"
    )
    return Document(
        congress=congress,
        kind=DocumentKind.BC,
        issuer=state_issuer,
        issuer_code=issuer.code or issuer.short_name,
        subject=SUBJECT,
        issued_on=today,
        body=body,
        recipients=(
            "Thường trực Tiểu ban Tổ chức phục vụ Đại hội (b/c)\nCác cơ quan, đơn vị có dự trù"
        ),
        authority="KT. GIÁM ĐỐC",
        signer_title="PHÓ GIÁM ĐỐC",
    )


def render_report(congress: Congress, compiled: Compilation, today: dt.date) -> bytes:
    issuer = finance_agency(congress)
    document = report_document(congress, issuer, today)

    def tables(doc, rules) -> None:
        rendering.add_body_text(
            doc,
            rules,
            "1. Tổng hợp theo cơ quan, đơn vị, gồm cả dự trù bổ sung (đơn vị tính: đồng)",
        )
        rows = []
        for i, row in enumerate(compiled.by_agency, start=1):
            rows.append(
                [
                    str(i),
                    row.agency_name,
                    row.status_label,
                    _money(row.requested),
                    _money(row.approved),
                ]
            )
            # The agency's row already counts its supplements; these rows say what they were.
            rows.extend(
                [
                    "",
                    f"trong đó {s.supplement_label.lower()}",
                    s.status_label,
                    _money(s.requested_total),
                    _money(s.approved_total),
                ]
                for s in row.supplements
            )
        rows.append(["", "Tổng cộng", "", _money(compiled.requested), _money(compiled.approved)])
        rendering.add_table(
            doc,
            ["STT", "Cơ quan, đơn vị", "Tình trạng", "Đề nghị", "Thẩm định"],
            rows,
            widths_mm=[12, 58, 35, 30, 30],
            right_aligned={0, 3, 4},
            bold_rows={len(rows) - 1},
        )
        rendering.add_body_text(doc, rules, "2. Tổng hợp theo nhóm chi (đơn vị tính: đồng)")
        category_rows = [
            [str(i), r.label, _money(r.requested), _money(r.approved)]
            for i, r in enumerate(compiled.by_category, start=1)
        ]
        rendering.add_table(
            doc,
            ["STT", "Nhóm chi", "Đề nghị", "Thẩm định"],
            category_rows,
            widths_mm=[12, 93, 30, 30],
            right_aligned={0, 2, 3},
        )
        rendering.add_body_text(
            doc,
            rules,
            f"Tổng kinh phí các cơ quan, đơn vị đề nghị: {format_vnd(compiled.requested)}; "
            f"{issuer.name} thẩm định: {format_vnd(compiled.approved)}.",
        )
        rendering.add_body_text(
            doc, rules, f"Bằng chữ: {amount_in_words(compiled.approved)}.", italic=True
        )
        rendering.add_body_text(
            doc,
            rules,
            f"{issuer.name} báo cáo Thường trực Tiểu ban xem xét, bố trí kinh phí để các cơ "
            "quan, đơn vị thực hiện nhiệm vụ đúng tiến độ./.",
        )

    return rendering.render_docx(document, after_body=tables)


def report_filename(today: dt.date) -> str:
    return f"tong-hop-du-tru-kinh-phi-{today:%Y%m%d}.docx"
