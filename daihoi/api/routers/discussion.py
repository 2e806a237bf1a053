"""Thảo luận tổ: the overview of groups and drafts under discussion, a group's comments on a
draft (recorded by its secretary, or by the Document subcommittee from paper minutes), their
correction, removal and marking (accepted or explained). The synthesis is in
`discussion_synthesis.py`."""

import datetime as dt

from django.http import Http404, HttpRequest
from ninja import Query, Router, Schema, Status

from daihoi.consultation.models import Draft
from daihoi.discussion import permissions, selectors, services
from daihoi.discussion.forms import CommentForm, ResolveForm
from daihoi.discussion.models import GroupComment
from daihoi.discussion.permissions import NO_READ, NOT_THE_SECRETARY, ONLY_DOCUMENTS
from daihoi.organizations.permissions import Access, access_congress, access_delegate

from ..auth import user_of
from ..common import (
    access,
    answers,
    display,
    form_data,
    gate,
    listed,
    removal,
    removed,
    valid,
    versioned_put,
    write,
)
from ..errors import FieldErrors

router = Router(tags=["Thảo luận tổ"])


class DraftOut(Schema):
    id: int
    label: str
    consultation_id: int
    title: str
    deadline: dt.date | None


class GroupOut(Schema):
    id: int
    name: str
    place: str
    comment_count: int
    pending_count: int
    secretaries: list[str]


class GroupRefOut(Schema):
    id: int
    name: str


class OverviewOut(Schema):
    """Every group with its counts (for those who read the whole congress), the groups the
    user records for, and the drafts under discussion."""

    reads_all: bool
    synthesiser: bool
    groups: list[GroupOut]
    mine: list[GroupRefOut]
    drafts: list[DraftOut]


class CommentOut(Schema):
    id: int
    group_id: int
    draft_id: int
    section_id: int | None
    section: str
    session_id: int | None
    text: str
    supporters: int | None
    theme_id: int | None
    resolution: str
    resolution_label: str = display("resolution")
    reason: str
    recorded_at: dt.datetime
    version: int

    @staticmethod
    def resolve_section(comment: GroupComment) -> str:
        return str(comment.section) if comment.section else "Toàn văn dự thảo"


class CommentQuery(Schema):
    draft: int | None = None


class CommentIn(Schema):
    """As the group's recording page: `section` (empty: the whole draft) and `session` are ids,
    `supporters` how many delegates shared the comment (empty when the minutes do not say)."""

    section: int | None = None
    session: int | None = None
    text: str | None = None
    supporters: int | None = None
    version: int | None = None


class CommentNewIn(CommentIn):
    draft: int


class ResolveIn(Schema):
    resolution: str
    reason: str | None = None


def _draft(draft: Draft) -> dict:
    return {
        "id": draft.pk,
        "label": str(draft),
        "consultation_id": draft.consultation_id,
        "title": draft.consultation.title,
        "deadline": draft.deadline,
    }


def member_or_delegate(request: HttpRequest, congress_id: int) -> Access:
    """The staff's access, or a delegate's (a group's secretary records from the delegate's
    area); 404 alike for anyone else, as the pages."""
    try:
        return access_congress(user_of(request), congress_id)
    except Http404:
        return access_delegate(user_of(request), congress_id)


def synthesiser(request: HttpRequest, congress_id: int) -> Access:
    acting = access(request, congress_id)
    gate(permissions.can_synthesise(acting), ONLY_DOCUMENTS)
    return acting


@router.get(
    "/{congress_id}/discussion/",
    response=answers(OverviewOut),
    summary="Thảo luận tổ: các tổ, tổ mình ghi ý kiến, dự thảo đang thảo luận",
)
def discussion_overview(request: HttpRequest, congress_id: int) -> dict:
    acting = member_or_delegate(request, congress_id)
    gate(permissions.can_open_discussion(acting), NO_READ)
    reads_all = permissions.can_read_all(acting)
    groups = list(selectors.groups_of(acting)) if reads_all else []
    return {
        "reads_all": reads_all,
        "synthesiser": permissions.can_synthesise(acting),
        "groups": [
            {
                "id": g.pk,
                "name": g.name,
                "place": g.place,
                "comment_count": g.comment_count,  # type: ignore[attr-defined]
                "pending_count": g.pending_count,  # type: ignore[attr-defined]
                "secretaries": [m.delegate.full_name for m in g.secretaries],  # type: ignore[attr-defined]
            }
            for g in groups
        ],
        "mine": [{"id": g.pk, "name": g.name} for g in selectors.recordable_groups(acting)],
        "drafts": [_draft(d) for d in selectors.drafts_of(acting)],
    }


