"""What every endpoint shares: the actor's access, the first gates, forms as validators, and
writes that name their token in the audit trail."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.db import transaction
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.pagination import CursorPagination, paginate

from daihoi.core import audit
from daihoi.core.exceptions import PermissionDenied
from daihoi.core.versioning import VersionedFormMixin
from daihoi.organizations.permissions import Access, access_congress

from .auth import token_of, user_of
from .errors import FieldErrors


def access(request: HttpRequest, congress_id: int) -> Access:
    """The token owner's access to the congress: 404 when missing or not theirs, as the pages."""
    return access_congress(user_of(request), congress_id)


def gate(allowed: bool, message: str) -> None:
    """The view's first gate: the same predicate and message as the page (403)."""
    if not allowed:
        raise PermissionDenied(message)


def valid[F: forms.BaseForm](form: F) -> F:
    """The page's form as the validator: its Vietnamese messages, field by field (400)."""
    if not form.is_valid():
        raise FieldErrors.of_form(form)
    return form


def form_data(payload: Schema) -> dict[str, Any]:
    """A request body as a form's data: unset fields left out, as an empty field on a page."""
    return {k: v for k, v in payload.model_dump(exclude_unset=True).items() if v is not None}


def filled(payload: Schema) -> dict[str, Any]:
    """A request body as a form's data with the schema's defaults filled in (a body that leaves
    out `quantity` means the page's initial 1, not an empty field)."""
    return {k: v for k, v in payload.model_dump().items() if v is not None}


def write[R](request: HttpRequest, action: Callable[[], R]) -> R:
    """Runs a service in one transaction; every audit entry it records names the token (or
    says the call came from a signed-in page of the app)."""
    token = token_of(request)
    origin = {"api_token": token.prefix} if token else {"api_session": True}
    with audit.context(**origin), transaction.atomic():
        return action()


# The schema's note on every edit that takes the version the client read.
VERSION_NOTE = "`version` là số phiên bản đã đọc: ai đó đã sửa trước thì trả về 409."


def versioned_put(router: Router, path: str, out: Any, summary: str) -> Callable[..., Any]:
    """The route of an edit guarded by the version the client read (`write_versioned`)."""
    return router.put(path, response=answers(out), summary=summary, description=VERSION_NOTE)


def listed(
    router: Router,
    path: str,
    out: Any,
    summary: str,
    *,
    description: str | None = None,
    ordering: tuple[str, ...] = ("id",),
    page_size: int = 50,
    **paging: Any,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The route of a list read page by page with a cursor (`cursor`, `next`, `previous`): the
    rows of `out` in `ordering`, which ends on a unique field so that no row is skipped or
    shown twice between pages."""

    def register(view: Callable[..., Any]) -> Callable[..., Any]:
        paged = paginate(CursorPagination, ordering=ordering, page_size=page_size, **paging)(view)
        route = router.get(
            path, response=answers(list[out]), summary=summary, description=description
        )
        return route(paged)

    return register


def removal(
    router: Router, path: str, summary: str, *, description: str | None = None
) -> Callable[..., Any]:
    """The route of a removal, which answers 204 with no body once done (`removed`)."""
    return router.delete(
        path, response={204: None, **ERRORS}, summary=summary, description=description
    )


def removed(request: HttpRequest, action: Callable[[], object]) -> Status:
    """`write` for a removal: nothing is left to answer but 204."""
    write(request, action)
    return Status(204, None)


def write_versioned[R](
    request: HttpRequest,
    service: Callable[..., R],
    version: int | None | VersionedFormMixin,
    **kwargs: Any,
) -> R:
    """`write` for an edit that guards against lost updates: `version` is the one the client
    read (None: no check), or the validated edit form that carries it; someone's save since
    answers 409."""
    if isinstance(version, VersionedFormMixin):
        version = version.expected_version()
    return write(request, lambda: service(expected_version=version, **kwargs))


class Detail(Schema):
    detail: str


class Refusal(Schema):
    """A refused input: the message, and the messages per field (`__all__` for the whole)."""

    detail: str
    errors: dict[str, list[str]] = {}


# The error answers every endpoint may give, for the schema.
ERRORS: dict[int, type[Schema]] = {
    400: Refusal,
    401: Detail,
    403: Detail,
    404: Detail,
    409: Refusal,
    429: Detail,
}


def display(field: str) -> Any:
    """The label of a model's choice field, for a `<field>_label` of an answer: read through the
    model's `get_<field>_display()`, as the pages show it."""
    return Field(alias=f"get_{field}_display")


def answers(ok: Any, status: int = 200) -> dict[int, Any]:
    return {status: ok, **ERRORS}
