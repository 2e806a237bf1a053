"""Budget estimates: read as the budget pages read them; drafted line by line by the agency's
officer, sent to Finance, returned or approved by Finance, through the pages' forms and
services."""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status

from daihoi.budget import permissions as budget_permissions
from daihoi.budget import selectors as budget_selectors
from daihoi.budget import services as budget_services
from daihoi.budget.forms import ApprovalForm, EstimateForm, LineForm, ReturnForm
from daihoi.budget.models import Estimate, EstimateLine
from daihoi.core.dates import today as local_today
from daihoi.organizations.permissions import Access

from ..common import (
    access,
    answers,
    form_data,
    gate,
    listed,
    removal,
    removed,
    valid,
    versioned_put,
    write,
    write_versioned,
)
from ..errors import FieldErrors

router = Router(tags=["Kinh phí"])

NOT_ON_ESTIMATE = "Dòng {line} không thuộc dự trù này."


class EstimateLineOut(Schema):
    id: int
    position: int
    content: str
    task_id: int | None
    norm_id: int | None
    category: str
    unit: str
    quantity: int
    unit_price: int
    amount: int
    over_norm: bool
    notes: str
    approved_amount: int | None
    approval_reason: str
    spent: int
    version: int


class EstimateOut(Schema):
    id: int
    agency_id: int
    kind: str
    supplement_to_id: int | None
    title: str
    status: str
    requested_total: int
    approved_total: int | None
    submitted_at: dt.datetime | None
    return_comment: str


class EstimateDetail(EstimateOut):
    note: str
    version: int
    lines: list[EstimateLineOut]


class EstimateIn(Schema):
    title: str
    note: str | None = None


class EstimateUpdateIn(EstimateIn):
    version: int | None = None


class SupplementIn(Schema):
    """Left empty, the title is "Dự trù kinh phí bổ sung lần n"."""

    title: str | None = None
    note: str | None = None


class LineIn(Schema):
    """A line as on the page "Thêm khoản chi": `unit_price` in whole đồng (1234567 or
    "1.234.567"); `task` a task the agency leads; `norm` a norm in force (its unit and category
    when left empty); `notes` required when the price passes the norm."""

    content: str
    quantity: int
    unit_price: int | str
    unit: str | None = None
    task: int | None = None
    norm: int | None = None
    category: str | None = None
    notes: str | None = None


class LineUpdateIn(LineIn):
    version: int | None = None


class ReturnIn(Schema):
    comment: str


class LineDecisionIn(Schema):
    line: int
    approved_amount: int | str
    reason: str | None = None


class ApprovalIn(Schema):
    """The approved amount of each line; a line left out is approved as requested, as the page
    proposes. A reason is required where the amount differs from the request or passes the
    norm."""

    lines: list[LineDecisionIn] | None = None


def _detail(acting: Access, estimate_id: int) -> dict[str, Any]:
    estimate = budget_permissions.access_estimate(acting, estimate_id)
    return {
        **EstimateOut.from_orm(estimate).model_dump(),
        "note": estimate.note,
        "version": estimate.version,
        "lines": list(budget_selectors.estimate_lines(estimate)),
    }


def _line(estimate: Estimate, line_id: int) -> EstimateLine:
    return budget_selectors.estimate_lines(estimate).get(pk=line_id)


def _editable(acting: Access, estimate_id: int) -> Estimate:
    estimate = budget_permissions.access_estimate(acting, estimate_id)
    gate(budget_permissions.can_edit_estimate(acting, estimate), budget_permissions.OWNER_ONLY)
    return estimate


def _reviewable(acting: Access, estimate_id: int) -> Estimate:
    estimate = budget_permissions.access_estimate(acting, estimate_id)
    gate(budget_permissions.can_review_estimate(acting, estimate), budget_permissions.FINANCE_ONLY)
    return estimate


def _line_form(acting: Access, estimate: Estimate, payload: LineIn) -> LineForm:
    return valid(
        LineForm(
            form_data(payload),
            tasks=budget_selectors.agency_tasks(estimate),
            norms=budget_selectors.valid_norms(acting, local_today()),
        )
    )


