"""The register of visual propaganda items: the list (filtered as the page), an item with its
photo proof and the state moves it offers, its form, the photo upload (EXIF time and place read
as on the page), the state buttons, a photo itself, the map's points and the dashboard's card
of overdue installations. Everyone of the congress reads; the propaganda subcommittee and the
secretariat write; the carrying-out agency's officer adds photos and installs or removes."""

import dataclasses
import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from django.db.models import Exists, OuterRef, QuerySet
from django.http import FileResponse, Http404, HttpRequest
from ninja import File, Form, Query, Router, Schema, Status, UploadedFile

from daihoi.core.audit import history_of
from daihoi.core.dates import today as local_today
from daihoi.organizations.models import Agency
from daihoi.organizations.permissions import Access
from daihoi.propaganda import mapping, permissions, selectors, services
from daihoi.propaganda.forms import ItemFilterForm, ItemForm, PhotoForm, StateForm
from daihoi.propaganda.models import ItemKind, ItemPhoto, ItemState, Route, VisualItem

from ..common import (
    Detail,
    access,
    answers,
    display,
    filled,
    form_data,
    gate,
    listed,
    valid,
    versioned_put,
    write,
    write_versioned,
)

router = Router(tags=["Tuyên truyền"])

P = "/{congress_id}/propaganda"
HISTORY_SHOWN = 50


def writer(request: HttpRequest, congress_id: int) -> Access:
    """The acting member of the congress, refused (403) unless they keep the registers."""
    acting = access(request, congress_id)
    gate(permissions.can_write(acting), permissions.WRITERS_ONLY)
    return acting


def writer_of[T](
    request: HttpRequest, congress_id: int, find: Callable[[Access, int], T], record_id: int
) -> tuple[Access, T]:
    """The acting writer and the record `find` loads: a record of elsewhere answers 404 before
    a reader's 403, as on the pages."""
    acting = access(request, congress_id)
    record = find(acting, record_id)
    gate(permissions.can_write(acting), permissions.WRITERS_ONLY)
    return acting, record


class Ref(Schema):
    id: int
    name: str


class SloganRef(Schema):
    id: int
    text: str


class ItemBase(Schema):
    """One line of the register; `overdue`: planned and its install day has passed."""

    id: int
    kind: str
    kind_label: str
    route: Ref
    location: str
    latitude: Decimal | None
    longitude: Decimal | None
    quantity: int
    slogan: SloganRef | None
    agency: Ref
    install_on: dt.date
    remove_on: dt.date | None
    state: str
    state_label: str
    installed_on: dt.date | None
    removed_on: dt.date | None
    note: str
    version: int
    overdue: bool
    has_photo: bool


class ItemOut(ItemBase):
    @staticmethod
    def resolve_kind_label(item: VisualItem) -> str:
        return str(item.get_kind_display())

    @staticmethod
    def resolve_state_label(item: VisualItem) -> str:
        return str(item.get_state_display())

    @staticmethod
    def resolve_overdue(item: VisualItem) -> bool:
        return item.is_overdue(local_today())


class PhotoOut(Schema):
    """A photo proof: when and where it was taken (from its EXIF, else its upload), and how far
    from the item's own point (metres) when both are known."""

    id: int
    original_name: str
    content_type: str
    size: int
    taken_at: dt.datetime
    taken_from: str
    taken_from_label: str
    latitude: Decimal | None
    longitude: Decimal | None
    distance_m: int | None
    uploaded_by: str
    uploaded_at: dt.datetime


class MoveOut(Schema):
    state: str
    label: str


class HistoryOut(Schema):
    created_at: dt.datetime
    actor: str
    action: str
    label: str
    reason: str


class ItemDetailOut(ItemBase):
    """The item's page: `moves` are the state buttons it offers the caller (the service
    decides again); `reporter`: the caller may add photos and move its state."""

    removal_overdue: bool
    writer: bool
    reporter: bool
    photos: list[PhotoOut]
    moves: list[MoveOut]
    history: list[HistoryOut]


class ItemQuery(Schema):
    """As the page's filters: a route (id), a kind, a state, only the overdue ones."""

    route: int | None = None
    kind: str | None = None
    state: str | None = None
    overdue: bool | None = None


class ItemIn(Schema):
    """As the page "Hạng mục tuyên truyền": `route`, `slogan` (an approved one; none for a
    flag) and `agency` by id; dates dd/mm/yyyy or yyyy-mm-dd; coordinates in degrees."""

    kind: str
    route: int
    location: str
    latitude: float | str | None = None
    longitude: float | str | None = None
    quantity: int = 1
    slogan: int | None = None
    agency: int
    install_on: str
    remove_on: str | None = None
    note: str | None = None


class ItemUpdateIn(ItemIn):
    version: int | None = None


class StateIn(Schema):
    """`state`: planned, installed, removed or cancelled; `on`: the day (today when left out)."""

    state: str
    on: str | None = None


class PhotoIn(Schema):
    note: str | None = None


class OverdueOut(Schema):
    id: int
    kind_label: str = display("kind")
    location: str
    route: Ref
    agency: Ref
    install_on: dt.date