def _recorder(request: HttpRequest, congress_id: int, group_id: int) -> tuple:
    acting = member_or_delegate(request, congress_id)
    group = permissions.access_group(acting, group_id)
    gate(permissions.can_record(acting, group), NOT_THE_SECRETARY)
    return acting, group


def _chosen_draft(acting: Access, draft_id: int | None) -> Draft | None:
    """The draft asked for among those under discussion (the latest sent of each open
    document), or the first of them, as the recording page picks it."""
    drafts = selectors.drafts_of(acting)
    if draft_id is None:
        return drafts[0] if drafts else None
    return next((d for d in drafts if d.pk == draft_id), None)


@listed(
    router,
    "/{congress_id}/discussion/groups/{discussion_group_id}/comments/",
    CommentOut,
    "Ý kiến của một tổ về một dự thảo (thư ký tổ, Tiểu ban Văn kiện)",
    description="`draft`: id dự thảo đang thảo luận; bỏ trống: dự thảo đầu tiên như trang ghi.",
)
def group_comments(
    request: HttpRequest, congress_id: int, discussion_group_id: int, filters: Query[CommentQuery]
):
    acting, group = _recorder(request, congress_id, discussion_group_id)
    draft = _chosen_draft(acting, filters.draft)
    if draft is None:
        return GroupComment.objects.none()
    return GroupComment.objects.filter(group=group, draft=draft).select_related("section")


@router.post(
    "/{congress_id}/discussion/groups/{discussion_group_id}/comments/",
    response=answers(CommentOut, 201),
    summary="Ghi một ý kiến của tổ về một dự thảo",
)
def group_comment_record(
    request: HttpRequest, congress_id: int, discussion_group_id: int, payload: CommentNewIn
) -> Status:
    acting, group = _recorder(request, congress_id, discussion_group_id)
    draft = _chosen_draft(acting, payload.draft)
    if draft is None:
        raise FieldErrors({"draft": [services.NOT_OPEN]})
    form = valid(CommentForm(form_data(payload), draft=draft))
    comment = write(
        request,
        lambda: services.group_comment_record(
            access=acting, group=group, fields=form.comment_fields()
        ),
    )
    return Status(201, permissions.access_group_comment(acting, comment.pk))


def _comment(request: HttpRequest, congress_id: int, comment_id: int) -> tuple:
    acting = member_or_delegate(request, congress_id)
    comment = permissions.access_group_comment(acting, comment_id)
    gate(permissions.can_record(acting, comment.group), NOT_THE_SECRETARY)
    return acting, comment


@router.get(
    "/{congress_id}/discussion/comments/{group_comment_id}/",
    response=answers(CommentOut),
    summary="Một ý kiến của tổ",
)
def group_comment_detail(request: HttpRequest, congress_id: int, group_comment_id: int):
    return _comment(request, congress_id, group_comment_id)[1]


@versioned_put(
    router,
    "/{congress_id}/discussion/comments/{group_comment_id}/",
    CommentOut,
    "Sửa một ý kiến của tổ (dự thảo giữ nguyên)",
)
def group_comment_edit(
    request: HttpRequest, congress_id: int, group_comment_id: int, payload: CommentIn
):
    acting, comment = _comment(request, congress_id, group_comment_id)
    form = valid(CommentForm(form_data(payload), draft=comment.draft))
    write(
        request,
        lambda: services.group_comment_update(
            access=acting,
            comment=comment,
            fields=form.comment_fields(),
            version=form.expected_version(),
        ),
    )
    return permissions.access_group_comment(acting, group_comment_id)


@removal(
    router,
    "/{congress_id}/discussion/comments/{group_comment_id}/",
    "Xóa một ý kiến chưa xử lý, chưa thuộc nhóm ý kiến",
)
def group_comment_delete(request: HttpRequest, congress_id: int, group_comment_id: int) -> Status:
    acting, comment = _comment(request, congress_id, group_comment_id)
    return removed(request, lambda: services.group_comment_delete(access=acting, comment=comment))


@router.post(
    "/{congress_id}/discussion/comments/{group_comment_id}/resolve/",
    response=answers(CommentOut),
    summary="Tiếp thu hoặc giải trình một ý kiến đứng riêng (Tiểu ban Văn kiện)",
    description="`resolution`: accepted (tiếp thu) hoặc explained (giải trình, kèm `reason`).",
)
def group_comment_resolve(
    request: HttpRequest, congress_id: int, group_comment_id: int, payload: ResolveIn
):
    acting = synthesiser(request, congress_id)
    comment = permissions.access_group_comment(acting, group_comment_id)
    data = valid(ResolveForm(form_data(payload))).cleaned_data
    write(
        request,
        lambda: services.group_comment_resolve(
            access=acting, comment=comment, resolution=data["resolution"], reason=data["reason"]
        ),
    )
    return permissions.access_group_comment(acting, group_comment_id)
