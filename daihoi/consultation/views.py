"""Thin views over the consultation services and selectors."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from daihoi.core.audit import history_of
from daihoi.core.dates import today as local_today
from daihoi.core.paging import PAGE_SIZE
from daihoi.core.uploads import DOCX_CONTENT_TYPE
from daihoi.core.views import (
    content_file,
    forbidden,
    form_page,
    page_context,
    run_button,
    run_form_button,
    stored_file,
)
from daihoi.documents.models import Document
from daihoi.organizations.permissions import Access, access_congress

from . import permissions, selectors, services, synthesis
from .forms import AdoptForm, CommentForm, ConsultationForm, ResolveForm, RevisionForm
from .models import Consultation
from .permissions import DRAFTERS_ONLY, NOT_ASKED, access_comment, access_consultation, access_draft


def _to_detail(congress_id: int, consultation: Consultation) -> HttpResponse:
    return redirect(
        "consultation:consultation-detail",
        congress_id=congress_id,
        consultation_id=consultation.pk,
    )


def _drafting_side(
    request: HttpRequest, congress_id: int, consultation_id: int
) -> tuple[Access, Consultation, HttpResponse | None]:
    """The consultation and, for anyone but its drafting side, the 403 page to answer with."""
    access = access_congress(request.user, congress_id)
    consultation = access_consultation(access, consultation_id)
    refused = None if permissions.can_manage(access, consultation) else DRAFTERS_ONLY
    return access, consultation, forbidden(request, refused) if refused else None


@login_required
def consultation_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    awaiting = request.GET.get("cho") == selectors.AWAITING
    consultations = selectors.consultations_for(
        access, awaiting_on=local_today() if awaiting else None
    )
    page = Paginator(consultations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "consultation/consultation_list.html",
        page_context(
            access,
            page=page,
            rows=[(c, list(c.drafts.all())[-1]) for c in page],
            filtered="dự thảo đang chờ bạn góp ý, còn hạn" if awaiting else "",
            can_start=permissions.can_start(access),
        ),
    )


@login_required
def consultation_create(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not permissions.can_start(access):
        return forbidden(request, DRAFTERS_ONLY)
    form = ConsultationForm(
        request.POST or None,
        request.FILES or None,
        congress=access.congress,
        own_agency_id=None if access.can_accept else access.agency_id,
        drafter_agency_id=access.agency_id,
    )
    form.offer_drafts(Document.objects.visible_to(access))
    return form_page(
        request,
        form,
        lambda: services.consultation_send(access=access, **form.service_kwargs()),
        success="Đã gửi dự thảo lấy ý kiến.",
        then=lambda consultation: _to_detail(congress_id, consultation),
        template="consultation/consultation_form.html",
        context=page_context(access, form=form),
    )


@login_required
def consultation_detail(
    request: HttpRequest, congress_id: int, consultation_id: int
) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    consultation = access_consultation(access, consultation_id)
    current = services.current_draft(consultation)
    manages = permissions.can_manage(access, consultation)
    recipient = permissions.own_recipient(access, current)
    open_round = consultation.is_open and current.deadline is not None
    comments = list(selectors.comments_visible(access, consultation))
    return render(
        request,
        "consultation/consultation_detail.html",
        page_context(
            access,
            consultation=consultation,
            current=current,
            chain=selectors.revision_chain(consultation),
            manages=manages,
            recipient=recipient,
            can_comment=recipient is not None and open_round and local_today() <= current.deadline,  # type: ignore[operator]
            past_deadline=open_round and local_today() > current.deadline,  # type: ignore[operator]
            tracking=selectors.answer_tracking(current) if manages and open_round else [],
            comments=comments,
            pending=sum(1 for c in comments if c.is_pending),
            resolve_form=ResolveForm() if manages and consultation.is_open else None,
            sees_all=permissions.sees_all_comments(access, consultation),
            history=history_of(consultation)[:30] if manages else [],
        ),
    )


@login_required
def draft_detail(
    request: HttpRequest, congress_id: int, consultation_id: int, draft_id: int
) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    draft = access_draft(access, consultation_id, draft_id)
    consultation = draft.consultation
    comments = [
        c for c in selectors.comments_visible(access, consultation) if c.draft_id == draft.pk
    ]
    return render(
        request,
        "consultation/draft_detail.html",
        page_context(
            access,
            consultation=consultation,
            draft=draft,
            chain=selectors.revision_chain(consultation),
            comments=comments,
            sees_all=permissions.sees_all_comments(access, consultation),
        ),
    )


@login_required
def draft_file(
    request: HttpRequest, congress_id: int, consultation_id: int, draft_id: int
) -> FileResponse:
    access = access_congress(request.user, congress_id)
    draft = access_draft(access, consultation_id, draft_id)
    return stored_file(draft.file, draft.file_name or None)


@login_required
def comment_submit(request: HttpRequest, congress_id: int, consultation_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    consultation = access_consultation(access, consultation_id)
    draft = services.current_draft(consultation)
    draft.consultation = consultation
    if permissions.own_recipient(access, draft) is None:
        return forbidden(request, NOT_ASKED)
    sections = list(draft.sections.all())
    form = CommentForm(request.POST or None, sections=sections)
    return form_page(
        request,
        form,
        lambda: services.comments_submit(
            access=access,
            draft=draft,
            entries=form.entries(),
            agreed=form.cleaned_data["agreed"],
        ),
        success="Đã gửi ý kiến góp ý.",
        then=lambda _: _to_detail(congress_id, consultation),
        template="consultation/comment_form.html",
        context=page_context(access, consultation=consultation, draft=draft, form=form),
    )


@login_required
@require_POST
def comment_resolve(
    request: HttpRequest, congress_id: int, consultation_id: int, comment_id: int
) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    comment = access_comment(access, consultation_id, comment_id)
    consultation = comment.draft.consultation
    if not permissions.can_manage(access, consultation):
        return forbidden(request, DRAFTERS_ONLY)
    return run_form_button(
        request,
        ResolveForm(request.POST),
        lambda data: services.comment_resolve(
            access=access,
            comment=comment,
            resolution=data["resolution"],
            reason=data["reason"],
        ),
        success=lambda c: f"Đã ghi nhận: {c.get_resolution_display().lower()}.",
        invalid="Hãy chọn tiếp thu hoặc giải trình.",
        then=_to_detail(congress_id, consultation),
    )


def _drafting_button(
    request: HttpRequest,
    congress_id: int,
    consultation_id: int,
    action: Callable[[Access, Consultation], Any],
    success: str | Callable[[Any], str],
) -> HttpResponse:
    """A button of the drafting side on the consultation's page (`run_button`)."""
    access, consultation, refusal = _drafting_side(request, congress_id, consultation_id)
    if refusal is not None:
        return refusal
    return run_button(
        request,
        lambda: action(access, consultation),
        success=success,
        then=_to_detail(congress_id, consultation),
    )


