from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from daihoi.core.views import forbidden, page_context, run_button
from daihoi.organizations.permissions import access_congress

from .permissions import ONLY_SECRETARIAT, access_deleted, access_trash_kind, can_use_trash
from .trash import KINDS, deleted_in


@login_required
def trash_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not can_use_trash(access):
        return forbidden(request, ONLY_SECRETARIAT)
    sections = [
        (kind, [(obj, kind.describe(obj)) for obj in deleted_in(access, kind)])
        for kind in KINDS.values()
    ]
    return render(request, "audit/trash_list.html", page_context(access, sections=sections))


@login_required
@require_POST
def trash_restore(
    request: HttpRequest, congress_id: int, kind: str, object_id: int
) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    spec = access_trash_kind(kind)
    if not can_use_trash(access):
        return forbidden(request, ONLY_SECRETARIAT)
    obj = access_deleted(access, spec, object_id)
    return run_button(
        request,
        lambda: spec.restore(access, obj),
        success=lambda _: f"Đã khôi phục {spec.label.lower()}: {spec.describe(obj)[:80]}.",
        then=redirect("audit:trash", congress_id=congress_id),
    )
