"""Who may do what with report requests, submissions and requests for explanation."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from daihoi.organizations.permissions import Access
from daihoi.planning.models import Task

from .models import Explanation, ReportRequest, ReportSubmission, SubmissionFile, TaskImportJob


def can_manage_requests(access: Access) -> bool:
    return access.can_manage


def can_see_all_submissions(access: Access) -> bool:
    return access.sees_whole_congress


def can_view_submission(access: Access, submission: ReportSubmission) -> bool:
    return access.sees_whole_congress or submission.agency_id == access.agency_id


def asks_a_congress_below(submission: ReportSubmission) -> bool:
    """A submission asked of a congress below the requester (its answering office belongs to
    that congress), not of one of the requester's own agencies."""
    return submission.request.to_congresses_below


def can_submit(access: Access, submission: ReportSubmission) -> bool:
    """Only the agency's own officer sends its report, and only while it is not yet sent; a
    congress below that was asked sends through its own secretariat."""
    if asks_a_congress_below(submission):
        return (
            access.can_manage
            and submission.agency.congress_id == access.congress.pk
            and submission.status != ReportSubmission.Status.SUBMITTED
        )
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


def can_import_tasks(access: Access) -> bool:
    """The XLSX task import is secretariat work."""
    return access.can_manage


def can_view_scorecards(access: Access) -> bool:
    return access.sees_whole_congress


# Fetch and authorise: "missing" and "not yours" answer the same 404 -----------------------------


def access_report_request(access: Access, request_id: int) -> ReportRequest:
    """The request if the user may see it: whole-congress roles, or an agency that was asked."""
    report_request = get_object_or_404(ReportRequest, pk=request_id, congress=access.congress)
    if not access.sees_whole_congress and (
        access.agency_id is None
        or not report_request.submissions.filter(agency_id=access.agency_id).exists()
    ):
        raise Http404
    return report_request


def access_submission(access: Access, submission_id: int) -> ReportSubmission:
    """Another agency's submission answers 404, so its existence does not leak."""
    submission = get_object_or_404(
        ReportSubmission.objects.select_related("request", "agency", "submitted_by"),
        pk=submission_id,
        request__congress=access.congress,
    )
    if not can_view_submission(access, submission):
        raise Http404
    return submission


def access_submission_file(access: Access, submission_file_id: int) -> SubmissionFile:
    """A file of a submission the user may see."""
    stored = get_object_or_404(
        SubmissionFile.objects.select_related("submission"),
        pk=submission_file_id,
        submission__request__congress=access.congress,
    )
    access_submission(access, stored.submission_id)
    return stored


def access_explanation(access: Access, explanation_id: int) -> Explanation:
    """A request for explanation seen by whole-congress roles or the agency asked."""
    explanation = get_object_or_404(
        Explanation.objects.select_related("task"),
        pk=explanation_id,
        task__congress=access.congress,
    )
    if not access.sees_whole_congress and explanation.agency_id != access.agency_id:
        raise Http404
    return explanation


def access_import_job(access: Access, import_job_id: int, *, with_rows: bool = False):
    """A task import of the access's congress (its checked rows only when asked: they are
    large); 404 alike when missing or of another congress."""
    jobs = TaskImportJob.objects.all() if with_rows else TaskImportJob.objects.defer("rows")
    return get_object_or_404(jobs, pk=import_job_id, congress=access.congress)
