"""The Document subcommittee's side of the public consultation on a draft: opening it to the
public, the Front's consolidated comments, grouping, tiếp thu / giải trình, the synthesis."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from daihoi.consultation import permissions as drafting
from daihoi.core.audit import history_of
from daihoi.core.dates import today as local_today
from daihoi.core.uploads import DOCX_CONTENT_TYPE
from daihoi.core.views import content_file, forbidden, form_page, page_context, run_form_button
from daihoi.organizations.permissions import Access, access_congress

from .. import selectors, services, synthesis
from ..forms import FrontForm, OpenPublicForm, ThemeForm, ThemeResolveForm, posted_ids
from ..models import PublicConsultation
from ..permissions import access_public_consultation, access_theme


def _to_detail(congress_id: int, public: PublicConsultation) -> HttpResponse:
    return redirect("portal:public-manage", congress_id=congress_id, public_id=public.pk)


def _drafting_side(
    request: HttpRequest, congress_id: int, public_id: int
) -> tuple[Access, PublicConsultation, HttpResponse | None]:
    access = access_congress(request.user, congress_id)
    public = access_public_consultation(access, public_id)
    allowed = drafting.can_manage(access, public.draft.consultation)
    return access, public, None if allowed else forbidden(request, drafting.DRAFTERS_ONLY)


@login_required
def public_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    return render(
        request,
        "portal/public_manage_list.html",
        page_context(
            access,
            rows=list(selectors.public_consultations(access)),
            can_open=drafting.can_start(access),
        ),
    )


@login_required
def public_open(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not drafting.can_start(access):
        return forbidden(request, drafting.DRAFTERS_ONLY)
    drafts = selectors.drafts_to_publish(access)
    form = OpenPublicForm(request.POST or None, drafts=drafts)
    return form_page(
        request,
        form,
        lambda: services.public_consultation_open(access=access, **form.cleaned_data),
        success="Đã công bố dự thảo lấy ý kiến nhân dân.",
        then=lambda public: _to_detail(congress_id, public),
        template="portal/public_open_form.html",
        context=page_context(access, form=form),
    )


@login_required
def public_manage(request: HttpRequest, congress_id: int, public_id: int) -> HttpResponse:
    access, public, refused = _drafting_side(request, congress_id, public_id)
    if refused:
        return refused
    comments = selectors.approved_for_grouping(public)
    themes = selectors.themes_of(public)
    return render(
        request,
        "portal/public_manage.html",
        page_context(
            access,
            public=public,
            ungrouped=[c for c in comments if c.theme_id is None],
            themes=themes,
            grouped={t.pk: [c for c in comments if c.theme_id == t.pk] for t in themes},
            counts=selectors.counts_by_section(public),
            senders=selectors.SENDERS,
            history=history_of(public),
        ),
    )


@login_required
@require_POST
def theme_save(request: HttpRequest, congress_id: int, public_id: int) -> HttpResponse:
    """Groups the ticked comments: into a new theme (its title typed) or an existing one."""
    access, public, refused = _drafting_side(request, congress_id, public_id)
    if refused:
        return refused
    ids = posted_ids(request.POST.getlist("ids"))
    form = ThemeForm(request.POST, ids=ids)

    def save(data: dict) -> object:
        if data.get("theme"):
            theme = access_theme(access, public, data["theme"])
            return services.theme_assign(
                access=access, public=public, theme=theme, comment_ids=data["ids"]
            )
        return services.theme_create(
            access=access, public=public, title=data.get("title") or "", comment_ids=data["ids"]
        )

    return run_form_button(
        request, form, save, success="Đã nhóm các ý kiến.", then=_to_detail(congress_id, public)
    )


@login_required
@require_POST
def theme_resolve(
    request: HttpRequest, congress_id: int, public_id: int, theme_id: int
) -> HttpResponse:
    access, public, refused = _drafting_side(request, congress_id, public_id)
    if refused:
        return refused
    theme = access_theme(access, public, theme_id)
    return run_form_button(
        request,
        ThemeResolveForm(request.POST),
        lambda data: services.theme_resolve(access=access, public=public, theme=theme, **data),
        success="Đã ghi tiếp thu, giải trình.",
        then=_to_detail(congress_id, public),
    )


@login_required
def front_enter(request: HttpRequest, congress_id: int, public_id: int) -> HttpResponse:
    access, public, refused = _drafting_side(request, congress_id, public_id)
    if refused:
        return refused
    sections = list(public.draft.sections.order_by("position"))
    form = FrontForm(request.POST or None, sections=sections)
    return form_page(
        request,
        form,
        lambda: services.front_submission_enter(
            access=access,
            public=public,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            organisation=form.cleaned_data.get("organisation", ""),
            entries=[services.FrontEntry(s, t) for s, t in form.entries()],
        ),
        success="Đã nhập ý kiến tổng hợp của Mặt trận.",
        then=lambda _: _to_detail(congress_id, public),
        template="portal/front_form.html",
        context=page_context(access, form=form, public=public),
    )


@login_required
def synthesis_docx(request: HttpRequest, congress_id: int, public_id: int) -> HttpResponse:
    access, public, refused = _drafting_side(request, congress_id, public_id)
    if refused:
        return refused
    on = local_today()
    return content_file(
        synthesis.render_docx(public, on), DOCX_CONTENT_TYPE, synthesis.filename(public, on)
    )