@listed(router, "/{congress_id}/estimates/", EstimateOut, "Dự trù kinh phí")
def estimate_list(request: HttpRequest, congress_id: int):
    return budget_selectors.estimates_visible_to(access(request, congress_id)).order_by()


@router.get(
    "/{congress_id}/estimates/{estimate_id}/",
    response=answers(EstimateDetail),
    summary="Một dự trù, với các dòng chi và số đã chi",
)
def estimate_detail(request: HttpRequest, congress_id: int, estimate_id: int) -> dict[str, Any]:
    return _detail(access(request, congress_id), estimate_id)


# The agency's officer drafts and sends ---------------------------------------------------------


@router.post(
    "/{congress_id}/estimates/",
    response=answers(EstimateDetail, 201),
    summary="Lập dự trù kinh phí của đơn vị",
)
def estimate_create(request: HttpRequest, congress_id: int, payload: EstimateIn) -> Status:
    acting = access(request, congress_id)
    gate(budget_permissions.can_create_estimate(acting), budget_permissions.CREATOR_ONLY)
    form = valid(EstimateForm(form_data(payload)))
    estimate = write(
        request, lambda: budget_services.estimate_create(access=acting, **form.edited())
    )
    return Status(201, _detail(acting, estimate.pk))


@versioned_put(
    router,
    "/{congress_id}/estimates/{estimate_id}/",
    EstimateDetail,
    "Sửa tên, thuyết minh của dự trù",
)
def estimate_update(
    request: HttpRequest, congress_id: int, estimate_id: int, payload: EstimateUpdateIn
) -> dict[str, Any]:
    acting = access(request, congress_id)
    estimate = _editable(acting, estimate_id)
    form = valid(EstimateForm(form_data(payload)))
    write_versioned(
        request,
        budget_services.estimate_update,
        form,
        access=acting,
        estimate=estimate,
        **form.edited(),
    )
    return _detail(acting, estimate_id)


@router.post(
    "/{congress_id}/estimates/{estimate_id}/supplements/",
    response=answers(EstimateDetail, 201),
    summary="Lập dự trù bổ sung cho dự trù đã thẩm định",
)
def estimate_supplement(
    request: HttpRequest, congress_id: int, estimate_id: int, payload: SupplementIn
) -> Status:
    acting = access(request, congress_id)
    original = budget_permissions.access_estimate(acting, estimate_id)
    gate(
        budget_permissions.can_edit_estimate(acting, original),
        budget_services.SUPPLEMENT_OWNER_ONLY,
    )
    supplement = write(
        request,
        lambda: budget_services.estimate_supplement_create(
            access=acting, original=original, title=payload.title or "", note=payload.note or ""
        ),
    )
    return Status(201, _detail(acting, supplement.pk))


@router.post(
    "/{congress_id}/estimates/{estimate_id}/lines/",
    response=answers(EstimateLineOut, 201),
    summary="Thêm khoản chi vào dự trù",
)
def line_add(request: HttpRequest, congress_id: int, estimate_id: int, payload: LineIn) -> Status:
    acting = access(request, congress_id)
    estimate = _editable(acting, estimate_id)
    form = _line_form(acting, estimate, payload)
    line = write(
        request,
        lambda: budget_services.estimate_line_add(
            access=acting, estimate=estimate, **form.line_fields()
        ),
    )
    return Status(201, _line(estimate, line.pk))


@router.get(
    "/{congress_id}/estimates/{estimate_id}/lines/{line_id}/",
    response=answers(EstimateLineOut),
    summary="Một khoản chi của dự trù",
)
def line_detail(
    request: HttpRequest, congress_id: int, estimate_id: int, line_id: int
) -> EstimateLine:
    acting = access(request, congress_id)
    estimate = budget_permissions.access_estimate(acting, estimate_id)
    return _line(estimate, budget_permissions.access_line(acting, estimate, line_id).pk)


