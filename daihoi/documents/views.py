"""Thin views of the registry: parse, check permission, call a service or selector, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.organizations.permissions import access_congress

from . import permissions, selectors, services
from .forms import DocumentForm, FilterForm, RegisterForm
from .models import Document

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


def _forbidden(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "403.html", {"message": message}, status=403)


def _apply_error(form, error: BusinessError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


def _to_detail(congress_id: int, document: Document):
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
    page = Paginator(selectors.documents_visible_to(access, filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "access": access,
        "congress": access.congress,
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "can_draft": permissions.can_draft(access),
    }
    return render(request, "documents/document_list.html", context)


@login_required
def document_detail(request: HttpRequest, congress_id: int, document_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    document = selectors.document_for(access, document_id)
    context = {
        "access": access,
        "congress": access.congress,
        "document": document,
        "recipient_agencies": document.recipient_agencies.all(),
        "replaced_by": document.replaced_by.all(),
        "history": document.history.select_related("history_user").order_by("-history_date"),
        "can_draft": permissions.can_draft(access),
        "can_issue": permissions.can_issue(access) and document.is_draft,
    }
    return render(request, "documents/document_detail.html", context)


def _form_page(request, access, form, document=None, *, register=False, replaces=None):
    context = {
        "access": access,
        "congress": access.congress,
        "form": form,
        "document": document,
        "register": register,
        "replaces": replaces,
    }
    return render(request, "documents/document_form.html", context)


@login_required
def document_create(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not permissions.can_draft(access):
        return _forbidden(request, "Chỉ Văn phòng và lãnh đạo tiểu ban soạn thảo văn bản.")
    form = DocumentForm(request.POST or None, congress=access.congress)
    if request.method == "POST" and form.is_valid():
        try:
            document = services.document_create(access=access, **form.cleaned_data)
        except BusinessError as error:
            _apply_error(form, error)
        else:
            messages.success(request, "Đã lưu dự thảo văn bản.")
            return _to_detail(congress_id, document)
    return _form_page(request, access, form)


@login_required
def document_edit(request: HttpRequest, congress_id: int, document_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    document = selectors.document_for(access, document_id)
    if not permissions.can_draft(access):
        return _forbidden(request, "Bạn không có quyền sửa văn bản.")
    if not document.is_draft:
        messages.error(request, services.ISSUED_IS_FINAL)
        return _to_detail(congress_id, document)
    initial = {name: getattr(document, name) for name in FORM_FIELDS}
    initial["recipient_agencies"] = list(document.recipient_agencies.all())
    form = DocumentForm(request.POST or None, initial=initial, congress=access.congress)
    if request.method == "POST" and form.is_valid():
        try:
            services.document_update(access=access, document=document, **form.cleaned_data)
        except BusinessError as error:
            _apply_error(form, error)
        else:
            messages.success(request, "Đã lưu dự thảo văn bản.")
            return _to_detail(congress_id, document)
    return _form_page(request, access, form, document, replaces=document.replaces)


@login_required
@require_POST
def document_issue(request: HttpRequest, congress_id: int, document_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    document = selectors.document_for(access, document_id)
    if not permissions.can_issue(access):
        return _forbidden(request, "Chỉ Văn phòng và lãnh đạo tiểu ban ban hành văn bản.")
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
    old = selectors.document_for(access, document_id)
    if not permissions.can_draft(access):
        return _forbidden(request, "Chỉ Văn phòng và lãnh đạo tiểu ban soạn thảo văn bản.")
    try:
        draft = services.document_create(
            access=access,
            **{name: getattr(old, name) for name in FORM_FIELDS},
            recipient_agencies=old.recipient_agencies.all(),
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
        return _forbidden(request, "Chỉ Văn phòng và lãnh đạo tiểu ban vào sổ văn bản.")
    form = RegisterForm(request.POST or None, congress=access.congress)
    if request.method == "POST" and form.is_valid():
        try:
            document = services.document_register(access=access, **form.cleaned_data)
        except BusinessError as error:
            _apply_error(form, error)
        else:
            messages.success(request, f"Đã vào sổ văn bản số {document.symbol}.")
            return _to_detail(congress_id, document)
    return _form_page(request, access, form, register=True)


def _download(request, congress_id: int, document_id: int, attribute: str) -> FileResponse:
    access = access_congress(request.user, congress_id)
    document = selectors.document_for(access, document_id)
    stored = getattr(document, attribute)
    if not stored:
        raise Http404
    try:
        handle = stored.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=stored.name.rsplit("/", 1)[-1])


@login_required
def document_docx(request: HttpRequest, congress_id: int, document_id: int) -> FileResponse:
    return _download(request, congress_id, document_id, "docx")


@login_required
def document_pdf(request: HttpRequest, congress_id: int, document_id: int) -> FileResponse:
    return _download(request, congress_id, document_id, "pdf")


@login_required
@require_POST
def document_delete(request: HttpRequest, congress_id: int, document_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    document = selectors.document_for(access, document_id)
    try:
        services.document_delete(access=access, document=document)
    except PermissionDenied as error:
        return render(request, "403.html", {"message": error.message}, status=403)
    except BusinessError as error:
        messages.error(request, error.message)
        return redirect(
            "documents:document-detail", congress_id=congress_id, document_id=document.pk
        )
    messages.success(request, "Đã chuyển dự thảo vào thùng rác.")
    return redirect("documents:document-list", congress_id=congress_id)
