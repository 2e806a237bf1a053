"""Who may do what with budgets. Services call these; views use them as a first gate.

Drafts belong to their agency (the secretariat may read them); Finance — an officer of the
agency marked `is_finance`, or an administrator — sees what was submitted, returns, approves
and keeps the norms.
"""

from daihoi.organizations.models import Agency
from daihoi.organizations.permissions import Access

from .models import Estimate


def is_finance(access: Access) -> bool:
    if access.is_admin:
        return True
    if not access.is_agency_officer or access.agency_id is None:
        return False
    return Agency.objects.filter(
        pk=access.agency_id, congress=access.congress, is_finance=True
    ).exists()


def can_manage_norms(access: Access, finance: bool) -> bool:
    return finance


def can_view_estimate(access: Access, estimate: Estimate, finance: bool) -> bool:
    if estimate.congress_id != access.congress.pk:
        return False
    if access.can_manage or estimate.agency_id == access.agency_id:
        return True
    if estimate.status == Estimate.Status.DRAFT:
        return False
    return finance or access.sees_whole_congress


def can_edit_estimate(access: Access, estimate: Estimate) -> bool:
    """Only the owning agency's officer; whether the state allows it is the service's rule."""
    return (
        access.is_agency_officer
        and estimate.congress_id == access.congress.pk
        and estimate.agency_id == access.agency_id
    )


def can_create_estimate(access: Access) -> bool:
    return access.is_agency_officer and access.agency_id is not None


def can_review_estimate(access: Access, estimate: Estimate, finance: bool) -> bool:
    return finance and estimate.congress_id == access.congress.pk


def can_see_compilation(access: Access, finance: bool) -> bool:
    return finance or access.sees_whole_congress


def can_record_spending(access: Access, estimate: Estimate) -> bool:
    return can_edit_estimate(access, estimate)