class BoardOut(Schema):
    """The dashboard's card: items not installed by their day (the first few), and items left
    up past their removal day."""

    overdue_install: int
    overdue_removal: int
    first: list[OverdueOut]


class PointOut(Schema):
    id: int
    kind: str
    kind_label: str
    state: str
    location: str
    latitude: float
    longitude: float
    quantity: int


class LineOut(Schema):
    id: int
    name: str
    path: list[list[float]]


class MapOut(Schema):
    """The positioned items (at most `limit`: `capped` says there were more, filter by route)
    and the routes' lines, [[lat, lon], …]."""

    points: list[PointOut]
    routes: list[LineOut]
    count: int
    capped: bool
    limit: int


def _filters(acting: Access, query: ItemQuery) -> selectors.ItemFilters:
    routes = list(Route.objects.filter(congress=acting.congress).only("id", "name"))
    return ItemFilterForm(form_data(query) or None, routes=routes).filters()


def _with_photo_mark(items: QuerySet[VisualItem]) -> QuerySet[VisualItem]:
    return items.annotate(has_photo=Exists(ItemPhoto.objects.filter(item=OuterRef("pk"))))


@listed(router, P + "/items/", ItemOut, "Hạng mục tuyên truyền")
def item_list(
    request: HttpRequest, congress_id: int, filters: Query[ItemQuery]
) -> QuerySet[VisualItem]:
    acting = access(request, congress_id)
    found = _filters(acting, filters)
    return _with_photo_mark(selectors.items_of(acting, found, local_today())).order_by()


def _moves(item: VisualItem, writer: bool) -> list[dict]:
    """The state buttons the page offers (the service decides again)."""
    moves = {
        ItemState.PLANNED: [
            (ItemState.INSTALLED, "Đã lắp đặt", False),
            (ItemState.CANCELLED, "Hủy hạng mục", True),
        ],
        ItemState.INSTALLED: [
            (ItemState.REMOVED, "Đã tháo dỡ", False),
            (ItemState.PLANNED, "Chưa lắp đặt (hoàn tác)", True),
        ],
        ItemState.REMOVED: [(ItemState.INSTALLED, "Lắp đặt lại", True)],
        ItemState.CANCELLED: [(ItemState.PLANNED, "Khôi phục", True)],
    }[ItemState(item.state)]
    return [
        {"state": state, "label": label}
        for state, label, writers_only in moves
        if writer or not writers_only
    ]


def _photo(item: VisualItem, photo: ItemPhoto) -> dict:
    near = photo.has_point and item.has_point
    return {
        "id": photo.pk,
        "original_name": photo.original_name,
        "content_type": photo.content_type,
        "size": photo.size,
        "taken_at": photo.taken_at,
        "taken_from": photo.taken_from,
        "taken_from_label": str(photo.get_taken_from_display()),
        "latitude": photo.latitude,
        "longitude": photo.longitude,
        "distance_m": mapping.distance_m(
            (photo.latitude, photo.longitude), (item.latitude, item.longitude)
        )
        if near
        else None,
        "uploaded_by": str(photo.uploaded_by) if photo.uploaded_by else "",
        "uploaded_at": photo.uploaded_at,
    }


def _detail(acting: Access, visual_id: int) -> dict:
    item = permissions.access_item(acting, visual_id)
    writer = permissions.can_write(acting)
    reporter = permissions.can_report_on_item(acting, item, writer=writer)
    photos = list(selectors.item_photos(item))
    today = local_today()
    return {
        "item": item,
        "has_photo": bool(photos),
        "removal_overdue": item.removal_overdue(today),
        "writer": writer,
        "reporter": reporter,
        "photos": [_photo(item, photo) for photo in photos],
        "moves": _moves(item, writer) if reporter else [],
        "history": [
            {
                "created_at": e.created_at,
                "actor": str(e.actor) if e.actor else "",
                "action": e.action,
                "label": e.label,
                "reason": e.reason,
            }
            for e in history_of(item)[:HISTORY_SHOWN]
        ],
    }


def _as_detail(found: dict) -> dict:
    item: VisualItem = found.pop("item")
    item.has_photo = found["has_photo"]  # type: ignore[attr-defined]
    return ItemOut.from_orm(item).model_dump() | found


@router.get(
    P + "/items/{visual_id}/",
    response=answers(ItemDetailOut),
    summary="Một hạng mục: ảnh minh chứng, các nút trạng thái, lịch sử",
)
def item_detail(request: HttpRequest, congress_id: int, visual_id: int) -> dict:
    return _as_detail(_detail(access(request, congress_id), visual_id))


def _item_form(acting: Access, payload: ItemIn, item: VisualItem | None) -> ItemForm:
    return valid(
        ItemForm(
            filled(payload),
            routes=Route.objects.filter(congress=acting.congress),
            slogans=selectors.approved_slogans(acting, keep=item.slogan if item else None),
            agencies=Agency.objects.filter(congress=acting.congress),
        )
    )


