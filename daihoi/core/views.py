"""What every app's views share: refusals, form errors, downloads, the page context."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.db.models import QuerySet
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from . import once
from .exceptions import BusinessError, ConflictError, PermissionDenied
from .staging import FormFiles
from .versioning import VersionedFormMixin


def first_or_404[M: models.Model](queryset: QuerySet[M]) -> M:
    """The first row of `queryset` (already narrowed to what the user may see), or 404: the
    fetch-and-authorise functions answer alike for "missing" and "not yours"."""
    found = queryset.first()
    if found is None:
        raise Http404
    return found


def forbidden(request: HttpRequest, message: str) -> HttpResponse:
    """The app's own 403 page with the reason, in Vietnamese."""
    return render(request, "403.html", {"message": message}, status=403)


def apply_error(form: forms.BaseForm, error: BusinessError) -> None:
    """Shows a service's refusal on the field it names, or above the form."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)
    if isinstance(error, ConflictError) and hasattr(form, "show_conflict"):
        form.show_conflict(error)


MAX_REDIRECT_LENGTH = 2000
# Characters a Location header cannot carry; Django refuses them with an error, not a redirect.
_UNSAFE_IN_URL = frozenset("\x00\r\n\t\\")


def safe_url(request: HttpRequest, url: str | None, fallback: str) -> str:
    """`url` when it is a same-site address (Django's `url_has_allowed_host_and_scheme`, this
    host, https when the request was), else `fallback`. Every return-to/`next` goes through it,
    so an external, scripted or malformed address never redirects, and never raises."""
    url = (url or "").strip()
    if (
        not url
        or len(url) > MAX_REDIRECT_LENGTH
        or any(c in _UNSAFE_IN_URL or ord(c) < 32 for c in url)
        or not url_has_allowed_host_and_scheme(
            url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return fallback
    return url


def next_url(request: HttpRequest, fallback: str) -> str:
    """The `next` parameter of a POST (or GET), through `safe_url`."""
    return safe_url(request, request.POST.get("next") or request.GET.get("next"), fallback)


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


def form_page(
    request: HttpRequest,
    form: forms.BaseForm,
    action: Callable[[], Any],
    *,
    success: str,
    then: Callable[[Any], HttpResponse],
    template: str,
    context: dict[str, Any],
) -> HttpResponse:
    """A form page's flow: on a valid POST run the service (`run_service`) and go to
    `then(result)`; otherwise, or on a refusal shown on the form, render the page again.

    The form's one-time token is taken in the service's transaction (`core.once`), so a
    second copy of the same submission saves nothing and lands where the first did."""
    if request.method == "POST" and form.is_valid():
        response = _save_once(request, form, action, success=success, then=then)
        if response is not None:
            return response
    return render(request, template, context)


def _save_once(
    request: HttpRequest,
    form: forms.BaseForm,
    action: Callable[[], Any],
    *,
    success: str,
    then: Callable[[Any], HttpResponse],
) -> HttpResponse | None:
    """Runs the service for a valid form with the form's one-time token taken in the same
    transaction (`core.once`); None when it was refused (the error is on the form)."""
    try:
        with transaction.atomic():
            claimed = once.claim(request)
            done, result = run_service(request, form, action, success=success)
            if not done:
                transaction.set_rollback(True)
                return None
            return once.remember(claimed, then(result))
    except once.AlreadySubmitted as earlier:
        return earlier.response(request, request.path)


def run_button(
    request: HttpRequest,
    action: Callable[[], Any],
    *,
    success: str | Callable[[Any], str],
    then: HttpResponse,
) -> HttpResponse:
    """A button's POST: calls the service, tells the outcome and goes to `then`.

    `success` is the message (or makes it from the service's result); a refusal
    (BusinessError) is shown as an error message instead; a PermissionDenied answers the 403
    page."""
    try:
        with transaction.atomic():
            claimed = once.claim(request)
            try:
                result = action()
            except PermissionDenied as error:
                transaction.set_rollback(True)
                return forbidden(request, error.message)
            except BusinessError as error:
                transaction.set_rollback(True)
                messages.error(request, error.message)
                return then
            messages.success(request, success(result) if callable(success) else success)
            return once.remember(claimed, then)
    except once.AlreadySubmitted as earlier:
        return earlier.response(request, then.get("Location", request.path))


def run_delete(
    request: HttpRequest,
    action: Callable[[], Any],
    *,
    success: str,
    then: HttpResponse,
    refused: HttpResponse | None = None,
) -> HttpResponse:
    """A delete button's POST (the object goes to the trash): calls the service, tells
    `success` and goes to `then` (the list: the object is gone). A PermissionDenied answers the
    403 page; a refusal (BusinessError) is told as an error and goes to `refused` (the object's
    own page), or is raised where the page gives none."""
    try:
        action()
    except PermissionDenied as error:
        return forbidden(request, error.message)
    except BusinessError as error:
        if refused is None:
            raise
        messages.error(request, error.message)
        return refused
    messages.success(request, success)
    return then


def run_form_button(
    request: HttpRequest,
    form: forms.Form,
    action: Callable[[dict[str, Any]], Any],
    *,
    success: str | Callable[[Any], str],
    then: HttpResponse,
    invalid: str | None = None,
) -> HttpResponse:
    """A small posted form behind a button (a comment to return with, a reason): an invalid
    form is told as `invalid` (or as its own errors) and nothing runs; a valid one runs
    `action(cleaned_data)` as `run_button` does."""
    if not form.is_valid():
        for message in (
            [invalid] if invalid else [str(e) for es in form.errors.values() for e in es]
        ):
            messages.error(request, message)
        return then
    return run_button(request, lambda: action(form.cleaned_data), success=success, then=then)


def files_form_page(
    request: HttpRequest,
    form: forms.BaseForm,
    field: str,
    action: Callable[[list[UploadedFile]], Any],
    *,
    success: str,
    then: Callable[[Any], HttpResponse],
    template: str,
    context: dict[str, Any],
) -> HttpResponse:
    """`form_page` for a form with a file field: `action` gets the files of `field` — those
    kept from an earlier refused submission (`core.staging.FormFiles`) and the new ones. A
    refused form keeps this request's uploads for the next try."""
    attached = FormFiles(request, form, field)
    if request.method == "POST" and form.is_valid() and attached.is_valid():

        def consume_then(result: Any) -> HttpResponse:
            attached.consume()
            return then(result)

        response = _save_once(
            request,
            form,
            lambda: action(attached.files(form.cleaned_data[field])),
            success=success,
            then=consume_then,
        )
        if response is not None:
            return response
    attached.keep()
    return render(request, template, context)


def edit_page[M: models.Model](
    request: HttpRequest,
    form: VersionedFormMixin,
    editing: M | None,
    *,
    create: Callable[[], Any],
    update: Callable[[M, int | None], Any],
    success: str,
    then: Callable[[Any], HttpResponse],
    template: str,
    context: dict[str, Any],
) -> HttpResponse:
    """`form_page` for a form that creates an object (`editing` is None) or edits `editing`:
    `create()` or `update(editing, expected_version)` calls the app's service; the version is
    the one the form was shown with (`VersionedFormMixin`)."""

    def save() -> Any:
        if editing is None:
            return create()
        return update(editing, form.expected_version())

    return form_page(
        request, form, save, success=success, then=then, template=template, context=context
    )
