"""Every change to the groups' comments and their synthesis. Keyword-only, explicit access,
atomic, audited. Lock order: the consultation (recording), the theme, then its comments by id
(docs/concurrency.md)."""

from collections.abc import Sequence
from dataclasses import dataclass, replace

from django.db import transaction

from daihoi.consultation.models import Consultation, Resolution, Section
from daihoi.consultation.services import resolution_checked
from daihoi.core.audit import record
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require
from daihoi.core.versioning import check_version
from daihoi.delegates.models import DiscussionGroup
from daihoi.organizations.permissions import Access
from daihoi.programme.models import Session

from . import permissions
from .models import DiscussionAction, GroupComment, Theme
from .permissions import NOT_THE_SECRETARY, ONLY_DOCUMENTS

MAX_SUPPORTERS = 2000
NOT_OPEN = "Dự thảo này không còn lấy ý kiến (đã thông qua hoặc không thuộc Đại hội này)."
EMPTY_TEXT = "Hãy ghi nội dung ý kiến."
EMPTY_SUMMARY = "Hãy ghi nội dung chung của nhóm ý kiến."
IN_THEME = "Ý kiến đã thuộc một nhóm ý kiến: hãy xử lý cả nhóm, hoặc bỏ nhóm trước."
ALREADY_RESOLVED = "Ý kiến đã được tiếp thu hoặc giải trình; không xóa được nữa."


@dataclass(frozen=True)
class CommentFields:
    draft_id: int
    section: Section | None
    session: Session | None
    text: str
    supporters: int | None = None


def _checked(access: Access, fields: CommentFields) -> CommentFields:
    draft = permissions.discussed_drafts(access).filter(pk=fields.draft_id).first()
    # The consultation's row is the lock its adoption takes: a comment recorded while the draft
    # is adopted either lands before it or finds the draft closed.
    if (
        draft is None
        or not Consultation.objects.select_for_update()
        .filter(pk=draft.consultation_id, status=Consultation.Status.OPEN)
        .exists()
    ):
        raise BusinessError(NOT_OPEN, field="draft")
    if fields.section is not None and fields.section.draft_id != draft.pk:
        raise BusinessError("Mục chọn không thuộc dự thảo này.", field="section")
    if fields.session is not None and fields.session.congress_id != access.congress.pk:
        raise BusinessError("Phiên chọn không thuộc Đại hội này.", field="session")
    text = fields.text.strip()
    if not text:
        raise BusinessError(EMPTY_TEXT, field="text")
    if fields.supporters is not None and not 1 <= fields.supporters <= MAX_SUPPORTERS:
        raise BusinessError(
            f"Số đại biểu cùng ý kiến phải từ 1 đến {MAX_SUPPORTERS}.", field="supporters"
        )
    return CommentFields(draft.pk, fields.section, fields.session, text, fields.supporters)


@transaction.atomic
def group_comment_record(
    *, access: Access, group: DiscussionGroup, fields: CommentFields
) -> GroupComment:
    """The group's secretary (or the Document subcommittee, from paper minutes) records one
    comment of the group."""
    require(permissions.can_record(access, group), NOT_THE_SECRETARY)
    fields = _checked(access, fields)
    comment = GroupComment.objects.create(
        congress=access.congress,
        group=group,
        draft_id=fields.draft_id,
        section=fields.section,
        session=fields.session,
        text=fields.text,
        supporters=fields.supporters,
        recorded_by=access.user,
    )
    record(
        access,
        DiscussionAction.RECORDED,
        comment,
        data={"group": group.pk, "draft": fields.draft_id},
    )
    return comment


def _lock(comment: GroupComment) -> GroupComment:
    return GroupComment.objects.select_for_update().get(pk=comment.pk)


@transaction.atomic
def group_comment_update(
    *, access: Access, comment: GroupComment, fields: CommentFields, version: int | None
) -> GroupComment:
    """Corrects a recorded comment (the draft stays). Locks the comment; refuses a stale form."""
    require(permissions.can_record(access, comment.group), NOT_THE_SECRETARY)
    fields = _checked(access, replace(fields, draft_id=comment.draft_id))
    locked = _lock(comment)
    check_version(locked, version, "Ý kiến")
    changes = []
    for label, name, new in [
        ("Mục", "section", fields.section),
        ("Phiên", "session", fields.session),
        ("Ý kiến", "text", fields.text),
        ("Số đại biểu cùng ý kiến", "supporters", fields.supporters),
    ]:
        old = getattr(locked, name)
        if old != new:
            changes.append([label, str(old or "—"), str(new or "—")])
            setattr(locked, name, new)
    locked.save()
    record(access, DiscussionAction.EDITED, locked, changes=changes)
    return locked


@transaction.atomic
def group_comment_delete(*, access: Access, comment: GroupComment) -> None:
    require(permissions.can_record(access, comment.group), NOT_THE_SECRETARY)
    locked = _lock(comment)
    if locked.theme_id is not None or not locked.is_pending:
        raise BusinessError(ALREADY_RESOLVED)
    record(access, DiscussionAction.DELETED, locked, data={"text": locked.text[:200]})
    locked.delete()


