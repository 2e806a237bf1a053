"""Every change of meetings users cause. Keyword-only, explicit actor, atomic.

One module per subdomain; every service is re-exported here, so callers write
`from daihoi.meetings import services; services.meeting_plan(...)`.
"""

from .calendar import calendar_feed_current, calendar_feed_renew
from .conclusions import conclusion_add, conclusion_to_task, conclusion_update
from .meetings import (
    AgencyPresence,
    chair_invited_error,
    lock_meeting,
    meeting_attach,
    meeting_cancel,
    meeting_delete,
    meeting_plan,
    meeting_record,
    meeting_restore,
    meeting_update,
    representative_field,
)
from .papers import Signing, meeting_issue_invitation, meeting_issue_notice

__all__ = [
    "AgencyPresence",
    "Signing",
    "calendar_feed_current",
    "calendar_feed_renew",
    "chair_invited_error",
    "conclusion_add",
    "conclusion_to_task",
    "conclusion_update",
    "lock_meeting",
    "meeting_attach",
    "meeting_cancel",
    "meeting_delete",
    "meeting_issue_invitation",
    "meeting_issue_notice",
    "meeting_plan",
    "meeting_record",
    "meeting_restore",
    "meeting_update",
    "representative_field",
]
