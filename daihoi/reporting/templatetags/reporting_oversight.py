"""The request-for-explanation block of a task page: `{% task_explanations task access %}`."""

from django import template

from daihoi.core.dates import today as local_today
from daihoi.planning.status import StatusClass

from .. import permissions, selectors
from ..forms import ExplanationAnswerForm, ExplanationRequestForm

register = template.Library()


@register.inclusion_tag("reporting/_task_explanations.html")
def task_explanations(task, access) -> dict:
    today = local_today()
    explanations = selectors.explanations_of_task(task)
    has_open = any(not e.is_answered for e in explanations)
    return {
        "task": task,
        "congress": access.congress,
        "explanations": explanations,
        "colour": selectors.warning_colour(task, today),
        "can_request": permissions.can_request_explanation(access, task)
        and task.status_class(today) == StatusClass.OPEN_OVERDUE
        and not has_open,
        "can_answer": [e.pk for e in explanations if permissions.can_answer_explanation(access, e)],
        "request_form": ExplanationRequestForm(),
        "answer_form": ExplanationAnswerForm(),
    }
