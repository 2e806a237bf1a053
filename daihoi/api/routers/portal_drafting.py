"""The Document subcommittee's side of the public consultation on a draft: opening a draft to
the people's comments, the Front's consolidated comments, grouping the approved comments into
themes, tiếp thu / giải trình of each theme, the synthesis as DOCX. The drafting agency, the
secretariat and committee leaders, through the same predicates as the pages."""

import datetime as dt

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema, Status

from daihoi.consultation import permissions as drafting
from daihoi.consultation.models import Draft
from daihoi.core.dates import today as local_today
from daihoi.core.uploads import DOCX_CONTENT_TYPE
from daihoi.core.views import content_file
from daihoi.organizations.permissions import Access
from daihoi.portal import selectors, services, synthesis
from daihoi.portal.forms import MAX_ID, FrontForm, OpenPublicForm, ThemeForm, ThemeResolveForm
from daihoi.portal.models import PublicConsultation, Theme
from daihoi.portal.permissions import access_public_consultation, access_theme

from ..common import Detail, access, answers, form_data, gate, listed, valid, write
from ..errors import FieldErrors

router = Router(tags=["Cổng thông tin (lấy ý kiến nhân dân)"])

P = "/{congress_id}/public-consultations"
NOT_A_SECTION = "Mục được góp ý không thuộc dự thảo này."


class PublicRowOut(Schema):
    """A draft opened to the people: until when, how many submissions came and were approved."""

    id: int
    title: str
    closes_on: dt.date
    is_open: bool
    draft_id: int
    consultation_title: str = Field(alias="draft.consultation.title")
    received: int | None = None
    approved: int | None = None


class DraftOut(Schema):
    id: int
    label: str
    consultation_id: int
    consultation_title: str = Field(alias="consultation.title")


class OpenIn(Schema):
    """As the page "Công bố dự thảo lấy ý kiến nhân dân": `draft` one of `/drafts/`; `title`
    empty: the draft's name; `closes_on` dd/mm/yyyy."""

    draft: int
    title: str | None = None
    intro: str | None = None
    closes_on: str


class GroupedCommentOut(Schema):
    id: int
    section_id: int | None
    section_label: str
    name: str
    sender: str
    organisation: str
    title: str
    text: str
    theme_id: int | None


class ThemeOut(Schema):
    id: int
    title: str
    section_id: int | None
    resolution: str
    reason: str
    size: int

    @staticmethod
    def resolve_size(theme: Theme) -> int:
        counted = getattr(theme, "size", None)
        return counted if counted is not None else theme.comments.count()


class SectionCountOut(Schema):
    """Approved comments on a section (or the whole draft) by group of commenters."""

    label: str
    by_sender: dict[str, int]
    total: int


class ManageOut(Schema):
    """The page "Xử lý ý kiến nhân dân": the comments not yet grouped, the themes and the
    comments of each (`grouped`: {theme id: comments}), the counts per section."""

    id: int
    title: str
    intro: str
    closes_on: dt.date
    is_open: bool
    draft_id: int
    consultation_title: str
    received: int
    approved: int
    ungrouped: list[GroupedCommentOut]
    themes: list[ThemeOut]
    grouped: dict[int, list[GroupedCommentOut]]
    counts: list[SectionCountOut]


class ThemeIn(Schema):
    """The chosen approved comments (`ids`) into an existing theme (`theme`), or a new one
    whose common content is `title`."""

    ids: list[int]
    title: str | None = None
    theme: int | None = None


class ResolveIn(Schema):
    """`resolution`: accepted (tiếp thu) or explained (giải trình, with its `reason`)."""

    resolution: str
    reason: str | None = None


class FrontIn(Schema):
    """The Front's consolidated comments: on the whole draft (`whole`) and per section
    (`sections`: {section id: text}); who sends them and their document (`organisation`)."""

    name: str
    email: str
    organisation: str | None = None
    whole: str | None = None
    sections: dict[int, str] = {}


class SubmissionOut(Schema):
    id: int
    name: str
    sender: str
    organisation: str
    status: str
    comment_count: int


def _drafting_side(
    request: HttpRequest, congress_id: int, public_id: int
) -> tuple[Access, PublicConsultation]:
    acting = access(request, congress_id)
    public = access_public_consultation(acting, public_id)
    gate(drafting.can_manage(acting, public.draft.consultation), drafting.DRAFTERS_ONLY)
    return acting, public


def _comment(c: object) -> dict:
    fields = ("id", "section_id", "section_label", "title", "text", "theme_id")
    submission = c.submission  # type: ignore[attr-defined]
    return {f: getattr(c, f) for f in fields} | {
        "name": submission.name,
        "sender": submission.sender,
        "organisation": submission.organisation,
    }


def _manage(acting: Access, public: PublicConsultation) -> dict:
    comments = selectors.approved_for_grouping(public)
    themes = selectors.themes_of(public)
    row = selectors.public_consultations(acting).get(pk=public.pk)
    return {
        "id": public.pk,
        "title": public.title,
        "intro": public.intro,
        "closes_on": public.closes_on,
        "is_open": public.is_open,
        "draft_id": public.draft_id,
        "consultation_title": public.draft.consultation.title,
        "received": row.received,  # type: ignore[attr-defined]
        "approved": row.approved,  # type: ignore[attr-defined]
        "ungrouped": [_comment(c) for c in comments if c.theme_id is None],
        "themes": themes,
        "grouped": {t.pk: [_comment(c) for c in comments if c.theme_id == t.pk] for t in themes},
        "counts": [
            {"label": s.label, "by_sender": s.by_sender, "total": s.total}
            for s in selectors.counts_by_section(public)
        ],
    }


