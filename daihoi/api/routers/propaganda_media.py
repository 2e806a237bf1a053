"""Press and media output and the art programme: the outlets with their pages and columns and
the weekly counts, the pieces (filtered as the page), their forms; exhibitions and performances.
Everyone of the congress reads; the propaganda subcommittee and the secretariat write."""

import datetime as dt

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Schema, Status

from daihoi.core.dates import today as local_today
from daihoi.organizations.models import Agency
from daihoi.organizations.permissions import Access
from daihoi.propaganda import permissions, selectors, services
from daihoi.propaganda.forms import ColumnForm, EventForm, OutletForm, PieceFilterForm, PieceForm
from daihoi.propaganda.models import ArtEvent, Column, MediaPiece, Outlet

from ..common import (
    access,
    answers,
    display,
    filled,
    form_data,
    listed,
    valid,
    versioned_put,
    write,
    write_versioned,
)
from .propaganda_items import P, Ref, writer, writer_of

router = Router(tags=["Tuyên truyền"])


# Outlets and their columns ----------------------------------------------------------------------


class ColumnOut(Schema):
    id: int
    outlet_id: int
    kind: str
    kind_label: str = display("kind")
    name: str
    started_on: dt.date | None
    schedule: str
    link: str
    version: int


class OutletOut(Schema):
    id: int
    name: str
    kind: str
    kind_label: str = display("kind")
    website: str
    version: int


class OutletSummaryOut(OutletOut):
    """An outlet on the overview: its pages and columns, pieces planned and published."""

    planned: int
    published: int
    columns: list[ColumnOut]


class WeekOut(Schema):
    """A week (Monday to Sunday): pieces planned and published in it, published ones by kind."""

    monday: dt.date
    sunday: dt.date
    planned: int
    published: int
    by_kind: dict[str, int]


class MediaOut(Schema):
    outlets: list[OutletSummaryOut]
    weeks: list[WeekOut]


class PieceQuery(Schema):
    """As the page's filters: an outlet (id), a kind, `published` "yes" or "no"."""

    outlet: int | None = None
    kind: str | None = None
    published: str | None = None


class OutletIn(Schema):
    name: str
    kind: str
    website: str | None = None


class OutletUpdateIn(OutletIn):
    version: int | None = None


class ColumnIn(Schema):
    """`outlet` by id; `started_on` dd/mm/yyyy or yyyy-mm-dd."""

    outlet: int
    kind: str
    name: str
    started_on: str | None = None
    schedule: str | None = None
    link: str | None = None


class ColumnUpdateIn(ColumnIn):
    version: int | None = None


def _piece_filters(
    acting: Access, query: PieceQuery
) -> tuple[list[Outlet], selectors.PieceFilters]:
    outlets = list(selectors.outlets_of(acting))
    return outlets, PieceFilterForm(form_data(query) or None, outlets=outlets).filters()


@router.get(
    P + "/media/",
    response=answers(MediaOut),
    summary="Báo chí, truyền thông: cơ quan, chuyên trang, chuyên mục và số tin, bài theo tuần",
    description="Các tuần mới nhất trước (12 tuần), theo bộ lọc như danh sách tin, bài; danh "
    "sách tin, bài ở `GET …/propaganda/pieces/`.",
)
def media_overview(request: HttpRequest, congress_id: int, filters: Query[PieceQuery]) -> dict:
    acting = access(request, congress_id)
    outlets, found = _piece_filters(acting, filters)
    weeks = selectors.weekly_counts(acting, found)[:12]
    return {
        "outlets": outlets,
        "weeks": [
            {
                "monday": w.monday,
                "sunday": w.sunday,
                "planned": w.planned,
                "published": w.published,
                "by_kind": w.by_kind,
            }
            for w in weeks
        ],
    }


@router.get(P + "/outlets/{outlet_id}/", response=answers(OutletOut), summary="Một cơ quan báo chí")
def outlet_detail(request: HttpRequest, congress_id: int, outlet_id: int) -> Outlet:
    return permissions.access_outlet(access(request, congress_id), outlet_id)


