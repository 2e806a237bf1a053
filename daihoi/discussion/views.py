"""Group discussion pages: the overview, a group's recording page (phone-first), a draft's
synthesis for the Document subcommittee, its themes and the DOCX report."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from daihoi.core.dates import today as local_today
from daihoi.core.uploads import DOCX_CONTENT_TYPE
from daihoi.core.versioning import edit_initial
from daihoi.core.views import (
    content_file,
    forbidden,
    form_page,
    page_context,
    run_button,
    run_form_button,
)
from daihoi.organizations.permissions import Access, access_congress, access_delegate

from . import permissions, report, selectors, services
from .forms import CommentForm, ResolveForm, ThemeCreateForm, ThemeForm
from .models import GroupComment
from .permissions import NO_READ, NOT_THE_SECRETARY, ONLY_DOCUMENTS


def _to_group(comment: GroupComment) -> HttpResponse:
    url = reverse(
        "discussion:group-record",
        kwargs={"congress_id": comment.congress_id, "discussion_group_id": comment.group_id},
    )
    return redirect(f"{url}?du_thao={comment.draft_id}#y-kien")


def _to_synthesis(congress_id: int, draft_id: int) -> HttpResponse:
    return redirect("discussion:synthesis", congress_id=congress_id, discussed_draft_id=draft_id)


def _member_or_delegate(request: HttpRequest, congress_id: int) -> Access:
    """The staff's access, or a delegate's (a group's secretary records from the delegate's
    area); 404 alike for anyone else."""
    try:
        return access_congress(request.user, congress_id)
    except Http404:
        return access_delegate(request.user, congress_id)


def _synthesiser(request: HttpRequest, congress_id: int) -> Access | HttpResponse:
    access = access_congress(request.user, congress_id)
    if not permissions.can_synthesise(access):
        return forbidden(request, ONLY_DOCUMENTS)
    return access


@login_required
def overview(request: HttpRequest, congress_id: int) -> HttpResponse:
    """The groups with their counts, the drafts under discussion, and the groups the user
    records for."""
    access = _member_or_delegate(request, congress_id)
    if not permissions.can_open_discussion(access):
        return forbidden(request, NO_READ)
    reads_all = permissions.can_read_all(access)
    return render(
        request,
        "discussion/overview.html",
        page_context(
            access,
            groups=list(selectors.groups_of(access)) if reads_all else [],
            mine=list(selectors.recordable_groups(access)),
            drafts=selectors.drafts_of(access),
            reads_all=reads_all,
            synthesiser=permissions.can_synthesise(access),
        ),
    )


@login_required
def group_record(request: HttpRequest, congress_id: int, discussion_group_id: int) -> HttpResponse:
    """The secretary's page: pick the draft, record a comment, see what the group said."""
    access = _member_or_delegate(request, congress_id)
    group = permissions.access_group(access, discussion_group_id)
    if not permissions.can_record(access, group):
        return forbidden(request, NOT_THE_SECRETARY)
    drafts = selectors.drafts_of(access)
    chosen = request.GET.get("du_thao", "")
    draft = next((d for d in drafts if chosen.isdigit() and str(d.pk) == chosen), None)
    draft = draft or (drafts[0] if drafts else None)
    if draft is None:
        return render(
            request,
            "discussion/group_record.html",
            page_context(access, group=group, drafts=drafts, draft=None),
        )
    form = CommentForm(request.POST or None, draft=draft)
    return form_page(
        request,
        form,
        lambda: services.group_comment_record(
            access=access, group=group, fields=form.comment_fields()
        ),
        success="Đã ghi ý kiến của tổ.",
        then=_to_group,
        template="discussion/group_record.html",
        context=page_context(
            access,
            group=group,
            drafts=drafts,
            draft=draft,
            form=form,
            comments=selectors.comments_of_group(group, draft),
        ),
    )


@login_required
def comment_edit(request: HttpRequest, congress_id: int, group_comment_id: int) -> HttpResponse:
    access = _member_or_delegate(request, congress_id)
    comment = permissions.access_group_comment(access, group_comment_id)
    if not permissions.can_record(access, comment.group):
        return forbidden(request, NOT_THE_SECRETARY)
    form = CommentForm(
        request.POST or None, draft=comment.draft, initial=CommentForm.initial_for(comment)
    )
    return form_page(
        request,
        form,
        lambda: services.group_comment_update(
            access=access,
            comment=comment,
            fields=form.comment_fields(),
            version=form.expected_version(),
        ),
        success="Đã sửa ý kiến.",
        then=_to_group,
        template="discussion/comment_form.html",
        context=page_context(access, comment=comment, form=form),
    )


