"""Thảo luận tổ, tổng hợp: a draft's synthesis (every group's comments by section, the themes,
the counts) read by those who read the whole congress; themes gathered, marked and dissolved by
the Document subcommittee; the report as DOCX."""

from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema, Status

from daihoi.core.dates import today as local_today
from daihoi.core.uploads import DOCX_CONTENT_TYPE
from daihoi.core.views import content_file
from daihoi.discussion import permissions, report, selectors, services
from daihoi.discussion.forms import ThemeCreateForm, ThemeForm
from daihoi.discussion.models import GroupComment, Theme
from daihoi.discussion.permissions import NO_READ
from daihoi.discussion.selectors import Synthesis

from ..common import Detail, access, answers, form_data, gate, valid, versioned_put, write
from .discussion import synthesiser

router = Router(tags=["Thảo luận tổ"])


class SynthesisCommentOut(Schema):
    id: int
    group: str
    text: str
    supporters: int | None
    resolution: str
    resolution_label: str
    reason: str


class ThemeOut(Schema):
    id: int
    draft_id: int
    section_id: int | None
    summary: str
    resolution: str
    resolution_label: str
    reason: str
    version: int
    comments: list[SynthesisCommentOut]


class BlockOut(Schema):
    """One section of the draft (the whole text first): its themes, then the comments
    standing alone."""

    section_id: int | None
    label: str
    count: int
    themes: list[ThemeOut]
    loose: list[SynthesisCommentOut]


class GroupCountOut(Schema):
    group: str
    count: int


class SynthesisOut(Schema):
    draft_id: int
    draft: str
    title: str
    synthesiser: bool
    blocks: list[BlockOut]
    by_group: list[GroupCountOut]
    totals: dict[str, int]


class ThemeCreateIn(Schema):
    comments: list[int]
    summary: str | None = None


class ThemeIn(Schema):
    summary: str | None = None
    resolution: str | None = None
    reason: str | None = None
    version: int | None = None


class DissolvedOut(Schema):
    detail: str
    released: int


def _comment(comment: GroupComment) -> dict:
    return {
        "id": comment.pk,
        "group": comment.group.name,
        "text": comment.text,
        "supporters": comment.supporters,
        "resolution": comment.resolution,
        "resolution_label": str(comment.get_resolution_display()),
        "reason": comment.reason,
    }


def _theme(theme: Theme, comments: list[GroupComment]) -> dict:
    return {
        "id": theme.pk,
        "draft_id": theme.draft_id,
        "section_id": theme.section_id,
        "summary": theme.summary,
        "resolution": theme.resolution,
        "resolution_label": str(theme.get_resolution_display()),
        "reason": theme.reason,
        "version": theme.version,
        "comments": [_comment(c) for c in comments],
    }


def _synthesis(found: Synthesis, synthesiser: bool) -> dict:
    return {
        "draft_id": found.draft.pk,
        "draft": str(found.draft),
        "title": found.draft.consultation.title,
        "synthesiser": synthesiser,
        "blocks": [
            {
                "section_id": block.section.pk if block.section else None,
                "label": block.label,
                "count": block.count,
                "themes": [_theme(t, t.grouped) for t in block.themes],  # type: ignore[attr-defined]
                "loose": [_comment(c) for c in block.loose],
            }
            for block in found.blocks
        ],
        "by_group": [{"group": name, "count": n} for name, n in found.by_group],
        "totals": found.totals,
    }


def _reader(request: HttpRequest, congress_id: int, draft_id: int) -> tuple:
    acting = access(request, congress_id)
    draft = permissions.access_draft(acting, draft_id)
    gate(permissions.can_read_all(acting), NO_READ)
    return acting, draft


