"""Detailed plans (kế hoạch chi tiết): the lead agency's works under its task, the approval
round (submit, return with comments, resubmit, approve), and the task's progress following its
works."""

import datetime as dt

import pytest

from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.notifications.models import Kind, Notification
from daihoi.planning import services
from daihoi.planning.models import (
    Area,
    DetailedPlan,
    DetailedPlanAction,
    DetailedPlanItem,
    Phase,
    Task,
    mean_progress,
)
from daihoi.planning.services import ItemFields

pytestmark = pytest.mark.django_db

TASK_DEADLINE = dt.date(2020, 10, 1)


@pytest.fixture
def task(world, secretariat_access) -> Task:
    return services.task_create(
        access=secretariat_access,
        fields=services.TaskFields(
            title="Tuyên truyền Đại hội trên báo chí",
            lead_agency=world.agencies["btg"],
            coordinating_agencies=[world.agencies["svh"]],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
            deadline=TASK_DEADLINE,
            plan=world.plan,
        ),
    )


def work(title: str, deadline: dt.date = dt.date(2020, 9, 20), **extra) -> ItemFields:
    return ItemFields(
        title=title,
        method=extra.pop("method", "Phối hợp với Báo tỉnh, mở chuyên mục"),
        deadline=deadline,
        responsible=extra.pop("responsible", "Phòng Tuyên truyền"),
        **extra,
    )


def two_works(access, task) -> list[DetailedPlanItem]:
    return [
        services.detailed_item_add(access=access, task=task, fields=work("Mở chuyên mục")),
        services.detailed_item_add(
            access=access,
            task=task,
            fields=work("Tọa đàm", dt.date(2020, 9, 25), start_date=dt.date(2020, 9, 10)),
        ),
    ]


def test_the_first_work_starts_a_draft_plan_of_the_lead_agency(task, propaganda_access, world):
    items = two_works(propaganda_access, task)
    plan = DetailedPlan.objects.get(task=task)
    assert plan.status == DetailedPlan.Status.DRAFT
    assert plan.task.lead_agency == world.agencies["btg"]
    assert [i.position for i in items] == [1, 2]
    assert [e.action for e in history_of(plan)] == [DetailedPlanAction.ITEM_ADDED.value] * 2


def test_a_work_due_after_its_task_is_refused_in_vietnamese_and_nothing_is_saved(
    task, propaganda_access
):
    with pytest.raises(BusinessError) as error:
        services.detailed_item_add(
            access=propaganda_access, task=task, fields=work("Quá hạn", dt.date(2020, 10, 2))
        )
    assert error.value.message == (
        "Hạn của công việc (02/10/2020) không được sau hạn của nhiệm vụ (01/10/2020)."
    )
    assert error.value.field == "deadline"
    assert not DetailedPlan.objects.exists() and not DetailedPlanItem.objects.exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (work("  "), "Vui lòng nhập nội dung công việc."),
        (work("Họp", method=" "), "Vui lòng ghi phương thức thực hiện công việc."),
        (
            work("Họp", dt.date(2020, 9, 5), start_date=dt.date(2020, 9, 6)),
            "Hạn hoàn thành không được trước ngày bắt đầu.",
        ),
    ],
)
def test_bad_works_are_refused_with_a_message(task, propaganda_access, fields, message):
    with pytest.raises(BusinessError, match=message):
        services.detailed_item_add(access=propaganda_access, task=task, fields=fields)
    assert not DetailedPlanItem.objects.exists()


def test_only_the_lead_agencys_officer_writes_the_plan(
    task, secretariat_access, finance_access, world
):
    from daihoi.accounts.models import Role
    from daihoi.organizations.permissions import Access

    coordinator = Access(
        world.users["officer2"], world.congress, Role.AGENCY_OFFICER, world.agencies["svh"].pk
    )
    for access in (secretariat_access, finance_access, coordinator):
        with pytest.raises(PermissionDenied):
            services.detailed_item_add(access=access, task=task, fields=work("Việc"))
    assert not DetailedPlan.objects.exists()


def test_submitting_an_empty_plan_is_refused(task, propaganda_access):
    with pytest.raises(BusinessError, match="chưa có công việc nào"):
        services.detailed_plan_submit(access=propaganda_access, task=task)


def test_submit_return_correct_resubmit_approve(task, propaganda_access, leader_access, world):
    items = two_works(propaganda_access, task)
    plan = services.detailed_plan_submit(access=propaganda_access, task=task)
    assert plan.status == DetailedPlan.Status.SUBMITTED
    first_sent = plan.first_submitted_on
    assert first_sent is not None
    # Sent: the lead cannot change it while it waits.
    with pytest.raises(BusinessError, match="đang chờ phê duyệt"):
        services.detailed_item_update(access=propaganda_access, item=items[0], fields=work("Sửa"))
    with pytest.raises(BusinessError, match="phải ghi rõ ý kiến"):
        services.detailed_plan_return(access=leader_access, task=task, comment="  ")
    plan = services.detailed_plan_return(
        access=leader_access, task=task, comment="Bổ sung người phụ trách từng việc"
    )
    assert plan.status == DetailedPlan.Status.RETURNED
    assert plan.return_comment == "Bổ sung người phụ trách từng việc"
    with pytest.raises(BusinessError, match="đang chờ phê duyệt"):
        services.detailed_plan_approve(access=leader_access, task=task)
    services.detailed_item_update(
        access=propaganda_access,
        item=items[1],
        fields=work("Tọa đàm", dt.date(2020, 9, 25), responsible="Đ/c Hà, Phòng Báo chí"),
    )
    services.detailed_plan_submit(access=propaganda_access, task=task)
    plan = services.detailed_plan_approve(access=leader_access, task=task, comment="Đồng ý")
    assert plan.status == DetailedPlan.Status.APPROVED and plan.return_comment == ""
    assert plan.first_submitted_on == first_sent
    actions = [e.action for e in history_of(plan)][::-1]
    assert actions[2:] == [
        DetailedPlanAction.SUBMITTED,
        DetailedPlanAction.RETURNED,
        DetailedPlanAction.ITEM_UPDATED,
        DetailedPlanAction.SUBMITTED,
        DetailedPlanAction.APPROVED,
    ]
    updated = history_of(plan).get(action=DetailedPlanAction.ITEM_UPDATED)
    assert [
        "Bộ phận, cá nhân thực hiện — Tọa đàm",
        "Phòng Tuyên truyền",
        "Đ/c Hà, Phòng Báo chí",
    ] in updated.data["changes"]


