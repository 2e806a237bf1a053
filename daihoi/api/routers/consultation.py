"""Consultation on drafts (lấy ý kiến dự thảo): sent for comment by a date, answered section by
section, each comment accepted or explained, revised for a new round, adopted; the synthesis
as DOCX. The drafting side manages; those asked answer and read their own comments (all of
them once the synthesis is shared), as on the pages."""

from typing import Any

from django.db.models import QuerySet
from django.http import FileResponse, HttpRequest, HttpResponse
from ninja import File, Form, Query, Router, Schema, Status, UploadedFile

from daihoi.consultation import permissions, selectors, services, synthesis
from daihoi.consultation.forms import (
    AdoptForm,
    CommentForm,
    ConsultationForm,
    ResolveForm,
    RevisionForm,
)
from daihoi.consultation.models import Comment, Consultation
from daihoi.consultation.permissions import (
    DRAFTERS_ONLY,
    NOT_ASKED,
    access_comment,
    access_consultation,
    access_draft,
)
from daihoi.core.dates import today as local_today
from daihoi.core.exceptions import BusinessError
from daihoi.core.uploads import DOCX_CONTENT_TYPE
from daihoi.core.views import content_file, stored_file
from daihoi.documents.models import Document
from daihoi.organizations.permissions import Access

from ..common import Detail, access, answers, form_data, gate, listed, valid, write
from .consultation_schemas import (
    AdoptIn,
    CommentIn,
    CommentOut,
    ConsultationDetailOut,
    ConsultationIn,
    ConsultationOut,
    DraftOut,
    RemindOut,
    ResolveIn,
    RevisionIn,
    ShareIn,
    chain_out,
    draft_out,
)

router = Router(tags=["Lấy ý kiến dự thảo"])

CONSULTATION = "/{congress_id}/consultations/{consultation_id}/"


class ConsultationQuery(Schema):
    """`awaiting`: only the drafts still waiting for the caller's answer, before their deadline
    (the page's `?cho=gop-y`)."""

    awaiting: bool = False


def _detail(acting: Access, consultation_id: int) -> dict[str, Any]:
    """The consultation's page as JSON (the same reads as the page)."""
    consultation = access_consultation(acting, consultation_id)
    current = services.current_draft(consultation)
    manages = permissions.can_manage(acting, consultation)
    recipient = permissions.own_recipient(acting, current)
    open_round = consultation.is_open and current.deadline is not None
    today = local_today()
    comments = list(selectors.comments_visible(acting, consultation))
    chain = chain_out(selectors.revision_chain(consultation))
    fields = ("id", "title", "kind", "status", "synthesis_shared", "adopted_at", "created_at")
    return {name: getattr(consultation, name) for name in fields} | {
        "kind_label": consultation.get_kind_display(),
        "status_label": consultation.get_status_display(),
        "drafting_agency": consultation.drafting_agency,
        "committee": str(consultation.committee) if consultation.committee else None,
        "current": chain[-1] if chain else None,
        "chain": chain,
        "manages": manages,
        "can_comment": recipient is not None and open_round and today <= current.deadline,  # type: ignore[operator]
        "past_deadline": open_round and today > current.deadline,  # type: ignore[operator]
        "sees_all_comments": permissions.sees_all_comments(acting, consultation),
        "pending_comments": sum(1 for c in comments if c.is_pending),
        "tracking": selectors.answer_tracking(current) if manages and open_round else [],
    }


def _drafting_side(request: HttpRequest, congress_id: int, consultation_id: int):
    acting = access(request, congress_id)
    consultation = access_consultation(acting, consultation_id)
    gate(permissions.can_manage(acting, consultation), DRAFTERS_ONLY)
    return acting, consultation


@listed(
    router,
    "/{congress_id}/consultations/",
    ConsultationOut,
    "Dự thảo lấy ý kiến: do mình soạn hoặc mình được hỏi (mới nhất trước)",
    ordering=("-id",),
)
def consultation_list(
    request: HttpRequest, congress_id: int, filters: Query[ConsultationQuery]
) -> QuerySet[Consultation]:
    acting = access(request, congress_id)
    awaiting_on = local_today() if filters.awaiting else None
    return selectors.consultations_for(acting, awaiting_on=awaiting_on).order_by()


