"""Finance's spending norms: the list everyone reads, the form and the spreadsheet import."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from daihoi.core.dates import today as local_today
from daihoi.core.exceptions import BusinessError
from daihoi.core.uploads import XLSX_CONTENT_TYPE
from daihoi.core.views import (
    apply_error,
    content_file,
    edit_page,
    forbidden,
    page_context,
)
from daihoi.organizations.permissions import access_congress

from .. import permissions, selectors, services, spreadsheets
from ..forms import NormForm, NormImportForm


@login_required
def norm_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    today = local_today()
    rows = [(n, n.is_valid_on(today)) for n in selectors.norms_of(access)]
    return render(request, "budget/norm_list.html", page_context(access, rows=rows))


@login_required
def norm_form(request: HttpRequest, congress_id: int, norm_id: int | None = None) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    norm = permissions.access_norm(access, norm_id) if norm_id else None
    if not permissions.can_manage_norms(access):
        return forbidden(request, permissions.FINANCE_ONLY)
    initial = {}
    if norm is not None:
        initial = {f: getattr(norm, f) for f in NormForm.base_fields if f != "opened_at"}
    form = NormForm(request.POST or None, initial=initial)
    return edit_page(
        request,
        form,
        norm,
        create=lambda: services.norm_create(access=access, **form.edited()),
        update=lambda norm, version: services.norm_update(
            access=access, norm=norm, expected_version=version, **form.edited()
        ),
        success="Đã lưu định mức.",
        then=lambda _: redirect("budget:norm-list", congress_id=congress_id),
        template="budget/norm_form.html",
        context=page_context(access, form=form, norm=norm),
    )


@login_required
def norm_import(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not permissions.can_manage_norms(access):
        return forbidden(request, permissions.FINANCE_ONLY)
    form = NormImportForm(request.POST or None, request.FILES or None)
    row_errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            result = services.norms_import(access=access, upload=form.cleaned_data["file"])
        except services.NormImportError as error:
            form.add_error("file", error.message)
            row_errors = error.errors
        except BusinessError as error:
            apply_error(form, error)
        else:
            messages.success(
                request, f"Đã nhập {result.created} định mức mới, cập nhật {result.updated}."
            )
            return redirect("budget:norm-list", congress_id=congress_id)
    return render(
        request, "budget/norm_import.html", page_context(access, form=form, row_errors=row_errors)
    )


@login_required
def norm_export(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    content = spreadsheets.export_norms(selectors.norms_of(access))
    return content_file(content, XLSX_CONTENT_TYPE, "dinh-muc-chi.xlsx")
