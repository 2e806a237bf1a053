"""Turns the domain events of planning, meetings, reporting and budget into notifications.

Connected in `NotificationsConfig.ready()`. The events are sent after their transaction commits;
each receiver stores its notifications in a transaction of its own and queues the mails after
that commits. Nobody is told about their own action.
"""

import uuid
from collections.abc import Callable, Iterable

from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone

from daihoi.core.dates import format_date
from daihoi.core.money import format_vnd

from . import selectors
from .models import Kind
from .services import Notice, notifications_create, shorten


def _task_link(task) -> str:
    return reverse(
        "planning:task-detail", kwargs={"congress_id": task.congress_id, "task_id": task.pk}
    )


def _deadline_text(deadline) -> str:
    return f"Hạn hoàn thành: {format_date(deadline)}." if deadline else "Không ấn định hạn."


def _actor_id(actor) -> int | None:
    return getattr(actor, "pk", None)


def _tell(
    users: Iterable,
    actor,
    *,
    congress_id: int,
    kind: str,
    title: str,
    dedupe_key: str,
    body: str = "",
    link: str = "",
    meeting_id: int | None = None,
    per_user_key: bool = False,
) -> None:
    """One notice for each of `users` but the actor; `per_user_key` ends the dedupe key with
    the user's id."""
    notices = [
        Notice(
            recipient_id=user.pk,
            congress_id=congress_id,
            kind=kind,
            title=title,
            body=body,
            link=link,
            meeting_id=meeting_id,
            dedupe_key=f"{dedupe_key}:{user.pk}" if per_user_key else dedupe_key,
        )
        for user in users
        if user.pk != _actor_id(actor)
    ]
    notifications_create(notices=notices)


def _tell_agency_of_task(task, agency_id: int, actor, **notice) -> None:
    """`_tell` the officers of one agency about `task`, linked to the task's page."""
    _tell(
        selectors.agency_officers(task.congress_id, [agency_id]),
        actor,
        congress_id=task.congress_id,
        link=_task_link(task),
        **notice,
    )


def on_task_assigned(sender, *, task, agency_ids, actor=None, **kwargs) -> None:
    from daihoi.planning.models import TaskAssignment

    assignments = TaskAssignment.objects.filter(task=task, agency_id__in=agency_ids).select_related(
        "agency"
    )
    by_agency = {a.agency_id: a for a in assignments}
    officers = selectors.officers_by_agency([task.congress_id], by_agency)
    notices = []
    for agency_id, assignment in by_agency.items():
        for user in officers.get(agency_id, []):
            if user.pk == _actor_id(actor):
                continue
            notices.append(
                Notice(
                    recipient_id=user.pk,
                    congress_id=task.congress_id,
                    kind=Kind.TASK_ASSIGNED,
                    title=f"Nhiệm vụ mới: {shorten(task.title)}",
                    body=(
                        f"{assignment.agency.name} được giao "
                        f"{assignment.get_role_display().lower()} nhiệm vụ “{task.title}”. "
                        f"{_deadline_text(task.deadline)}"
                    ),
                    link=_task_link(task),
                    dedupe_key=f"task_assigned:{task.pk}:{agency_id}:v{task.version}",
                )
            )
    notifications_create(notices=notices)


