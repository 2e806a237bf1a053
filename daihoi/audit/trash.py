"""The kinds of record that go to the trash, and how each is listed and restored."""

from dataclasses import dataclass
from typing import Any

from daihoi.documents import services as document_services
from daihoi.documents.models import Document
from daihoi.meetings import services as meeting_services
from daihoi.meetings.models import Meeting
from daihoi.planning import services as planning_services
from daihoi.planning.models import Plan, ProgressUpdate, Task


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    model: Any
    congress_path: str
    restore: Any
    describe: Any


KINDS = {
    k.key: k
    for k in [
        Kind("task", "Nhiệm vụ", Task, "congress", lambda a, o: planning_services.task_restore(
            access=a, task=o), lambda o: o.title),
        Kind("update", "Báo cáo tiến độ", ProgressUpdate, "task__congress",
             lambda a, o: planning_services.progress_update_restore(access=a, update=o),
             lambda o: f"{o.agency} — {o.percent}%: {o.text[:80]} (nhiệm vụ: {o.task.title[:60]})"),
        Kind("plan", "Kế hoạch", Plan, "congress",
             lambda a, o: planning_services.plan_restore(access=a, plan=o),
             lambda o: f"Kế hoạch số {o.symbol}: {o.subject}"),
        Kind("meeting", "Cuộc họp", Meeting, "congress",
             lambda a, o: meeting_services.meeting_restore(access=a, meeting=o),
             lambda o: o.title),
        Kind("document", "Dự thảo văn bản", Document, "congress",
             lambda a, o: document_services.document_restore(access=a, document=o),
             lambda o: o.subject),
    ]
}  # fmt: skip


def deleted_in(congress, kind: Kind):
    qs = kind.model.all_objects.filter(
        deleted_at__isnull=False, **{kind.congress_path: congress}
    ).select_related("deleted_by")
    if kind.key == "update":
        qs = qs.select_related("task", "agency")
    if kind.key == "plan":
        qs = qs.select_related("congress")
    return qs.order_by("-deleted_at")[:200]
