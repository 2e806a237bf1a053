"""Guidance down the tree: the parent's secretariat writes a guidance, its tasks, and sends it
to congresses below (a list, a whole level, or every direct subordinate); the worker delivers
it as tasks of each congress. The leaders follow; the lower level reads what it received."""

import datetime as dt

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Schema, Status

from daihoi.levels import permissions, selectors, services
from daihoi.levels.forms import CongressReportForm, GuidanceForm, ItemForm, SendForm
from daihoi.levels.models import Guidance, GuidanceItem, GuidanceRecipient, GuidanceSend
from daihoi.organizations.permissions import Access
from daihoi.reporting.permissions import access_report_request

from ..common import (
    VERSION_NOTE,
    access,
    answers,
    form_data,
    gate,
    listed,
    valid,
    write,
    write_versioned,
)
from .reporting import ReportRequestOut

router = Router(tags=["Các cấp Đại hội"])


class GuidanceOut(Schema):
    id: int
    kind: str
    title: str
    symbol: str
    issued_on: dt.date | None
    summary: str
    created_at: dt.datetime
    item_count: int | None = None
    recipient_count: int | None = None


class ItemOut(Schema):
    id: int
    title: str
    description: str
    area: str
    deadline: dt.date | None
    offset_days: int | None
    deadline_label: str
    revision: int
    version: int


class SendOut(Schema):
    """A sending and its progress (the worker delivers it in batches)."""

    id: int
    state: str
    total: int
    done: int
    percent: int
    created_at: dt.datetime
    finished_at: dt.datetime | None


class RecipientCongressOut(Schema):
    id: int
    name: str


class RecipientProgressOut(Schema):
    """A congress the guidance was sent to, and how far its tasks of the guidance are."""

    id: int
    congress: RecipientCongressOut
    delivered_at: dt.datetime | None
    task_count: int
    done_count: int
    reported_count: int
    mean_progress: float | None


class GuidanceDetailOut(GuidanceOut):
    items: list[ItemOut]
    sends: list[SendOut]


class GuidanceIn(Schema):
    """As the page "Soạn hướng dẫn gửi cấp dưới"; `issued_on` dd/mm/yyyy or yyyy-mm-dd."""

    kind: str = "guidance"
    title: str
    symbol: str | None = None
    issued_on: str | None = None
    summary: str | None = None


class ItemIn(Schema):
    """`deadline`: a day (dd/mm/yyyy) or relative to each congress's opening day ("D-30")."""

    title: str
    description: str | None = None
    area: str
    deadline: str | None = None


class ItemUpdateIn(ItemIn):
    version: int | None = None


class SendIn(Schema):
    """To whom: `congresses` (direct subordinates' ids), or every congress of `level` below."""

    level: str | None = None
    congresses: list[int] = []


class ReportBelowIn(Schema):
    """As the page "Yêu cầu Đại hội cấp dưới báo cáo": the deadline as dd/mm/yyyy or
    yyyy-mm-dd; `columns` one column a line ("| số" for a number column); to whom as a
    guidance's sending (`congresses` or `level`)."""

    title: str
    deadline: str
    instructions: str | None = None
    columns: str | None = None
    level: str | None = None
    congresses: list[int] = []


def _guidance(acting: Access, guidance_id: int) -> dict:
    guidance = permissions.access_guidance(acting, guidance_id)
    fields = ("id", "kind", "title", "symbol", "issued_on", "summary", "created_at")
    return {name: getattr(guidance, name) for name in fields} | {
        "items": list(guidance.items.all()),
        "sends": list(guidance.sends.all()[:10]),
    }


def _managed(request: HttpRequest, congress_id: int, guidance_id: int) -> tuple[Access, Guidance]:
    acting = access(request, congress_id)
    guidance = permissions.access_guidance(acting, guidance_id)
    gate(permissions.can_manage_schedule(acting), permissions.MANAGERS_ONLY)
    return acting, guidance


@listed(
    router,
    "/{congress_id}/guidances/",
    GuidanceOut,
    "Hướng dẫn Đại hội này đã soạn gửi cấp dưới (mới nhất trước)",
    ordering=("-id",),
)
def guidance_list(request: HttpRequest, congress_id: int) -> QuerySet[Guidance]:
    acting = access(request, congress_id)
    gate(permissions.can_oversee(acting), permissions.READERS_ONLY)
    return selectors.guidances_of(acting).order_by()


@router.post(
    "/{congress_id}/guidances/",
    response=answers(GuidanceDetailOut, 201),
    summary="Soạn hướng dẫn gửi cấp dưới",
)
def guidance_create(request: HttpRequest, congress_id: int, payload: GuidanceIn) -> Status:
    acting = access(request, congress_id)
    gate(permissions.can_manage_schedule(acting), permissions.MANAGERS_ONLY)
    form = valid(GuidanceForm(form_data(payload)))
    guidance = write(request, lambda: services.guidance_create(access=acting, **form.cleaned_data))
    return Status(201, _guidance(acting, guidance.pk))