@login_required
@require_POST
def comment_delete(request: HttpRequest, congress_id: int, group_comment_id: int) -> HttpResponse:
    access = _member_or_delegate(request, congress_id)
    comment = permissions.access_group_comment(access, group_comment_id)
    if not permissions.can_record(access, comment.group):
        return forbidden(request, NOT_THE_SECRETARY)
    return run_button(
        request,
        lambda: services.group_comment_delete(access=access, comment=comment),
        success="Đã xóa ý kiến.",
        then=_to_group(comment),
    )


@login_required
@require_POST
def comment_resolve(request: HttpRequest, congress_id: int, group_comment_id: int) -> HttpResponse:
    access = _synthesiser(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    comment = permissions.access_group_comment(access, group_comment_id)
    return run_form_button(
        request,
        ResolveForm(request.POST),
        lambda data: services.group_comment_resolve(
            access=access, comment=comment, resolution=data["resolution"], reason=data["reason"]
        ),
        success=lambda c: f"Đã ghi nhận: {c.get_resolution_display().lower()}.",
        invalid="Hãy chọn tiếp thu hoặc giải trình.",
        then=_to_synthesis(congress_id, comment.draft_id),
    )


@login_required
def synthesis(request: HttpRequest, congress_id: int, discussed_draft_id: int) -> HttpResponse:
    """Every group's comments on the draft by section, the themes and the counts."""
    access = access_congress(request.user, congress_id)
    draft = permissions.access_draft(access, discussed_draft_id)
    if not permissions.can_read_all(access):
        return forbidden(request, NO_READ)
    return render(
        request,
        "discussion/synthesis.html",
        page_context(
            access,
            draft=draft,
            synthesis=selectors.synthesis_of(draft),
            synthesiser=permissions.can_synthesise(access),
        ),
    )


@login_required
@require_POST
def theme_create(request: HttpRequest, congress_id: int, discussed_draft_id: int) -> HttpResponse:
    access = _synthesiser(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    draft = permissions.access_draft(access, discussed_draft_id)
    return run_form_button(
        request,
        ThemeCreateForm(request.POST, draft=draft),
        lambda data: services.theme_create(
            access=access, comment_ids=data["comments"], summary=data["summary"], draft_id=draft.pk
        ),
        success="Đã gộp các ý kiến thành một nhóm ý kiến.",
        invalid="Hãy chọn các ý kiến cùng nội dung và ghi nội dung chung của nhóm.",
        then=_to_synthesis(congress_id, draft.pk),
    )


@login_required
def theme_edit(request: HttpRequest, congress_id: int, comment_theme_id: int) -> HttpResponse:
    access = _synthesiser(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    theme = permissions.access_theme(access, comment_theme_id)
    form = ThemeForm(request.POST or None, initial=edit_initial(theme, ThemeForm))
    return form_page(
        request,
        form,
        lambda: services.theme_update(
            access=access,
            theme=theme,
            summary=form.cleaned_data["summary"],
            resolution=form.cleaned_data["resolution"],
            reason=form.cleaned_data["reason"],
            version=form.expected_version(),
        ),
        success="Đã lưu nhóm ý kiến.",
        then=lambda t: _to_synthesis(congress_id, t.draft_id),
        template="discussion/theme_form.html",
        context=page_context(
            access, theme=theme, form=form, comments=theme.comments.select_related("group")
        ),
    )


@login_required
@require_POST
def theme_dissolve(request: HttpRequest, congress_id: int, comment_theme_id: int) -> HttpResponse:
    access = _synthesiser(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    theme = permissions.access_theme(access, comment_theme_id)
    return run_button(
        request,
        lambda: services.theme_dissolve(access=access, theme=theme),
        success=lambda n: f"Đã bỏ nhóm; {n} ý kiến trở lại chưa xử lý.",
        then=_to_synthesis(congress_id, theme.draft_id),
    )


@login_required
def report_docx(request: HttpRequest, congress_id: int, discussed_draft_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    draft = permissions.access_draft(access, discussed_draft_id)
    if not permissions.can_read_all(access):
        return forbidden(request, NO_READ)
    today = local_today()
    found = selectors.synthesis_of(draft)
    return content_file(
        report.render_docx(found, today), DOCX_CONTENT_TYPE, report.filename(found, today)
    )
