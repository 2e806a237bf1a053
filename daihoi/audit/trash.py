"""The kinds of record that go to the trash, and how each is listed and restored."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from daihoi.documents import services as document_services
from daihoi.documents.models import Document, IncomingDocument, readable_q
from daihoi.meetings import services as meeting_services
from daihoi.meetings.models import Meeting
from daihoi.organizations.permissions import Access
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
    # Documents marked Mật/Tối mật show in the trash only to the people named on them.
    secret: bool = False

    def in_trash(self, access: Access) -> QuerySet[Any]:
        """The congress's deleted records of this kind that the actor may see."""
        qs = self.model.all_objects.filter(
            deleted_at__isnull=False, **{self.congress_path: access.congress}
        )
        return qs.filter(readable_q(self.model, access.user)) if self.secret else qs


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
            secret=True,
        ),
        Kind(
            "incoming",
            "Văn bản đến",
            IncomingDocument,
            "congress",
            lambda a, o: document_services.incoming_restore(access=a, document=o),
            lambda o: f"{o} — {o.subject}",
            secret=True,
        ),
    ]
}


def deleted_in(access: Access, kind: Kind) -> QuerySet[Any]:
    """The congress's deleted records of one kind the actor may see, newest first (the 200
    latest)."""
    qs = kind.in_trash(access)
    return qs.select_related("deleted_by", *kind.related).order_by("-deleted_at")[:200]
