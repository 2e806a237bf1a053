from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from daihoi.core.exceptions import BusinessError
from daihoi.core.views import forbidden
from daihoi.organizations.permissions import access_congress

from .trash import KINDS, deleted_in

ONLY_SECRETARIAT = "Chỉ Thường trực / Văn phòng mới xem thùng rác và khôi phục dữ liệu."


@login_required
def trash_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not access.can_manage:
        return forbidden(request, ONLY_SECRETARIAT)
    sections = [
        (kind, [(obj, kind.describe(obj)) for obj in deleted_in(access.congress, kind)])
        for kind in KINDS.values()
    ]
    return render(
        request,
        "audit/trash_list.html",
        {"access": access, "congress": access.congress, "sections": sections},
    )


@login_required
@require_POST
def trash_restore(
    request: HttpRequest, congress_id: int, kind: str, object_id: int
) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if kind not in KINDS:
        raise Http404
    if not access.can_manage:
        return forbidden(request, ONLY_SECRETARIAT)
    spec = KINDS[kind]
    obj = spec.model.all_objects.filter(
        pk=object_id, deleted_at__isnull=False, **{spec.congress_path: access.congress}
    ).first()
    if obj is None:
        raise Http404
    try:
        spec.restore(access, obj)
        messages.success(request, f"Đã khôi phục {spec.label.lower()}: {spec.describe(obj)[:80]}.")
    except BusinessError as error:
        messages.error(request, error.message)
    return redirect("audit:trash", congress_id=congress_id)
