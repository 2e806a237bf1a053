"""Who may do what with budgets. Services call these; views use them as a first gate.

Drafts belong to their agency (the secretariat may read them); Finance (`access.is_finance`: an
officer of the agency marked Finance, or an administrator) sees what was submitted, returns,
approves and keeps the norms.

The `access_*` functions fetch an object and authorise the user at once: a missing object and
one the user may not see both answer 404, so existence does not leak.
"""

from django.http import Http404

from daihoi.core.views import first_or_404
from daihoi.organizations.permissions import Access

from .models import Estimate, EstimateLine, Norm, SpendingAttachment

FINANCE_ONLY = "Chỉ Sở Tài chính mới thực hiện được thao tác này."
OWNER_ONLY = "Chỉ đầu mối của đơn vị lập dự trù mới được sửa dự trù này."
SPENDER_ONLY = "Chỉ đầu mối của đơn vị được giao kinh phí mới ghi nhận chi."
CREATOR_ONLY = "Chỉ đầu mối của cơ quan, đơn vị mới lập dự trù kinh phí."
COMPILATION_ONLY = "Chỉ Sở Tài chính và lãnh đạo Đại hội xem bảng tổng hợp."


def can_manage_norms(access: Access) -> bool:
    return access.is_finance


def can_view_estimate(access: Access, estimate: Estimate) -> bool:
    if estimate.congress_id != access.congress.pk:
        return False
    if access.can_manage or estimate.agency_id == access.agency_id:
        return True
    if estimate.status == Estimate.Status.DRAFT:
        return False
    return access.is_finance or access.sees_whole_congress


def can_edit_estimate(access: Access, estimate: Estimate) -> bool:
    """Only the owning agency's officer; whether the state allows it is the service's rule."""
    return (
        access.is_agency_officer
        and estimate.congress_id == access.congress.pk
        and estimate.agency_id == access.agency_id
    )


def can_create_estimate(access: Access) -> bool:
    return access.is_agency_officer and access.agency_id is not None


def can_review_estimate(access: Access, estimate: Estimate) -> bool:
    return access.is_finance and estimate.congress_id == access.congress.pk


def can_see_compilation(access: Access) -> bool:
    return access.is_finance or access.sees_whole_congress


def can_record_spending(access: Access, estimate: Estimate) -> bool:
    return can_edit_estimate(access, estimate)


# Fetch and authorise ----------------------------------------------------------------------------


def access_estimate(access: Access, estimate_id: int) -> Estimate:
    """The estimate if the user may see it; 404 otherwise."""
    estimate = (
        Estimate.objects.select_related("agency", "reviewed_by")
        .filter(pk=estimate_id, congress=access.congress)
        .first()
    )
    if estimate is None or not can_view_estimate(access, estimate):
        raise Http404
    return estimate


def access_line(access: Access, estimate: Estimate, line_id: int) -> EstimateLine:
    """A line of an estimate already fetched with `access_estimate`; 404 if not on it."""
    line = EstimateLine.objects.filter(pk=line_id, estimate=estimate).first()
    if line is None:
        raise Http404
    line.estimate = estimate
    return line


def access_norm(access: Access, norm_id: int) -> Norm:
    """A norm of the congress (every participant may read the norms); 404 otherwise."""
    return first_or_404(Norm.objects.filter(pk=norm_id, congress=access.congress))


def access_spending_attachment(access: Access, attachment_id: int) -> SpendingAttachment:
    """A receipt, if the user may see the estimate it was recorded against; 404 otherwise."""
    attachment = (
        SpendingAttachment.objects.select_related("spending__line")
        .filter(pk=attachment_id, spending__congress=access.congress)
        .first()
    )
    if attachment is None:
        raise Http404
    access_estimate(access, attachment.spending.line.estimate_id)
    return attachment