@router.get(
    "/{congress_id}/discussion/drafts/{discussed_draft_id}/",
    response=answers(SynthesisOut),
    summary="Tổng hợp ý kiến thảo luận tổ về một dự thảo, theo mục",
)
def discussion_synthesis(request: HttpRequest, congress_id: int, discussed_draft_id: int) -> dict:
    acting, draft = _reader(request, congress_id, discussed_draft_id)
    return _synthesis(selectors.synthesis_of(draft), permissions.can_synthesise(acting))


@router.post(
    "/{congress_id}/discussion/drafts/{discussed_draft_id}/themes/",
    response=answers(ThemeOut, 201),
    summary="Gộp các ý kiến cùng nội dung (cùng một mục) thành một nhóm ý kiến",
    description="`comments`: id các ý kiến chưa thuộc nhóm nào của dự thảo.",
)
def discussion_theme_create(
    request: HttpRequest, congress_id: int, discussed_draft_id: int, payload: ThemeCreateIn
) -> Status:
    acting = synthesiser(request, congress_id)
    draft = permissions.access_draft(acting, discussed_draft_id)
    data = valid(ThemeCreateForm(form_data(payload), draft=draft)).cleaned_data
    theme = write(
        request,
        lambda: services.theme_create(
            access=acting, comment_ids=data["comments"], summary=data["summary"], draft_id=draft.pk
        ),
    )
    return Status(201, _theme_read(theme))


def _theme_read(theme: Theme) -> dict:
    comments = list(theme.comments.select_related("group").order_by("pk"))
    return _theme(theme, comments)


@router.get(
    "/{congress_id}/discussion/drafts/{discussed_draft_id}/report/docx/",
    response=answers(Detail),
    summary="Tải báo cáo tổng hợp ý kiến thảo luận tổ (DOCX)",
)
def discussion_report_docx(
    request: HttpRequest, congress_id: int, discussed_draft_id: int
) -> HttpResponse:
    _, draft = _reader(request, congress_id, discussed_draft_id)
    today = local_today()
    found = selectors.synthesis_of(draft)
    return content_file(
        report.render_docx(found, today), DOCX_CONTENT_TYPE, report.filename(found, today)
    )


@router.get(
    "/{congress_id}/discussion/themes/{comment_theme_id}/",
    response=answers(ThemeOut),
    summary="Một nhóm ý kiến và các ý kiến trong nhóm",
)
def discussion_theme_detail(request: HttpRequest, congress_id: int, comment_theme_id: int) -> dict:
    acting = synthesiser(request, congress_id)
    return _theme_read(permissions.access_theme(acting, comment_theme_id))


@versioned_put(
    router,
    "/{congress_id}/discussion/themes/{comment_theme_id}/",
    ThemeOut,
    "Sửa nội dung chung và tiếp thu, giải trình cả nhóm ý kiến",
)
def discussion_theme_edit(
    request: HttpRequest, congress_id: int, comment_theme_id: int, payload: ThemeIn
) -> dict:
    acting = synthesiser(request, congress_id)
    theme = permissions.access_theme(acting, comment_theme_id)
    form = valid(ThemeForm(form_data(payload)))
    data = form.cleaned_data
    write(
        request,
        lambda: services.theme_update(
            access=acting,
            theme=theme,
            summary=data["summary"],
            resolution=data["resolution"],
            reason=data["reason"],
            version=form.expected_version(),
        ),
    )
    return _theme_read(permissions.access_theme(acting, comment_theme_id))


@router.post(
    "/{congress_id}/discussion/themes/{comment_theme_id}/dissolve/",
    response=answers(DissolvedOut),
    summary="Bỏ nhóm ý kiến: các ý kiến trở lại chưa xử lý",
)
def discussion_theme_dissolve(
    request: HttpRequest, congress_id: int, comment_theme_id: int
) -> dict:
    acting = synthesiser(request, congress_id)
    theme = permissions.access_theme(acting, comment_theme_id)
    released = write(request, lambda: services.theme_dissolve(access=acting, theme=theme))
    return {"detail": f"Đã bỏ nhóm; {released} ý kiến trở lại chưa xử lý.", "released": released}
