"""Hậu cần: the menu's overview and the readiness checklist — the items by area (everyone in the
congress reads them), their form (the service staff's), an agency's report with its photo proof
(multipart) and the photos themselves."""

import datetime as dt

from django.db.models import QuerySet
from django.http import FileResponse, HttpRequest
from ninja import File, Form, Query, Router, Schema, Status, UploadedFile

from daihoi.core.dates import today as local_today
from daihoi.core.views import stored_file
from daihoi.logistics import permissions, selectors, services
from daihoi.logistics.forms import ReadinessFilterForm, ReadinessItemForm, ReadinessReportForm
from daihoi.logistics.models import ReadinessItem, ReadinessPhoto, ReadinessState
from daihoi.logistics.selectors import ReadinessSummary
from daihoi.organizations.permissions import Access

from ..common import (
    Detail,
    access,
    answers,
    display,
    form_data,
    gate,
    listed,
    valid,
    versioned_put,
    write,
    write_versioned,
)

router = Router(tags=["Hậu cần"])
L = "/{congress_id}/logistics"


class AreaReadinessOut(Schema):
    area: str
    label: str
    total: int
    ready: int
    problem: int
    late: int
    percent: int


class ReadinessSummaryOut(Schema):
    """The checklist's counts per area (ready, with a problem, late) and in all."""

    areas: list[AreaReadinessOut]
    total: int
    ready: int
    problem: int
    late: int
    percent: int


class HotelCountOut(Schema):
    id: int
    name: str
    rooms: int
    places: int
    lodged: int


class HomeOut(Schema):
    """The "Hậu cần" overview: the readiness figures for everyone; the hotels and the delegates
    still without a room for the service staff only (`staff`)."""

    readiness: ReadinessSummaryOut
    staff: bool
    hotels: list[HotelCountOut]
    waiting_count: int


class AgencyRef(Schema):
    id: int
    name: str


class ReadinessItemOut(Schema):
    id: int
    area: str
    area_label: str = display("area")
    title: str
    agency: AgencyRef
    state: str
    state_label: str = display("state")
    deadline: dt.date | None
    note: str
    late: bool
    photo_count: int
    version: int
    updated_at: dt.datetime

    @staticmethod
    def resolve_late(obj: ReadinessItem) -> bool:
        return bool(
            obj.deadline and obj.deadline < local_today() and obj.state != ReadinessState.READY
        )


class PhotoOut(Schema):
    id: int
    name: str
    uploaded_at: dt.datetime

    @staticmethod
    def resolve_name(obj: ReadinessPhoto) -> str:
        return obj.original_name


class ReadinessDetailOut(ReadinessItemOut):
    photos: list[PhotoOut]
    can_report: bool

    @staticmethod
    def resolve_photos(obj: ReadinessItem) -> list:
        return obj.photos_read  # type: ignore[attr-defined]


class ReadinessQuery(Schema):
    """The page's filters: `area`, `state`, `late=true` (only the late ones), `mine=true` (only
    the items of the caller's agency)."""

    area: str | None = None
    state: str | None = None
    late: bool = False
    mine: bool = False


class ReadinessIn(Schema):
    """As the page "Thêm hạng mục": `agency` the responsible agency's id, `deadline`
    dd/mm/yyyy or yyyy-mm-dd."""

    area: str
    title: str
    agency: int
    deadline: str | None = None
    note: str | None = None


class ReadinessUpdateIn(ReadinessIn):
    version: int | None = None


class ReadinessReportIn(Schema):
    """The agency's report: the state, a note on what is in the way; photos as `photos`."""

    state: str
    note: str | None = None


def summary_out(summary: ReadinessSummary) -> dict:
    return {
        "areas": [
            {
                "area": a.area,
                "label": a.label,
                "total": a.total,
                "ready": a.ready,
                "problem": a.problem,
                "late": a.late,
                "percent": a.percent,
            }
            for a in summary.areas
        ],
        "total": summary.total,
        "ready": summary.ready,
        "problem": summary.problem,
        "late": summary.late,
        "percent": summary.percent,
    }


def _detail(acting: Access, item_id: int) -> ReadinessItem:
    """The item with its photos and whether the caller may report on it."""
    item = permissions.access_readiness_item(acting, item_id)
    item.photos_read = list(item.photos.all())  # type: ignore[attr-defined]
    item.photo_count = len(item.photos_read)  # type: ignore[attr-defined]
    item.can_report = permissions.can_report_readiness(acting, item)  # type: ignore[attr-defined]
    return item


