"""Reader comments: sent by anyone, held for moderation, approved, rejected or banned in bulk by
the congress's editors; and the article's view count, one per reader and time window."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.core.cache import cache as shared_cache
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from daihoi.core.audit import record
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require
from daihoi.core.text import clean_text
from daihoi.organizations.models import Congress
from daihoi.organizations.permissions import Access

from .. import cache
from ..models import Article, Ban, Moderation, PortalAction, Posted, ReaderComment, Submission
from ..permissions import EDITORS_ONLY, can_edit

BANNED = "Địa chỉ hoặc e-mail của bạn đã bị chặn gửi ý kiến trên cổng thông tin này."
PHONE_CHARS = set("0123456789 +.-()")


@dataclass(frozen=True)
class Sent:
    """Who sends, as typed in a public form; `ip` from the request."""

    name: str
    email: str
    phone: str = ""
    ip: str | None = None

    def checked(self) -> "Sent":
        name = clean_text(self.name, multiline=False).strip()
        if not name:
            raise BusinessError("Hãy nhập họ và tên.", field="name")
        email = self.email.strip().lower()
        try:
            validate_email(email)
        except ValidationError:
            raise BusinessError("E-mail không hợp lệ.", field="email") from None
        phone = self.phone.strip()
        if phone and (not set(phone) <= PHONE_CHARS or len(phone) > 20):
            raise BusinessError(
                "Số điện thoại chỉ gồm chữ số (có thể có +, dấu cách).", field="phone"
            )
        return Sent(name[:120], email, phone, self.ip or None)


@dataclass(frozen=True)
class Visitor:
    """The actor of what the public sends: no user, in the congress of the portal."""

    congress: Congress
    user: None = None


def is_banned(congress_id: int, email: str, ip: str | None) -> bool:
    match = Q(email__iexact=email.strip()) if email.strip() else Q(pk__in=[])
    if ip:
        match |= Q(ip=ip)
    return Ban.objects.filter(match, congress_id=congress_id).exists()


@transaction.atomic
def comment_post(*, article: Article, sent: Sent, title: str, content: str) -> ReaderComment:
    """A reader's comment on a published article, held for moderation."""
    if not Article.objects.published().filter(pk=article.pk).exists():
        raise BusinessError("Bài viết không còn trên cổng thông tin.")
    if not article.comments_open:
        raise BusinessError("Bài viết này không nhận bình luận.")
    sent = sent.checked()
    if is_banned(article.congress_id, sent.email, sent.ip):
        raise BusinessError(BANNED)
    title, content = title.strip(), content.strip()
    if not title:
        raise BusinessError("Hãy nhập tiêu đề.", field="title")
    if not content:
        raise BusinessError("Hãy nhập nội dung bình luận.", field="content")
    comment = ReaderComment.objects.create(
        article=article,
        name=sent.name,
        email=sent.email,
        phone=sent.phone,
        ip=sent.ip,
        title=title[:200],
        content=content[:4000],
    )
    record(Visitor(article.congress), PortalAction.POSTED, comment)
    return comment


class Decision(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    BAN = "ban"


STATUS_OF = {
    Decision.APPROVE: Moderation.APPROVED,
    Decision.REJECT: Moderation.REJECTED,
    Decision.BAN: Moderation.REJECTED,
}


@transaction.atomic
def moderate(
    *,
    access: Access,
    model: type[Posted],
    ids: Sequence[int],
    decision: str,
    reason: str = "",
) -> int:
    """Approves, rejects, or rejects and bans (their e-mails and addresses) the chosen comments
    or submissions of the access's congress in one go. Locks the chosen rows."""
    require(can_edit(access, access.congress.pk), EDITORS_ONLY)
    if decision not in Decision.__members__.values():
        raise BusinessError("Hãy chọn duyệt, từ chối hoặc chặn.")
    if not ids:
        raise BusinessError("Hãy chọn ít nhất một ý kiến.")
    scope = (
        Q(article__congress=access.congress)
        if model is ReaderComment
        else Q(consultation__congress=access.congress)
    )
    rows = list(model._default_manager.select_for_update().filter(scope, pk__in=list(ids)))
    if not rows:
        raise BusinessError("Không tìm thấy ý kiến đã chọn.")
    status = STATUS_OF[Decision(decision)]
    now = timezone.now()
    model._default_manager.filter(pk__in=[r.pk for r in rows]).update(
        status=status, moderated_by=access.user, moderated_at=now
    )
    if decision == Decision.BAN:
        _ban(access, rows, reason)
    for row in rows:
        record(
            access,
            PortalAction.BANNED if decision == Decision.BAN else PortalAction.MODERATED,
            row,
            reason=reason,
            changes=[["Kiểm duyệt", str(row.get_status_display()), str(status.label)]],
        )
    cache.renew(access.congress.pk)
    return len(rows)


def _ban(access: Access, rows: Sequence[Posted], reason: str) -> None:
    """Bans each sender's e-mail and address, and rejects whatever else of theirs waits."""
    emails = {r.email.lower() for r in rows if r.email}
    ips = {r.ip for r in rows if r.ip}
    Ban.objects.bulk_create(
        [
            Ban(congress=access.congress, email=email, reason=reason, created_by=access.user)
            for email in emails
        ]
        + [
            Ban(congress=access.congress, ip=ip, reason=reason, created_by=access.user)
            for ip in ips
        ]
    )
    match = Q(email__in=emails) | Q(ip__in=ips)
    now = timezone.now()
    pending = {"status": Moderation.PENDING}
    done = {"status": Moderation.REJECTED, "moderated_by": access.user, "moderated_at": now}
    ReaderComment.objects.filter(match, article__congress=access.congress, **pending).update(**done)
    Submission.objects.filter(match, consultation__congress=access.congress, **pending).update(
        **done
    )


def article_seen(article_id: int, reader: str) -> bool:
    """Counts one view of the article for `reader` (an address) within the view window; a
    reload inside it counts nothing. The window is kept in the shared cache."""
    window = dt.timedelta(seconds=settings.DAIHOI_PORTAL_VIEW_WINDOW_SECONDS)
    key = f"portal:seen:{article_id}:{reader}"
    if not shared_cache.add(key, 1, int(window.total_seconds())):
        return False
    Article.objects.filter(pk=article_id).update(view_count=F("view_count") + 1)
    return True
