"""Press and media output (outlets, columns, pieces, weekly counts) and the art programme."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from daihoi.core.dates import today as local_today
from daihoi.core.paging import PAGE_SIZE, CappedPaginator
from daihoi.core.versioning import edit_initial
from daihoi.core.views import page_context
from daihoi.organizations.models import Agency
from daihoi.organizations.permissions import access_congress

from .. import permissions, selectors, services
from ..forms import ColumnForm, EventForm, OutletForm, PieceFilterForm, PieceForm
from ..models import MediaPiece, Outlet
from .common import record_form_page

# Where an outlet's, column's or piece's form goes back to.
MEDIA_LABEL = "Báo chí, truyền thông"


@login_required
def media_overview(request: HttpRequest, congress_id: int) -> HttpResponse:
    """Outlets with their pages and columns, the weekly counts, and the pieces."""
    access = access_congress(request.user, congress_id)
    outlets = list(selectors.outlets_of(access))
    form = PieceFilterForm(request.GET or None, outlets=outlets)
    filters = form.filters()
    page = CappedPaginator(selectors.pieces_of(access, filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = page_context(
        access,
        outlets=outlets,
        form=form,
        page=page,
        query=query.urlencode(),
        weeks=selectors.weekly_counts(access, filters)[:12],
        kinds=MediaPiece.Kind.choices,
        writer=permissions.can_write(access),
    )
    return render(request, "propaganda/media_overview.html", context)


@login_required
def outlet_form(
    request: HttpRequest, congress_id: int, outlet_id: int | None = None
) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    outlet = permissions.access_outlet(access, outlet_id) if outlet_id else None
    form = OutletForm(request.POST or None, initial=edit_initial(outlet, OutletForm))
    return record_form_page(
        request,
        access,
        form,
        outlet,
        create=lambda: services.outlet_create(access=access, **form.edited()),
        update=lambda outlet: services.outlet_update(
            access=access,
            outlet=outlet,
            expected_version=form.expected_version(),
            **form.edited(),
        ),
        titles=("Thêm cơ quan báo chí", "Sửa cơ quan báo chí"),
        back=reverse("propaganda:media", args=[congress_id]),
        back_label=MEDIA_LABEL,
    )


@login_required
def column_form(
    request: HttpRequest, congress_id: int, column_id: int | None = None
) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    column = permissions.access_column(access, column_id) if column_id else None
    initial = edit_initial(column, ColumnForm)
    if column is None and request.GET.get("outlet", "").isdigit():
        initial["outlet"] = request.GET["outlet"]
    outlets = Outlet.objects.filter(congress=access.congress)
    form = ColumnForm(request.POST or None, initial=initial, outlets=outlets)
    return record_form_page(
        request,
        access,
        form,
        column,
        create=lambda: services.column_create(access=access, **form.edited()),
        update=lambda column: services.column_update(
            access=access,
            column=column,
            expected_version=form.expected_version(),
            **form.edited(),
        ),
        titles=("Mở chuyên trang, chuyên mục", "Sửa chuyên trang, chuyên mục"),
        back=reverse("propaganda:media", args=[congress_id]),
        back_label=MEDIA_LABEL,
    )


@login_required
def piece_form(request: HttpRequest, congress_id: int, piece_id: int | None = None) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    piece = permissions.access_piece(access, piece_id) if piece_id else None
    initial = edit_initial(piece, PieceForm) or {"planned_on": local_today()}
    form = PieceForm(
        request.POST or None,
        initial=initial,
        outlets=Outlet.objects.filter(congress=access.congress),
        columns=selectors.columns_of(access),
    )
    return record_form_page(
        request,
        access,
        form,
        piece,
        create=lambda: services.piece_create(
            access=access, fields=services.PieceFields(**form.edited())
        ),
        update=lambda piece: services.piece_update(
            access=access,
            piece=piece,
            fields=services.PieceFields(**form.edited()),
            expected_version=form.expected_version(),
        ),
        titles=("Đăng ký tin, bài, chương trình", "Sửa tin, bài, chương trình"),
        back=reverse("propaganda:media", args=[congress_id]),
        back_label=MEDIA_LABEL,
    )


@login_required
def event_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    today = local_today()
    events = list(selectors.events_of(access))
    context = page_context(
        access,
        rows=[(e, e.is_behind(today)) for e in events],
        writer=permissions.can_write(access),
        today=today,
    )
    return render(request, "propaganda/event_list.html", context)


@login_required
def event_form(request: HttpRequest, congress_id: int, event_id: int | None = None) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    event = permissions.access_event(access, event_id) if event_id else None
    initial = edit_initial(event, EventForm)
    form = EventForm(
        request.POST or None,
        initial=initial,
        agencies=Agency.objects.filter(congress=access.congress),
    )
    return record_form_page(
        request,
        access,
        form,
        event,
        create=lambda: services.event_create(
            access=access, fields=services.EventFields(**form.edited())
        ),
        update=lambda event: services.event_update(
            access=access,
            event=event,
            fields=services.EventFields(**form.edited()),
            expected_version=form.expected_version(),
        ),
        titles=("Thêm triển lãm, chương trình nghệ thuật", "Sửa triển lãm, chương trình"),
        back=reverse("propaganda:event-list", args=[congress_id]),
        back_label="Triển lãm, nghệ thuật",
    )