@router.get(
    L + "/",
    response=answers(HomeOut),
    summary="Tổng quan hậu cần: mức sẵn sàng; nơi nghỉ và đại biểu chưa có phòng (bộ phận phục vụ)",
)
def logistics_home(request: HttpRequest, congress_id: int) -> dict:
    acting = access(request, congress_id)
    staff = permissions.is_service_staff(acting)
    rows = selectors.hotels_with_counts(acting) if staff else []
    return {
        "readiness": summary_out(selectors.readiness_summary(acting, local_today())),
        "staff": staff,
        "hotels": [
            {"id": r.hotel.pk, "name": r.hotel.name, "rooms": r.rooms, "places": r.places}
            | {"lodged": r.lodged}
            for r in rows
        ],
        "waiting_count": selectors.delegates_without_room(acting).count() if staff else 0,
    }


@listed(
    router,
    L + "/readiness/",
    ReadinessItemOut,
    "Danh sách hạng mục sẵn sàng, lọc theo lĩnh vực, tình trạng, quá hạn, của cơ quan mình",
)
def readiness_list(
    request: HttpRequest, congress_id: int, filters: Query[ReadinessQuery]
) -> QuerySet[ReadinessItem]:
    acting = access(request, congress_id)
    form = valid(ReadinessFilterForm(form_data(filters)))
    data = form.cleaned_data
    mine = filters.mine and acting.agency_id
    return selectors.readiness_items(
        acting,
        area=data.get("area", ""),
        state=data.get("state", ""),
        agency_id=acting.agency_id if mine else None,
        late_on=local_today() if data.get("late") else None,
    ).order_by()


@router.get(
    L + "/readiness/summary/",
    response=answers(ReadinessSummaryOut),
    summary="Mức sẵn sàng theo lĩnh vực (khối “Tổng quan”)",
)
def readiness_summary(request: HttpRequest, congress_id: int) -> dict:
    return summary_out(selectors.readiness_summary(access(request, congress_id), local_today()))


@router.post(L + "/readiness/", response=answers(ReadinessDetailOut, 201), summary="Thêm hạng mục")
def readiness_create(request: HttpRequest, congress_id: int, payload: ReadinessIn) -> Status:
    acting = access(request, congress_id)
    gate(permissions.can_manage_logistics(acting), permissions.STAFF_ONLY)
    form = valid(ReadinessItemForm(form_data(payload), congress=acting.congress))
    item = write(
        request,
        lambda: services.readiness_item_create(access=acting, fields=form.fields_value()),
    )
    return Status(201, _detail(acting, item.pk))


@router.get(
    L + "/readiness/{readiness_id}/",
    response=answers(ReadinessDetailOut),
    summary="Một hạng mục: tình trạng, ảnh minh chứng",
)
def readiness_detail(request: HttpRequest, congress_id: int, readiness_id: int) -> ReadinessItem:
    return _detail(access(request, congress_id), readiness_id)


@versioned_put(router, L + "/readiness/{readiness_id}/", ReadinessDetailOut, "Sửa hạng mục")
def readiness_update(
    request: HttpRequest, congress_id: int, readiness_id: int, payload: ReadinessUpdateIn
) -> ReadinessItem:
    acting = access(request, congress_id)
    item = permissions.access_readiness_item(acting, readiness_id)
    gate(permissions.can_manage_logistics(acting), permissions.STAFF_ONLY)
    form = valid(ReadinessItemForm(form_data(payload), congress=acting.congress))
    write_versioned(
        request,
        services.readiness_item_update,
        form,
        access=acting,
        item=item,
        fields=form.fields_value(),
    )
    return _detail(acting, item.pk)


@router.post(
    L + "/readiness/{readiness_id}/report/",
    response=answers(ReadinessDetailOut),
    summary="Cập nhật tình trạng hạng mục, kèm ảnh minh chứng",
    description="multipart/form-data; ảnh (JPG, PNG hoặc bản chụp PDF) trong `photos`.",
)
def readiness_report(
    request: HttpRequest,
    congress_id: int,
    readiness_id: int,
    payload: Form[ReadinessReportIn],
    photos: File[list[UploadedFile]] | None = None,
) -> ReadinessItem:
    acting = access(request, congress_id)
    item = permissions.access_readiness_item(acting, readiness_id)
    gate(permissions.can_report_readiness(acting, item), permissions.REPORTER_ONLY)
    form = valid(ReadinessReportForm(form_data(payload), request.FILES))
    data = form.cleaned_data
    write(
        request,
        lambda: services.readiness_item_report(
            access=acting,
            item=item,
            state=data["state"],
            note=data["note"],
            photos=data["photos"] or [],
        ),
    )
    return _detail(acting, item.pk)


@router.get(
    L + "/readiness-photos/{photo_id}/",
    response=answers(Detail),
    summary="Tải ảnh minh chứng của hạng mục",
)
def readiness_photo(request: HttpRequest, congress_id: int, photo_id: int) -> FileResponse:
    photo = permissions.access_readiness_photo(access(request, congress_id), photo_id)
    return stored_file(photo.file, photo.original_name)
