"""Appraisal events: a submission reaches the appraising agency's officers, a decision the
lead agency's, and nobody else."""

import pytest

from daihoi.notifications.models import Kind, Notification
from daihoi.planning import services as planning_services
from daihoi.planning.models import AppraisalState, Task

from .conftest import make_task

pytestmark = pytest.mark.django_db


def recipients(kind: str) -> set[str]:
    return set(Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True))


def decide(access, task, state, opinion="") -> None:
    planning_services.appraisal_decide(
        access=access, task=Task.objects.get(pk=task.pk), decision=state, opinion=opinion
    )


def test_submission_reaches_the_appraiser_and_decisions_reach_the_lead(
    world,
    secretariat_access,
    propaganda_access,
    finance_access,
    culture_officer,
    django_capture_on_commit_callbacks,
):
    task = make_task(secretariat_access, world, appraising_agency=world.agencies["stc"])
    with django_capture_on_commit_callbacks(execute=True):
        planning_services.appraisal_submit(
            access=propaganda_access, task=task, text="Dự thảo phương án trang trí"
        )
    assert recipients(Kind.APPRAISAL_SUBMITTED) == {"officer2"}
    notice = Notification.objects.get(kind=Kind.APPRAISAL_SUBMITTED)
    assert "Ban Tuyên giáo Tỉnh ủy gửi sản phẩm" in notice.body and "(lần 1)" in notice.body
    assert notice.link == f"/dai-hoi/{world.congress.pk}/nhiem-vu/{task.pk}/"

    with django_capture_on_commit_callbacks(execute=True):
        decide(finance_access, task, AppraisalState.RETURNED, "Tính lại dự toán vật tư")
    assert recipients(Kind.APPRAISAL_RETURNED) == {"officer"}
    returned = Notification.objects.get(kind=Kind.APPRAISAL_RETURNED)
    assert "Tính lại dự toán vật tư" in returned.body

    with django_capture_on_commit_callbacks(execute=True):
        planning_services.appraisal_submit(
            access=propaganda_access, task=Task.objects.get(pk=task.pk), text="Đã tính lại"
        )
    with django_capture_on_commit_callbacks(execute=True):
        decide(finance_access, task, AppraisalState.APPROVED)
    assert recipients(Kind.APPRAISAL_APPROVED) == {"officer"}
    assert Notification.objects.filter(kind=Kind.APPRAISAL_SUBMITTED).count() == 2
    assert not Notification.objects.filter(
        recipient__username="vanhoa", kind__startswith="appraisal"
    ).exists()
