"""What a congress below is told of the reports its parent asks of it: the request when it is
sent, and each return of its answer. Its secretariat answers, so its secretariat is told, in
its own congress, with a link to the request as that congress sees it."""

import uuid
from collections.abc import Iterable
from typing import Any

from django.urls import reverse

from daihoi.core.dates import format_date
from daihoi.notifications import selectors
from daihoi.notifications.models import Kind
from daihoi.notifications.services import notices_for, notifications_create, shorten
from daihoi.reporting.models import ReportRequest, ReportSubmission

from .models import ReportRecipient


def _received_link(recipient: ReportRecipient) -> str:
    return reverse(
        "levels:report-received",
        kwargs={"congress_id": recipient.congress_id, "report_recipient_id": recipient.pk},
    )


def _tell_secretariats(recipients: Iterable[ReportRecipient], actor: Any, **notice: Any) -> None:
    """`notices_for` each congress's secretariat (never the actor), linked to its own view."""
    recipients = list(recipients)
    secretariats = selectors.secretariats_by_congress(r.congress_id for r in recipients)
    key = notice.pop("dedupe_key")
    notifications_create(
        notices=[
            one
            for recipient in recipients
            for one in notices_for(
                secretariats.get(recipient.congress_id, []),
                actor,
                congress_id=recipient.congress_id,
                link=_received_link(recipient),
                dedupe_key=f"{key}:{recipient.pk}",
                per_user_key=True,
                **notice,
            )
        ]
    )


def report_requested_below(request: ReportRequest, actor: Any) -> None:
    """Each congress asked: one notice per member of its secretariat, in the same few queries
    however many congresses are asked."""
    _tell_secretariats(
        ReportRecipient.objects.filter(request=request).order_by("pk"),
        actor,
        kind=Kind.REPORT_REQUESTED,
        title=f"Cấp trên yêu cầu báo cáo: {shorten(str(request))}",
        body=(
            f"{request.congress.name} yêu cầu Đại hội gửi báo cáo “{request}”. "
            f"Hạn gửi: {format_date(request.deadline)}."
        ),
        dedupe_key=f"report_requested_below:{request.pk}",
    )


def on_submission_returned(
    sender: type,
    *,
    submission: ReportSubmission,
    comment: str = "",
    actor: Any = None,
    **kwargs: Any,
) -> None:
    """A parent returned a congress's answer: that congress's secretariat is told why."""
    if not submission.request.to_congresses_below:
        return
    body = f"Cấp trên trả lại báo cáo “{submission.request}” để bổ sung, chỉnh sửa."
    if comment:
        body += f"\nÝ kiến: {comment}"
    _tell_secretariats(
        ReportRecipient.objects.filter(submission=submission),
        actor,
        kind=Kind.SUBMISSION_RETURNED,
        title=f"Báo cáo bị cấp trên trả lại: {shorten(str(submission.request))}",
        body=body,
        # Each return is its own event (an answer may be returned more than once).
        dedupe_key=f"submission_returned_below:{submission.pk}:{uuid.uuid4().hex}",
    )
