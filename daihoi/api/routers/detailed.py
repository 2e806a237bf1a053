"""A task's detailed plan (kế hoạch chi tiết) through the API, as on its page: the lead agency's
officer writes its works, reports their progress and sends it for approval; the leaders approve
or return it; the lead agency and the whole-congress roles read it (others 404)."""

import datetime as dt

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status

from daihoi.core.dates import today as local_today
from daihoi.planning import permissions, selectors, services
from daihoi.planning.detailed_forms import (
    DetailedFilterForm,
    DetailedItemForm,
    DetailedProgressForm,
    DetailedReviewForm,
)
from daihoi.planning.models import DetailedPlanItem, Task, detailed_plan_of
from daihoi.planning.services.detailed import REVIEWER_ONLY

from ..common import access, answers, form_data, gate, listed, removal, removed, valid, write

router = Router(tags=["Kế hoạch chi tiết"])

# The page's refusal (planning.detailed_views).
NOT_THE_LEAD = "Chỉ cán bộ của đơn vị chủ trì mới lập kế hoạch chi tiết cho nhiệm vụ này."


class DetailedItemOut(Schema):
    id: int
    position: int
    title: str
    method: str
    responsible: str
    start_date: dt.date | None
    deadline: dt.date
    progress: int


class DetailedPlanOut(Schema):
    """`status`: `draft`, `submitted`, `returned`, `approved`, or null before the first work."""

    task_id: int
    status: str | None
    submitted_at: dt.datetime | None
    reviewed_at: dt.datetime | None
    return_comment: str
    items: list[DetailedItemOut]


class DetailedItemIn(Schema):
    """Dates as yyyy-mm-dd, or as typed on the page (dd/mm/yyyy)."""

    title: str
    method: str
    responsible: str | None = None
    start_date: str | None = None
    deadline: str


class DetailedProgressIn(Schema):
    progress: int


class DetailedReviewIn(Schema):
    """`decision`: `approve` or `return` (the comment is then required)."""

    decision: str
    comment: str | None = None


class DetailedRowOut(Schema):
    """A task expecting a detailed plan: where its lead agency's plan stands (`status` null
    before the first work), when it is due, and whether it is late (due, never sent)."""

    task_id: int
    task_title: str
    lead_agency_id: int | None
    status: str | None
    due: dt.date | None
    late: bool

    @staticmethod
    def resolve_task_id(task: Task) -> int:
        return task.pk

    @staticmethod
    def resolve_task_title(task: Task) -> str:
        return task.title

    @staticmethod
    def resolve_status(task: Task) -> str | None:
        plan = detailed_plan_of(task)
        return plan.status if plan else None

    @staticmethod
    def resolve_due(task: Task) -> dt.date | None:
        return getattr(task, "detailed_due", None)

    @staticmethod
    def resolve_late(task: Task) -> bool:
        row = selectors.DetailedRow(
            task, detailed_plan_of(task), getattr(task, "detailed_due", None), local_today()
        )
        return row.late


class DetailedFilters(Schema):
    """`state`: `to_write`, `submitted`, `returned`, `approved` or `late`, as the page's tabs."""

    state: str | None = None


@listed(
    router,
    "/{congress_id}/detailed-plans/",
    DetailedRowOut,
    "Kế hoạch chi tiết của các nhiệm vụ",
    description='Như trang "Kế hoạch chi tiết": toàn Đại hội, hoặc nhiệm vụ đơn vị chủ trì.',
    page_size=100,
)
def detailed_list(request: HttpRequest, congress_id: int, filters: Query[DetailedFilters]):
    acting = access(request, congress_id)
    form = valid(DetailedFilterForm(form_data(filters)))
    return selectors.detailed_tasks(acting, local_today(), state=form.cleaned_data["state"])


def _plan(task: Task) -> dict:
    task = Task.objects.select_related("detailed_plan").get(pk=task.pk)
    plan = detailed_plan_of(task)
    return {
        "task_id": task.pk,
        "status": plan.status if plan else None,
        "submitted_at": plan.submitted_at if plan else None,
        "reviewed_at": plan.reviewed_at if plan else None,
        "return_comment": plan.return_comment if plan else "",
        "items": list(plan.items.all()) if plan else [],
    }


def _writer(request: HttpRequest, congress_id: int, task_id: int):
    acting = access(request, congress_id)
    task = permissions.access_detailed_task(acting, task_id)
    gate(permissions.can_write_detailed_plan(acting, task), NOT_THE_LEAD)
    return acting, task


