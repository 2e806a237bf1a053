"""Thin views of the registry: parse, check permission, call a service or selector, render."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from daihoi.core.audit import history_of
from daihoi.core.dates import today as local_today
from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.core.spreadsheets import XLSX_CONTENT_TYPE, table_workbook
from daihoi.core.views import (
    content_file,
    forbidden,
    form_page,
    page_context,
    run_button,
    run_service,
    stored_file,
)
from daihoi.organizations.models import Committee
from daihoi.organizations.permissions import (
    Access,
    access_committee,
    access_congress,
    can_manage_committees,
)

from . import permissions, selectors, services
from .forms import (
    DocumentForm,
    FilterForm,
    FoundingDecisionForm,
    IncomingFilterForm,
    IncomingForm,
    ReadersForm,
    RegisterForm,
    ScanForm,
)
from .models import Document, IncomingDocument
from .permissions import access_document, access_incoming

PAGE_SIZE = 25
FORM_FIELDS = [
    "kind",
    "issuer",
    "subject",
    "body",
    "recipients",
    "signer",
    "signer_title",
    "authority",
]


DRAFTERS_ONLY = "Chỉ Văn phòng và lãnh đạo tiểu ban soạn thảo văn bản."


def _to_detail(congress_id: int, document: Document) -> HttpResponse:
    return redirect("documents:document-detail", congress_id=congress_id, document_id=document.pk)


@login_required
def document_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    form = FilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.DocumentFilters(
        q=data.get("q") or "",
        kind=data.get("kind") or "",
        status=data.get("status") or "",
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
    )
    return _list_page(
        request,
        access,
        form,
        selectors.documents_visible_to(access, filters),
        "documents/document_list.html",
        can_draft=permissions.can_draft(access),
    )


def _list_page(
    request: HttpRequest,
    access: Access,
    form: forms.BaseForm,
    rows: Any,
    template: str,
    **extra: Any,
) -> HttpResponse:
    """A filtered list, one page of it, with the filters kept for the page links."""
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = page_context(access, form=form, page=page, query=query.urlencode(), **extra)
    return render(request, template, context)


@login_required
def document_detail(request: HttpRequest, congress_id: int, document_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    document = access_document(access, document_id)
    can_draft = permissions.can_draft(access)
    context = page_context(
        access,
        document=document,
        recipient_agencies=document.recipient_agencies.all(),
        # Related documents through the same rule: a secret one is named only to its readers.
        replaces=Document.objects.visible_to(access).filter(pk=document.replaces_id).first(),
        replaced_by=Document.objects.visible_to(access).filter(replaces=document),
        readers=document.readers.order_by("full_name", "username") if document.is_secret else [],
        can_draft=can_draft,
        can_mark_secret=can_draft and permissions.can_mark_secret(document),
        history=history_of(document),
        can_edit=can_draft and document.is_draft,
        can_replace=can_draft and document.is_issued,
        can_delete=access.can_manage and document.is_draft,
        can_issue=permissions.can_issue(access) and document.is_draft,
    )
    return render(request, "documents/document_detail.html", context)


def _form_page(
    request: HttpRequest,
    access: Access,
    form: forms.BaseForm,
    document: Document | None = None,
    *,
    register: bool = False,
    replaces: Document | None = None,
) -> HttpResponse:
    context = page_context(
        access, form=form, document=document, register=register, replaces=replaces
    )
    return render(request, "documents/document_form.html", context)


@login_required
def document_create(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not permissions.can_draft(access):
        return forbidden(request, DRAFTERS_ONLY)
    form = DocumentForm(request.POST or None, congress=access.congress)
    if request.method == "POST" and form.is_valid():
        done, document = run_service(
            request,
            form,
            lambda: services.document_create(access=access, **form.edited()),
            success="Đã lưu dự thảo văn bản.",
        )
        if done:
            return _to_detail(congress_id, document)
    return _form_page(request, access, form)


@login_required
def document_edit(request: HttpRequest, congress_id: int, document_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    document = access_document(access, document_id)
    if not permissions.can_draft(access):
        return forbidden(request, "Bạn không có quyền sửa văn bản.")
    if not document.is_draft:
        messages.error(request, services.ISSUED_IS_FINAL)
        return _to_detail(congress_id, document)
    initial = {name: getattr(document, name) for name in FORM_FIELDS}
    initial["recipient_agencies"] = list(document.recipient_agencies.all())
    initial["confidentiality"] = document.confidentiality
    initial["readers"] = list(document.readers.all())
    initial["version"] = document.version
    form = DocumentForm(request.POST or None, initial=initial, congress=access.congress)
    if request.method == "POST" and form.is_valid():
        done, _ = run_service(
            request,
            form,
            lambda: services.document_update(
                access=access,
                document=document,
                expected_version=form.expected_version(),
                **form.edited(),
            ),
            success="Đã lưu dự thảo văn bản.",
        )
        if done:
            return _to_detail(congress_id, document)
    return _form_page(request, access, form, document, replaces=document.replaces)


@login_required
@require_POST
def document_issue(request: HttpRequest, congress_id: int, document_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    document = access_document(access, document_id)
    if not permissions.can_issue(access):
        return forbidden(request, "Chỉ Văn phòng và lãnh đạo tiểu ban ban hành văn bản.")
    try:
        services.document_issue(access=access, document=document)
    except BusinessError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"Đã ban hành văn bản số {document.symbol}.")
    return _to_detail(congress_id, document)


@login_required
@require_POST
def document_replace(request: HttpRequest, congress_id: int, document_id: int) -> HttpResponse:
    """A new draft prefilled from an issued document, saying that it replaces it."""
    access = access_congress(request.user, congress_id)
    old = access_document(access, document_id)
    if not permissions.can_draft(access):
        return forbidden(request, DRAFTERS_ONLY)
    try:
        draft = services.document_create(
            access=access,
            **{name: getattr(old, name) for name in FORM_FIELDS},
            recipient_agencies=old.recipient_agencies.all(),
            confidentiality=old.confidentiality,
            readers=old.readers.all(),
            replaces=old,
        )
    except BusinessError as error:
        messages.error(request, error.message)
        return _to_detail(congress_id, old)
    messages.success(request, f"Đã tạo dự thảo thay thế văn bản số {old.symbol}.")
    return redirect("documents:document-edit", congress_id=congress_id, document_id=draft.pk)


@login_required
def document_register(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not permissions.can_draft(access):
        return forbidden(request, "Chỉ Văn phòng và lãnh đạo tiểu ban vào sổ văn bản.")
    form = RegisterForm(request.POST or None, request.FILES or None, congress=access.congress)
    if request.method == "POST" and form.is_valid():
        done, document = run_service(
            request, form, lambda: services.document_register(access=access, **form.edited())
        )
        if done:
            messages.success(request, f"Đã vào sổ văn bản số {document.symbol}.")
            return _to_detail(congress_id, document)
    return _form_page(request, access, form, register=True)


@login_required
def document_docx(request: HttpRequest, congress_id: int, document_id: int) -> FileResponse:
    access = access_congress(request.user, congress_id)
    return stored_file(access_document(access, document_id).docx)


@login_required
def document_pdf(request: HttpRequest, congress_id: int, document_id: int) -> FileResponse:
    access = access_congress(request.user, congress_id)
    return stored_file(access_document(access, document_id).pdf)


@login_required
@require_POST
def document_delete(request: HttpRequest, congress_id: int, document_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    document = access_document(access, document_id)
    try:
        services.document_delete(access=access, document=document)
    except PermissionDenied as error:
        return forbidden(request, error.message)
    except BusinessError as error:
        messages.error(request, error.message)
        return redirect(
            "documents:document-detail", congress_id=congress_id, document_id=document.pk
        )
    messages.success(request, "Đã chuyển dự thảo vào thùng rác.")
    return redirect("documents:document-list", congress_id=congress_id)


# The signed scan and the secrecy of a registered document ----------------------------------------


def _document_file(stored: Any, name: str, secret: bool) -> FileResponse:
    """A document's file under its user-given name; a secret document's file is never kept by
    a browser or a proxy cache."""
    response = stored_file(stored, name or None)
    if secret:
        response["Cache-Control"] = "no-store"
        response["Pragma"] = "no-cache"
    return response


@login_required
def document_scan(request: HttpRequest, congress_id: int, document_id: int) -> FileResponse:
    access = access_congress(request.user, congress_id)
    document = access_document(access, document_id)
    return _document_file(document.scan, document.scan_name, document.is_secret)


@login_required
@require_POST
def document_attach_scan(request: HttpRequest, congress_id: int, document_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    document = access_document(access, document_id)
    if not permissions.can_draft(access):
        return forbidden(request, DRAFTERS_ONLY)
    form = ScanForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "Hãy chọn tệp bản ký (PDF hoặc DOCX).")
        return _to_detail(congress_id, document)
    return run_button(
        request,
        lambda: services.document_attach_scan(
            access=access, document=document, scan=form.cleaned_data["scan"]
        ),
        success="Đã đính kèm bản ký.",
        then=_to_detail(congress_id, document),
    )


@login_required
def document_readers(request: HttpRequest, congress_id: int, document_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    document = access_document(access, document_id)
    if not permissions.can_draft(access):
        return forbidden(request, DRAFTERS_ONLY)
    if not permissions.can_mark_secret(document):
        messages.error(request, "Văn bản đã ban hành trên hệ thống không đổi được độ mật.")
        return _to_detail(congress_id, document)
    initial = {"confidentiality": document.confidentiality, "readers": document.readers.all()}
    form = ReadersForm(request.POST or None, initial=initial, congress=access.congress)
    return form_page(
        request,
        form,
        lambda: services.document_set_readers(
            access=access, document=document, **form.cleaned_data
        ),
        success="Đã lưu độ mật và người được xem.",
        then=lambda _: _to_detail(congress_id, document),
        template="documents/readers_form.html",
        context=page_context(access, form=form, document=document),
    )


# The register of documents received (sổ văn bản đến) ---------------------------------------------


def _to_incoming(congress_id: int, document: IncomingDocument) -> HttpResponse:
    return redirect("documents:incoming-detail", congress_id=congress_id, incoming_id=document.pk)


def _incoming_filters(form: IncomingFilterForm) -> selectors.IncomingFilters:
    data = form.cleaned_data if form.is_valid() else {}
    agency = data.get("agency")
    return selectors.IncomingFilters(
        q=data.get("q") or "",
        confidentiality=data.get("confidentiality") or "",
        urgency=data.get("urgency") or "",
        agency_id=agency.pk if agency else None,
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
    )


@login_required
def incoming_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    form = IncomingFilterForm(request.GET or None, congress=access.congress)
    return _list_page(
        request,
        access,
        form,
        selectors.incoming_visible_to(access, _incoming_filters(form)),
        "documents/incoming_list.html",
        can_register=permissions.can_register_incoming(access),
    )


@login_required
def incoming_export(request: HttpRequest, congress_id: int) -> HttpResponse:
    """The register as on screen (same filters, every page) in XLSX."""
    access = access_congress(request.user, congress_id)
    form = IncomingFilterForm(request.GET or None, congress=access.congress)
    documents = selectors.incoming_visible_to(access, _incoming_filters(form))
    today = local_today()
    content = table_workbook(
        "Sổ văn bản đến",
        INCOMING_COLUMNS,
        (
            [
                d.arrival_number,
                d.received_on,
                d.sender_symbol,
                d.issued_on,
                d.issuer_label,
                d.subject,
                d.get_urgency_display(),
                d.get_confidentiality_display(),
            ]
            for d in documents[:MAX_EXPORT_ROWS]
        ),
        widths=[8, 12, 18, 12, 30, 60, 12, 10],
        heading=[f"Sổ văn bản đến — {access.congress.full_title}", f"Ngày xuất {today:%d/%m/%Y}"],
    )
    return content_file(content, XLSX_CONTENT_TYPE, f"so-van-ban-den-{today:%Y%m%d}.xlsx")


INCOMING_COLUMNS = [
    "Số đến",
    "Ngày đến",
    "Số, ký hiệu",
    "Ngày ban hành",
    "Cơ quan ban hành",
    "Trích yếu",
    "Độ khẩn",
    "Độ mật",
]
MAX_EXPORT_ROWS = 5000


@login_required
def incoming_detail(request: HttpRequest, congress_id: int, incoming_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    document = access_incoming(access, incoming_id)
    can_register = permissions.can_register_incoming(access)
    context = page_context(
        access,
        document=document,
        readers=document.readers.order_by("full_name", "username") if document.is_secret else [],
        handling_agencies=document.handling_agencies.order_by("name"),
        tasks=_tasks_from(access, document),
        history=history_of(document),
        can_register=can_register,
    )
    return render(request, "documents/incoming_detail.html", context)


def _tasks_from(access: Access, document: IncomingDocument) -> Any:
    """The tasks given from the document that the actor may open (planning's own rule,
    reached through the tasks' link to the document)."""
    return (
        document.tasks.visible_to(access).select_related("lead_agency").order_by("deadline", "id")
    )


def _incoming_form_page(
    request: HttpRequest,
    access: Access,
    form: IncomingForm,
    action: Any,
    document: IncomingDocument | None = None,
) -> HttpResponse:
    return form_page(
        request,
        form,
        action,
        success="Đã lưu văn bản đến." if document else "",
        then=lambda saved: _to_incoming(access.congress.pk, saved),
        template="documents/incoming_form.html",
        context=page_context(access, form=form, document=document),
    )


@login_required
def incoming_register(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not permissions.can_register_incoming(access):
        return forbidden(request, services.REGISTRAR_ONLY)
    form = IncomingForm(
        request.POST or None,
        request.FILES or None,
        initial={"received_on": local_today()},
        congress=access.congress,
    )

    def register() -> IncomingDocument:
        document = services.incoming_register(access=access, **form.edited())
        messages.success(request, f"Đã vào sổ văn bản đến số {document.arrival_number}.")
        return document

    return _incoming_form_page(request, access, form, register)


@login_required
def incoming_edit(request: HttpRequest, congress_id: int, incoming_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    document = access_incoming(access, incoming_id)
    if not permissions.can_register_incoming(access):
        return forbidden(request, services.REGISTRAR_ONLY)
    initial: dict[str, Any] = {name: getattr(document, name) for name in services.INCOMING_FIELDS}
    initial["readers"] = list(document.readers.all())
    initial["version"] = document.version
    form = IncomingForm(
        request.POST or None, request.FILES or None, initial=initial, congress=access.congress
    )
    return _incoming_form_page(
        request,
        access,
        form,
        lambda: services.incoming_update(
            access=access,
            document=document,
            expected_version=form.expected_version(),
            **form.edited(),
        ),
        document,
    )


@login_required
def incoming_file(request: HttpRequest, congress_id: int, incoming_id: int) -> FileResponse:
    access = access_congress(request.user, congress_id)
    document = access_incoming(access, incoming_id)
    return _document_file(document.file, document.file_name, document.is_secret)


@login_required
@require_POST
def incoming_delete(request: HttpRequest, congress_id: int, incoming_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    document = access_incoming(access, incoming_id)
    return run_button(
        request,
        lambda: services.incoming_delete(access=access, document=document),
        success=f"Đã chuyển {document} vào thùng rác.",
        then=redirect("documents:incoming-list", congress_id=congress_id),
    )


@login_required
def committee_founding(request: HttpRequest, congress_id: int, committee_id: int) -> HttpResponse:
    """Choose the committee's founding decision in the registry, or enter it there now."""
    access = access_congress(request.user, congress_id)
    committee = access_committee(access, committee_id)
    if not can_manage_committees(access):
        return forbidden(request, "Chỉ Thường trực / Văn phòng mới được gắn quyết định thành lập.")
    form = FoundingDecisionForm(
        request.POST or None,
        congress=access.congress,
        initial={
            "document": committee.founding_document,
            "subject": f"Về việc thành lập {committee.name}",
        },
    )

    def save() -> Committee:
        chosen = form.cleaned_data["document"]
        if chosen is not None:
            return services.committee_set_founding_decision(
                access=access, committee=committee, document=chosen
            )
        return services.committee_register_founding_decision(
            access=access, committee=committee, **form.new_decision()
        )

    return form_page(
        request,
        form,
        save,
        success="Đã gắn quyết định thành lập.",
        then=lambda _: redirect(
            "organizations:committee-detail", congress_id=congress_id, committee_id=committee.pk
        ),
        template="documents/committee_founding.html",
        context=page_context(access, form=form, committee=committee),
    )