@login_required
@require_POST
def consultation_remind(
    request: HttpRequest, congress_id: int, consultation_id: int
) -> HttpResponse:
    return _drafting_button(
        request,
        congress_id,
        consultation_id,
        lambda access, c: services.consultation_remind(access=access, consultation=c),
        success=lambda n: f"Đã nhắc {n} nơi chưa gửi ý kiến.",
    )


@login_required
@require_POST
def consultation_share(
    request: HttpRequest, congress_id: int, consultation_id: int
) -> HttpResponse:
    shared = request.POST.get("shared") != "0"
    return _drafting_button(
        request,
        congress_id,
        consultation_id,
        lambda access, c: services.consultation_share(access=access, consultation=c, shared=shared),
        success=(
            "Các nơi được lấy ý kiến đã xem được bảng tổng hợp."
            if shared
            else "Đã thôi chia sẻ bảng tổng hợp: mỗi nơi chỉ xem ý kiến của mình."
        ),
    )


@login_required
def draft_revise(request: HttpRequest, congress_id: int, consultation_id: int) -> HttpResponse:
    access, consultation, refusal = _drafting_side(request, congress_id, consultation_id)
    if refusal is not None:
        return refusal
    current = services.current_draft(consultation)
    if not consultation.is_open:
        return _refused(request, congress_id, consultation, services.ALREADY_ADOPTED)
    form = RevisionForm(
        request.POST or None,
        request.FILES or None,
        congress=access.congress,
        initial=RevisionForm.initial_for(current),
    )
    return form_page(
        request,
        form,
        lambda: services.draft_revise(
            access=access,
            consultation=consultation,
            body=form.cleaned_data["body"],
            note=form.cleaned_data["note"],
            upload=form.cleaned_data["file"],
            deadline=form.cleaned_data["deadline"],
            send_to=form.send_to(),
        ),
        success="Đã gửi dự thảo sửa đổi lấy ý kiến.",
        then=lambda _: _to_detail(congress_id, consultation),
        template="consultation/draft_form.html",
        context=page_context(access, consultation=consultation, current=current, form=form),
    )


def _refused(
    request: HttpRequest, congress_id: int, consultation: Consultation, message: str
) -> HttpResponse:
    messages.error(request, message)
    return _to_detail(congress_id, consultation)


@login_required
def consultation_adopt(
    request: HttpRequest, congress_id: int, consultation_id: int
) -> HttpResponse:
    access, consultation, refusal = _drafting_side(request, congress_id, consultation_id)
    if refusal is not None:
        return refusal
    if not consultation.is_open:
        return _refused(request, congress_id, consultation, services.ALREADY_ADOPTED)
    current = services.current_draft(consultation)
    form = AdoptForm(request.POST or None, initial={"body": current.body})
    return form_page(
        request,
        form,
        lambda: services.consultation_adopt(
            access=access,
            consultation=consultation,
            body=form.cleaned_data["body"],
            note=form.cleaned_data["note"],
        ),
        success="Đã thông qua bản cuối cùng.",
        then=lambda _: _to_detail(congress_id, consultation),
        template="consultation/adopt_form.html",
        context=page_context(
            access,
            consultation=consultation,
            current=current,
            form=form,
            chain=selectors.revision_chain(consultation),
        ),
    )


@login_required
def synthesis_docx(request: HttpRequest, congress_id: int, consultation_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    consultation = access_consultation(access, consultation_id)
    if not permissions.sees_all_comments(access, consultation):
        return forbidden(request, DRAFTERS_ONLY)
    content, name = synthesis.synthesis_file(access, consultation, local_today())
    return content_file(content, DOCX_CONTENT_TYPE, name)
