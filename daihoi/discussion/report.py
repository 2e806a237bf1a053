"""Báo cáo tổng hợp ý kiến thảo luận tổ: the synthesis of the groups' comments on a draft as DOCX
in the official layout, in the frame of the consultation's synthesis report (its writer)."""

import datetime as dt
from typing import Any

from daihoi.consultation import synthesis as consultation_synthesis
from daihoi.documents import rendering
from daihoi.documents.layout import Layout

from .models import GroupComment, Theme
from .selectors import Synthesis

# STT, the comment (or the theme's summary), the groups, how it was taken: 165 mm of A4 text.
WIDTHS_MM = (13, 67, 35, 50)
HEADER = ("STT", "Nội dung ý kiến", "Tổ thảo luận", "Tiếp thu, giải trình")
COUNT_WIDTHS_MM = (13, 112, 40)


def _who(comment: GroupComment) -> str:
    if comment.supporters:
        return f"{comment.group.name} ({comment.supporters} đại biểu)"
    return comment.group.name


def _taken(item: GroupComment | Theme) -> str:
    if item.is_pending:
        return "Chưa xử lý"
    label = str(item.get_resolution_display())
    return f"{label}: {item.reason}" if item.reason else label


def title(synthesis: Synthesis) -> str:
    document = synthesis.draft.consultation.title.strip()
    return "Tổng hợp ý kiến thảo luận tổ về " + document[:1].lower() + document[1:]


def render_docx(synthesis: Synthesis, on: dt.date) -> bytes:
    consultation = synthesis.draft.consultation
    totals = synthesis.totals
    groups = len([n for _, n in synthesis.by_group if n])
    body = (
        f"Tại các phiên thảo luận tổ, {groups} tổ thảo luận đã có {totals['all']} ý kiến về "
        f"{consultation.title[:1].lower()}{consultation.title[1:]} ({synthesis.draft.label}). "
        f"Đã tiếp thu {totals['accepted']} ý kiến, giải trình {totals['explained']} ý kiến, "
        f"còn {totals['pending']} ý kiến chưa xử lý. Các ý kiến cùng nội dung của nhiều tổ được "
        "gộp thành nhóm ý kiến. Tổng hợp cụ thể như sau:"
    )
    document = consultation_synthesis.report_document(
        consultation,
        body,
        on,
        recipients="Đoàn Chủ tịch Đại hội (b/c)\nCác tổ thảo luận",
        title=title(synthesis),
    )

    def sections(doc: Any, rules: Layout) -> None:
        text = rendering.add_body_text
        for block in synthesis.blocks:
            text(doc, rules, f"{block.label}: {block.count} ý kiến", bold=True)
            rows = []
            for theme in block.themes:
                grouped = theme.grouped  # type: ignore[attr-defined]
                names = "; ".join(_who(c) for c in grouped)
                rows.append([theme.summary, names, _taken(theme)])
            for comment in block.loose:
                rows.append([comment.text, _who(comment), _taken(comment)])
            rendering.add_table(
                doc,
                HEADER,
                [[str(n), *row] for n, row in enumerate(rows, start=1)],
                widths_mm=WIDTHS_MM,
                right_aligned={0},
                size=11,
            )
        text(doc, rules, "Số ý kiến của từng tổ", bold=True)
        rendering.add_table(
            doc,
            ("STT", "Tổ thảo luận", "Số ý kiến"),
            [
                [str(n), name, str(count)]
                for n, (name, count) in enumerate(synthesis.by_group, start=1)
            ],
            widths_mm=COUNT_WIDTHS_MM,
            right_aligned={0, 2},
            size=11,
        )

    return rendering.render_docx(document, after_body=sections)


def filename(synthesis: Synthesis, on: dt.date) -> str:
    return f"tong-hop-thao-luan-to-{synthesis.draft.pk}-{on:%Y%m%d}.docx"
