"""Notices of tasks (assignment, completion, review, appraisal, deadlines moved) and of
meeting invitations."""

from django.urls import reverse
from django.utils import timezone

from daihoi.core.dates import format_date

from .. import selectors
from ..models import Kind
from ..services import notices_for, notifications_create, shorten
from .common import deadline_text, task_link, tell, tell_agency_of_task


def on_task_assigned(sender, *, task, agency_ids, actor=None, **kwargs) -> None:
    from daihoi.planning.models import TaskAssignment

    assignments = TaskAssignment.objects.filter(task=task, agency_id__in=agency_ids).select_related(
        "agency"
    )
    by_agency = {a.agency_id: a for a in assignments}
    officers = selectors.officers_by_agency([task.congress_id], by_agency)
    notices = [
        notice
        for agency_id, assignment in by_agency.items()
        for notice in notices_for(
            officers.get(agency_id, []),
            actor,
            congress_id=task.congress_id,
            kind=Kind.TASK_ASSIGNED,
            title=f"Nhiệm vụ mới: {shorten(task.title)}",
            body=(
                f"{assignment.agency.name} được giao "
                f"{assignment.get_role_display().lower()} nhiệm vụ “{task.title}”. "
                f"{deadline_text(task.deadline)}"
            ),
            link=task_link(task),
            dedupe_key=f"task_assigned:{task.pk}:{agency_id}:v{task.version}",
        )
    ]
    notifications_create(notices=notices)


def on_tasks_assigned_across(sender, *, counts, source, batch_key, actor=None, **kwargs) -> None:
    """Tasks given in many congresses at once (a guidance from the level above): one notice per
    officer of each agency given some, in each congress — three queries for the whole batch."""
    from daihoi.organizations.models import Agency

    agency_ids = {a for given in counts.values() for a in given}
    names = dict(Agency.objects.filter(pk__in=agency_ids).values_list("pk", "name"))
    officers = selectors.officers_by_agency(counts, agency_ids)
    notices = [
        notice
        for congress_id, given in counts.items()
        for agency_id, n in given.items()
        for notice in notices_for(
            officers.get(agency_id, []),
            actor,
            congress_id=congress_id,
            kind=Kind.TASK_ASSIGNED,
            title=f"{n} nhiệm vụ mới giao cho {shorten(names.get(agency_id, ''))}",
            body=f"{names.get(agency_id, '')} được giao {n} nhiệm vụ mới theo {source}; "
            "xem trong “Nhiệm vụ của đơn vị”.",
            link=reverse("planning:inbox", kwargs={"congress_id": congress_id}),
            dedupe_key=f"tasks_assigned_across:{batch_key}:{congress_id}:{agency_id}",
        )
    ]
    notifications_create(notices=notices)


def on_tasks_assigned_in_bulk(
    sender, *, congress, counts, first_task_id, actor=None, **kwargs
) -> None:
    """Many tasks at once (an import): one notice per officer of each agency given some, with
    how many, linking to the agency's inbox — not one notice (and mail) per task."""
    from daihoi.organizations.models import Agency

    names = dict(Agency.objects.filter(pk__in=counts).values_list("pk", "name"))
    officers = selectors.officers_by_agency([congress.pk], counts)
    link = reverse("planning:inbox", kwargs={"congress_id": congress.pk})
    notices = [
        notice
        for agency_id, users in officers.items()
        for notice in notices_for(
            users,
            actor,
            congress_id=congress.pk,
            kind=Kind.TASK_ASSIGNED,
            title=f"{counts[agency_id]} nhiệm vụ mới giao cho {shorten(names.get(agency_id, ''))}",
            body=(
                f"{names.get(agency_id, '')} được giao {counts[agency_id]} nhiệm vụ mới "
                "(chủ trì, phối hợp hoặc thẩm định); xem trong “Nhiệm vụ của đơn vị”."
            ),
            link=link,
            dedupe_key=f"tasks_assigned_in_bulk:{first_task_id}:{agency_id}",
        )
    ]
    notifications_create(notices=notices)


def on_task_completion_reported(sender, *, task, actor=None, **kwargs) -> None:
    agency = task.lead_agency
    tell(
        selectors.congress_overseers(task.congress_id),
        actor,
        congress_id=task.congress_id,
        kind=Kind.COMPLETION_REPORTED,
        title=f"Báo cáo hoàn thành: {shorten(task.title)}",
        body=(
            f"{agency.name} báo cáo đã hoàn thành nhiệm vụ “{task.title}” ngày "
            f"{format_date(task.reported_complete_on)}, chờ xác nhận."
        ),
        link=task_link(task),
        dedupe_key=f"completion_reported:{task.pk}:v{task.version}",
    )


def on_task_reviewed(sender, *, task, decision, comment="", actor=None, **kwargs) -> None:
    accepted = decision == "accepted"
    if accepted:
        title = f"Đã xác nhận hoàn thành: {shorten(task.title)}"
        body = f"Nhiệm vụ “{task.title}” đã được xác nhận hoàn thành."
    else:
        title = f"Nhiệm vụ bị trả lại: {shorten(task.title)}"
        body = f"Báo cáo hoàn thành nhiệm vụ “{task.title}” bị trả lại."
    if comment:
        body += f"\nÝ kiến: {comment}"
    tell_agency_of_task(
        task,
        task.lead_agency_id,
        actor,
        kind=Kind.COMPLETION_ACCEPTED if accepted else Kind.COMPLETION_RETURNED,
        title=title,
        body=body,
        dedupe_key=f"task_reviewed:{task.pk}:v{task.version}",
    )


