"""Actual spending, recorded by the agency against approved lines."""

import datetime as dt
from collections.abc import Sequence

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from daihoi.core.audit import record
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require
from daihoi.core.uploads import store_uploads, validate_attachment
from daihoi.organizations.permissions import Access

from .. import permissions
from ..models import (
    MAX_AMOUNT,
    Estimate,
    EstimateAction,
    EstimateLine,
    Spending,
    SpendingAttachment,
)
from ..permissions import SPENDER_ONLY
from .estimates import lock_estimate


def _check_spending(amount: int, spent_on: dt.date, content: str) -> None:
    if not isinstance(amount, int) or amount < 1:
        raise BusinessError("Số tiền chi phải lớn hơn 0.", field="amount")
    if amount > MAX_AMOUNT:
        raise BusinessError("Số tiền chi quá lớn, hãy kiểm tra lại.", field="amount")
    if not content.strip():
        raise BusinessError("Vui lòng nhập nội dung chi.", field="content")
    if spent_on > timezone.localdate():
        raise BusinessError("Ngày chi không được sau hôm nay.", field="spent_on")


@transaction.atomic
def spending_record(
    *,
    access: Access,
    line: EstimateLine,
    amount: int,
    spent_on: dt.date,
    content: str,
    attachments: Sequence[UploadedFile] = (),
) -> Spending:
    """Locks the estimate row. Spending beyond the approved amount is recorded (it happened) and
    shown as a warning."""
    estimate = lock_estimate(line.estimate)
    require(permissions.can_record_spending(access, estimate), SPENDER_ONLY)
    line = EstimateLine.objects.get(pk=line.pk, estimate=estimate)
    if estimate.status != Estimate.Status.APPROVED or line.approved_amount is None:
        raise BusinessError("Chỉ ghi nhận chi cho khoản đã được Sở Tài chính thẩm định.")
    _check_spending(amount, spent_on, content)
    content_types = [validate_attachment(f) for f in attachments]
    spending = Spending(
        line=line,
        agency_id=estimate.agency_id,
        congress_id=estimate.congress_id,
        spent_on=spent_on,
        content=content.strip(),
        amount=amount,
        recorded_by=access.user,
    )
    spending.save()
    store_uploads(SpendingAttachment, attachments, content_types, spending=spending)
    record(
        access,
        EstimateAction.SPENDING_RECORDED,
        estimate,
        data={"spending": spending.pk, "line": line.pk, "amount": amount},
    )
    return spending
