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
from daihoi.core.exceptions import BusinessError
from daihoi.core.views import (
    forbidden,
    form_page,
    page_context,
    run_button,
    run_delete,
    run_service,
    stored_file,
)
from daihoi.organizations.permissions import (
    Access,
    access_congress,
)

from .. import permissions, selectors, services
from ..downloads import document_file
from ..forms import (
    DocumentForm,
    FilterForm,
    ReadersForm,
    RegisterForm,
    ScanForm,
)
from ..models import Document
from ..permissions import access_document

PAGE_SIZE = 25
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
    initial = {name: getattr(document, name) for name in services.DRAFT_FIELDS}
    initial["recipient_agencies"] = list(document.recipient_agencies.all())
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
        draft = services.document_draft_replacement(access=access, document=old)
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
    return run_delete(
        request,
        lambda: services.document_delete(access=access, document=document),
        success="Đã chuyển dự thảo vào thùng rác.",
        then=redirect("documents:document-list", congress_id=congress_id),
        refused=_to_detail(congress_id, document),
    )


# The signed scan and the secrecy of a registered document ----------------------------------------


@login_required
def document_scan(request: HttpRequest, congress_id: int, document_id: int) -> FileResponse:
    access = access_congress(request.user, congress_id)
    document = access_document(access, document_id)
    return document_file(document.scan, document.scan_name, document.is_secret)


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