def on_appraisal_submitted(sender, *, task, round, actor=None, **kwargs) -> None:
    """The appraising agency's officers learn that a product waits for their opinion."""
    tell_agency_of_task(
        task,
        round.appraiser_id,
        actor,
        kind=Kind.APPRAISAL_SUBMITTED,
        title=f"Đề nghị thẩm định: {shorten(task.title)}",
        body=(
            f"{task.lead_agency.name} gửi sản phẩm nhiệm vụ “{task.title}” đề nghị thẩm định "
            f"(lần {round.number})."
        ),
        dedupe_key=f"appraisal_submitted:{round.pk}",
    )


def on_appraisal_decided(sender, *, task, round, actor=None, **kwargs) -> None:
    """The lead agency's officers learn the appraising agency's answer and its opinion."""
    from daihoi.planning.models import AppraisalState

    approved = round.state == AppraisalState.APPROVED
    verb = "thông qua" if approved else "trả lại"
    body = f"Sản phẩm nhiệm vụ “{task.title}” (lần {round.number}) được thẩm định {verb}."
    if round.opinion:
        body += f"\nÝ kiến thẩm định: {round.opinion}"
    tell_agency_of_task(
        task,
        task.lead_agency_id,
        actor,
        kind=Kind.APPRAISAL_APPROVED if approved else Kind.APPRAISAL_RETURNED,
        title=f"Thẩm định {verb}: {shorten(task.title)}",
        body=body,
        dedupe_key=f"appraisal_decided:{round.pk}",
    )


def on_deadlines_moved(
    sender, *, congress, moves, old_opening, new_opening, event_id, actor=None, **kwargs
) -> None:
    """ONE notice per lead or coordinating agency (to each of its officers) listing each of its
    open tasks whose deadline moved, old → new: one query for the assignments, one for the
    officers, one insert, whatever the number of tasks."""
    from daihoi.planning.models import TaskAssignment

    by_task = {move.task_id: move for move in moves}
    assignments = (
        TaskAssignment.objects.filter(
            task_id__in=by_task,
            role__in=[TaskAssignment.Role.LEAD, TaskAssignment.Role.COORDINATE],
            accepted=False,
            cancelled=False,
        )
        .select_related("agency", "task")
        .only("role", "task_id", "agency__name", "task__title")
        .order_by("agency_id", "deadline", "task_id")
    )
    lines_of: dict[int, list[str]] = {}
    names: dict[int, str] = {}
    for row in assignments:
        move = by_task[row.task_id]
        names[row.agency_id] = row.agency.name
        lines_of.setdefault(row.agency_id, []).append(
            f"- {row.task.title} ({row.get_role_display().lower()}): "
            f"{format_date(move.old) if move.old else 'chưa có hạn'} → {format_date(move.new)}"
        )
    officers = selectors.officers_by_agency([congress.pk], lines_of)
    change = f"từ {format_date(old_opening)} sang " if old_opening else "sang "
    inbox = reverse("planning:inbox", kwargs={"congress_id": congress.pk})
    notices = []
    for agency_id, lines in lines_of.items():
        body = (
            f"Ngày khai mạc Đại hội đổi {change}{format_date(new_opening)}. "
            f"Hạn các nhiệm vụ của {names[agency_id]} tính theo ngày khai mạc dời theo:\n"
            + "\n".join(lines)
        )
        notices += notices_for(
            officers.get(agency_id, []),
            actor,
            congress_id=congress.pk,
            kind=Kind.DEADLINES_MOVED,
            title=(
                f"Dời hạn {len(lines)} nhiệm vụ theo ngày khai mạc mới {format_date(new_opening)}"
            ),
            body=body,
            link=inbox,
            dedupe_key=f"deadlines_moved:{event_id}:{agency_id}",
        )
    notifications_create(notices=notices)


def on_meeting_invitation_issued(sender, *, meeting, document, actor=None, **kwargs) -> None:
    local = timezone.localtime(meeting.starts_at)
    body = (
        f"Trân trọng kính mời đồng chí dự {meeting.title}.\n"
        f"Thời gian: {local:%H giờ %M}, ngày {format_date(local.date())}.\n"
        f"Địa điểm: {meeting.place}.\n"
        f"Chủ trì: {meeting.chair.full_name}."
    )
    if document is not None and document.symbol:
        body += f"\nGiấy mời số {document.symbol}."
    link = reverse(
        "meetings:meeting-detail",
        kwargs={"congress_id": meeting.congress_id, "meeting_id": meeting.pk},
    )
    tell(
        selectors.meeting_invitees(meeting),
        actor,
        congress_id=meeting.congress_id,
        kind=Kind.MEETING_INVITATION,
        title=f"Giấy mời: {meeting.title}",
        body=body,
        link=link,
        meeting_id=meeting.pk,
        # A new Giấy mời (a replacement) is a new invitation.
        dedupe_key=f"meeting_invitation:{meeting.pk}:{getattr(document, 'pk', '')}",
    )
