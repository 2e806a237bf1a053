"""Badges: print for all, a delegation or one delegate (the worker makes the PDF), follow the
progress, download the PDF."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from daihoi.core.views import forbidden, is_htmx, page_context, run_button, stored_file

from ..models import BadgeBatch, Delegation
from ..permissions import ONLY_ROSTER_KEEPERS, access_delegate, access_delegation
from ..services import badges as services
from .common import rights_for


def _batches(access):
    return BadgeBatch.objects.filter(congress=access.congress).select_related(
        "delegation", "delegate", "created_by"
    )[:15]


@login_required
def badge_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access, rights = rights_for(request, congress_id)
    if not rights.keeps_roster:
        return forbidden(request, ONLY_ROSTER_KEEPERS)
    batches = list(_batches(access))
    context = page_context(
        access,
        rights=rights,
        batches=batches,
        running=any(b.state in ("queued", "running") for b in batches),
        delegations=Delegation.objects.filter(congress=access.congress).only("id", "name"),
    )
    if is_htmx(request):
        return render(request, "delegates/badge_list.html#batches", context)
    return render(request, "delegates/badge_list.html", context)


@login_required
def badge_print(request: HttpRequest, congress_id: int) -> HttpResponse:
    access, rights = rights_for(request, congress_id)
    if not rights.keeps_roster:
        return forbidden(request, ONLY_ROSTER_KEEPERS)
    delegation_id = request.POST.get("delegation", "")
    delegate_id = request.POST.get("delegate", "")
    delegation = access_delegation(access, int(delegation_id)) if delegation_id.isdigit() else None
    delegate = access_delegate(access, int(delegate_id)) if delegate_id.isdigit() else None
    return run_button(
        request,
        lambda: services.badges_print(access=access, delegation=delegation, delegate=delegate),
        success=lambda b: (
            f"Đang in {b.total} thẻ; thẻ cũ của những đại biểu này bị thu hồi khi in xong."
        ),
        then=redirect("delegates:badge-list", congress_id=congress_id),
    )


@login_required
def badge_pdf(request: HttpRequest, congress_id: int, batch_id: int):
    access, rights = rights_for(request, congress_id)
    if not rights.keeps_roster:
        raise Http404
    batch = BadgeBatch.objects.filter(congress=access.congress, pk=batch_id).first()
    if batch is None:
        raise Http404
    return stored_file(batch.pdf, f"the-dai-bieu-{batch.pk}.pdf")
