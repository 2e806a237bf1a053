"""The form page every small record of this app uses: a form, its save, back to its list."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from daihoi.core.audit import history_of
from daihoi.core.views import form_page, page_context
from daihoi.organizations.permissions import Access


def record_form_page(
    request: HttpRequest,
    access: Access,
    form: forms.BaseForm,
    save: Callable[[], Any],
    *,
    title: str,
    obj: models.Model | None,
    back: str,
    back_label: str,
) -> HttpResponse:
    """Saves through `save` and goes back to `back`; an edit shows the record's history."""
    return form_page(
        request,
        form,
        save,
        success="Đã lưu.",
        then=lambda _: redirect(back),
        template="propaganda/simple_form.html",
        context=page_context(
            access,
            form=form,
            title=title,
            back=back,
            back_label=back_label,
            history=history_of(obj) if obj else None,
        ),
    )
