"""The kinds of record that go to the trash, and how each is listed and restored."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from daihoi.documents import services as document_services
from daihoi.documents.models import Document
from daihoi.meetings import services as meeting_services
from daihoi.meetings.models import Meeting
from daihoi.organizations.models import Congress
from daihoi.planning import services as planning_services
from daihoi.planning.models import Plan, ProgressUpdate, Task


@dataclass(frozen=True)
class Kind:
    """A kind of record with a trash: `restore(access, obj)` calls the app's own service."""

    key: str
    label: str
    # Any: each kind's model has its own soft-delete manager, `all_objects`.
    model: Any
    congress_path: str
    restore: Callable[[Any, Any], object]
    describe: Callable[[Any], str]
    related: tuple[str, ...] = ()


KINDS = {
    k.key: k
    for k in [
        Kind(
            "task",
            "Nhiệm vụ",
            Task,
            "congress",
            lambda a, o: planning_services.task_restore(access=a, task=o),
            lambda o: o.title,
        ),
        Kind(
            "update",
            "Báo cáo tiến độ",
            ProgressUpdate,
            "task__congress",
            lambda a, o: planning_services.progress_update_restore(access=a, update=o),
            lambda o: f"{o.agency} — {o.percent}%: {o.text[:80]} (nhiệm vụ: {o.task.title[:60]})",
            related=("task", "agency"),
        ),
        Kind(
            "plan",
            "Kế hoạch",
            Plan,
            "congress",
            lambda a, o: planning_services.plan_restore(access=a, plan=o),
            lambda o: f"Kế hoạch số {o.symbol}: {o.subject}",
            related=("congress",),
        ),
        Kind(
            "meeting",
            "Cuộc họp",
            Meeting,
            "congress",
            lambda a, o: meeting_services.meeting_restore(access=a, meeting=o),
            lambda o: o.title,
        ),
        Kind(
            "document",
            "Dự thảo văn bản",
            Document,
            "congress",
            lambda a, o: document_services.document_restore(access=a, document=o),
            lambda o: o.subject,
        ),
    ]
}


def deleted_in(congress: Congress, kind: Kind) -> QuerySet[Any]:
    """The congress's deleted records of one kind, newest first (the 200 latest)."""
    qs = kind.model.all_objects.filter(deleted_at__isnull=False, **{kind.congress_path: congress})
    return qs.select_related("deleted_by", *kind.related).order_by("-deleted_at")[:200]
