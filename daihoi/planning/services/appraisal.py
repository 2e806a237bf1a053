"""Appraisal (thẩm định): the lead agency submits its product, the appraising agency approves it
or returns it with its opinion, and the lead may submit again. Every round is kept."""

from collections.abc import Sequence

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from daihoi.core.audit import record
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require, send_on_commit
from daihoi.core.uploads import store_uploads, validate_attachment
from daihoi.organizations.permissions import Access

from .. import permissions, signals
from ..models import AppraisalAction, AppraisalFile, AppraisalRound, AppraisalState, Task
from .tasks import lock_task

NO_APPRAISER = (
    "Nhiệm vụ này không có đơn vị thẩm định nên không gửi thẩm định được. Nếu cần thẩm định, "
    "đề nghị Văn phòng bổ sung đơn vị thẩm định cho nhiệm vụ."
)
DECISIONS = {
    AppraisalState.APPROVED: AppraisalAction.APPROVED,
    AppraisalState.RETURNED: AppraisalAction.RETURNED,
}


@transaction.atomic
def appraisal_submit(
    *, access: Access, task: Task, text: str, files: Sequence[UploadedFile] = ()
) -> AppraisalRound:
    """Locks the task row, so a submission, a decision and a completion report of the same
    task run one after the other."""
    task = lock_task(task, None)
    appraiser = permissions.appraiser_id(task)
    if appraiser is None:
        raise BusinessError(NO_APPRAISER)
    if task.appraisal_state == AppraisalState.PENDING:
        raise BusinessError("Sản phẩm đã gửi đang chờ đơn vị thẩm định cho ý kiến.")
    if task.appraisal_state == AppraisalState.APPROVED:
        raise BusinessError("Sản phẩm đã được đơn vị thẩm định thông qua.")
    require(
        permissions.can_submit_for_appraisal(access, task),
        "Chỉ đơn vị chủ trì mới gửi sản phẩm của nhiệm vụ đang thực hiện đi thẩm định.",
    )
    if not text.strip():
        raise BusinessError("Vui lòng nêu sản phẩm và nội dung đề nghị thẩm định.", field="text")
    content_types = [validate_attachment(f) for f in files]
    number = AppraisalRound.objects.filter(task=task).count() + 1
    submitted = AppraisalRound.objects.create(
        task=task,
        number=number,
        appraiser_id=appraiser,
        text=text.strip(),
        submitted_by=access.user,
    )
    store_uploads(AppraisalFile, files, content_types, round=submitted)
    task.appraisal_state = AppraisalState.PENDING
    task.version += 1
    task.save(update_fields=["appraisal_state", "version", "updated_at"])
    record(
        access,
        AppraisalAction.SUBMITTED,
        task,
        data={"round": submitted.pk, "number": number, "files": len(files)},
    )
    send_on_commit(signals.appraisal_submitted, Task, task=task, round=submitted, actor=access.user)
    return submitted


@transaction.atomic
def appraisal_decide(*, access: Access, task: Task, decision: str, opinion: str) -> AppraisalRound:
    """The appraising agency approves the waiting product or returns it (the opinion is then
    required). Locks the task row, then decides its one pending round."""
    task = lock_task(task, None)
    if decision not in DECISIONS:
        raise BusinessError("Vui lòng chọn thông qua hoặc trả lại.", field="decision")
    if task.appraisal_state != AppraisalState.PENDING:
        raise BusinessError("Không có sản phẩm nào đang chờ thẩm định.")
    require(
        permissions.can_appraise(access, task),
        "Chỉ đơn vị thẩm định của nhiệm vụ mới cho ý kiến thẩm định.",
    )
    opinion = opinion.strip()
    if decision == AppraisalState.RETURNED and not opinion:
        raise BusinessError("Khi trả lại phải ghi rõ ý kiến thẩm định.", field="opinion")
    current = AppraisalRound.objects.get(task=task, state=AppraisalState.PENDING)
    current.state = decision
    current.opinion = opinion
    current.decided_by = access.user
    current.decided_at = timezone.now()
    current.save(update_fields=["state", "opinion", "decided_by", "decided_at"])
    task.appraisal_state = decision
    task.version += 1
    task.save(update_fields=["appraisal_state", "version", "updated_at"])
    record(
        access,
        DECISIONS[AppraisalState(decision)],
        task,
        reason=opinion,
        data={"round": current.pk, "number": current.number},
    )
    send_on_commit(signals.appraisal_decided, Task, task=task, round=current, actor=access.user)
    return current
