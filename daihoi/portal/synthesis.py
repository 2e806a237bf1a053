"""Báo cáo tổng hợp ý kiến nhân dân góp ý dự thảo: the public consultation's synthesis as DOCX
in the official layout, on the consultation app's report frame (`report_document`)."""

import datetime as dt
from typing import Any

from daihoi.consultation.synthesis import report_document
from daihoi.core.dates import format_date
from daihoi.documents import rendering
from daihoi.documents.layout import Layout

from . import selectors
from .models import Moderation, PublicConsultation, Sender, Submission

COUNT_WIDTHS_MM = (63, 18, 18, 22, 26, 18)  # 165 mm: the page's width inside its margins
THEME_WIDTHS_MM = (12, 28, 55, 18, 52)
THEME_HEADER = ("STT", "Mục", "Nhóm ý kiến", "Số ý kiến", "Tiếp thu, giải trình")


def _resolution(theme: Any) -> str:
    if theme.resolution == "pending":
        return "Chưa xử lý"
    label = theme.get_resolution_display()
    return f"{label}: {theme.reason}" if theme.reason else str(label)


def _draft_name(title: str) -> str:
    """The draft's name inside a sentence: "dự thảo Báo cáo chính trị…"."""
    title = title.strip()
    if title.lower().startswith("dự thảo"):
        return title[:1].lower() + title[1:]
    return f"dự thảo {title}"


def render_docx(public: PublicConsultation, on: dt.date) -> bytes:
    consultation = public.draft.consultation
    counts = selectors.counts_by_section(public)
    themes = selectors.themes_of(public)
    comments = selectors.approved_for_grouping(public)
    submissions = list(
        Submission.objects.filter(consultation=public, status=Moderation.APPROVED).only(
            "name", "sender"
        )
    )
    total = sum(c.total for c in counts)
    agency = consultation.drafting_agency
    draft_name = _draft_name(consultation.title)
    # The Front's committees that sent their consolidated comments receive the synthesis.
    fronts = sorted({s.name for s in submissions if s.sender == Sender.FRONT})
    body = (
        f"Thực hiện việc lấy ý kiến nhân dân, {draft_name} "
        f"({public.draft.label}) được công bố trên Cổng thông tin Đại hội để cán bộ, đảng viên, "
        f"nhân dân, đại biểu và các cơ quan, tổ chức góp ý đến hết ngày "
        f"{format_date(public.closes_on)}. Đã nhận {len(submissions)} lượt góp ý với {total} "
        f"ý kiến (sau kiểm duyệt), trong đó có ý kiến tổng hợp của Mặt trận Tổ quốc. "
        f"{agency.name} tổng hợp, tiếp thu, giải trình như sau:"
    )
    document = report_document(
        consultation,
        body,
        on,
        recipients="\n".join(["Thường trực Tiểu ban Văn kiện (b/c)", *fronts]),
        title=f"Tổng hợp, tiếp thu, giải trình ý kiến nhân dân góp ý {draft_name}",
    )
    ungrouped = len([c for c in comments if c.theme_id is None])

    def sections(doc: Any, rules: Layout) -> None:
        text = rendering.add_body_text
        text(doc, rules, "I. SỐ Ý KIẾN THEO MỤC VÀ THEO ĐỐI TƯỢNG GÓP Ý", bold=True)
        header = ["Mục", *[label for _, label in selectors.SENDERS], "Cộng"]
        rows = [
            [c.label, *[str(c.by_sender.get(key, 0)) for key, _ in selectors.SENDERS], str(c.total)]
            for c in counts
        ]
        by_sender = [sum(c.by_sender.get(key, 0) for c in counts) for key, _ in selectors.SENDERS]
        rows.append(["Tổng cộng", *[str(n) for n in by_sender], str(total)])
        rendering.add_table(
            doc,
            header,
            rows,
            widths_mm=COUNT_WIDTHS_MM,
            right_aligned={1, 2, 3, 4, 5},
            bold_rows={len(rows) - 1},
            size=11,
        )
        text(doc, rules, "II. TIẾP THU, GIẢI TRÌNH THEO NHÓM Ý KIẾN", bold=True)
        if not themes:
            text(doc, rules, "Chưa nhóm ý kiến nào.", italic=True)
        else:
            rendering.add_table(
                doc,
                THEME_HEADER,
                [
                    [
                        str(n),
                        t.section.label if t.section else "Toàn văn",
                        t.title,
                        str(t.size),  # type: ignore[attr-defined]
                        _resolution(t),
                    ]
                    for n, t in enumerate(themes, start=1)
                ],
                widths_mm=THEME_WIDTHS_MM,
                right_aligned={0, 3},
                size=11,
            )
        if ungrouped:
            text(doc, rules, f"Còn {ungrouped} ý kiến chưa được phân nhóm, tiếp thu, giải trình.")

    return rendering.render_docx(document, after_body=sections)


def filename(public: PublicConsultation, on: dt.date) -> str:
    return f"tong-hop-y-kien-nhan-dan-{public.pk}-{on:%Y%m%d}.docx"
