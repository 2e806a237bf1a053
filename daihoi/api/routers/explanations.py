"""Requests for explanation (giải trình) of overdue tasks through the API, as on the pages: the
leaders ask the lead agency, its officer answers; the whole congress reads them all, an agency
its own (others 404)."""

import datetime as dt

from django.http import HttpRequest
from ninja import Router, Schema, Status

from daihoi.planning import permissions as planning_permissions
from daihoi.reporting import permissions, selectors, services
from daihoi.reporting.forms import ExplanationAnswerForm, ExplanationRequestForm
from daihoi.reporting.models import Explanation

from ..common import access, answers, form_data, gate, listed, valid, write

router = Router(tags=["Giải trình"])

# The pages' refusals (reporting.views.oversight).
ONLY_LEADERS_ASK = "Chỉ lãnh đạo tiểu ban hoặc Thường trực mới yêu cầu giải trình."
ONLY_LEAD_ANSWERS = "Chỉ đầu mối của đơn vị chủ trì trả lời yêu cầu giải trình."


class ExplanationOut(Schema):
    id: int
    task_id: int
    agency_id: int
    reason: str
    requested_by_id: int
    requested_at: dt.datetime
    answer: str
    answered_by_id: int | None
    answered_at: dt.datetime | None


class ExplanationRequestIn(Schema):
    reason: str


class ExplanationAnswerIn(Schema):
    answer: str


@listed(
    router,
    "/{congress_id}/explanations/",
    ExplanationOut,
    "Yêu cầu giải trình",
    description="Toàn Đại hội với lãnh đạo, Thường trực; đơn vị chỉ thấy yêu cầu gửi mình.",
    page_size=100,
)
def explanation_list(request: HttpRequest, congress_id: int):
    return selectors.explanations_of(access(request, congress_id)).order_by()


@router.get(
    "/{congress_id}/explanations/{explanation_id}/",
    response=answers(ExplanationOut),
    summary="Một yêu cầu giải trình",
)
def explanation_detail(request: HttpRequest, congress_id: int, explanation_id: int) -> Explanation:
    return permissions.access_explanation(access(request, congress_id), explanation_id)


@listed(
    router,
    "/{congress_id}/tasks/{task_id}/explanations/",
    ExplanationOut,
    "Các yêu cầu giải trình của nhiệm vụ",
)
def task_explanations(request: HttpRequest, congress_id: int, task_id: int):
    task = planning_permissions.access_task(access(request, congress_id), task_id)
    return Explanation.objects.filter(task=task)


@router.post(
    "/{congress_id}/tasks/{task_id}/explanations/",
    response=answers(ExplanationOut, 201),
    summary="Yêu cầu đơn vị chủ trì giải trình nhiệm vụ quá hạn",
)
def explanation_request(
    request: HttpRequest, congress_id: int, task_id: int, payload: ExplanationRequestIn
) -> Status:
    acting = access(request, congress_id)
    task = planning_permissions.access_task(acting, task_id)
    gate(permissions.can_request_explanation(acting, task), ONLY_LEADERS_ASK)
    form = valid(ExplanationRequestForm(form_data(payload)))
    asked = write(
        request,
        lambda: services.explanation_request(
            access=acting, task=task, reason=form.cleaned_data["reason"]
        ),
    )
    return Status(201, permissions.access_explanation(acting, asked.pk))


@router.post(
    "/{congress_id}/explanations/{explanation_id}/answer/",
    response=answers(ExplanationOut),
    summary="Trả lời yêu cầu giải trình",
)
def explanation_answer(
    request: HttpRequest, congress_id: int, explanation_id: int, payload: ExplanationAnswerIn
) -> Explanation:
    acting = access(request, congress_id)
    explanation = permissions.access_explanation(acting, explanation_id)
    gate(explanation.agency_id == acting.agency_id, ONLY_LEAD_ANSWERS)
    form = valid(ExplanationAnswerForm(form_data(payload)))
    write(
        request,
        lambda: services.explanation_answer(
            access=acting, explanation=explanation, answer=form.cleaned_data["answer"]
        ),
    )
    return permissions.access_explanation(acting, explanation_id)
