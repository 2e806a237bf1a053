"""Kon Tum's group discussion of the draft political report: what the two discussion groups said
during the group session, section by section, recorded through the discussion services; two
groups' comments on agriculture gathered into one theme and accepted, one comment explained, the
rest waiting for the Document subcommittee.

Idempotent: nothing is recorded when the congress already has group comments, or has no draft
political report or no discussion groups.
"""

from typing import TYPE_CHECKING

from daihoi.consultation import services as consultation_services
from daihoi.consultation.models import Consultation
from daihoi.delegates.models import DiscussionGroup
from daihoi.discussion import services
from daihoi.discussion.models import GroupComment
from daihoi.programme.models import Session

from .portal_demo import REPORT_TITLE

if TYPE_CHECKING:
    from .loader import _CongressLoader

# (group order, section label or None for the whole text, delegates sharing the view, text)
COMMENTS = [
    (
        1,
        None,
        31,
        "Tổ nhất trí cao với bố cục và nội dung dự thảo; số liệu cần cập nhật đến hết tháng 9.",
    ),
    (
        1,
        "II.1",
        9,
        "Đề nghị ghi rõ mục tiêu diện tích cây dược liệu dưới tán rừng đến năm 2025 "
        "và vùng bảo tồn sâm Ngọc Linh.",
    ),
    (
        1,
        "III.1",
        None,
        "Cần có giải pháp cụ thể tạo nguồn cán bộ trẻ, cán bộ nữ, cán bộ người "
        "dân tộc thiểu số ở cơ sở.",
    ),
    (
        2,
        "II.1",
        12,
        "Bổ sung nội dung liên kết sản xuất, tiêu thụ dược liệu và xây dựng thương "
        "hiệu sâm Ngọc Linh Kon Tum.",
    ),
    (
        2,
        "I.1",
        5,
        "Phần đánh giá kinh tế nên nêu thêm hạn chế về thu hút đầu tư vào các khu công nghiệp.",
    ),
    (
        2,
        "II.2",
        None,
        "Đô thị Kon Tum cần gắn với bảo tồn nhà rông và không gian văn hóa cồng chiêng.",
    ),
]


def load_discussion(loader: "_CongressLoader") -> int:
    congress = loader.congress
    if GroupComment.objects.filter(congress=congress).exists():
        return 0
    consultation = Consultation.objects.filter(congress=congress, title=REPORT_TITLE).first()
    groups = {g.order: g for g in DiscussionGroup.objects.filter(congress=congress)}
    if consultation is None or not consultation.is_open or not groups:
        return 0
    draft = consultation_services.current_draft(consultation)
    sections = {s.label: s for s in draft.sections.all()}
    session = (
        Session.objects.filter(congress=congress, items__title__icontains="thảo luận tại tổ")
        .order_by("starts_at")
        .first()
    )
    access = loader.secretariat
    recorded = []
    labels: dict[int, str | None] = {}
    for order, label, supporters, text in COMMENTS:
        if order not in groups or (label and label not in sections):
            continue
        comment = services.group_comment_record(
            access=access,
            group=groups[order],
            fields=services.CommentFields(
                draft_id=draft.pk,
                section=sections[label] if label else None,
                session=session,
                text=text,
                supporters=supporters,
            ),
        )
        recorded.append(comment)
        labels[comment.pk] = label
    on_herbs = [c.pk for c in recorded if labels[c.pk] == "II.1"]
    if on_herbs:
        theme = services.theme_create(
            access=access,
            comment_ids=on_herbs,
            summary="Làm rõ mục tiêu phát triển dược liệu, liên kết tiêu thụ và thương hiệu sâm "
            "Ngọc Linh.",
            draft_id=draft.pk,
        )
        services.theme_update(
            access=access,
            theme=theme,
            summary=theme.summary,
            resolution="accepted",
            reason="Bổ sung chỉ tiêu diện tích dược liệu và giải pháp liên kết tiêu thụ vào mục "
            "II.1.",
            version=None,
        )
    for comment in recorded:
        if labels[comment.pk] == "I.1":
            services.group_comment_resolve(
                access=access,
                comment=comment,
                resolution="explained",
                reason="Hạn chế về thu hút đầu tư đã nêu ở phần đánh giá chung của Báo cáo.",
            )
    return len(recorded)