def _fields(form: ItemForm) -> services.ItemFields:
    data = form.edited()
    return services.ItemFields(
        **{field.name: data[field.name] for field in dataclasses.fields(services.ItemFields)}
    )


@router.post(
    P + "/items/", response=answers(ItemDetailOut, 201), summary="Đăng ký hạng mục tuyên truyền"
)
def item_create(request: HttpRequest, congress_id: int, payload: ItemIn) -> Status:
    acting = writer(request, congress_id)
    form = _item_form(acting, payload, None)
    item = write(request, lambda: services.item_create(access=acting, fields=_fields(form)))
    return Status(201, _as_detail(_detail(acting, item.pk)))


@versioned_put(router, P + "/items/{visual_id}/", ItemDetailOut, "Sửa hạng mục tuyên truyền")
def item_update(
    request: HttpRequest, congress_id: int, visual_id: int, payload: ItemUpdateIn
) -> dict:
    acting, item = writer_of(request, congress_id, permissions.access_item, visual_id)
    form = _item_form(acting, payload, item)
    write_versioned(
        request, services.item_update, form, access=acting, item=item, fields=_fields(form)
    )
    return _as_detail(_detail(acting, visual_id))


@router.post(
    P + "/items/{visual_id}/photos/",
    response=answers(PhotoOut, 201),
    summary="Gửi ảnh minh chứng (multipart: `photo` JPG/PNG, `note`)",
    description="Giờ và nơi chụp được đọc từ dữ liệu EXIF của ảnh; ảnh không có EXIF được "
    "ghi theo thời điểm tải lên.",
)
def item_photo_add(
    request: HttpRequest,
    congress_id: int,
    visual_id: int,
    payload: Form[PhotoIn],
    photo: File[UploadedFile] | None = None,
) -> Status:
    acting = access(request, congress_id)
    item = permissions.access_item(acting, visual_id)
    gate(permissions.can_report_on_item(acting, item), permissions.PROOF_ONLY)
    form = valid(PhotoForm(request.POST, request.FILES))
    saved = write(
        request,
        lambda: services.item_add_photo(
            access=acting,
            item=item,
            upload=form.cleaned_data["photo"],
            note=form.cleaned_data["note"],
        ),
    )
    return Status(201, _photo(item, saved))


@router.post(
    P + "/items/{visual_id}/state/",
    response=answers(ItemDetailOut),
    summary="Đổi trạng thái hạng mục (đã lắp đặt, đã tháo dỡ, hủy, hoàn tác)",
)
def item_state(request: HttpRequest, congress_id: int, visual_id: int, payload: StateIn) -> dict:
    acting = access(request, congress_id)
    item = permissions.access_item(acting, visual_id)
    gate(permissions.can_report_on_item(acting, item), permissions.PROOF_ONLY)
    data = valid(StateForm(filled(payload))).cleaned_data
    write(
        request,
        lambda: services.item_set_state(
            access=acting, item=item, state=data["state"], on=data.get("on")
        ),
    )
    return _as_detail(_detail(acting, visual_id))


@router.get(
    P + "/photos/{proof_id}/",
    response=answers(Detail),
    summary="Tệp ảnh minh chứng (hiển thị trực tiếp)",
)
def photo_file(request: HttpRequest, congress_id: int, proof_id: int) -> FileResponse:
    photo = permissions.access_photo(access(request, congress_id), proof_id)
    try:
        handle = photo.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    response = FileResponse(handle, content_type=photo.content_type)
    response["Content-Disposition"] = "inline"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@router.get(
    P + "/map/",
    response=answers(MapOut),
    summary="Bản đồ: các hạng mục có tọa độ và đường các tuyến (lọc như danh sách)",
)
def item_map(request: HttpRequest, congress_id: int, filters: Query[ItemQuery]) -> dict:
    acting = access(request, congress_id)
    found = _filters(acting, filters)
    limit = selectors.MAP_LIMIT
    kinds = dict(ItemKind.choices)
    rows = selectors.map_points(acting, found, limit)
    points = [
        {
            "id": pk,
            "kind": kind,
            "kind_label": str(kinds.get(kind, kind)),
            "state": state,
            "location": location,
            "latitude": float(lat),
            "longitude": float(lon),
            "quantity": quantity,
        }
        for pk, kind, state, location, lat, lon, quantity in rows[:limit]
    ]
    lines = Route.objects.filter(congress=acting.congress).exclude(path=[])
    if found.route:
        lines = lines.filter(pk=found.route)
    return {
        "points": points,
        "routes": [
            {"id": pk, "name": name, "path": path}
            for pk, name, path in lines.values_list("id", "name", "path")
        ],
        "count": len(points),
        "capped": len(rows) > limit,
        "limit": limit,
    }


@router.get(
    P + "/overdue/",
    response=answers(BoardOut),
    summary="Khối tổng quan: hạng mục chậm lắp đặt, chậm tháo dỡ",
)
def item_overdue_board(request: HttpRequest, congress_id: int) -> selectors.OverdueBoard:
    return selectors.overdue_board(access(request, congress_id), local_today())