@router.post(P + "/outlets/", response=answers(OutletOut, 201), summary="Thêm cơ quan báo chí")
def outlet_create(request: HttpRequest, congress_id: int, payload: OutletIn) -> Status:
    acting = writer(request, congress_id)
    form = valid(OutletForm(filled(payload)))
    return Status(
        201, write(request, lambda: services.outlet_create(access=acting, **form.edited()))
    )


@versioned_put(router, P + "/outlets/{outlet_id}/", OutletOut, "Sửa cơ quan báo chí")
def outlet_update(
    request: HttpRequest, congress_id: int, outlet_id: int, payload: OutletUpdateIn
) -> Outlet:
    acting, outlet = writer_of(request, congress_id, permissions.access_outlet, outlet_id)
    form = valid(OutletForm(filled(payload)))
    return write_versioned(
        request, services.outlet_update, form, access=acting, outlet=outlet, **form.edited()
    )


def _column_form(acting: Access, payload: ColumnIn) -> ColumnForm:
    outlets = Outlet.objects.filter(congress=acting.congress)
    return valid(ColumnForm(filled(payload), outlets=outlets))


@router.get(
    P + "/columns/{column_id}/",
    response=answers(ColumnOut),
    summary="Một chuyên trang, chuyên mục",
)
def column_detail(request: HttpRequest, congress_id: int, column_id: int) -> Column:
    return permissions.access_column(access(request, congress_id), column_id)


@router.post(
    P + "/columns/", response=answers(ColumnOut, 201), summary="Mở chuyên trang, chuyên mục"
)
def column_create(request: HttpRequest, congress_id: int, payload: ColumnIn) -> Status:
    acting = writer(request, congress_id)
    form = _column_form(acting, payload)
    return Status(
        201, write(request, lambda: services.column_create(access=acting, **form.edited()))
    )


@versioned_put(router, P + "/columns/{column_id}/", ColumnOut, "Sửa chuyên trang, chuyên mục")
def column_update(
    request: HttpRequest, congress_id: int, column_id: int, payload: ColumnUpdateIn
) -> Column:
    acting, column = writer_of(request, congress_id, permissions.access_column, column_id)
    form = _column_form(acting, payload)
    return write_versioned(
        request, services.column_update, form, access=acting, column=column, **form.edited()
    )


# Pieces -----------------------------------------------------------------------------------------


class PieceOut(Schema):
    id: int
    outlet: Ref
    column: Ref | None
    kind: str
    kind_label: str = display("kind")
    title: str
    planned_on: dt.date
    published_on: dt.date | None
    link: str
    version: int


class PieceIn(Schema):
    """`outlet`, `column` (one of that outlet's) by id; dates dd/mm/yyyy or yyyy-mm-dd;
    `published_on` left out while not yet published."""

    outlet: int
    column: int | None = None
    kind: str
    title: str
    planned_on: str
    published_on: str | None = None
    link: str | None = None


class PieceUpdateIn(PieceIn):
    version: int | None = None


def _piece_fields(acting: Access, payload: PieceIn) -> tuple[PieceForm, services.PieceFields]:
    form = valid(
        PieceForm(
            filled(payload),
            outlets=Outlet.objects.filter(congress=acting.congress),
            columns=selectors.columns_of(acting),
        )
    )
    return form, services.PieceFields(**form.edited())


@listed(router, P + "/pieces/", PieceOut, "Tin, bài, chương trình")
def piece_list(
    request: HttpRequest, congress_id: int, filters: Query[PieceQuery]
) -> QuerySet[MediaPiece]:
    acting = access(request, congress_id)
    found = PieceFilterForm(
        form_data(filters) or None,
        outlets=list(Outlet.objects.filter(congress=acting.congress).only("id", "name")),
    ).filters()
    return selectors.pieces_of(acting, found).order_by()


