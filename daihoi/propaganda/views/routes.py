"""Slogans, routes, the map, and each route's printable list and spreadsheet."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from daihoi.core.dates import today as local_today
from daihoi.core.uploads import XLSX_CONTENT_TYPE
from daihoi.core.versioning import edit_initial
from daihoi.core.views import content_file, page_context
from daihoi.organizations.permissions import Access, access_congress

from .. import mapping, permissions, selectors, services
from ..forms import ItemFilterForm, RouteForm, SloganForm
from ..models import ItemKind, Route
from ..route_sheet import route_workbook
from .common import record_form_page

# Slogans ----------------------------------------------------------------------------------------


@login_required
def slogan_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    context = page_context(
        access, slogans=list(selectors.slogans_of(access)), writer=permissions.can_write(access)
    )
    return render(request, "propaganda/slogan_list.html", context)


@login_required
def slogan_form(
    request: HttpRequest, congress_id: int, slogan_id: int | None = None
) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    slogan = permissions.access_slogan(access, slogan_id) if slogan_id else None
    initial = edit_initial(slogan, SloganForm) or {"approved": True}
    form = SloganForm(request.POST or None, initial=initial)
    return record_form_page(
        request,
        access,
        form,
        slogan,
        create=lambda: services.slogan_create(access=access, **form.edited()),
        update=lambda slogan: services.slogan_update(
            access=access, slogan=slogan, expected_version=form.expected_version(), **form.edited()
        ),
        titles=("Thêm khẩu hiệu", "Sửa khẩu hiệu"),
        back=reverse("propaganda:slogan-list", args=[congress_id]),
        back_label="Khẩu hiệu",
    )


# Routes -----------------------------------------------------------------------------------------


@login_required
def route_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    context = page_context(
        access, routes=list(selectors.routes_of(access)), writer=permissions.can_write(access)
    )
    return render(request, "propaganda/route_list.html", context)


@login_required
def route_form(request: HttpRequest, congress_id: int, route_id: int | None = None) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    route = permissions.access_route(access, route_id) if route_id else None
    initial = {}
    if route is not None:
        initial = {"name": route.name, "locality": route.locality, "version": route.version}
        initial["path"] = RouteForm.path_text(route.path)
    form = RouteForm(request.POST or None, initial=initial)
    return record_form_page(
        request,
        access,
        form,
        route,
        create=lambda: services.route_create(access=access, **form.edited()),
        update=lambda route: services.route_update(
            access=access, route=route, expected_version=form.expected_version(), **form.edited()
        ),
        titles=("Thêm tuyến đường, địa bàn", "Sửa tuyến đường, địa bàn"),
        back=reverse("propaganda:route-list", args=[congress_id]),
        back_label="Tuyến đường, địa bàn",
    )


def _route_rows(access: Access, route: Route) -> list:
    return list(selectors.route_items(access, route))


@login_required
def route_print(request: HttpRequest, congress_id: int, route_id: int) -> HttpResponse:
    """A route's list as the teams carry it on the street: the print stylesheet drops the
    menus."""
    access = access_congress(request.user, congress_id)
    route = permissions.access_route(access, route_id)
    items = _route_rows(access, route)
    context = page_context(
        access,
        route=route,
        items=items,
        total=sum(i.quantity for i in items),
        today=local_today(),
    )
    return render(request, "propaganda/route_print.html", context)


@login_required
def route_xlsx(request: HttpRequest, congress_id: int, route_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    route = permissions.access_route(access, route_id)
    content, filename = route_workbook(access, route)
    return content_file(content, XLSX_CONTENT_TYPE, filename)


# The map ----------------------------------------------------------------------------------------

MAP_LIMIT = selectors.MAP_LIMIT
SENTINEL = 987654321


@login_required
def item_map(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    routes = list(Route.objects.filter(congress=access.congress).only("id", "name"))
    form = ItemFilterForm(request.GET or None, routes=routes)
    filters = form.filters()
    # One reverse() for all the points' links.
    detail = reverse("propaganda:item-detail", args=[congress_id, SENTINEL])
    kinds = dict(ItemKind.choices)
    places = [
        mapping.Place(
            float(lat),
            float(lon),
            f"{kinds.get(kind, kind)} × {quantity} — {location}",
            state,
            kind,
            detail.replace(str(SENTINEL), str(pk)),
        )
        for pk, kind, state, location, lat, lon, quantity in selectors.map_points(
            access, filters, MAP_LIMIT
        )
    ]
    capped = len(places) > MAP_LIMIT
    places = places[:MAP_LIMIT]
    lines = Route.objects.filter(congress=access.congress).exclude(path=[])
    if filters.route:
        lines = lines.filter(pk=filters.route)
    drawing = mapping.draw(places, list(lines.values_list("name", "path")))
    context = page_context(
        access, form=form, drawing=drawing, count=len(places), capped=capped, limit=MAP_LIMIT
    )
    return render(request, "propaganda/item_map.html", context)
