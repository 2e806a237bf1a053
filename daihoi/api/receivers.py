"""The domain events that webhooks hear (connected in `ApiConfig.ready`), and the daily scan
for tasks that became overdue."""

import datetime as dt
from typing import Any

from daihoi.core.dates import today as local_today
from daihoi.documents.models import Document
from daihoi.documents.signals import document_issued
from daihoi.planning import signals as planning
from daihoi.planning.models import Task
from daihoi.planning.status import StatusClass, status_q

from .models import Event
from .webhooks import emit, site_url


def task_data(task: Task) -> dict[str, Any]:
    congress_id = task.congress_id
    return {
        "task": {
            "id": task.pk,
            "title": task.title,
            "lead_agency": task.lead_agency_id,
            "deadline": task.deadline.isoformat() if task.deadline else None,
            "progress": task.progress,
            "status_class": str(task.status_class(local_today()).value),
            "url": f"{site_url()}/api/v1/congresses/{congress_id}/tasks/{task.pk}/",
        }
    }


def on_task_assigned(sender: Any, *, task: Task, agency_ids: Any = (), **kwargs: Any) -> None:
    ids = sorted(agency_ids or [])
    emit(
        task.congress_id,
        Event.TASK_ASSIGNED,
        f"{task.pk}:{','.join(map(str, ids))}:{task.version}",
        {**task_data(task), "agencies": ids},
    )


def on_task_completion_reported(sender: Any, *, task: Task, **kwargs: Any) -> None:
    emit(task.congress_id, Event.TASK_COMPLETED, f"{task.pk}:{task.version}", task_data(task))


def on_task_reviewed(
    sender: Any, *, task: Task, decision: str, comment: str = "", **kwargs: Any
) -> None:
    event = Event.TASK_ACCEPTED if decision == "accepted" else Event.TASK_RETURNED
    emit(
        task.congress_id,
        event,
        f"{task.pk}:{task.version}",
        {**task_data(task), "comment": comment},
    )


def on_document_issued(sender: Any, *, document: Document, **kwargs: Any) -> None:
    if document.is_secret:
        return  # a secret document's existence never leaves the app
    emit(
        document.congress_id,
        Event.DOCUMENT_ISSUED,
        str(document.pk),
        {
            "document": {
                "id": document.pk,
                "kind": document.kind,
                "symbol": document.symbol,
                "issued_on": document.issued_on.isoformat() if document.issued_on else None,
                "subject": document.subject,
                "url": f"{site_url()}/api/v1/congresses/{document.congress_id}/documents/"
                f"{document.pk}/",
            }
        },
    )


def overdue_events(today: dt.date | None = None) -> int:
    """Tells the webhooks of each task that became overdue today (its deadline was yesterday);
    running it again the same day tells nothing twice."""
    today = today or local_today()
    sent = 0
    for task in (
        Task.objects.filter(
            status_q(StatusClass.OPEN_OVERDUE, today), deadline=today - dt.timedelta(days=1)
        )
        .filter(congress__webhooks__active=True)
        .distinct()
    ):
        sent += len(
            emit(task.congress_id, Event.TASK_OVERDUE, f"{task.pk}:{today}", task_data(task))
        )
    return sent


def connect() -> None:
    planning.task_assigned.connect(on_task_assigned, dispatch_uid="api-webhook-assigned")
    planning.task_completion_reported.connect(
        on_task_completion_reported, dispatch_uid="api-webhook-completed"
    )
    planning.task_reviewed.connect(on_task_reviewed, dispatch_uid="api-webhook-reviewed")
    document_issued.connect(on_document_issued, dispatch_uid="api-webhook-document")
