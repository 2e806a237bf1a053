"""Who may do what with report requests, submissions and requests for explanation."""

from daihoi.organizations.permissions import Access
from daihoi.planning.models import Task

from .models import Explanation, ReportSubmission


def can_manage_requests(access: Access) -> bool:
    return access.can_manage


def can_see_all_submissions(access: Access) -> bool:
    return access.sees_whole_congress


def can_view_submission(access: Access, submission: ReportSubmission) -> bool:
    return access.sees_whole_congress or submission.agency_id == access.agency_id


def can_submit(access: Access, submission: ReportSubmission) -> bool:
    """Only the agency's own officer sends its report, and only while it is not yet sent."""
    return (
        access.is_agency_officer
        and submission.agency_id == access.agency_id
        and submission.status != ReportSubmission.Status.SUBMITTED
    )


def can_return(access: Access, submission: ReportSubmission) -> bool:
    return access.can_manage and submission.status == ReportSubmission.Status.SUBMITTED


def can_request_explanation(access: Access, task: Task) -> bool:
    return access.can_accept and task.congress_id == access.congress.pk


def can_answer_explanation(access: Access, explanation: Explanation) -> bool:
    return (
        access.is_agency_officer
        and explanation.agency_id == access.agency_id
        and not explanation.is_answered
    )


def can_view_scorecards(access: Access) -> bool:
    return access.sees_whole_congress
