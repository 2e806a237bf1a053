from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from daihoi.core.audit import history_of
from daihoi.core.paging import PAGE_SIZE, CappedPaginator
from daihoi.core.views import edit_page, forbidden, form_page, page_context, stored_file
from daihoi.organizations.permissions import Access

from ..forms import DelegateForm, ReplaceForm
from ..models import Delegate, Delegation
from ..permissions import ONLY_ROSTER_KEEPERS, access_delegate
from ..selectors import RosterFilter, delegates_for
from ..services import roster as services
from .common import rights_for

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
    access, rights = rights_for(request, congress_id)
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


def _to_detail(delegate: Delegate) -> HttpResponse:
    return redirect(
        "delegates:delegate-detail", congress_id=delegate.congress_id, delegate_id=delegate.pk
    )


@login_required
def delegate_create(request: HttpRequest, congress_id: int) -> HttpResponse:
    access, rights = rights_for(request, congress_id)
    if not rights.keeps_roster:
        return forbidden(request, ONLY_ROSTER_KEEPERS)
    return _delegate_page(request, access, None)


@login_required
def delegate_edit(request: HttpRequest, congress_id: int, delegate_id: int) -> HttpResponse:
    access, rights = rights_for(request, congress_id)
    delegate = access_delegate(access, delegate_id)
    if not rights.keeps_roster:
        return forbidden(request, ONLY_ROSTER_KEEPERS)
    return _delegate_page(request, access, delegate)


def _delegate_page(request: HttpRequest, access: Access, delegate: Delegate | None) -> HttpResponse:
    """The form that adds a delegate (`delegate` None) or edits one, with the photo."""
    form = DelegateForm(
        request.POST or None,
        request.FILES or None,
        congress=access.congress,
        initial=DelegateForm.initial_for(delegate) if delegate else None,
    )
    return edit_page(
        request,
        form,
        delegate,
        create=lambda: services.delegate_create(
            access=access, fields=form.delegate_fields(), photo=form.cleaned_data.get("photo")
        ),
        update=lambda delegate, version: services.delegate_update(
            access=access,
            delegate=delegate,
            fields=form.delegate_fields(),
            photo=form.cleaned_data.get("photo"),
            version=version,
        ),
        success="Đã thêm đại biểu." if delegate is None else "Đã lưu thông tin đại biểu.",
        then=_to_detail,
        template="delegates/delegate_form.html",
        context=page_context(access, form=form, delegate=delegate),
    )


@login_required
def delegate_detail(request: HttpRequest, congress_id: int, delegate_id: int) -> HttpResponse:
    access, rights = rights_for(request, congress_id)
    delegate = access_delegate(access, delegate_id)
    if not rights.keeps_roster:
        return forbidden(request, ONLY_ROSTER_KEEPERS)
    return render(
        request,
        "delegates/delegate_detail.html",
        page_context(
            access,
            rights=rights,
            delegate=delegate,
            history=history_of(delegate)[:30],
            badge=delegate.badges.filter(revoked_at__isnull=True).first(),
        ),
    )


@login_required
def delegate_replace(request: HttpRequest, congress_id: int, delegate_id: int) -> HttpResponse:
    access, rights = rights_for(request, congress_id)
    delegate = access_delegate(access, delegate_id)
    if not rights.keeps_roster:
        return forbidden(request, ONLY_ROSTER_KEEPERS)
    form = ReplaceForm(request.POST or None, congress=access.congress)
    return form_page(
        request,
        form,
        lambda: services.delegate_replace(access=access, delegate=delegate, **form.cleaned_data),
        success="Đã thay đại biểu bằng đại biểu dự khuyết.",
        then=lambda replacement: _to_detail(replacement.substitute),
        template="delegates/delegate_replace.html",
        context=page_context(access, form=form, delegate=delegate),
    )


@login_required
def delegate_photo(request: HttpRequest, congress_id: int, delegate_id: int) -> FileResponse:
    """The delegate's photo, for the roster keepers and the gate."""
    access, rights = rights_for(request, congress_id)
    delegate = access_delegate(access, delegate_id)
    if not (rights.keeps_roster or rights.checks_in):
        raise Http404
    response = stored_file(delegate.photo)
    response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "private, max-age=3600"
    return response
