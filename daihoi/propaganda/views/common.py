"""The form page every small record of this app uses: a form, its save, back to its list."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from daihoi.core.audit import history_of
from daihoi.core.views import forbidden, form_page, page_context
from daihoi.organizations.permissions import Access

from .. import permissions


def record_form_page[M: models.Model](
    request: HttpRequest,
    access: Access,
    form: forms.BaseForm,
    obj: M | None,
    *,
    create: Callable[[], Any],
    update: Callable[[M], Any],
    titles: tuple[str, str],
    back: str,
    back_label: str,
) -> HttpResponse:
    """Saves through `create()` a new record or `update(obj)`, and goes back to `back`;
    `titles` are the page's title when adding and when editing; an edit shows the record's
    history. Only the register's writers may use it; anyone else gets the 403 page."""
    if not permissions.can_write(access):
        return forbidden(request, permissions.WRITERS_ONLY)
    return form_page(
        request,
        form,
        create if obj is None else lambda: update(obj),
        success="Đã lưu.",
        then=lambda _: redirect(back),
        template="propaganda/simple_form.html",
        context=page_context(
            access,
            form=form,
            title=titles[obj is not None],
            back=back,
            back_label=back_label,
            history=history_of(obj) if obj else None,
        ),
    )