def test_an_agency_officer_cannot_review(task, propaganda_access):
    two_works(propaganda_access, task)
    services.detailed_plan_submit(access=propaganda_access, task=task)
    with pytest.raises(PermissionDenied):
        services.detailed_plan_approve(access=propaganda_access, task=task)


def test_the_round_notifies_the_leaders_then_the_lead_agency(
    task, propaganda_access, leader_access, world, django_capture_on_commit_callbacks
):
    two_works(propaganda_access, task)
    with django_capture_on_commit_callbacks(execute=True):
        services.detailed_plan_submit(access=propaganda_access, task=task)
    told = Notification.objects.filter(kind=Kind.DETAILED_SUBMITTED)
    assert {n.recipient.username for n in told} == {"secretariat", "leader"}
    assert told[0].link.endswith(f"/nhiem-vu/{task.pk}/ke-hoach-chi-tiet/")
    with django_capture_on_commit_callbacks(execute=True):
        services.detailed_plan_return(access=leader_access, task=task, comment="Thiếu mốc")
    returned = Notification.objects.get(kind=Kind.DETAILED_RETURNED)
    assert returned.recipient == world.users["officer"] and "Thiếu mốc" in returned.body
    with django_capture_on_commit_callbacks(execute=True):
        services.detailed_plan_submit(access=propaganda_access, task=task)
        services.detailed_plan_approve(access=leader_access, task=task)
    assert Notification.objects.filter(kind=Kind.DETAILED_SUBMITTED).count() == 4
    assert Notification.objects.get(kind=Kind.DETAILED_APPROVED).recipient.username == "officer"


def test_after_approval_the_task_progress_is_the_mean_of_its_works(
    task, propaganda_access, leader_access
):
    items = two_works(propaganda_access, task)
    with pytest.raises(BusinessError, match="sau khi kế hoạch chi tiết được phê duyệt"):
        services.detailed_item_report_progress(access=propaganda_access, item=items[0], progress=50)
    services.detailed_plan_submit(access=propaganda_access, task=task)
    services.detailed_plan_approve(access=leader_access, task=task)
    services.detailed_item_report_progress(access=propaganda_access, item=items[0], progress=50)
    services.detailed_item_report_progress(access=propaganda_access, item=items[1], progress=75)
    task.refresh_from_db()
    assert task.progress == 63
    with pytest.raises(BusinessError, match="từ 0 đến 100"):
        services.detailed_item_report_progress(
            access=propaganda_access, item=items[0], progress=101
        )
    # The lead's own report keeps its percent but does not move the task's.
    services.task_report_progress(access=propaganda_access, task=task, text="Đang làm", percent=90)
    task.refresh_from_db()
    assert task.progress == 63
    with pytest.raises(BusinessError, match="chưa đạt 100%"):
        services.task_report_progress(
            access=propaganda_access, task=task, text="Xong", percent=100, reports_completion=True
        )
    for item in items:
        services.detailed_item_report_progress(access=propaganda_access, item=item, progress=100)
    services.task_report_progress(
        access=propaganda_access, task=task, text="Xong", percent=100, reports_completion=True
    )
    task.refresh_from_db()
    assert task.progress == 100 and task.reported_complete_on is not None


def test_an_approved_plan_is_not_edited_but_its_progress_is(task, propaganda_access, leader_access):
    items = two_works(propaganda_access, task)
    services.detailed_plan_submit(access=propaganda_access, task=task)
    services.detailed_plan_approve(access=leader_access, task=task)
    with pytest.raises(BusinessError, match="đã được phê duyệt"):
        services.detailed_item_delete(access=propaganda_access, item=items[0])
    assert DetailedPlanItem.objects.count() == 2


def test_a_task_deadline_moved_earlier_blocks_the_submission_naming_the_works(
    task, propaganda_access
):
    two_works(propaganda_access, task)
    Task.objects.filter(pk=task.pk).update(deadline=dt.date(2020, 9, 22))
    task.refresh_from_db()
    with pytest.raises(BusinessError, match="Tọa đàm"):
        services.detailed_plan_submit(access=propaganda_access, task=task)


@pytest.mark.parametrize(
    ("percents", "mean"), [([], 0), ([0], 0), ([50, 75], 63), ([33, 33, 34], 33)]
)
def test_mean_progress_rounds_half_up(percents, mean):
    assert mean_progress(percents) == mean