@router.post(
    "/{congress_id}/consultations/",
    response=answers(ConsultationDetailOut, 201),
    summary="Gửi dự thảo lấy ý kiến (multipart, kèm tệp dự thảo nếu có)",
)
def consultation_create(
    request: HttpRequest,
    congress_id: int,
    payload: Form[ConsultationIn],
    file: File[UploadedFile] | None = None,
) -> Status:
    acting = access(request, congress_id)
    gate(permissions.can_start(acting), DRAFTERS_ONLY)
    form = ConsultationForm(
        request.POST,
        request.FILES,
        congress=acting.congress,
        own_agency_id=None if acting.can_accept else acting.agency_id,
        drafter_agency_id=acting.agency_id,
    )
    form.offer_drafts(Document.objects.visible_to(acting))
    valid(form)
    created = write(
        request, lambda: services.consultation_send(access=acting, **form.service_kwargs())
    )
    return Status(201, _detail(acting, created.pk))


@router.get(
    CONSULTATION,
    response=answers(ConsultationDetailOut),
    summary="Một dự thảo lấy ý kiến: các lần dự thảo, ai đã góp ý, việc mình được làm",
)
def consultation_detail(request: HttpRequest, congress_id: int, consultation_id: int) -> dict:
    return _detail(access(request, congress_id), consultation_id)


@router.get(
    CONSULTATION + "drafts/{draft_id}/",
    response=answers(DraftOut),
    summary="Một lần dự thảo: nội dung theo từng mục và các ý kiến mình được xem",
)
def draft_detail(
    request: HttpRequest, congress_id: int, consultation_id: int, draft_id: int
) -> dict:
    acting = access(request, congress_id)
    draft = access_draft(acting, consultation_id, draft_id)
    comments = [
        c for c in selectors.comments_visible(acting, draft.consultation) if c.draft_id == draft.pk
    ]
    return draft_out(draft, list(draft.sections.all()), comments)


@router.get(
    CONSULTATION + "drafts/{draft_id}/file/",
    response=answers(Detail),
    summary="Tải tệp dự thảo (Word, PDF) của một lần dự thảo",
)
def draft_file(
    request: HttpRequest, congress_id: int, consultation_id: int, draft_id: int
) -> FileResponse:
    draft = access_draft(access(request, congress_id), consultation_id, draft_id)
    return stored_file(draft.file, draft.file_name or None)


@router.post(
    CONSULTATION + "drafts/",
    response=answers(DraftOut, 201),
    summary="Gửi dự thảo sửa đổi lấy ý kiến vòng mới (multipart, kèm tệp nếu có)",
)
def draft_revise(
    request: HttpRequest,
    congress_id: int,
    consultation_id: int,
    payload: Form[RevisionIn],
    file: File[UploadedFile] | None = None,
) -> Status:
    acting, consultation = _drafting_side(request, congress_id, consultation_id)
    if not consultation.is_open:
        raise BusinessError(services.ALREADY_ADOPTED)
    form = valid(RevisionForm(request.POST, request.FILES, congress=acting.congress))
    data = form.cleaned_data
    draft = write(
        request,
        lambda: services.draft_revise(
            access=acting,
            consultation=consultation,
            body=data["body"],
            note=data["note"],
            upload=data["file"],
            deadline=data["deadline"],
            send_to=form.send_to(),
        ),
    )
    return Status(201, draft_out(draft, list(draft.sections.all()), []))


@listed(
    router,
    CONSULTATION + "comments/",
    CommentOut,
    "Ý kiến góp ý mình được xem (tất cả với đơn vị soạn thảo hoặc khi đã chia sẻ)",
)
def comment_list(request: HttpRequest, congress_id: int, consultation_id: int) -> QuerySet[Comment]:
    acting = access(request, congress_id)
    consultation = access_consultation(acting, consultation_id)
    return selectors.comments_visible(acting, consultation).order_by()