def _work(request: HttpRequest, congress_id: int, item_id: int):
    acting = access(request, congress_id)
    item = permissions.access_detailed_item(acting, item_id)
    gate(permissions.can_write_detailed_plan(acting, item.plan.task), NOT_THE_LEAD)
    return acting, item


@router.get(
    "/{congress_id}/tasks/{task_id}/detailed-plan/",
    response=answers(DetailedPlanOut),
    summary="Kế hoạch chi tiết của nhiệm vụ",
)
def detailed_plan(request: HttpRequest, congress_id: int, task_id: int) -> dict:
    return _plan(permissions.access_detailed_task(access(request, congress_id), task_id))


@router.post(
    "/{congress_id}/tasks/{task_id}/detailed-plan/items/",
    response=answers(DetailedItemOut, 201),
    summary="Thêm công việc vào kế hoạch chi tiết",
)
def detailed_item_add(
    request: HttpRequest, congress_id: int, task_id: int, payload: DetailedItemIn
) -> Status:
    acting, task = _writer(request, congress_id, task_id)
    form = valid(DetailedItemForm(form_data(payload)))
    item = write(
        request,
        lambda: services.detailed_item_add(access=acting, task=task, fields=form.item_fields()),
    )
    return Status(201, item)


@router.get(
    "/{congress_id}/detailed-items/{item_id}/",
    response=answers(DetailedItemOut),
    summary="Một công việc của kế hoạch chi tiết",
)
def detailed_item(request: HttpRequest, congress_id: int, item_id: int) -> DetailedPlanItem:
    return permissions.access_detailed_item(access(request, congress_id), item_id)


@router.put(
    "/{congress_id}/detailed-items/{item_id}/",
    response=answers(DetailedItemOut),
    summary="Sửa công việc (kế hoạch đang xây dựng hoặc bị trả lại)",
)
def detailed_item_edit(
    request: HttpRequest, congress_id: int, item_id: int, payload: DetailedItemIn
) -> DetailedPlanItem:
    acting, item = _work(request, congress_id, item_id)
    form = valid(DetailedItemForm(form_data(payload)))
    return write(
        request,
        lambda: services.detailed_item_update(access=acting, item=item, fields=form.item_fields()),
    )


@removal(router, "/{congress_id}/detailed-items/{item_id}/", "Bỏ công việc khỏi kế hoạch chi tiết")
def detailed_item_delete(request: HttpRequest, congress_id: int, item_id: int) -> Status:
    acting, item = _work(request, congress_id, item_id)
    return removed(request, lambda: services.detailed_item_delete(access=acting, item=item))


@router.post(
    "/{congress_id}/detailed-items/{item_id}/progress/",
    response=answers(DetailedItemOut),
    summary="Cập nhật tiến độ công việc (kế hoạch đã phê duyệt)",
    description="Tiến độ của nhiệm vụ được tính lại theo các công việc.",
)
def detailed_item_progress(
    request: HttpRequest, congress_id: int, item_id: int, payload: DetailedProgressIn
) -> DetailedPlanItem:
    acting, item = _work(request, congress_id, item_id)
    form = valid(DetailedProgressForm(form_data(payload)))
    return write(
        request,
        lambda: services.detailed_item_report_progress(
            access=acting, item=item, progress=form.cleaned_data["progress"]
        ),
    )


@router.post(
    "/{congress_id}/tasks/{task_id}/detailed-plan/send/",
    response=answers(DetailedPlanOut),
    summary="Gửi kế hoạch chi tiết chờ phê duyệt",
)
def detailed_plan_submit(request: HttpRequest, congress_id: int, task_id: int) -> dict:
    acting, task = _writer(request, congress_id, task_id)
    write(request, lambda: services.detailed_plan_submit(access=acting, task=task))
    return _plan(task)


@router.post(
    "/{congress_id}/tasks/{task_id}/detailed-plan/review/",
    response=answers(DetailedPlanOut),
    summary="Phê duyệt hoặc trả lại kế hoạch chi tiết",
)
def detailed_plan_review(
    request: HttpRequest, congress_id: int, task_id: int, payload: DetailedReviewIn
) -> dict:
    acting = access(request, congress_id)
    task = permissions.access_detailed_task(acting, task_id)
    gate(acting.can_accept, REVIEWER_ONLY)
    form = valid(DetailedReviewForm(form_data(payload)))
    comment = form.cleaned_data["comment"]
    if form.cleaned_data["decision"] == DetailedReviewForm.APPROVE:
        write(
            request,
            lambda: services.detailed_plan_approve(access=acting, task=task, comment=comment),
        )
    else:
        write(
            request,
            lambda: services.detailed_plan_return(access=acting, task=task, comment=comment),
        )
    return _plan(task)
