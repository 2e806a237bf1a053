"""A meeting's conclusions: numbered, corrected until the notice is issued, turned into tasks."""

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.db.models import Max

from daihoi.core.audit import changes_since, record, snapshot
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require
from daihoi.documents.models import Document
from daihoi.organizations.models import Agency
from daihoi.organizations.permissions import Access
from daihoi.planning import services as planning_services
from daihoi.planning.models import Task

from .. import permissions
from ..models import (
    Conclusion,
    ConclusionAction,
    Meeting,
)
from ..permissions import RUNNERS_ONLY
from .meetings import lock_meeting


@transaction.atomic
def conclusion_add(*, access: Access, meeting: Meeting, text: str) -> Conclusion:
    """Numbers conclusions 1, 2, 3… per meeting; locks the meeting row to keep numbers unique."""
    require(permissions.can_run_meetings(access), RUNNERS_ONLY)
    if not text.strip():
        raise BusinessError("Vui lòng nhập nội dung kết luận.", field="text")
    meeting = lock_meeting(access, meeting)
    last = meeting.conclusions.aggregate(n=Max("number"))["n"] or 0
    conclusion = Conclusion(meeting=meeting, number=last + 1, text=text.strip())
    conclusion.save()
    record(access, ConclusionAction.ADDED, conclusion, data={"number": conclusion.number})
    return conclusion


@transaction.atomic
def conclusion_update(*, access: Access, conclusion: Conclusion, text: str) -> Conclusion:
    """Locks the meeting row, then the conclusion, and re-checks that no notice was issued
    meanwhile (issuing the notice holds the same meeting lock)."""
    require(permissions.can_run_meetings(access), RUNNERS_ONLY)
    if not text.strip():
        raise BusinessError("Vui lòng nhập nội dung kết luận.", field="text")
    meeting = lock_meeting(access, Meeting(pk=conclusion.meeting_id))
    conclusion.refresh_from_db(from_queryset=Conclusion.objects.select_for_update())
    if meeting.notice_id is not None:
        notice = Document.objects.get(pk=meeting.notice_id)
        if not notice.is_draft:
            raise BusinessError("Thông báo kết luận đã ban hành; không sửa được nội dung kết luận.")
    before = snapshot(conclusion, ["text"])
    conclusion.text = text.strip()
    conclusion.save()
    record(access, ConclusionAction.UPDATED, conclusion, changes=changes_since(conclusion, before))
    return conclusion


@transaction.atomic
def conclusion_to_task(
    *,
    access: Access,
    conclusion: Conclusion,
    lead_agency: Agency,
    area: str,
    phase: str,
    title: str = "",
    coordinating_agencies: Sequence[Agency] = (),
    deadline: dt.date | None = None,
    deadline_offset_days: int | None = None,
    source_text: str = "",
    corrected: Sequence[str] = (),
) -> Task:
    """Turns one conclusion into one task, linked both ways; locks the conclusion row.

    `source_text` is the sentence the task was read from, when it came from a text;
    `corrected` names the fields the officer changed from what the sentence proposed (kept in
    the audit entry). The area is always chosen, never defaulted."""
    require(permissions.can_run_meetings(access), RUNNERS_ONLY)
    if not area:
        raise BusinessError(
            "Chưa chọn lĩnh vực: kết luận không nêu rõ lĩnh vực, hãy chọn một lĩnh vực.",
            field="area",
        )
    conclusion = (
        Conclusion.objects.select_for_update().select_related("meeting").get(pk=conclusion.pk)
    )
    require(conclusion.meeting.congress_id == access.congress.pk, RUNNERS_ONLY)
    if conclusion.task_id:
        raise BusinessError("Kết luận này đã được giao thành nhiệm vụ, không giao lại lần nữa.")
    meeting = conclusion.meeting
    task = planning_services.task_create(
        access=access,
        for_conclusion=True,
        source_text=source_text
        or f"Kết luận số {conclusion.number} tại {meeting.title} "
        f"({meeting.starts_at:%d/%m/%Y}): {conclusion.text}",
        fields=planning_services.TaskFields(
            title=(title or conclusion.text).strip()[:500],
            lead_agency=lead_agency,
            coordinating_agencies=coordinating_agencies,
            area=area,
            phase=phase,
            deadline=deadline,
            deadline_offset_days=deadline_offset_days,
            committee=meeting.committee,
            leader_in_charge=meeting.chair,
        ),
    )
    conclusion.task = task
    conclusion.save()
    data: dict[str, object] = {"task_id": task.pk}
    if corrected:
        data["corrected"] = list(corrected)
    record(access, ConclusionAction.TASKED, conclusion, data=data)
    return task