@router.post(
    CONSULTATION + "comments/",
    response=answers(list[CommentOut], 201),
    summary="Gửi ý kiến góp ý vào dự thảo đang lấy ý kiến (từng mục, toàn văn, hoặc nhất trí)",
)
def comment_submit(
    request: HttpRequest, congress_id: int, consultation_id: int, payload: CommentIn
) -> Status:
    acting = access(request, congress_id)
    consultation = access_consultation(acting, consultation_id)
    draft = services.current_draft(consultation)
    draft.consultation = consultation
    gate(permissions.own_recipient(acting, draft) is not None, NOT_ASKED)
    sections = list(draft.sections.all())
    data: dict[str, Any] = {"whole": payload.whole or "", "agreed": payload.agreed}
    known = {s.pk for s in sections}
    unknown = [pk for pk in payload.sections if pk not in known]
    if unknown:
        raise BusinessError("Mục được góp ý không thuộc dự thảo này.")
    data |= {f"section_{pk}": text for pk, text in payload.sections.items()}
    if not data["agreed"]:
        data.pop("agreed")
    form = valid(CommentForm(data, sections=sections))
    created = write(
        request,
        lambda: services.comments_submit(
            access=acting, draft=draft, entries=form.entries(), agreed=form.cleaned_data["agreed"]
        ),
    )
    ids = [c.pk for c in created]
    return Status(201, list(selectors.comments_visible(acting, consultation).filter(pk__in=ids)))


@router.post(
    CONSULTATION + "comments/{comment_id}/resolve/",
    response=answers(CommentOut),
    summary="Tiếp thu hoặc giải trình một ý kiến góp ý",
)
def comment_resolve(
    request: HttpRequest,
    congress_id: int,
    consultation_id: int,
    comment_id: int,
    payload: ResolveIn,
) -> Comment:
    acting = access(request, congress_id)
    comment = access_comment(acting, consultation_id, comment_id)
    consultation = comment.draft.consultation
    gate(permissions.can_manage(acting, consultation), DRAFTERS_ONLY)
    data = valid(ResolveForm(form_data(payload))).cleaned_data
    write(
        request,
        lambda: services.comment_resolve(
            access=acting, comment=comment, resolution=data["resolution"], reason=data["reason"]
        ),
    )
    return selectors.comments_visible(acting, consultation).get(pk=comment_id)


@router.post(
    CONSULTATION + "remind/",
    response=answers(RemindOut),
    summary="Nhắc các nơi chưa gửi ý kiến (qua thông báo)",
)
def consultation_remind(request: HttpRequest, congress_id: int, consultation_id: int) -> dict:
    acting, consultation = _drafting_side(request, congress_id, consultation_id)
    count = write(
        request,
        lambda: services.consultation_remind(access=acting, consultation=consultation),
    )
    return {"reminded": count}


@router.post(
    CONSULTATION + "share/",
    response=answers(ConsultationDetailOut),
    summary="Chia sẻ (hoặc thôi chia sẻ) bảng tổng hợp ý kiến với các nơi được lấy ý kiến",
)
def consultation_share(
    request: HttpRequest, congress_id: int, consultation_id: int, payload: ShareIn
) -> dict:
    acting, consultation = _drafting_side(request, congress_id, consultation_id)
    write(
        request,
        lambda: services.consultation_share(
            access=acting, consultation=consultation, shared=payload.shared
        ),
    )
    return _detail(acting, consultation_id)


@router.post(
    CONSULTATION + "adopt/",
    response=answers(ConsultationDetailOut),
    summary="Thông qua bản cuối cùng (mọi ý kiến đã được tiếp thu hoặc giải trình)",
)
def consultation_adopt(
    request: HttpRequest, congress_id: int, consultation_id: int, payload: AdoptIn
) -> dict:
    acting, consultation = _drafting_side(request, congress_id, consultation_id)
    if not consultation.is_open:
        raise BusinessError(services.ALREADY_ADOPTED)
    data = valid(AdoptForm(form_data(payload))).cleaned_data
    write(
        request,
        lambda: services.consultation_adopt(
            access=acting, consultation=consultation, body=data["body"], note=data["note"]
        ),
    )
    return _detail(acting, consultation_id)


@router.get(
    CONSULTATION + "synthesis/docx/",
    response=answers(Detail),
    summary="Bảng tổng hợp, tiếp thu, giải trình ý kiến (DOCX)",
)
def synthesis_docx(request: HttpRequest, congress_id: int, consultation_id: int) -> HttpResponse:
    acting = access(request, congress_id)
    consultation = access_consultation(acting, consultation_id)
    gate(permissions.sees_all_comments(acting, consultation), DRAFTERS_ONLY)
    content, name = synthesis.synthesis_file(acting, consultation, local_today())
    return content_file(content, DOCX_CONTENT_TYPE, name)
