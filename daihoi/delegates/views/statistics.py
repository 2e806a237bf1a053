"""The structure statistics: live page, XLSX and the credentials report's DOCX."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from daihoi.core.dates import today
from daihoi.core.uploads import DOCX_CONTENT_TYPE, XLSX_CONTENT_TYPE
from daihoi.core.views import content_file, forbidden, page_context

from .. import exports
from ..permissions import ONLY_ROSTER_KEEPERS
from ..statistics import roster_statistics
from .common import rights_for


@login_required
def statistics_page(request: HttpRequest, congress_id: int) -> HttpResponse:
    access, rights = rights_for(request, congress_id)
    if not rights.keeps_roster:
        return forbidden(request, ONLY_ROSTER_KEEPERS)
    stats = roster_statistics(access.congress, today())
    return render(
        request, "delegates/statistics.html", page_context(access, rights=rights, stats=stats)
    )


def _keeper_stats(request: HttpRequest, congress_id: int):
    access, rights = rights_for(request, congress_id)
    if not rights.keeps_roster:
        return access, None
    return access, roster_statistics(access.congress, today())


@login_required
def statistics_xlsx(request: HttpRequest, congress_id: int) -> HttpResponse:
    access, stats = _keeper_stats(request, congress_id)
    if stats is None:
        return forbidden(request, ONLY_ROSTER_KEEPERS)
    return content_file(
        exports.statistics_xlsx(access.congress, stats),
        XLSX_CONTENT_TYPE,
        f"co-cau-dai-bieu-{stats.reference:%Y%m%d}.xlsx",
    )


@login_required
def statistics_docx(request: HttpRequest, congress_id: int) -> HttpResponse:
    access, stats = _keeper_stats(request, congress_id)
    if stats is None:
        return forbidden(request, ONLY_ROSTER_KEEPERS)
    return content_file(
        exports.statistics_docx(access.congress, stats, today()),
        DOCX_CONTENT_TYPE,
        f"bao-cao-tham-tra-tu-cach-dai-bieu-{today():%Y%m%d}.docx",
    )