@versioned_put(
    router,
    "/{congress_id}/estimates/{estimate_id}/lines/{line_id}/",
    EstimateLineOut,
    "Sửa khoản chi",
)
def line_update(
    request: HttpRequest, congress_id: int, estimate_id: int, line_id: int, payload: LineUpdateIn
) -> EstimateLine:
    acting = access(request, congress_id)
    estimate = _editable(acting, estimate_id)
    line = budget_permissions.access_line(acting, estimate, line_id)
    form = _line_form(acting, estimate, payload)
    write_versioned(
        request,
        budget_services.estimate_line_update,
        form,
        access=acting,
        line=line,
        **form.line_fields(),
    )
    return _line(estimate, line_id)


@removal(router, "/{congress_id}/estimates/{estimate_id}/lines/{line_id}/", "Xóa khoản chi")
def line_delete(request: HttpRequest, congress_id: int, estimate_id: int, line_id: int) -> Status:
    acting = access(request, congress_id)
    estimate = _editable(acting, estimate_id)
    line = budget_permissions.access_line(acting, estimate, line_id)
    return removed(request, lambda: budget_services.estimate_line_delete(access=acting, line=line))


@router.post(
    "/{congress_id}/estimates/{estimate_id}/submit/",
    response=answers(EstimateDetail),
    summary="Gửi dự trù tới Sở Tài chính",
)
def estimate_submit(request: HttpRequest, congress_id: int, estimate_id: int) -> dict[str, Any]:
    acting = access(request, congress_id)
    estimate = _editable(acting, estimate_id)
    write(request, lambda: budget_services.estimate_submit(access=acting, estimate=estimate))
    return _detail(acting, estimate_id)


# Finance reviews -------------------------------------------------------------------------------


@router.post(
    "/{congress_id}/estimates/{estimate_id}/return/",
    response=answers(EstimateDetail),
    summary="Trả lại dự trù cho đơn vị, kèm ý kiến",
)
def estimate_return(
    request: HttpRequest, congress_id: int, estimate_id: int, payload: ReturnIn
) -> dict[str, Any]:
    acting = access(request, congress_id)
    estimate = _reviewable(acting, estimate_id)
    comment = valid(ReturnForm(form_data(payload))).cleaned_data["comment"]
    write(
        request,
        lambda: budget_services.estimate_return(access=acting, estimate=estimate, comment=comment),
    )
    return _detail(acting, estimate_id)


def _approval_data(estimate: Estimate, payload: ApprovalIn) -> tuple[list[EstimateLine], dict]:
    lines = list(estimate.lines.select_related("norm", "task"))
    given = {d.line: d for d in payload.lines or []}
    strangers = sorted(set(given) - {line.pk for line in lines})
    if strangers:
        raise FieldErrors({"lines": [NOT_ON_ESTIMATE.format(line=pk) for pk in strangers]})
    data: dict[str, Any] = {}
    for line in lines:
        decision = given.get(line.pk)
        data[f"approved_{line.pk}"] = str(decision.approved_amount if decision else line.amount)
        data[f"reason_{line.pk}"] = (decision.reason or "") if decision else ""
    return lines, data


@router.post(
    "/{congress_id}/estimates/{estimate_id}/approve/",
    response=answers(EstimateDetail),
    summary="Thẩm định dự trù: số được duyệt của từng dòng",
    description="Lỗi của từng dòng trả về theo trường `approved_<id dòng>`, `reason_<id dòng>`.",
)
def estimate_approve(
    request: HttpRequest, congress_id: int, estimate_id: int, payload: ApprovalIn
) -> dict[str, Any]:
    acting = access(request, congress_id)
    estimate = _reviewable(acting, estimate_id)
    lines, data = _approval_data(estimate, payload)
    form = valid(ApprovalForm(data, lines=lines))
    write(
        request,
        lambda: budget_services.estimate_approve(
            access=acting, estimate=estimate, decisions=form.decisions()
        ),
    )
    return _detail(acting, estimate_id)