@router.get(
    P + "/pieces/{piece_id}/", response=answers(PieceOut), summary="Một tin, bài, chương trình"
)
def piece_detail(request: HttpRequest, congress_id: int, piece_id: int) -> MediaPiece:
    return permissions.access_piece(access(request, congress_id), piece_id)


@router.post(
    P + "/pieces/", response=answers(PieceOut, 201), summary="Đăng ký tin, bài, chương trình"
)
def piece_create(request: HttpRequest, congress_id: int, payload: PieceIn) -> Status:
    acting = writer(request, congress_id)
    _, fields = _piece_fields(acting, payload)
    piece = write(request, lambda: services.piece_create(access=acting, fields=fields))
    return Status(201, permissions.access_piece(acting, piece.pk))


@versioned_put(router, P + "/pieces/{piece_id}/", PieceOut, "Sửa tin, bài, chương trình")
def piece_update(
    request: HttpRequest, congress_id: int, piece_id: int, payload: PieceUpdateIn
) -> MediaPiece:
    acting, piece = writer_of(request, congress_id, permissions.access_piece, piece_id)
    form, fields = _piece_fields(acting, payload)
    write_versioned(request, services.piece_update, form, access=acting, piece=piece, fields=fields)
    return permissions.access_piece(acting, piece_id)


# Exhibitions and the art programme --------------------------------------------------------------


class EventOut(Schema):
    """`behind`: starts within a week (or has started) and is not yet ready."""

    id: int
    kind: str
    kind_label: str = display("kind")
    title: str
    venue: str
    starts_on: dt.date
    ends_on: dt.date | None
    agency: Ref | None
    readiness: str
    readiness_label: str = display("readiness")
    note: str
    version: int
    behind: bool

    @staticmethod
    def resolve_behind(event: ArtEvent) -> bool:
        return event.is_behind(local_today())


class EventIn(Schema):
    """`agency` (who carries it out) by id; dates dd/mm/yyyy or yyyy-mm-dd; `readiness`:
    not_started, preparing, rehearsed, ready or done."""

    kind: str
    title: str
    venue: str
    starts_on: str
    ends_on: str | None = None
    agency: int | None = None
    readiness: str = ArtEvent.Readiness.NOT_STARTED
    note: str | None = None


class EventUpdateIn(EventIn):
    version: int | None = None


def _event_fields(acting: Access, payload: EventIn) -> tuple[EventForm, services.EventFields]:
    agencies = Agency.objects.filter(congress=acting.congress)
    form = valid(EventForm(filled(payload), agencies=agencies))
    return form, services.EventFields(**form.edited())


@listed(router, P + "/events/", EventOut, "Triển lãm, trưng bày, chương trình nghệ thuật")
def event_list(request: HttpRequest, congress_id: int) -> QuerySet[ArtEvent]:
    return selectors.events_of(access(request, congress_id)).order_by()


@router.get(
    P + "/events/{event_id}/", response=answers(EventOut), summary="Một triển lãm, chương trình"
)
def event_detail(request: HttpRequest, congress_id: int, event_id: int) -> ArtEvent:
    return permissions.access_event(access(request, congress_id), event_id)


@router.post(
    P + "/events/",
    response=answers(EventOut, 201),
    summary="Thêm triển lãm, chương trình nghệ thuật",
)
def event_create(request: HttpRequest, congress_id: int, payload: EventIn) -> Status:
    acting = writer(request, congress_id)
    _, fields = _event_fields(acting, payload)
    event = write(request, lambda: services.event_create(access=acting, fields=fields))
    return Status(201, permissions.access_event(acting, event.pk))


@versioned_put(router, P + "/events/{event_id}/", EventOut, "Sửa triển lãm, chương trình")
def event_update(
    request: HttpRequest, congress_id: int, event_id: int, payload: EventUpdateIn
) -> ArtEvent:
    acting, event = writer_of(request, congress_id, permissions.access_event, event_id)
    form, fields = _event_fields(acting, payload)
    write_versioned(request, services.event_update, form, access=acting, event=event, fields=fields)
    return permissions.access_event(acting, event_id)