@router.get(
    "/{congress_id}/guidances/{guidance_id}/",
    response=answers(GuidanceDetailOut),
    summary="Một hướng dẫn: nhiệm vụ và các lần gửi gần nhất",
)
def guidance_detail(request: HttpRequest, congress_id: int, guidance_id: int) -> dict:
    return _guidance(access(request, congress_id), guidance_id)


@listed(
    router,
    "/{congress_id}/guidances/{guidance_id}/recipients/",
    RecipientProgressOut,
    "Các Đại hội đã được gửi hướng dẫn và tiến độ nhiệm vụ của từng Đại hội",
)
def guidance_recipients(
    request: HttpRequest, congress_id: int, guidance_id: int
) -> QuerySet[GuidanceRecipient]:
    guidance = permissions.access_guidance(access(request, congress_id), guidance_id)
    return selectors.recipient_progress(guidance).order_by()


@router.post(
    "/{congress_id}/guidances/{guidance_id}/items/",
    response=answers(ItemOut, 201),
    summary="Thêm nhiệm vụ vào hướng dẫn",
)
def item_add(request: HttpRequest, congress_id: int, guidance_id: int, payload: ItemIn) -> Status:
    acting, guidance = _managed(request, congress_id, guidance_id)
    form = valid(ItemForm(form_data(payload)))
    item = write(
        request,
        lambda: services.guidance_item_add(
            access=acting, guidance=guidance, fields=form.fields_value()
        ),
    )
    return Status(201, item)


@router.put(
    "/{congress_id}/guidances/{guidance_id}/items/{guidance_item_id}/",
    response=answers(ItemOut),
    summary="Sửa nhiệm vụ của hướng dẫn (các Đại hội đã nhận được báo và cập nhật)",
    description=VERSION_NOTE,
)
def item_edit(
    request: HttpRequest,
    congress_id: int,
    guidance_id: int,
    guidance_item_id: int,
    payload: ItemUpdateIn,
) -> GuidanceItem:
    acting = access(request, congress_id)
    guidance = permissions.access_guidance(acting, guidance_id)
    item = permissions.access_item(acting, guidance, guidance_item_id)
    gate(permissions.can_manage_schedule(acting), permissions.MANAGERS_ONLY)
    form = valid(ItemForm(form_data(payload)))
    return write_versioned(
        request,
        services.guidance_item_update,
        form,
        access=acting,
        item=item,
        fields=form.fields_value(),
    )


@router.post(
    "/{congress_id}/guidances/{guidance_id}/send/",
    response=answers(SendOut, 202),
    summary="Gửi hướng dẫn xuống cấp dưới (một danh sách hoặc mọi Đại hội của một cấp)",
    description="Máy chủ giao nhiệm vụ cho từng Đại hội ở nền; theo dõi bằng "
    "`GET …/sends/{send_id}/`.",
)
def guidance_send(
    request: HttpRequest, congress_id: int, guidance_id: int, payload: SendIn
) -> Status:
    acting, guidance = _managed(request, congress_id, guidance_id)
    form = valid(SendForm(form_data(payload), parent=acting.congress))
    data = form.cleaned_data
    ids = [c.pk for c in data["congresses"]] or services.targets(acting, level=data["level"])
    send = write(
        request,
        lambda: services.guidance_send(access=acting, guidance=guidance, congress_ids=ids),
    )
    return Status(202, send)


@router.get(
    "/{congress_id}/guidances/{guidance_id}/sends/{send_id}/",
    response=answers(SendOut),
    summary="Tiến độ một lần gửi hướng dẫn",
)
def send_progress(
    request: HttpRequest, congress_id: int, guidance_id: int, send_id: int
) -> GuidanceSend:
    acting = access(request, congress_id)
    guidance = permissions.access_guidance(acting, guidance_id)
    return permissions.access_send(acting, guidance, send_id)


@router.post(
    "/{congress_id}/report-requests-below/",
    response=answers(ReportRequestOut, 201),
    summary="Yêu cầu các Đại hội cấp dưới báo cáo",
    description="Mỗi Đại hội được yêu cầu thấy yêu cầu ở `GET …/reports-from-above/` của mình; "
    "theo dõi, trả lại và tổng hợp như một yêu cầu báo cáo của Đại hội này.",
)
def report_request_below(request: HttpRequest, congress_id: int, payload: ReportBelowIn) -> Status:
    acting = access(request, congress_id)
    gate(permissions.can_manage_schedule(acting), permissions.MANAGERS_ONLY)
    data = valid(CongressReportForm(form_data(payload), parent=acting.congress)).cleaned_data
    ids = [c.pk for c in data["congresses"]] or services.targets(acting, level=data["level"])
    created = write(
        request,
        lambda: services.report_request_send(
            access=acting,
            title=data["title"],
            deadline=data["deadline"],
            congress_ids=ids,
            instructions=data["instructions"],
            columns=data["columns"],
        ),
    )
    return Status(201, access_report_request(acting, created.pk))
