"""Notices of report requests, budget estimates, drafts sent for comment and detailed plans."""

import uuid

from django.urls import reverse

from daihoi.core.dates import format_date
from daihoi.core.money import format_vnd

from .. import selectors
from ..models import Kind
from ..services import shorten
from .common import tell


def _link_of(obj) -> str:
    get_url = getattr(obj, "get_absolute_url", None)
    return get_url() if get_url else ""


def on_report_requested(sender, *, request, agency_ids, actor=None, **kwargs) -> None:
    deadline = getattr(request, "deadline", None)
    body = f"Đơn vị được yêu cầu báo cáo: “{request}”."
    if deadline:
        body += f" Hạn gửi: {format_date(deadline)}."
    tell(
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
    tell(
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
    tell(
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
    tell(
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
    tell(
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
    tell(
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

    tell(
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
    tell(
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
    tell(
        selectors.agency_officers(task.congress_id, [task.lead_agency_id]),
        actor,
        congress_id=task.congress_id,
        kind=kind,
        title=f"Kế hoạch chi tiết {verb}: {shorten(task.title)}",
        body=body,
        link=_detailed_link(task),
        dedupe_key=f"{kind}:{plan.pk}:{_stamp(plan.reviewed_at)}",
    )
