"""The public side of a draft's consultation: opened to everyone until a closing day, comments
per section from citizens, delegates and agencies (held for moderation), the Front's
consolidated comments entered as one submission, and the Document subcommittee's grouping and
tiếp thu / giải trình of what was said. The draft and its sections are the consultation app's."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from daihoi.consultation import permissions as drafting
from daihoi.consultation.models import Draft, Section
from daihoi.consultation.services import resolution_checked
from daihoi.core.audit import record
from daihoi.core.dates import format_date
from daihoi.core.dates import today as local_today
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require
from daihoi.organizations.permissions import Access

from ..models import (
    Moderation,
    PortalAction,
    PublicComment,
    PublicConsultation,
    Sender,
    Submission,
    Theme,
)
from .comments import BANNED, Sent, Visitor, is_banned

DRAFTERS_ONLY = drafting.DRAFTERS_ONLY
CLOSED = "Đã hết hạn góp ý (hạn cuối {day}); ý kiến không được nhận."


def _require_drafter(access: Access, public: PublicConsultation) -> None:
    require(
        public.congress_id == access.congress.pk
        and drafting.can_manage(access, public.draft.consultation),
        DRAFTERS_ONLY,
    )


@transaction.atomic
def public_consultation_open(
    *, access: Access, draft: Draft, title: str, closes_on: dt.date | None, intro: str = ""
) -> PublicConsultation:
    """Publishes the draft's sections for everyone's comments until `closes_on`."""
    consultation = draft.consultation
    require(
        consultation.congress_id == access.congress.pk
        and drafting.can_manage(access, consultation),
        DRAFTERS_ONLY,
    )
    if draft.is_final or not consultation.is_open:
        raise BusinessError("Chỉ công bố lấy ý kiến được dự thảo chưa thông qua.", field="draft")
    if PublicConsultation.objects.filter(draft=draft).exists():
        raise BusinessError("Bản dự thảo này đã được công bố lấy ý kiến nhân dân.", field="draft")
    if closes_on is None or closes_on < local_today():
        raise BusinessError("Hạn cuối nhận góp ý phải từ hôm nay trở đi.", field="closes_on")
    title = title.strip() or consultation.title
    public = PublicConsultation.objects.create(
        congress=access.congress,
        draft=draft,
        title=title[:300],
        intro=intro.strip(),
        closes_on=closes_on,
        created_by=access.user,
    )
    record(access, PortalAction.CONSULTATION_OPENED, public, data={"closes_on": str(closes_on)})
    return public


@transaction.atomic
def public_comment_post(
    *,
    public: PublicConsultation,
    section: Section | None,
    sent: Sent,
    sender: str,
    text: str,
    title: str = "",
    organisation: str = "",
) -> Submission:
    """A comment from the public on one section (or the whole draft), held for moderation;
    refused once the consultation has closed."""
    locked = PublicConsultation.objects.select_for_update().get(pk=public.pk)
    if not locked.is_open:
        raise BusinessError(CLOSED.format(day=format_date(locked.closes_on)))
    if sender not in (Sender.CITIZEN, Sender.DELEGATE, Sender.AGENCY):
        raise BusinessError("Hãy chọn bạn góp ý với tư cách nào.", field="sender")
    if section is not None and section.draft_id != locked.draft_id:
        raise BusinessError("Mục được góp ý không thuộc dự thảo này.")
    sent = sent.checked()
    if is_banned(locked.congress_id, sent.email, sent.ip):
        raise BusinessError(BANNED)
    text = text.strip()
    if not text:
        raise BusinessError("Hãy nhập nội dung góp ý.", field="text")
    submission = Submission.objects.create(
        consultation=locked,
        sender=sender,
        organisation=organisation.strip()[:200],
        name=sent.name,
        email=sent.email,
        phone=sent.phone,
        ip=sent.ip,
    )
    PublicComment.objects.create(
        submission=submission, section=section, title=title.strip()[:200], text=text
    )
    record(Visitor(locked.congress), PortalAction.POSTED, submission)
    return submission


@dataclass(frozen=True)
class FrontEntry:
    section_id: int | None
    text: str


@transaction.atomic
def front_submission_enter(
    *,
    access: Access,
    public: PublicConsultation,
    name: str,
    email: str,
    entries: Sequence[FrontEntry],
    organisation: str = "",
) -> Submission:
    """The Fatherland Front's consolidated comments (from its own consultations of the people)
    entered by the drafting side as one submission, already approved."""
    _require_drafter(access, public)
    given = [FrontEntry(e.section_id, e.text.strip()) for e in entries if e.text.strip()]
    if not given:
        raise BusinessError("Hãy nhập ý kiến vào ít nhất một mục.")
    sections = set(public.draft.sections.values_list("pk", flat=True))
    if any(e.section_id is not None and e.section_id not in sections for e in given):
        raise BusinessError("Mục được góp ý không thuộc dự thảo này.")
    sent = Sent(name=name, email=email).checked()
    submission = Submission.objects.create(
        consultation=public,
        sender=Sender.FRONT,
        organisation=organisation.strip()[:200],
        name=sent.name,
        email=sent.email,
        status=Moderation.APPROVED,
        entered_by=access.user,
        moderated_by=access.user,
        moderated_at=timezone.now(),
    )
    PublicComment.objects.bulk_create(
        PublicComment(submission=submission, section_id=e.section_id, text=e.text) for e in given
    )
    record(access, PortalAction.FRONT_ENTERED, submission, data={"comments": len(given)})
    return submission


def _approved_comments(public: PublicConsultation, ids: Sequence[int]) -> list[PublicComment]:
    rows = list(
        PublicComment.objects.select_for_update().filter(
            pk__in=list(ids),
            submission__consultation=public,
            submission__status=Moderation.APPROVED,
        )
    )
    if not rows:
        raise BusinessError("Hãy chọn ít nhất một ý kiến đã được duyệt.")
    return rows


@transaction.atomic
def theme_create(
    *,
    access: Access,
    public: PublicConsultation,
    title: str,
    comment_ids: Sequence[int],
    section: Section | None = None,
) -> Theme:
    """Groups the chosen (approved) comments under a new theme."""
    _require_drafter(access, public)
    if not title.strip():
        raise BusinessError("Hãy nêu nội dung chung của nhóm ý kiến.", field="title")
    rows = _approved_comments(public, comment_ids)
    if section is None:
        first = {r.section_id for r in rows}
        section = rows[0].section if len(first) == 1 else None
    if section is not None and section.draft_id != public.draft_id:
        raise BusinessError("Mục không thuộc dự thảo này.")
    theme = Theme.objects.create(consultation=public, section=section, title=title.strip()[:300])
    PublicComment.objects.filter(pk__in=[r.pk for r in rows]).update(theme=theme)
    record(access, PortalAction.THEME_SAVED, theme, data={"comments": len(rows)})
    return theme


@transaction.atomic
def theme_assign(
    *, access: Access, public: PublicConsultation, theme: Theme, comment_ids: Sequence[int]
) -> int:
    """Moves the chosen comments into an existing theme."""
    _require_drafter(access, public)
    if theme.consultation_id != public.pk:
        raise BusinessError("Nhóm ý kiến không thuộc đợt lấy ý kiến này.")
    rows = _approved_comments(public, comment_ids)
    PublicComment.objects.filter(pk__in=[r.pk for r in rows]).update(theme=theme)
    record(access, PortalAction.THEME_SAVED, theme, data={"comments": len(rows)})
    return len(rows)


@transaction.atomic
def theme_resolve(
    *, access: Access, public: PublicConsultation, theme: Theme, resolution: str, reason: str
) -> Theme:
    """Marks a theme accepted (tiếp thu) or explained (giải trình, with its reason). Locks it."""
    _require_drafter(access, public)
    resolution, reason = resolution_checked(resolution, reason)
    locked = Theme.objects.select_for_update().get(pk=theme.pk, consultation=public)
    old = locked.get_resolution_display()
    locked.mark(resolution, reason, access.user)
    locked.save(update_fields=Theme.RESOLUTION_FIELDS)
    record(
        access,
        PortalAction.THEME_RESOLVED,
        locked,
        reason=reason,
        changes=[["Tiếp thu, giải trình", str(old), str(locked.get_resolution_display())]],
    )
    return locked
