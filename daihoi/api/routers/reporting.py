"""Report requests and their submissions, and budget estimates: read as the pages read them."""

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import CursorPagination, paginate

from daihoi.budget import permissions as budget_permissions
from daihoi.budget import selectors as budget_selectors
from daihoi.core.dates import today as local_today
from daihoi.reporting import permissions, selectors
from daihoi.reporting.models import ReportRequest

from ..common import access, answers

router = Router(tags=["Báo cáo, kinh phí"])


class ReportRequestOut(Schema):
    id: int
    title: str
    instructions: str
    deadline: dt.date
    columns: list[Any]
    created_at: dt.datetime


class SubmissionOut(Schema):
    id: int
    request_id: int
    agency_id: int
    status: str
    text: str
    values: list[Any]
    submitted_on: dt.date | None
    return_comment: str
    version: int


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
    "/{congress_id}/report-requests/",
    response=answers(list[ReportRequestOut]),
    summary="Yêu cầu báo cáo (đơn vị: những yêu cầu gửi đơn vị mình)",
)
@paginate(CursorPagination, ordering=("id",), page_size=50)
def report_request_list(request: HttpRequest, congress_id: int) -> QuerySet[ReportRequest]:
    acting = access(request, congress_id)
    requests = ReportRequest.objects.filter(congress=acting.congress)
    if acting.sees_whole_congress:
        return requests
    return requests.filter(submissions__agency_id=acting.agency_id or 0)


@router.get(
    "/{congress_id}/report-requests/{request_id}/submissions/",
    response=answers(list[SubmissionOut]),
    summary="Báo cáo các đơn vị gửi cho một yêu cầu (đơn vị: của mình)",
)
@paginate(CursorPagination, ordering=("id",), page_size=100)
def submission_list(request: HttpRequest, congress_id: int, request_id: int):
    acting = access(request, congress_id)
    report_request = permissions.access_report_request(acting, request_id)
    return selectors.submissions_for(acting, report_request, local_today()).order_by()


@router.get(
    "/{congress_id}/submissions/{submission_id}/",
    response=answers(SubmissionOut),
    summary="Một báo cáo của đơn vị",
)
def submission_detail(request: HttpRequest, congress_id: int, submission_id: int):
    return permissions.access_submission(access(request, congress_id), submission_id)


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
