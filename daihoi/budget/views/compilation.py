"""The budget overview and Finance's compiled tables (page, spreadsheet, Word report)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from daihoi.core.dates import today as local_today
from daihoi.core.exceptions import BusinessError
from daihoi.core.uploads import DOCX_CONTENT_TYPE, XLSX_CONTENT_TYPE
from daihoi.core.views import content_file, forbidden, page_context
from daihoi.organizations.permissions import access_congress

from .. import permissions, report, selectors, spreadsheets


@login_required
def overview(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    rows, overspent_lines = selectors.dashboard(access)
    own = selectors.own_estimate(access)
    context = page_context(
        access,
        rows=rows,
        approved=sum(r.approved for r in rows),
        spent=sum(r.spent for r in rows),
        overspent_lines=overspent_lines,
        own=own,
        can_compile=permissions.can_see_compilation(access),
    )
    return render(request, "budget/budget_dashboard.html", context)


@login_required
def compilation(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not permissions.can_see_compilation(access):
        return forbidden(request, permissions.COMPILATION_ONLY)
    compiled = selectors.compilation(access, with_lines=False)
    return render(request, "budget/compilation.html", page_context(access, compiled=compiled))


@login_required
def compilation_xlsx(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not permissions.can_see_compilation(access):
        return forbidden(request, permissions.COMPILATION_ONLY)
    content = spreadsheets.export_compilation(selectors.compilation(access))
    return content_file(
        content, XLSX_CONTENT_TYPE, f"tong-hop-kinh-phi-{local_today():%Y%m%d}.xlsx"
    )


@login_required
def compilation_docx(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not permissions.can_see_compilation(access):
        return forbidden(request, permissions.COMPILATION_ONLY)
    today = local_today()
    try:
        content = report.render_report(
            access.congress, selectors.compilation(access, with_lines=False), today
        )
    except BusinessError as error:
        messages.error(request, error.message)
        return redirect("budget:compilation", congress_id=congress_id)
    return content_file(content, DOCX_CONTENT_TYPE, report.report_filename(today))