@listed(
    router,
    P + "/",
    PublicRowOut,
    "Các dự thảo đã công bố lấy ý kiến nhân dân (hạn cuối muộn nhất trước)",
    ordering=("-closes_on", "-id"),
)
def public_consultation_list(
    request: HttpRequest, congress_id: int
) -> QuerySet[PublicConsultation]:
    return selectors.public_consultations(access(request, congress_id)).order_by()


@router.get(
    P + "/drafts/",
    response=answers(list[DraftOut]),
    summary="Các bản dự thảo còn có thể công bố lấy ý kiến nhân dân",
)
def public_consultation_drafts(request: HttpRequest, congress_id: int) -> list[Draft]:
    acting = access(request, congress_id)
    gate(drafting.can_start(acting), drafting.DRAFTERS_ONLY)
    return list(selectors.drafts_to_publish(acting))


@router.post(
    P + "/",
    response=answers(PublicRowOut, 201),
    summary="Công bố một bản dự thảo lấy ý kiến nhân dân",
)
def public_consultation_open(request: HttpRequest, congress_id: int, payload: OpenIn) -> Status:
    acting = access(request, congress_id)
    gate(drafting.can_start(acting), drafting.DRAFTERS_ONLY)
    drafts = selectors.drafts_to_publish(acting)
    form = valid(OpenPublicForm(form_data(payload), drafts=drafts))
    public = write(
        request, lambda: services.public_consultation_open(access=acting, **form.cleaned_data)
    )
    return Status(201, access_public_consultation(acting, public.pk))


@router.get(
    P + "/{public_id}/",
    response=answers(ManageOut),
    summary="Xử lý ý kiến nhân dân: ý kiến chưa nhóm, các nhóm, số ý kiến theo mục",
)
def public_consultation_manage(request: HttpRequest, congress_id: int, public_id: int) -> dict:
    acting, public = _drafting_side(request, congress_id, public_id)
    return _manage(acting, public)


@router.post(
    P + "/{public_id}/themes/",
    response=answers(ThemeOut),
    summary="Nhóm các ý kiến đã chọn: vào nhóm mới (`title`) hoặc nhóm có sẵn (`theme`)",
)
def public_theme_save(
    request: HttpRequest, congress_id: int, public_id: int, payload: ThemeIn
) -> Theme:
    acting, public = _drafting_side(request, congress_id, public_id)
    ids = [i for i in payload.ids if 0 < i < MAX_ID][:500]
    data = {"ids": payload.ids} | form_data(payload)
    form = valid(ThemeForm(data, ids=ids))
    chosen = form.cleaned_data["ids"]
    if form.cleaned_data.get("theme"):
        theme = access_theme(acting, public, form.cleaned_data["theme"])
        write(
            request,
            lambda: services.theme_assign(
                access=acting, public=public, theme=theme, comment_ids=chosen
            ),
        )
        return theme
    created = write(
        request,
        lambda: services.theme_create(
            access=acting,
            public=public,
            title=form.cleaned_data.get("title") or "",
            comment_ids=chosen,
        ),
    )
    return created


@router.post(
    P + "/{public_id}/themes/{theme_id}/resolve/",
    response=answers(ThemeOut),
    summary="Tiếp thu hoặc giải trình một nhóm ý kiến",
)
def public_theme_resolve(
    request: HttpRequest, congress_id: int, public_id: int, theme_id: int, payload: ResolveIn
) -> Theme:
    acting, public = _drafting_side(request, congress_id, public_id)
    theme = access_theme(acting, public, theme_id)
    form = valid(ThemeResolveForm(form_data(payload)))
    resolved = write(
        request,
        lambda: services.theme_resolve(
            access=acting, public=public, theme=theme, **form.cleaned_data
        ),
    )
    return resolved


@router.post(
    P + "/{public_id}/front/",
    response=answers(SubmissionOut, 201),
    summary="Nhập ý kiến tổng hợp của Mặt trận Tổ quốc (đã duyệt)",
)
def public_front_enter(
    request: HttpRequest, congress_id: int, public_id: int, payload: FrontIn
) -> Status:
    acting, public = _drafting_side(request, congress_id, public_id)
    sections = list(public.draft.sections.order_by("position"))
    if set(payload.sections) - {s.pk for s in sections}:
        raise FieldErrors({"sections": [NOT_A_SECTION]})
    data = form_data(payload)
    data |= {f"section_{pk}": text for pk, text in data.pop("sections", {}).items()}
    form = valid(FrontForm(data, sections=sections))
    submission = write(
        request,
        lambda: services.front_submission_enter(
            access=acting,
            public=public,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            organisation=form.cleaned_data.get("organisation", ""),
            entries=[services.FrontEntry(s, t) for s, t in form.entries()],
        ),
    )
    return Status(
        201,
        {
            "id": submission.pk,
            "name": submission.name,
            "sender": submission.sender,
            "organisation": submission.organisation,
            "status": submission.status,
            "comment_count": submission.comments.count(),
        },
    )


@router.get(
    P + "/{public_id}/synthesis/docx/",
    response=answers(Detail),
    summary="Tải báo cáo tổng hợp ý kiến nhân dân (DOCX)",
)
def public_synthesis_docx(request: HttpRequest, congress_id: int, public_id: int) -> HttpResponse:
    _, public = _drafting_side(request, congress_id, public_id)
    on = local_today()
    return content_file(
        synthesis.render_docx(public, on), DOCX_CONTENT_TYPE, synthesis.filename(public, on)
    )
