"""What every app's views share: refusals, form errors, downloads, the page context."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from .exceptions import BusinessError, PermissionDenied


def forbidden(request: HttpRequest, message: str) -> HttpResponse:
    """The app's own 403 page with the reason, in Vietnamese."""
    return render(request, "403.html", {"message": message}, status=403)


def apply_error(form: forms.BaseForm, error: BusinessError) -> None:
    """Shows a service's refusal on the field it names, or above the form."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def page_context(access: Any, **extra: Any) -> dict[str, Any]:
    """What every congress page's template reads: the access, its congress, then the page's."""
    return {"access": access, "congress": access.congress, **extra}


def stored_file(stored: FieldFile | None, filename: str | None = None) -> FileResponse:
    """Streams a stored file as a download; 404 when there is none or it has gone from disk."""
    if not stored:
        raise Http404
    try:
        handle = stored.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    name = filename or (stored.name or "").rsplit("/", 1)[-1]
    return FileResponse(handle, as_attachment=True, filename=name)


def content_file(content: bytes, content_type: str, filename: str) -> HttpResponse:
    """A file made in memory (DOCX, XLSX, ICS) as a download."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def run_service(
    request: HttpRequest,
    form: forms.BaseForm,
    action: Callable[[], Any],
    *,
    success: str = "",
) -> tuple[bool, Any]:
    """Calls a service for a valid form; a refusal lands on the form instead of a crash.

    Returns (done, result). A PermissionDenied is shown like any other refusal: the view has
    already checked the user's right, so reaching it means the state changed meanwhile.
    """
    try:
        result = action()
    except (BusinessError, PermissionDenied) as error:
        apply_error(form, error)
        return False, None
    if success:
        messages.success(request, success)
    return True, result