def on_task_completion_reported(sender, *, task, actor=None, **kwargs) -> None:
    agency = task.lead_agency
    _tell(
        selectors.congress_overseers(task.congress_id),
        actor,
        congress_id=task.congress_id,
        kind=Kind.COMPLETION_REPORTED,
        title=f"Báo cáo hoàn thành: {shorten(task.title)}",
        body=(
            f"{agency.name} báo cáo đã hoàn thành nhiệm vụ “{task.title}” ngày "
            f"{format_date(task.reported_complete_on)}, chờ xác nhận."
        ),
        link=_task_link(task),
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
    _tell_agency_of_task(
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
    _tell_agency_of_task(
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
    _tell_agency_of_task(
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
        for user in officers.get(agency_id, []):
            if user.pk == _actor_id(actor):
                continue
            notices.append(
                Notice(
                    recipient_id=user.pk,
                    congress_id=congress.pk,
                    kind=Kind.DEADLINES_MOVED,
                    title=(
                        f"Dời hạn {len(lines)} nhiệm vụ theo ngày khai mạc mới "
                        f"{format_date(new_opening)}"
                    ),
                    body=body,
                    link=inbox,
                    dedupe_key=f"deadlines_moved:{event_id}:{agency_id}",
                )
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
    _tell(
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


def _link_of(obj) -> str:
    get_url = getattr(obj, "get_absolute_url", None)
    return get_url() if get_url else ""


def on_report_requested(sender, *, request, agency_ids, actor=None, **kwargs) -> None:
    deadline = getattr(request, "deadline", None)
    body = f"Đơn vị được yêu cầu báo cáo: “{request}”."
    if deadline:
        body += f" Hạn gửi: {format_date(deadline)}."
    _tell(
        selectors.agency_officers(request.congress_id, agency_ids),
        actor,
        congress_id=request.congress_id,
        kind=Kind.REPORT_REQUESTED,
        title=f"Yêu cầu báo cáo: {shorten(str(request))}",
        body=body,
        link=_link_of(request),
        dedupe_key=f"report_requested:{request.pk}",
        per_user_key=True,
    )


def on_submission_returned(sender, *, submission, comment="", actor=None, **kwargs) -> None:
    request = submission.request
    body = f"Báo cáo của đơn vị cho yêu cầu “{request}” bị trả lại để bổ sung, chỉnh sửa."
    if comment:
        body += f"\nÝ kiến: {comment}"
    # Each return is its own event (a submission may be returned more than once).
    stamp = uuid.uuid4().hex
    _tell(
        selectors.agency_officers(request.congress_id, [submission.agency_id]),
        actor,
        congress_id=request.congress_id,
        kind=Kind.SUBMISSION_RETURNED,
        title=f"Báo cáo bị trả lại: {shorten(str(request))}",
        body=body,
        link=_link_of(submission),
        dedupe_key=f"submission_returned:{submission.pk}:{stamp}",
    )


def _estimate_link(estimate) -> str:
    return reverse(
        "budget:estimate-detail",
        kwargs={"congress_id": estimate.congress_id, "estimate_id": estimate.pk},
    )


def _stamp(moment) -> str:
    # An estimate goes back and forth; each sending and each review is its own event.
    return f"{moment:%Y%m%d%H%M%S%f}" if moment else uuid.uuid4().hex


def _named(estimate) -> str:
    """ "dự trù", or "dự trù bổ sung lần n" for a supplementary estimate."""
    if estimate.is_supplement:
        return f"{estimate.kind_label} lần {estimate.sequence}"
    return estimate.kind_label


def on_estimate_submitted(sender, *, estimate, over_norm_lines=0, actor=None, **kwargs) -> None:
    """Finance's officers learn that an agency sent its estimate or a supplement to it."""
    note = f", {over_norm_lines} khoản vượt định mức" if over_norm_lines else ""
    requested = format_vnd(estimate.requested_total)
    title = f"{estimate.agency.name} gửi {_named(estimate)} {requested}{note}."
    _tell(
        selectors.finance_officers(estimate.congress_id),
        actor,
        congress_id=estimate.congress_id,
        kind=Kind.ESTIMATE_SUBMITTED,
        title=title,
        body=f"{_named(estimate).capitalize()} “{estimate.title}” chờ Sở Tài chính thẩm định.",
        link=_estimate_link(estimate),
        dedupe_key=f"estimate_submitted:{estimate.pk}:{_stamp(estimate.submitted_at)}",
    )


def _tell_the_agency(estimate, *, kind: str, title: str, body: str, actor) -> None:
    _tell(
        selectors.agency_officers(estimate.congress_id, [estimate.agency_id]),
        actor,
        congress_id=estimate.congress_id,
        kind=kind,
        title=title,
        body=body,
        link=_estimate_link(estimate),
        dedupe_key=f"{kind}:{estimate.pk}:{_stamp(estimate.reviewed_at)}",
    )


def on_estimate_returned(sender, *, estimate, comment="", actor=None, **kwargs) -> None:
    """The agency's officers learn that Finance returned their estimate, and why."""
    _tell_the_agency(
        estimate,
        kind=Kind.ESTIMATE_RETURNED,
        title=f"Sở Tài chính trả lại {_named(estimate)}: {shorten(comment)}",
        body=(
            f"{_named(estimate).capitalize()} “{estimate.title}” được trả lại để hoàn thiện."
            f"\nÝ kiến: {comment}"
        ),
        actor=actor,
    )


def on_estimate_approved(sender, *, estimate, actor=None, **kwargs) -> None:
    """The agency's officers learn the approved total."""
    total = format_vnd(estimate.approved_total or 0)
    _tell_the_agency(
        estimate,
        kind=Kind.ESTIMATE_APPROVED,
        title=f"Sở Tài chính đã thẩm định {_named(estimate)}: {total}.",
        body=f"{_named(estimate).capitalize()} “{estimate.title}” đã được thẩm định: {total}.",
        actor=actor,
    )


def _consultation_link(consultation) -> str:
    return reverse(
        "consultation:consultation-detail",
        kwargs={"congress_id": consultation.congress_id, "consultation_id": consultation.pk},
    )


def _tell_recipients(draft, recipients, *, kind: str, title: str, key: str, actor) -> None:
    consultation = draft.consultation
    _tell(
        selectors.consultation_recipients(recipients),
        actor,
        congress_id=consultation.congress_id,
        kind=kind,
        title=title,
        body=(
            f"{consultation.drafting_agency.name} đề nghị góp ý {draft.label.lower()} "
            f"“{consultation.title}”. Hạn góp ý: {format_date(draft.deadline)}."
        ),
        link=_consultation_link(consultation),
        dedupe_key=key,
        per_user_key=True,
    )


def on_draft_sent(sender, *, draft, actor=None, **kwargs) -> None:
    """Each agency's officers and each person asked learn of a draft (or a new round)."""
    _tell_recipients(
        draft,
        draft.recipients.all(),
        kind=Kind.CONSULTATION_SENT,
        title=f"Góp ý {draft.label.lower()}: {shorten(draft.consultation.title)}",
        key=f"consultation_sent:{draft.pk}",
        actor=actor,
    )


def on_answers_reminded(sender, *, draft, recipient_ids, actor=None, **kwargs) -> None:
    """Those who have not answered are reminded; each reminder is its own event."""
    _tell_recipients(
        draft,
        draft.recipients.filter(pk__in=recipient_ids),
        kind=Kind.CONSULTATION_REMINDER,
        title=f"Nhắc góp ý trước {format_date(draft.deadline)}: "
        f"{shorten(draft.consultation.title)}",
        key=f"consultation_reminder:{draft.pk}:{uuid.uuid4().hex}",
        actor=actor,
    )


def on_draft_answered(sender, *, draft, recipient, count, actor=None, **kwargs) -> None:
    consultation = draft.consultation
    said = f"{count} ý kiến" if count else "nhất trí với dự thảo"
    _tell(
        selectors.consultation_drafters(consultation),
        actor,
        congress_id=consultation.congress_id,
        kind=Kind.CONSULTATION_ANSWERED,
        title=f"{recipient.name} góp ý {draft.label.lower()}: {said}",
        body=f"Dự thảo “{consultation.title}”.",
        link=_consultation_link(consultation),
        dedupe_key=f"consultation_answered:{draft.pk}:{recipient.pk}:{uuid.uuid4().hex}",
    )


def on_consultation_adopted(sender, *, consultation, final, actor=None, **kwargs) -> None:
    """Everyone who was asked in any round learns that the final version was adopted."""
    from daihoi.consultation.models import Recipient

    _tell(
        selectors.consultation_recipients(
            Recipient.objects.filter(draft__consultation=consultation)
        ),
        actor,
        congress_id=consultation.congress_id,
        kind=Kind.CONSULTATION_ADOPTED,
        title=f"Đã thông qua: {shorten(consultation.title)}",
        body=f"{consultation.drafting_agency.name} đã tiếp thu, giải trình các ý kiến góp ý "
        f"và thông qua bản cuối cùng “{consultation.title}”.",
        link=_consultation_link(consultation),
        dedupe_key=f"consultation_adopted:{final.pk}",
        per_user_key=True,
    )


def _detailed_link(task) -> str:
    return reverse(
        "planning:detailed-plan", kwargs={"congress_id": task.congress_id, "task_id": task.pk}
    )


def on_detailed_plan_submitted(sender, *, task, plan, actor=None, **kwargs) -> None:
    """The secretariat and the leaders of the task's committee learn a plan awaits them."""
    committee_id = task.committee_id or (task.plan.committee_id if task.plan_id else None)
    _tell(
        selectors.committee_overseers(task.congress_id, committee_id),
        actor,
        congress_id=task.congress_id,
        kind=Kind.DETAILED_SUBMITTED,
        title=f"Kế hoạch chi tiết chờ phê duyệt: {shorten(task.title)}",
        body=(
            f"{task.lead_agency.name} gửi kế hoạch chi tiết thực hiện nhiệm vụ “{task.title}”, "
            "chờ phê duyệt."
        ),
        link=_detailed_link(task),
        dedupe_key=f"detailed_submitted:{plan.pk}:{_stamp(plan.submitted_at)}",
    )


def on_detailed_plan_reviewed(
    sender, *, task, plan, decision, comment="", actor=None, **kwargs
) -> None:
    """The lead agency's officers learn their plan was approved, or returned and why."""
    approved = decision == "approved"
    kind = Kind.DETAILED_APPROVED if approved else Kind.DETAILED_RETURNED
    verb = "được phê duyệt" if approved else "bị trả lại để hoàn thiện"
    body = f"Kế hoạch chi tiết thực hiện nhiệm vụ “{task.title}” {verb}."
    if comment:
        body += f"\nÝ kiến: {comment}"
    _tell(
        selectors.agency_officers(task.congress_id, [task.lead_agency_id]),
        actor,
        congress_id=task.congress_id,
        kind=kind,
        title=f"Kế hoạch chi tiết {verb}: {shorten(task.title)}",
        body=body,
        link=_detailed_link(task),
        dedupe_key=f"{kind}:{plan.pk}:{_stamp(plan.reviewed_at)}",
    )


def connect() -> None:
    from daihoi.budget import signals as budget_signals
    from daihoi.consultation import signals as consultation_signals
    from daihoi.meetings import signals as meeting_signals
    from daihoi.planning import signals as planning_signals
    from daihoi.reporting import signals as reporting_signals

    receivers: list[tuple[Signal, Callable[..., None]]] = [
        (planning_signals.task_assigned, on_task_assigned),
        (planning_signals.task_completion_reported, on_task_completion_reported),
        (planning_signals.task_reviewed, on_task_reviewed),
        (planning_signals.deadlines_moved, on_deadlines_moved),
        (planning_signals.appraisal_submitted, on_appraisal_submitted),
        (planning_signals.appraisal_decided, on_appraisal_decided),
        (planning_signals.detailed_plan_submitted, on_detailed_plan_submitted),
        (planning_signals.detailed_plan_reviewed, on_detailed_plan_reviewed),
        (meeting_signals.meeting_invitation_issued, on_meeting_invitation_issued),
        (reporting_signals.report_requested, on_report_requested),
        (reporting_signals.submission_returned, on_submission_returned),
        (budget_signals.estimate_submitted, on_estimate_submitted),
        (budget_signals.estimate_returned, on_estimate_returned),
        (budget_signals.estimate_approved, on_estimate_approved),
        (consultation_signals.draft_sent, on_draft_sent),
        (consultation_signals.answers_reminded, on_answers_reminded),
        (consultation_signals.draft_answered, on_draft_answered),
        (consultation_signals.consultation_adopted, on_consultation_adopted),
    ]
    for signal, receiver in receivers:
        signal.connect(receiver, dispatch_uid=f"notifications.{receiver.__name__}")
