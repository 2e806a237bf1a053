"""The visual propaganda register: slogans, routes, items, their state and photo proof."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from daihoi.core.audit import record
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require, require_same_congress
from daihoi.core.uploads import upload_facts
from daihoi.organizations.models import Agency
from daihoi.organizations.permissions import Access

from .. import permissions
from ..models import (
    MAX_QUANTITY,
    ItemKind,
    ItemPhoto,
    ItemState,
    Route,
    Slogan,
    VisualAction,
    VisualItem,
)
from ..photos import check_photo
from .common import lock_for_writer, require_writer, required_text, save_edit, save_new

# Slogans ----------------------------------------------------------------------------------------


def _check_slogan(slogan: Slogan) -> None:
    slogan.text = required_text(slogan.text, "Vui lòng nhập nội dung khẩu hiệu.", "text")
    # Compared here, not with `iexact`: SQLite folds the case of ASCII letters only ("Đ", "Ừ").
    # A congress has tens of slogans.
    others = Slogan.objects.filter(congress_id=slogan.congress_id).exclude(pk=slogan.pk)
    wanted = slogan.text.casefold()
    if any(text.casefold() == wanted for text in others.values_list("text", flat=True)):
        raise BusinessError("Khẩu hiệu này đã có trong danh sách.", field="text")


@transaction.atomic
def slogan_create(
    *, access: Access, text: str, source: str = "", position: int = 1, approved: bool = True
) -> Slogan:
    require_writer(access)
    slogan = Slogan(
        congress=access.congress,
        text=text.strip(),
        source=source.strip(),
        position=position,
        approved=approved,
    )
    return save_new(access, slogan, VisualAction.SLOGAN_CREATED, _check_slogan)


@transaction.atomic
def slogan_update(
    *, access: Access, slogan: Slogan, expected_version: int | None = None, **fields: object
) -> Slogan:
    """Locks the slogan. Taking it off the list keeps it on the items that already carry it."""
    return save_edit(
        access,
        lock_for_writer(access, slogan),
        fields,
        VisualAction.SLOGAN_UPDATED,
        _check_slogan,
        expected_version,
        "Khẩu hiệu",
    )


# Routes -----------------------------------------------------------------------------------------


def _check_route(route: Route) -> None:
    route.name = required_text(route.name, "Vui lòng nhập tên tuyến đường, địa bàn.", "name")
    for point in route.path:
        _check_point(Decimal(str(point[0])), Decimal(str(point[1])), field="path")
    duplicate = Route.objects.filter(congress_id=route.congress_id, name__iexact=route.name)
    if duplicate.exclude(pk=route.pk).exists():
        raise BusinessError(f"Tuyến “{route.name}” đã có.", field="name")


@transaction.atomic
def route_create(
    *, access: Access, name: str, locality: str = "", path: list[list[float]] | None = None
) -> Route:
    require_writer(access)
    route = Route(
        congress=access.congress, name=name.strip(), locality=locality.strip(), path=path or []
    )
    return save_new(access, route, VisualAction.ROUTE_CREATED, _check_route)


@transaction.atomic
def route_update(
    *, access: Access, route: Route, expected_version: int | None = None, **fields: object
) -> Route:
    return save_edit(
        access,
        lock_for_writer(access, route),
        fields,
        VisualAction.ROUTE_UPDATED,
        _check_route,
        expected_version,
        "Tuyến đường, địa bàn",
    )


# Items ------------------------------------------------------------------------------------------


@dataclass
class ItemFields:
    kind: str
    route: Route
    location: str
    agency: Agency
    install_on: dt.date
    quantity: int = 1
    slogan: Slogan | None = None
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    remove_on: dt.date | None = None
    note: str = ""


def _check_point(latitude: Decimal | None, longitude: Decimal | None, field: str) -> None:
    if (latitude is None) != (longitude is None):
        raise BusinessError("Nhập đủ cả vĩ độ và kinh độ, hoặc bỏ trống cả hai.", field=field)
    if latitude is not None and not -90 <= latitude <= 90:
        raise BusinessError("Vĩ độ phải nằm trong khoảng từ -90 đến 90.", field=field)
    if longitude is not None and not -180 <= longitude <= 180:
        raise BusinessError("Kinh độ phải nằm trong khoảng từ -180 đến 180.", field=field)


def _check_item(item: VisualItem, *, slogan_before: int | None = None) -> None:
    require_same_congress(item.congress, item.route, item.agency, item.slogan)
    if item.kind not in ItemKind.values:
        raise BusinessError("Loại hạng mục không hợp lệ.", field="kind")
    item.location = required_text(item.location, "Vui lòng nhập vị trí lắp đặt.", "location")
    _check_point(item.latitude, item.longitude, field="latitude")
    if not 1 <= item.quantity <= MAX_QUANTITY:
        raise BusinessError(
            f"Số lượng phải từ 1 đến {MAX_QUANTITY:,}.".replace(",", "."), field="quantity"
        )
    if item.remove_on is not None and item.remove_on < item.install_on:
        raise BusinessError("Ngày tháo dỡ không được trước ngày lắp đặt.", field="remove_on")
    if ItemKind.carries_slogan(item.kind) and item.slogan is None:
        raise BusinessError(
            "Pano, băng rôn, màn hình LED phải chọn khẩu hiệu trong danh sách đã duyệt.",
            field="slogan",
        )
    if not ItemKind.carries_slogan(item.kind):
        item.slogan = None
    # A slogan taken off the list stays on items that carried it, but is not chosen anew.
    chosen = item.slogan.pk if item.slogan is not None else None
    if (
        chosen is not None
        and chosen != slogan_before
        and not Slogan.objects.filter(pk=chosen, approved=True).exists()
    ):
        raise BusinessError(
            "Khẩu hiệu này không còn trong danh sách đã duyệt; hãy chọn khẩu hiệu khác.",
            field="slogan",
        )


@transaction.atomic
def item_create(*, access: Access, fields: ItemFields) -> VisualItem:
    require_writer(access)
    item = VisualItem(congress=access.congress, **vars(fields))
    return save_new(
        access,
        item,
        VisualAction.ITEM_CREATED,
        _check_item,
        data={"route": item.route.name, "kind": item.kind},
    )


@transaction.atomic
def item_update(
    *, access: Access, item: VisualItem, fields: ItemFields, expected_version: int | None = None
) -> VisualItem:
    """Locks the item, checks nobody saved it since the form was opened, then writes."""
    require_writer(access)
    locked = VisualItem.objects.select_for_update().get(pk=item.pk, congress=access.congress)
    slogan_before = locked.slogan_id
    values = dict(vars(fields))
    return save_edit(
        access,
        locked,
        values,
        VisualAction.ITEM_UPDATED,
        lambda obj: _check_item(obj, slogan_before=slogan_before),
        expected_version,
        "Hạng mục",
    )


# Which state may follow which, and who may move it: the carrying-out agency installs and
# removes; cancelling and undoing are the writers'.
_MOVES = {
    (ItemState.PLANNED, ItemState.INSTALLED): False,
    (ItemState.INSTALLED, ItemState.REMOVED): False,
    (ItemState.PLANNED, ItemState.CANCELLED): True,
    (ItemState.INSTALLED, ItemState.PLANNED): True,
    (ItemState.REMOVED, ItemState.INSTALLED): True,
    (ItemState.CANCELLED, ItemState.PLANNED): True,
}


@transaction.atomic
def item_set_state(
    *, access: Access, item: VisualItem, state: str, on: dt.date | None = None
) -> VisualItem:
    """Locks the item; records the day it was installed or removed (today unless given)."""
    locked = VisualItem.objects.select_for_update().get(pk=item.pk, congress=access.congress)
    require(permissions.can_report_on_item(access, locked), permissions.PROOF_ONLY)
    writers_only = _MOVES.get((locked.state, state))  # type: ignore[arg-type]
    if writers_only is None:
        raise BusinessError(
            f"Không thể chuyển từ “{locked.get_state_display()}” sang "
            f"“{ItemState(state).label if state in ItemState.values else state}”."
        )
    if writers_only:
        require_writer(access)
    day = on or timezone.localdate()
    fields: dict[str, object] = {"state": state}
    if state == ItemState.INSTALLED and locked.state == ItemState.PLANNED:
        fields["installed_on"] = day
    if state == ItemState.REMOVED:
        if locked.installed_on and day < locked.installed_on:
            raise BusinessError("Ngày tháo dỡ không được trước ngày đã lắp đặt.")
        fields["removed_on"] = day
    if state == ItemState.PLANNED:
        fields["installed_on"] = None
    if state != ItemState.REMOVED:
        fields["removed_on"] = None
    locked.version += 1
    return save_edit(access, locked, fields, VisualAction.ITEM_STATE_CHANGED, lambda obj: None)


@transaction.atomic
def item_add_photo(
    *, access: Access, item: VisualItem, upload: UploadedFile, note: str = ""
) -> ItemPhoto:
    """Checks the picture (whole, really an image), keeps its EXIF time and place; without EXIF
    the photo is dated by its upload."""
    require(permissions.can_report_on_item(access, item), permissions.PROOF_ONLY)
    facts = check_photo(upload)
    photo = ItemPhoto.objects.create(
        item=item,
        **upload_facts(upload, facts.content_type),
        taken_at=facts.taken_at or timezone.now(),
        taken_from=ItemPhoto.TakenFrom.EXIF if facts.taken_at else ItemPhoto.TakenFrom.UPLOAD,
        latitude=facts.latitude,
        longitude=facts.longitude,
        uploaded_by=access.user,
    )
    record(
        access,
        VisualAction.PHOTO_ADDED,
        item,
        reason=note,
        data={
            "photo": photo.pk,
            "file": photo.original_name,
            "taken_at": timezone.localtime(photo.taken_at).strftime("%H:%M %d/%m/%Y"),
            "taken_from": photo.taken_from,
            "place": f"{photo.latitude}, {photo.longitude}" if photo.has_point else "",
        },
    )
    return photo
