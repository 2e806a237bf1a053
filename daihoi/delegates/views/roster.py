from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from daihoi.core.paging import PAGE_SIZE, CappedPaginator
from daihoi.core.views import forbidden, page_context
from daihoi.organizations.permissions import access_congress

from ..models import Delegate, Delegation
from ..permissions import roster_rights
from ..selectors import RosterFilter, delegates_for

NOT_FOR_YOU = "Danh sách đại biểu chỉ dành cho lãnh đạo, thành viên các tiểu ban và tổ điểm danh."


def _filter_from(request: HttpRequest) -> RosterFilter:
    delegation = request.GET.get("doan", "")
    return RosterFilter(
        q=request.GET.get("q", "")[:100],
        delegation_id=int(delegation) if delegation.isdigit() else None,
        kind=request.GET.get("loai", ""),
        include_inactive=request.GET.get("ca_da_thay") == "1",
    )


@login_required
def delegate_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    rights = roster_rights(access)
    if not rights.reads_roster:
        return forbidden(request, NOT_FOR_YOU)
    filters = _filter_from(request)
    page = CappedPaginator(delegates_for(rights, filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = urlencode({k: v for k, v in request.GET.items() if k != "page" and v})
    return render(
        request,
        "delegates/delegate_list.html",
        page_context(
            access,
            rights=rights,
            page=page,
            query=query,
            filters=filters,
            kinds=Delegate.Kind.choices,
            delegations=Delegation.objects.filter(congress=access.congress).only("id", "name"),
        ),
    )
