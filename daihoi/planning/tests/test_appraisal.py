"""Appraisal (thẩm định): submit, return with an opinion, resubmit, approve; the completion
report waits for the approval; nobody else acts or reads."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from daihoi.accounts.models import Role
from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.organizations.models import Participation
from daihoi.organizations.permissions import Access
from daihoi.planning import permissions, services
from daihoi.planning.models import (
    AppraisalAction,
    AppraisalFile,
    AppraisalRound,
    AppraisalState,
    Area,
    Phase,
    Task,
)
from daihoi.testing.factories import UserFactory

pytestmark = pytest.mark.django_db


def appraised_task(world, secretariat_access, *, appraiser="stc", **overrides) -> Task:
    fields = dict(
        title="Xây dựng dự thảo Báo cáo chính trị",
        lead_agency=world.agencies["btg"],
        coordinating_agencies=[world.agencies["svh"]],
        appraising_agency=world.agencies[appraiser] if appraiser else None,
        area=Area.DOCUMENTS,
        phase=Phase.BEFORE,
        deadline=dt.date(2020, 9, 30),
    )
    fields.update(overrides)
    return services.task_create(access=secretariat_access, fields=services.TaskFields(**fields))


def officer_of(world, agency_key: str, username: str) -> Access:
    user = UserFactory.create(username=username)
    agency = world.agencies[agency_key]
    Participation.objects.create(
        user=user, congress=world.congress, role=Role.AGENCY_OFFICER, agency=agency
    )
    return Access(user, world.congress, Role.AGENCY_OFFICER, agency.pk)


def pdf(name: str = "du-thao.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4 du thao\n%%EOF")


def submit(access, task, text="Dự thảo Báo cáo chính trị lần 1", files=()):
    return services.appraisal_submit(access=access, task=task, text=text, files=files)


def fresh(task: Task) -> Task:
    return Task.objects.get(pk=task.pk)


def test_the_lead_submits_and_the_appraiser_returns_then_approves_the_resubmission(
    world, secretariat_access, propaganda_access, finance_access
):
    task = appraised_task(world, secretariat_access)
    first = submit(propaganda_access, task, files=[pdf()])
    assert first.number == 1 and first.appraiser == world.agencies["stc"]
    assert fresh(task).appraisal_state == AppraisalState.PENDING
    assert first.files.get().original_name == "du-thao.pdf"

    services.appraisal_decide(
        access=finance_access,
        task=fresh(task),
        decision=AppraisalState.RETURNED,
        opinion="Bổ sung số liệu kinh tế - xã hội năm 2020.",
    )
    assert fresh(task).appraisal_state == AppraisalState.RETURNED
    second = submit(propaganda_access, fresh(task), text="Đã bổ sung số liệu theo ý kiến")
    assert second.number == 2
    services.appraisal_decide(
        access=finance_access, task=fresh(task), decision=AppraisalState.APPROVED, opinion=""
    )

    rounds = list(AppraisalRound.objects.filter(task=task).order_by("number"))
    assert [(r.number, r.state) for r in rounds] == [
        (1, AppraisalState.RETURNED),
        (2, AppraisalState.APPROVED),
    ]
    assert rounds[0].opinion == "Bổ sung số liệu kinh tế - xã hội năm 2020."
    assert rounds[1].decided_by == finance_access.user
    assert fresh(task).appraisal_state == AppraisalState.APPROVED
    actions = [e.action for e in history_of(task)]
    assert actions.count(AppraisalAction.SUBMITTED.value) == 2
    assert actions.count(AppraisalAction.RETURNED.value) == 1
    assert actions.count(AppraisalAction.APPROVED.value) == 1


def test_the_lead_cannot_report_completion_before_the_approval(
    world, secretariat_access, propaganda_access, finance_access
):
    task = appraised_task(world, secretariat_access)
    assert not permissions.can_report_completion(propaganda_access, task)
    assert "gửi sản phẩm ở mục “Thẩm định”" in permissions.completion_refusal(
        propaganda_access, task
    )
    with pytest.raises(PermissionDenied, match="đơn vị thẩm định thông qua"):
        services.task_report_progress(
            access=propaganda_access, task=task, text="Xong", percent=100, reports_completion=True
        )
    assert fresh(task).reported_complete_on is None

    submit(propaganda_access, task)
    assert not permissions.can_report_completion(propaganda_access, fresh(task))
    assert "đang chờ đơn vị thẩm định" in permissions.completion_refusal(
        propaganda_access, fresh(task)
    )
    services.appraisal_decide(
        access=finance_access, task=fresh(task), decision=AppraisalState.APPROVED, opinion="Đạt"
    )
    assert permissions.can_report_completion(propaganda_access, fresh(task))
    services.task_report_progress(
        access=propaganda_access,
        task=fresh(task),
        text="Hoàn thành",
        percent=100,
        reports_completion=True,
    )
    assert fresh(task).reported_complete_on is not None


def test_a_task_without_appraiser_completes_as_before(world, secretariat_access, propaganda_access):
    task = appraised_task(world, secretariat_access, appraiser=None)
    assert permissions.can_report_completion(propaganda_access, task)


def test_an_appraisal_on_a_task_without_appraiser_is_refused_and_nothing_saved(
    world, secretariat_access, propaganda_access
):
    task = appraised_task(world, secretariat_access, appraiser=None)
    with pytest.raises(BusinessError, match="không có đơn vị thẩm định"):
        submit(propaganda_access, task, files=[pdf()])
    assert not AppraisalRound.objects.exists()
    assert not AppraisalFile.objects.exists()
    assert fresh(task).appraisal_state == ""
    assert not history_of(task).filter(action=AppraisalAction.SUBMITTED.value).exists()


@pytest.mark.parametrize(
    ("text", "upload", "message"),
    [
        ("   ", None, "nêu sản phẩm"),
        ("Dự thảo", SimpleUploadedFile("virus.exe", b"MZ"), "không đúng định dạng"),
        ("Dự thảo", SimpleUploadedFile("gia.pdf", b"PK\x03\x04 not a pdf"), "không khớp"),
        ("Dự thảo", SimpleUploadedFile("rong.pdf", b""), "rỗng"),
    ],
)
def test_bad_submissions_are_refused_in_vietnamese_and_save_nothing(
    world, secretariat_access, propaganda_access, text, upload, message
):
    task = appraised_task(world, secretariat_access)
    with pytest.raises(BusinessError, match=message):
        submit(propaganda_access, task, text=text, files=[upload] if upload else [])
    assert not AppraisalRound.objects.exists()
    assert fresh(task).appraisal_state == ""


def test_a_second_submission_while_one_waits_is_refused(
    world, secretariat_access, propaganda_access
):
    task = appraised_task(world, secretariat_access)
    submit(propaganda_access, task)
    with pytest.raises(BusinessError, match="đang chờ đơn vị thẩm định"):
        submit(propaganda_access, fresh(task), text="Gửi thêm")
    assert AppraisalRound.objects.count() == 1


def test_an_approved_product_is_not_submitted_again(
    world, secretariat_access, propaganda_access, finance_access
):
    task = appraised_task(world, secretariat_access)
    submit(propaganda_access, task)
    services.appraisal_decide(
        access=finance_access, task=fresh(task), decision=AppraisalState.APPROVED, opinion=""
    )
    with pytest.raises(BusinessError, match="đã được đơn vị thẩm định thông qua"):
        submit(propaganda_access, fresh(task))


def test_returning_without_an_opinion_is_refused_and_the_product_still_waits(
    world, secretariat_access, propaganda_access, finance_access
):
    task = appraised_task(world, secretariat_access)
    submit(propaganda_access, task)
    with pytest.raises(BusinessError, match="phải ghi rõ ý kiến"):
        services.appraisal_decide(
            access=finance_access, task=fresh(task), decision=AppraisalState.RETURNED, opinion=" "
        )
    with pytest.raises(BusinessError, match="thông qua hoặc trả lại"):
        services.appraisal_decide(
            access=finance_access, task=fresh(task), decision="maybe", opinion="Ý kiến"
        )
    assert fresh(task).appraisal_state == AppraisalState.PENDING
    assert AppraisalRound.objects.get().state == AppraisalState.PENDING


def test_deciding_with_nothing_waiting_is_refused(world, secretariat_access, finance_access):
    task = appraised_task(world, secretariat_access)
    with pytest.raises(BusinessError, match="Không có sản phẩm nào đang chờ"):
        services.appraisal_decide(
            access=finance_access, task=task, decision=AppraisalState.APPROVED, opinion=""
        )


def test_only_the_lead_submits_and_only_the_appraiser_decides(
    world, secretariat_access, propaganda_access, finance_access
):
    task = appraised_task(world, secretariat_access)
    coordinator = officer_of(world, "svh", "phoihop")
    for access in (finance_access, coordinator, secretariat_access):
        with pytest.raises(PermissionDenied):
            submit(access, task)
    submit(propaganda_access, task)
    for access in (propaganda_access, coordinator, secretariat_access):
        with pytest.raises(PermissionDenied):
            services.appraisal_decide(
                access=access, task=fresh(task), decision=AppraisalState.APPROVED, opinion=""
            )
    assert fresh(task).appraisal_state == AppraisalState.PENDING


def test_only_the_lead_the_appraiser_and_the_whole_congress_read_the_appraisal(
    world, secretariat_access, leader_access, propaganda_access, finance_access
):
    task = appraised_task(world, secretariat_access)
    assert permissions.can_view_appraisal(propaganda_access, task)
    assert permissions.can_view_appraisal(finance_access, task)
    assert permissions.can_view_appraisal(secretariat_access, task)
    assert permissions.can_view_appraisal(leader_access, task)
    assert not permissions.can_view_appraisal(officer_of(world, "svh", "phoihop"), task)
    assert not permissions.can_view_appraisal(officer_of(world, "ca", "congan"), task)