@transaction.atomic
def group_comment_resolve(
    *, access: Access, comment: GroupComment, resolution: str, reason: str
) -> GroupComment:
    """Marks a comment standing alone accepted or explained (with its reason)."""
    require(permissions.can_synthesise(access), ONLY_DOCUMENTS)
    resolution, reason = resolution_checked(resolution, reason)
    locked = _lock(comment)
    if locked.theme_id is not None:
        raise BusinessError(IN_THEME)
    old = locked.get_resolution_display()
    locked.mark(resolution, reason, access.user)
    locked.save()
    record(
        access,
        DiscussionAction.RESOLVED,
        locked,
        reason=reason,
        changes=[["Tiếp thu, giải trình", str(old), str(locked.get_resolution_display())]],
    )
    return locked


@transaction.atomic
def theme_create(
    *, access: Access, comment_ids: Sequence[int], summary: str, draft_id: int
) -> Theme:
    """Gathers comments on one section of one draft (not yet in a theme) into a theme; the
    comments go back to pending until the theme is marked. Locks the comments."""
    require(permissions.can_synthesise(access), ONLY_DOCUMENTS)
    summary = summary.strip()
    if not summary:
        raise BusinessError(EMPTY_SUMMARY, field="summary")
    comments = list(
        GroupComment.objects.select_for_update()
        .filter(pk__in=list(comment_ids), congress=access.congress, draft_id=draft_id)
        .order_by("pk")
    )
    if len(comments) < 1 or len(comments) != len(set(comment_ids)):
        raise BusinessError("Hãy chọn các ý kiến của dự thảo này để gộp thành nhóm.")
    if any(c.theme_id is not None for c in comments):
        raise BusinessError("Có ý kiến đã thuộc một nhóm khác.")
    sections = {c.section_id for c in comments}
    if len(sections) != 1:
        raise BusinessError("Chỉ gộp các ý kiến về cùng một mục của dự thảo.")
    theme = Theme.objects.create(
        congress=access.congress,
        draft_id=draft_id,
        section_id=comments[0].section_id,
        summary=summary,
        created_by=access.user,
    )
    for comment in comments:
        comment.theme = theme
        comment.mark(Resolution.PENDING, "", access.user)
        comment.save()
    record(
        access,
        DiscussionAction.THEME_CREATED,
        theme,
        data={"comments": [c.pk for c in comments]},
    )
    return theme


@transaction.atomic
def theme_update(
    *,
    access: Access,
    theme: Theme,
    summary: str,
    resolution: str,
    reason: str,
    version: int | None,
) -> Theme:
    """Rewrites the theme's summary and marks it (and so every comment in it) accepted or
    explained. Locks the theme, then its comments; refuses a stale form."""
    require(permissions.can_synthesise(access), ONLY_DOCUMENTS)
    summary = summary.strip()
    if not summary:
        raise BusinessError(EMPTY_SUMMARY, field="summary")
    resolution, reason = resolution_checked(resolution, reason, allow_pending=True)
    locked = Theme.objects.select_for_update().get(pk=theme.pk)
    check_version(locked, version, "Nhóm ý kiến")
    changes = []
    if locked.summary != summary:
        changes.append(["Nội dung nhóm ý kiến", locked.summary, summary])
    old = str(locked.get_resolution_display())
    locked.summary = summary
    locked.mark(resolution, reason, access.user)
    if old != str(locked.get_resolution_display()):
        changes.append(["Tiếp thu, giải trình", old, str(locked.get_resolution_display())])
    locked.save()
    comments = list(GroupComment.objects.select_for_update().filter(theme=locked).order_by("pk"))
    for comment in comments:
        comment.mark(resolution, reason, access.user)
    GroupComment.objects.bulk_update(comments, GroupComment.RESOLUTION_FIELDS)
    record(access, DiscussionAction.THEME_UPDATED, locked, reason=reason, changes=changes)
    return locked


@transaction.atomic
def theme_dissolve(*, access: Access, theme: Theme) -> int:
    """Takes the comments out of the theme (back to pending) and removes it."""
    require(permissions.can_synthesise(access), ONLY_DOCUMENTS)
    locked = Theme.objects.select_for_update().get(pk=theme.pk)
    comments = list(GroupComment.objects.select_for_update().filter(theme=locked).order_by("pk"))
    for comment in comments:
        comment.theme = None
        comment.mark(Resolution.PENDING, "", access.user)
    GroupComment.objects.bulk_update(comments, ["theme", *GroupComment.RESOLUTION_FIELDS])
    record(
        access,
        DiscussionAction.THEME_DISSOLVED,
        locked,
        data={"summary": locked.summary[:200], "comments": [c.pk for c in comments]},
    )
    locked.delete()
    return len(comments)
