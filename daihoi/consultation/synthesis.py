"""Báo cáo tổng hợp, tiếp thu, giải trình ý kiến: the synthesis as DOCX in the official layout."""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.utils import timezone

from daihoi.core.dates import format_date
from daihoi.documents import rendering
from daihoi.documents.layout import Layout
from daihoi.documents.models import Document, DocumentKind
from daihoi.organizations.models import Congress
from daihoi.organizations.permissions import Access

from . import selectors, services
from .models import Comment, Consultation
from .selectors import DraftSummary

# STT, section, comment, who, how it was taken: the text width of an A4 portrait page (165 mm).
WIDTHS_MM = (13, 19, 54, 32, 47)
HEADER = ("STT", "Mục", "Nội dung góp ý", "Cơ quan, cá nhân góp ý", "Tiếp thu, giải trình")


def subject(consultation: Consultation) -> str:
    title = consultation.title.strip()
    return "Tổng hợp, tiếp thu, giải trình ý kiến góp ý " + title[:1].lower() + title[1:]


def _document(consultation: Consultation, chain: Sequence[DraftSummary], on: dt.date) -> Document:
    asked = sum(s.asked for s in chain)
    answered = sum(s.answered for s in chain)
    comments = sum(s.comments for s in chain)
    rounds = len([s for s in chain if not s.draft.is_final])
    agency = consultation.drafting_agency
    adopted = ""
    if consultation.adopted_at is not None:
        day = format_date(timezone.localdate(consultation.adopted_at))
        adopted = f" Bản cuối cùng đã được thông qua ngày {day}."
    body = (
        f"{agency.name} đã gửi {consultation.title[:1].lower()}{consultation.title[1:]} "
        f"qua {rounds} lần lấy ý kiến tới {asked} lượt cơ quan, đơn vị và cá nhân; "
        f"đã nhận {answered} lượt trả lời với {comments} ý kiến góp ý.{adopted} "
        f"{agency.name} tổng hợp, tiếp thu, giải trình như sau:"
    )
    return report_document(
        consultation,
        body,
        on,
        recipients="Các cơ quan, đơn vị, cá nhân được lấy ý kiến\nThường trực Tiểu ban (b/c)",
    )


def report_document(
    consultation: Consultation, body: str, on: dt.date, *, recipients: str, title: str = ""
) -> Document:
    """The synthesis report's frame (BC of the drafting agency, signed for its committee),
    shared by the internal synthesis and the public consultation's (portal)."""
    congress: Congress = consultation.congress
    agency = consultation.drafting_agency
    party = congress.document_rules == Congress.Rules.PARTY
    committee = consultation.committee
    return Document(
        congress=congress,
        kind=DocumentKind.BC,
        issuer=agency,
        issuer_code=agency.code or agency.short_name,
        subject=title or subject(consultation),
        issued_on=on,
        body=body,
        recipients=recipients,
        authority=("T/M TIỂU BAN" if party else "TM. TIỂU BAN") if committee else "",
        signer_title="TRƯỞNG TIỂU BAN" if committee else "THỦ TRƯỞNG ĐƠN VỊ",
    )


def _resolution_text(comment: Comment) -> str:
    if comment.is_pending:
        return "Chưa xử lý"
    label = comment.get_resolution_display()
    return f"{label}: {comment.reason}" if comment.reason else str(label)


def render_docx(
    consultation: Consultation,
    chain: Sequence[DraftSummary],
    comments: Sequence[Comment],
    waiting: Sequence[str],
    on: dt.date,
) -> bytes:
    """Per round: a table of every comment and how it was taken; then who has not answered the
    latest round."""
    document = _document(consultation, chain, on)

    def sections(doc: Any, rules: Layout) -> None:
        text = rendering.add_body_text
        for summary in chain:
            draft = summary.draft
            if draft.is_final:
                continue
            rows = [c for c in comments if c.draft_id == draft.pk]
            heading = f"{draft.label} (hạn góp ý {format_date(draft.deadline)})"
            text(
                doc, rules, f"{heading}: {summary.answered}/{summary.asked} nơi đã góp ý", bold=True
            )
            if not rows:
                text(doc, rules, "Không có ý kiến góp ý.", italic=True)
                continue
            rendering.add_table(
                doc,
                HEADER,
                [
                    [str(n), c.section_label, c.text, c.recipient.name, _resolution_text(c)]
                    for n, c in enumerate(rows, start=1)
                ],
                widths_mm=WIDTHS_MM,
                right_aligned={0},
                size=11,
            )
        if waiting:
            text(doc, rules, "Cơ quan, đơn vị, cá nhân chưa gửi ý kiến", bold=True)
            text(doc, rules, "; ".join(waiting) + ".")

    return rendering.render_docx(document, after_body=sections)


def filename(consultation: Consultation, on: dt.date) -> str:
    return f"tong-hop-y-kien-{consultation.pk}-{on:%Y%m%d}.docx"


def synthesis_file(access: Access, consultation: Consultation, on: dt.date) -> tuple[bytes, str]:
    """The synthesis as the drafters download it (page or API): the comments `access` sees, the
    recipients still owing an answer while the round is open, and the file's name."""
    current = services.current_draft(consultation)
    waiting = (
        [r.name for r in selectors.answer_tracking(current) if not r.has_answered]
        if not current.is_final
        else []
    )
    content = render_docx(
        consultation,
        selectors.revision_chain(consultation),
        list(selectors.comments_visible(access, consultation)),
        waiting,
        on,
    )
    return content, filename(consultation, on)
