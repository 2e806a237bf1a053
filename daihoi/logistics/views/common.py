"""What the logistics pages share: the plain form page with a title and a way back."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from daihoi.core.views import form_page, page_context
from daihoi.organizations.permissions import Access


def simple_form_page(
    request: HttpRequest,
    access: Access,
    form: forms.BaseForm,
    save: Callable[[], Any],
    *,
    success: str,
    title: str,
    back: str,
    then: Callable[[Any], HttpResponse] | None = None,
    **extra: Any,
) -> HttpResponse:
    """A logistics form on the shared page (`logistics/simple_form.html`): `save` runs the
    service, then the user goes to `then(result)`, or back to `back` by default."""
    return form_page(
        request,
        form,
        save,
        success=success,
        then=then or (lambda _: redirect(back)),
        template="logistics/simple_form.html",
        context=page_context(access, form=form, title=title, back=back, **extra),
    )
