"""The consolidated report and the spreadsheets: DOCX and XLSX out (the task import in:
`views/imports.py`)."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from daihoi.core.dates import format_date
from daihoi.core.dates import today as local_today
from daihoi.core.exceptions import BusinessError
from daihoi.core.uploads import DOCX_CONTENT_TYPE, XLSX_CONTENT_TYPE
from daihoi.core.views import (
    content_file,
    forbidden,
    page_context,
)
from daihoi.organizations.permissions import access_congress
from daihoi.planning import selectors as planning_selectors
from daihoi.planning.forms import TaskFilterForm

from .. import exports, report, selectors
from ..forms import (
    ConsolidatedForm,
)

MANAGERS_ONLY = "Chỉ Thường trực / Văn phòng mới thực hiện được thao tác này."
WHOLE_CONGRESS_ONLY = "Trang này dành cho Thường trực, lãnh đạo và thành viên các Tiểu ban."

# The consolidated report ------------------------------------------------------------------------


def _as_of(request: HttpRequest) -> tuple[ConsolidatedForm, dt.date]:
    today = local_today()
    form = ConsolidatedForm(request.GET or {"as_of": format_date(today)})
    as_of = form.cleaned_data["as_of"] if form.is_valid() else today
    return form, as_of


@login_required
def consolidated(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not access.sees_whole_congress:
        return forbidden(request, WHOLE_CONGRESS_ONLY)
    form, as_of = _as_of(request)
    data = selectors.consolidated(access, as_of)
    return render(
        request,
        "reporting/consolidated.html",
        page_context(
            access,
            form=form,
            data=data,
            summary=report.summary_sentence(data),
            query=f"as_of={format_date(as_of)}",
            tab="consolidated",
        ),
    )


@login_required
def consolidated_docx(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not access.sees_whole_congress:
        return forbidden(request, WHOLE_CONGRESS_ONLY)
    _, as_of = _as_of(request)
    try:
        content = report.render_docx(access, selectors.consolidated(access, as_of), local_today())
    except BusinessError as error:
        messages.error(request, error.message)
        return redirect("reporting:consolidated", congress_id=congress_id)
    return content_file(content, DOCX_CONTENT_TYPE, report.filename(as_of, "docx"))


@login_required
def consolidated_xlsx(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not access.sees_whole_congress:
        return forbidden(request, WHOLE_CONGRESS_ONLY)
    _, as_of = _as_of(request)
    content = report.render_xlsx(selectors.consolidated(access, as_of))
    return content_file(content, XLSX_CONTENT_TYPE, report.filename(as_of, "xlsx"))


# Exports of the planning lists ---------------------------------------------------------------


@login_required
def task_xlsx(request: HttpRequest, congress_id: int) -> HttpResponse:
    """The task list as on screen: the same filters, every page."""
    access = access_congress(request.user, congress_id)
    today = local_today()
    form = TaskFilterForm(request.GET or None, congress=access.congress)
    tasks = planning_selectors.tasks_visible_to(access, form.filters(), today)
    content = exports.tasks_xlsx(
        tasks[: exports.MAX_TASK_ROWS], today, exports.filters_applied(form)
    )
    return content_file(content, XLSX_CONTENT_TYPE, f"nhiem-vu-{today:%Y%m%d}.xlsx")


@login_required
def agency_xlsx(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not access.sees_whole_congress:
        return forbidden(request, WHOLE_CONGRESS_ONLY)
    today = local_today()
    content = exports.agencies_xlsx(planning_selectors.agency_table(access, today), today)
    return content_file(content, XLSX_CONTENT_TYPE, f"nhiem-vu-theo-don-vi-{today:%Y%m%d}.xlsx")
