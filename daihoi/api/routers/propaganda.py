"""Slogans and routes of the visual propaganda: the approved list of slogans, the routes with
their line on the map, a route's list as the teams carry it (JSON) and as a spreadsheet.
Everyone of the congress reads; the propaganda subcommittee and the secretariat write."""

import datetime as dt
from decimal import Decimal

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema, Status

from daihoi.core.uploads import XLSX_CONTENT_TYPE
from daihoi.core.views import content_file
from daihoi.organizations.permissions import Access
from daihoi.propaganda import permissions, selectors, services
from daihoi.propaganda.forms import RouteForm, SloganForm
from daihoi.propaganda.models import Route, Slogan, VisualItem
from daihoi.propaganda.route_sheet import route_workbook

from ..common import (
    Detail,
    access,
    answers,
    display,
    filled,
    listed,
    valid,
    versioned_put,
    write,
    write_versioned,
)
from .propaganda_items import P, Ref, SloganRef, writer, writer_of

router = Router(tags=["Tuyên truyền"])

# Slogans ----------------------------------------------------------------------------------------


class SloganOut(Schema):
    """`approved`: on the list new items choose from; `item_count`: the items carrying it."""

    id: int
    text: str
    source: str
    position: int
    approved: bool
    item_count: int
    version: int


class SloganIn(Schema):
    text: str
    source: str | None = None
    position: int = 1
    approved: bool = True


class SloganUpdateIn(SloganIn):
    version: int | None = None


def _slogan(acting: Access, slogan_id: int) -> Slogan:
    return selectors.slogans_of(acting).get(pk=permissions.access_slogan(acting, slogan_id).pk)


@listed(router, P + "/slogans/", SloganOut, "Khẩu hiệu")
def slogan_list(request: HttpRequest, congress_id: int) -> QuerySet[Slogan]:
    return selectors.slogans_of(access(request, congress_id)).order_by()


@router.get(P + "/slogans/{slogan_id}/", response=answers(SloganOut), summary="Một khẩu hiệu")
def slogan_detail(request: HttpRequest, congress_id: int, slogan_id: int) -> Slogan:
    return _slogan(access(request, congress_id), slogan_id)


@router.post(P + "/slogans/", response=answers(SloganOut, 201), summary="Thêm khẩu hiệu")
def slogan_create(request: HttpRequest, congress_id: int, payload: SloganIn) -> Status:
    acting = writer(request, congress_id)
    form = valid(SloganForm(filled(payload)))
    slogan = write(request, lambda: services.slogan_create(access=acting, **form.edited()))
    return Status(201, _slogan(acting, slogan.pk))


@versioned_put(
    router,
    P + "/slogans/{slogan_id}/",
    SloganOut,
    "Sửa khẩu hiệu (bỏ khỏi danh sách: các hạng mục đang mang vẫn giữ)",
)
def slogan_update(
    request: HttpRequest, congress_id: int, slogan_id: int, payload: SloganUpdateIn
) -> Slogan:
    acting, slogan = writer_of(request, congress_id, permissions.access_slogan, slogan_id)
    form = valid(SloganForm(filled(payload)))
    write_versioned(
        request, services.slogan_update, form, access=acting, slogan=slogan, **form.edited()
    )
    return _slogan(acting, slogan_id)


# Routes -----------------------------------------------------------------------------------------


class RouteOut(Schema):
    """`path`: the route's line on the map, [[lat, lon], …]; `quantity`: the items' total,
    `pending`: items not yet installed."""

    id: int
    name: str
    locality: str
    path: list[list[float]]
    item_count: int
    quantity: int
    pending: int
    version: int

    @staticmethod
    def resolve_quantity(route: Route) -> int:
        return getattr(route, "quantity", None) or 0


class RouteIn(Schema):
    """`path`: the points along the route, [[lat, lon], …] (at most 200)."""

    name: str
    locality: str | None = None
    path: list[tuple[float, float]] = []


class RouteUpdateIn(RouteIn):
    version: int | None = None


class RouteItemOut(Schema):
    """A line of the route's printed list (cancelled items left out)."""

    id: int
    kind: str
    kind_label: str = display("kind")
    location: str
    latitude: Decimal | None
    longitude: Decimal | None
    quantity: int
    slogan: SloganRef | None
    agency: Ref
    install_on: dt.date
    remove_on: dt.date | None
    state: str
    state_label: str = display("state")


def _route(acting: Access, route_id: int) -> Route:
    return selectors.routes_of(acting).get(pk=permissions.access_route(acting, route_id).pk)


def _route_form(payload: RouteIn) -> RouteForm:
    data = filled(payload)
    data["path"] = RouteForm.path_text([list(point) for point in payload.path])
    return valid(RouteForm(data))


@listed(router, P + "/routes/", RouteOut, "Tuyến đường, địa bàn")
def route_list(request: HttpRequest, congress_id: int) -> QuerySet[Route]:
    return selectors.routes_of(access(request, congress_id)).order_by()


@router.get(
    P + "/routes/{route_id}/",
    response=answers(RouteOut),
    summary="Một tuyến đường, địa bàn và tổng số lượng hạng mục",
)
def route_detail(request: HttpRequest, congress_id: int, route_id: int) -> Route:
    return _route(access(request, congress_id), route_id)


@router.post(P + "/routes/", response=answers(RouteOut, 201), summary="Thêm tuyến đường, địa bàn")
def route_create(request: HttpRequest, congress_id: int, payload: RouteIn) -> Status:
    acting = writer(request, congress_id)
    form = _route_form(payload)
    route = write(request, lambda: services.route_create(access=acting, **form.edited()))
    return Status(201, _route(acting, route.pk))


@versioned_put(router, P + "/routes/{route_id}/", RouteOut, "Sửa tuyến đường, địa bàn")
def route_update(
    request: HttpRequest, congress_id: int, route_id: int, payload: RouteUpdateIn
) -> Route:
    acting, route = writer_of(request, congress_id, permissions.access_route, route_id)
    form = _route_form(payload)
    write_versioned(
        request, services.route_update, form, access=acting, route=route, **form.edited()
    )
    return _route(acting, route_id)


@listed(
    router,
    P + "/routes/{route_id}/items/",
    RouteItemOut,
    "Danh sách hạng mục của tuyến (bản in cho tổ lắp đặt)",
    description="Theo thứ tự ngày lắp đặt, vị trí; không gồm hạng mục đã hủy. Tổng số lượng ở "
    "`GET …/routes/{route_id}/`.",
    ordering=("install_on", "location", "id"),
)
def route_items(request: HttpRequest, congress_id: int, route_id: int) -> QuerySet[VisualItem]:
    acting = access(request, congress_id)
    route = permissions.access_route(acting, route_id)
    return selectors.route_items(acting, route).order_by()


@router.get(
    P + "/routes/{route_id}/xlsx/",
    response=answers(Detail),
    summary="Danh sách hạng mục của tuyến (XLSX)",
)
def route_xlsx(request: HttpRequest, congress_id: int, route_id: int) -> HttpResponse:
    acting = access(request, congress_id)
    route = permissions.access_route(acting, route_id)
    content, filename = route_workbook(acting, route)
    return content_file(content, XLSX_CONTENT_TYPE, filename)
