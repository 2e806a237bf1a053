"""The register of visual propaganda items: list, form, page, photo proof, state."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from daihoi.core.audit import history_of
from daihoi.core.dates import today as local_today
from daihoi.core.paging import PAGE_SIZE, CappedPaginator
from daihoi.core.views import edit_page, forbidden, form_page, page_context, run_form_button
from daihoi.organizations.models import Agency
from daihoi.organizations.permissions import Access, access_congress

from .. import mapping, permissions, selectors, services
from ..forms import ItemFilterForm, ItemForm, PhotoForm, StateForm
from ..models import ItemState, Route, VisualItem


@login_required
def item_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    today = local_today()
    routes = list(Route.objects.filter(congress=access.congress).only("id", "name"))
    form = ItemFilterForm(request.GET or None, routes=routes)
    items = selectors.items_of(access, form.filters(), today)
    page = CappedPaginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = page_context(
        access,
        form=form,
        page=page,
        query=query.urlencode(),
        today=today,
        rows=[(item, item.is_overdue(today)) for item in selectors.with_photo_marks(list(page))],
        writer=permissions.can_write(access),
    )
    return render(request, "propaganda/item_list.html", context)


def _item_form(request: HttpRequest, access: Access, item: VisualItem | None) -> ItemForm:
    return ItemForm(
        request.POST or None,
        initial=ItemForm.initial_for(item),
        routes=Route.objects.filter(congress=access.congress),
        slogans=selectors.approved_slogans(access, keep=item.slogan if item else None),
        agencies=Agency.objects.filter(congress=access.congress),
    )


def _item_page(request: HttpRequest, access: Access, item: VisualItem | None) -> HttpResponse:
    if not permissions.can_write(access):
        return forbidden(request, permissions.WRITERS_ONLY)
    form = _item_form(request, access, item)

    return edit_page(
        request,
        form,
        item,
        create=lambda: services.item_create(access=access, fields=form.item_fields()),
        update=lambda item, version: services.item_update(
            access=access, item=item, fields=form.item_fields(), expected_version=version
        ),
        success="Đã lưu hạng mục tuyên truyền.",
        then=lambda saved: redirect("propaganda:item-detail", access.congress.pk, saved.pk),
        template="propaganda/item_form.html",
        context=page_context(access, form=form, item=item),
    )


@login_required
def item_create(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    return _item_page(request, access, None)


@login_required
def item_edit(request: HttpRequest, congress_id: int, visual_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    return _item_page(request, access, permissions.access_item(access, visual_id))


@login_required
def item_detail(request: HttpRequest, congress_id: int, visual_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    item = permissions.access_item(access, visual_id)
    writer = permissions.can_write(access)
    today = local_today()
    photos = list(selectors.item_photos(item))
    for photo in photos:
        photo.distance_m = (  # type: ignore[attr-defined]
            mapping.distance_m((photo.latitude, photo.longitude), (item.latitude, item.longitude))
            if photo.has_point and item.has_point
            else None
        )
    context = page_context(
        access,
        item=item,
        photos=photos,
        history=history_of(item),
        writer=writer,
        reporter=permissions.can_report_on_item(access, item, writer=writer),
        photo_form=PhotoForm(),
        moves=_moves(item, writer),
        overdue=item.is_overdue(today),
        removal_overdue=item.removal_overdue(today),
    )
    return render(request, "propaganda/item_detail.html", context)


def _moves(item: VisualItem, writer: bool) -> list[tuple[str, str]]:
    """The state buttons the page offers (the service decides again)."""
    moves = {
        ItemState.PLANNED: [(ItemState.INSTALLED, "Đã lắp đặt", False)],
        ItemState.INSTALLED: [
            (ItemState.REMOVED, "Đã tháo dỡ", False),
            (ItemState.PLANNED, "Chưa lắp đặt (hoàn tác)", True),
        ],
        ItemState.REMOVED: [(ItemState.INSTALLED, "Lắp đặt lại", True)],
        ItemState.CANCELLED: [(ItemState.PLANNED, "Khôi phục", True)],
    }[ItemState(item.state)]
    if item.state == ItemState.PLANNED:
        moves = [*moves, (ItemState.CANCELLED, "Hủy hạng mục", True)]
    return [(state, label) for state, label, writers_only in moves if writer or not writers_only]


@login_required
def photo_add(request: HttpRequest, congress_id: int, visual_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    item = permissions.access_item(access, visual_id)
    if not permissions.can_report_on_item(access, item):
        return forbidden(request, permissions.PROOF_ONLY)
    form = PhotoForm(request.POST or None, request.FILES or None)
    return form_page(
        request,
        form,
        lambda: services.item_add_photo(
            access=access,
            item=item,
            upload=form.cleaned_data["photo"],
            note=form.cleaned_data["note"],
        ),
        success="Đã lưu ảnh minh chứng.",
        then=lambda _: redirect("propaganda:item-detail", congress_id, item.pk),
        template="propaganda/photo_form.html",
        context=page_context(access, form=form, item=item),
    )


@login_required
@require_POST
def item_state(request: HttpRequest, congress_id: int, visual_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    item = permissions.access_item(access, visual_id)
    if not permissions.can_report_on_item(access, item):
        return forbidden(request, permissions.PROOF_ONLY)
    return run_form_button(
        request,
        StateForm(request.POST),
        lambda data: services.item_set_state(
            access=access, item=item, state=data["state"], on=data.get("on")
        ),
        success=lambda saved: f"Trạng thái: {saved.get_state_display()}.",
        then=redirect(reverse("propaganda:item-detail", args=[congress_id, item.pk])),
    )


@login_required
def photo_file(request: HttpRequest, congress_id: int, proof_id: int) -> FileResponse:
    """The photo itself, shown in the page (inline), to whoever may read the register."""
    access = access_congress(request.user, congress_id)
    photo = permissions.access_photo(access, proof_id)
    try:
        handle = photo.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(handle, content_type=photo.content_type)
    response["Content-Disposition"] = "inline"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def dashboard_block(request: HttpRequest, congress_id: int) -> HttpResponse:
    """The congress dashboard's card of overdue installations (loaded into the dashboard)."""
    access = access_congress(request.user, congress_id)
    today = local_today()
    board = selectors.overdue_board(access, today)
    return render(
        request, "propaganda/_dashboard_block.html", page_context(access, board=board, today=today)
    )
