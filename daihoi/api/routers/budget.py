"""Budget estimates: read as the budget pages read them."""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import CursorPagination, paginate

from daihoi.budget import permissions as budget_permissions
from daihoi.budget import selectors as budget_selectors

from ..common import access, answers

router = Router(tags=["Kinh phí"])


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
    approved_amount: int | None
    spent: int


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
    lines: list[EstimateLineOut]


@router.get(
    "/{congress_id}/estimates/", response=answers(list[EstimateOut]), summary="Dự trù kinh phí"
)
@paginate(CursorPagination, ordering=("id",), page_size=50)
def estimate_list(request: HttpRequest, congress_id: int):
    return budget_selectors.estimates_visible_to(access(request, congress_id)).order_by()


@router.get(
    "/{congress_id}/estimates/{estimate_id}/",
    response=answers(EstimateDetail),
    summary="Một dự trù, với các dòng chi và số đã chi",
)
def estimate_detail(request: HttpRequest, congress_id: int, estimate_id: int) -> dict[str, Any]:
    estimate = budget_permissions.access_estimate(access(request, congress_id), estimate_id)
    return {
        **EstimateOut.from_orm(estimate).model_dump(),
        "note": estimate.note,
        "lines": list(budget_selectors.estimate_lines(estimate)),
    }
