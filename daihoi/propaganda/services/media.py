"""Press and media output: outlets, their pages and columns, pieces; exhibitions and the art
programme."""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require_same_congress
from daihoi.organizations.models import Agency
from daihoi.organizations.permissions import Access

from ..models import ArtEvent, Column, MediaAction, MediaPiece, Outlet
from .common import lock_for_writer, require_writer, required_text, save_edit, save_new

# Outlets and their columns ----------------------------------------------------------------------


def _check_outlet(outlet: Outlet) -> None:
    outlet.name = required_text(outlet.name, "Vui lòng nhập tên cơ quan báo chí.", "name")
    if outlet.kind not in Outlet.Kind.values:
        raise BusinessError("Loại hình không hợp lệ.", field="kind")
    duplicate = Outlet.objects.filter(congress_id=outlet.congress_id, name__iexact=outlet.name)
    if duplicate.exclude(pk=outlet.pk).exists():
        raise BusinessError(f"Cơ quan “{outlet.name}” đã có.", field="name")


@transaction.atomic
def outlet_create(*, access: Access, name: str, kind: str, website: str = "") -> Outlet:
    require_writer(access)
    outlet = Outlet(congress=access.congress, name=name.strip(), kind=kind, website=website)
    return save_new(access, outlet, MediaAction.OUTLET_CREATED, _check_outlet)


@transaction.atomic
def outlet_update(
    *, access: Access, outlet: Outlet, expected_version: int | None = None, **fields: object
) -> Outlet:
    return save_edit(
        access,
        lock_for_writer(access, outlet),
        fields,
        MediaAction.OUTLET_UPDATED,
        _check_outlet,
        expected_version,
        "Cơ quan báo chí",
    )


def _check_column(column: Column) -> None:
    column.name = required_text(column.name, "Vui lòng nhập tên chuyên trang, chuyên mục.", "name")
    if column.kind not in Column.Kind.values:
        raise BusinessError("Loại không hợp lệ.", field="kind")
    duplicate = Column.objects.filter(outlet_id=column.outlet_id, name__iexact=column.name)
    if duplicate.exclude(pk=column.pk).exists():
        raise BusinessError(f"“{column.name}” đã có ở cơ quan này.", field="name")


@transaction.atomic
def column_create(
    *,
    access: Access,
    outlet: Outlet,
    kind: str,
    name: str,
    started_on: dt.date | None = None,
    schedule: str = "",
    link: str = "",
) -> Column:
    require_writer(access)
    require_same_congress(access.congress, outlet)
    column = Column(
        outlet=outlet,
        kind=kind,
        name=name.strip(),
        started_on=started_on,
        schedule=schedule.strip(),
        link=link,
    )
    return save_new(
        access, column, MediaAction.COLUMN_CREATED, _check_column, data={"outlet": outlet.name}
    )


@transaction.atomic
def column_update(
    *, access: Access, column: Column, expected_version: int | None = None, **fields: object
) -> Column:
    require_writer(access)
    locked = Column.objects.select_for_update().get(pk=column.pk)
    require_same_congress(access.congress, locked.outlet)
    if "outlet" in fields:
        require_same_congress(access.congress, fields["outlet"])  # type: ignore[arg-type]
    return save_edit(
        access,
        locked,
        fields,
        MediaAction.COLUMN_UPDATED,
        _check_column,
        expected_version,
        "Chuyên trang, chuyên mục",
    )


# Pieces -----------------------------------------------------------------------------------------


@dataclass
class PieceFields:
    outlet: Outlet
    kind: str
    title: str
    planned_on: dt.date
    column: Column | None = None
    published_on: dt.date | None = None
    link: str = ""


def _check_piece(piece: MediaPiece) -> None:
    require_same_congress(piece.congress, piece.outlet)
    piece.title = required_text(piece.title, "Vui lòng nhập tiêu đề.", "title")
    if piece.kind not in MediaPiece.Kind.values:
        raise BusinessError("Thể loại không hợp lệ.", field="kind")
    if piece.column is not None and piece.column.outlet_id != piece.outlet_id:
        raise BusinessError(
            "Chuyên trang, chuyên mục đã chọn không thuộc cơ quan báo chí này.", field="column"
        )


@transaction.atomic
def piece_create(*, access: Access, fields: PieceFields) -> MediaPiece:
    require_writer(access)
    piece = MediaPiece(congress=access.congress, **vars(fields))
    return save_new(
        access, piece, MediaAction.PIECE_CREATED, _check_piece, data={"outlet": piece.outlet.name}
    )


@transaction.atomic
def piece_update(
    *,
    access: Access,
    piece: MediaPiece,
    fields: PieceFields,
    expected_version: int | None = None,
) -> MediaPiece:
    return save_edit(
        access,
        lock_for_writer(access, piece),
        dict(vars(fields)),
        MediaAction.PIECE_UPDATED,
        _check_piece,
        expected_version,
        "Tin, bài",
    )


# Exhibitions and the art programme --------------------------------------------------------------


@dataclass
class EventFields:
    kind: str
    title: str
    venue: str
    starts_on: dt.date
    ends_on: dt.date | None = None
    agency: Agency | None = None
    readiness: str = ArtEvent.Readiness.NOT_STARTED
    note: str = ""


def _check_event(event: ArtEvent) -> None:
    require_same_congress(event.congress, event.agency)
    event.title = required_text(event.title, "Vui lòng nhập tên.", "title")
    event.venue = required_text(event.venue, "Vui lòng nhập địa điểm.", "venue")
    if event.kind not in ArtEvent.Kind.values:
        raise BusinessError("Loại không hợp lệ.", field="kind")
    if event.readiness not in ArtEvent.Readiness.values:
        raise BusinessError("Mức độ sẵn sàng không hợp lệ.", field="readiness")
    if event.ends_on is not None and event.ends_on < event.starts_on:
        raise BusinessError("Ngày kết thúc không được trước ngày bắt đầu.", field="ends_on")


@transaction.atomic
def event_create(*, access: Access, fields: EventFields) -> ArtEvent:
    require_writer(access)
    event = ArtEvent(congress=access.congress, **vars(fields))
    return save_new(access, event, MediaAction.EVENT_CREATED, _check_event)


@transaction.atomic
def event_update(
    *,
    access: Access,
    event: ArtEvent,
    fields: EventFields,
    expected_version: int | None = None,
) -> ArtEvent:
    return save_edit(
        access,
        lock_for_writer(access, event),
        dict(vars(fields)),
        MediaAction.EVENT_UPDATED,
        _check_event,
        expected_version,
        "Triển lãm, chương trình",
    )
