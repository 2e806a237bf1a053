import datetime as dt
import threading

import pytest
import time_machine
from django.db import connection

from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError, ConflictError, PermissionDenied
from daihoi.planning import services
from daihoi.planning.models import Area, Phase, ProgressUpdate, Task, TaskAssignment
from daihoi.planning.status import StatusClass

pytestmark = pytest.mark.django_db


def travel(day: dt.date):
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, 9, 0), tick=False)


def make_task(access, world, **overrides) -> Task:
    fields = dict(
        title="Xây dựng chuyên trang tuyên truyền về Đại hội",
        lead_agency=world.agencies["btg"],
        coordinating_agencies=[world.agencies["svh"]],
        area=Area.PROPAGANDA,
        phase=Phase.BEFORE,
        deadline=dt.date(2020, 9, 30),
    )
    fields.update(overrides)
    return services.task_create(access=access, fields=services.TaskFields(**fields))


def roles_of(task: Task) -> dict[str, str]:
    return {a.agency.name: a.role for a in task.assignments.select_related("agency")}


def test_task_create_writes_one_assignment_row_per_agency_including_the_lead(
    world, secretariat_access
):
    task = make_task(secretariat_access, world, appraising_agency=world.agencies["stc"])
    assert roles_of(task) == {
        "Ban Tuyên giáo Tỉnh ủy": "lead",
        "Sở Văn hóa, Thể thao và Du lịch": "coordinate",
        "Sở Tài chính": "appraise",
    }
    assert set(task.assignments.values_list("deadline", flat=True)) == {dt.date(2020, 9, 30)}
    assert history_of(task).count() == 1


def test_coordinating_agency_equal_to_lead_is_refused_and_nothing_saved(world, secretariat_access):
    with pytest.raises(BusinessError, match="không được trùng với đơn vị chủ trì"):
        make_task(secretariat_access, world, coordinating_agencies=[world.agencies["btg"]])
    assert not Task.objects.exists()
    assert not TaskAssignment.objects.exists()


def test_deadline_before_start_is_refused(world, secretariat_access):
    with pytest.raises(BusinessError, match="không được trước ngày bắt đầu"):
        make_task(
            secretariat_access, world, start_date=dt.date(2020, 10, 1), deadline=dt.date(2020, 9, 1)
        )
    assert not Task.objects.exists()


def test_agency_of_another_congress_cannot_be_assigned(world, secretariat_access):
    with pytest.raises(BusinessError, match="không thuộc Đại hội này"):
        make_task(secretariat_access, world, coordinating_agencies=[world.other_agency])
    assert not Task.objects.exists()


def test_agency_officer_cannot_create_tasks(world, propaganda_access):
    with pytest.raises(PermissionDenied):
        make_task(propaganda_access, world)


def test_relative_deadline_follows_the_opening_day_when_the_congress_moves(
    world, secretariat_access
):
    task = make_task(secretariat_access, world, deadline=None, deadline_offset_days=-30)
    assert task.deadline == dt.date(2020, 9, 14)  # opening 14/10/2020
    assert task.deadline_label == "D−30"
    fixed = make_task(secretariat_access, world, title="Hạn cố định", deadline=dt.date(2020, 9, 20))

    moved = services.congress_reschedule(
        access=secretariat_access, opening_date=dt.date(2020, 10, 24)
    )

    task.refresh_from_db()
    fixed.refresh_from_db()
    assert moved == 1
    assert task.deadline == dt.date(2020, 9, 24)
    assert fixed.deadline == dt.date(2020, 9, 20)
    assert set(task.assignments.values_list("deadline", flat=True)) == {dt.date(2020, 9, 24)}


def test_each_moved_task_records_its_old_and_new_deadline_in_its_history(world, secretariat_access):
    task = make_task(secretariat_access, world, deadline=None, deadline_offset_days=-30)
    fixed = make_task(secretariat_access, world, title="Hạn cố định", deadline=dt.date(2020, 9, 20))
    services.congress_reschedule(access=secretariat_access, opening_date=dt.date(2020, 10, 24))
    entry = history_of(task)[0]
    assert entry.action == "task.deadline_moved"
    assert entry.data["changes"] == [["Hạn hoàn thành", "14/09/2020", "24/09/2020"]]
    assert history_of(fixed)[0].action == "task.created"
    assert task.history.count() == 2  # the row versions underneath follow too


def test_rescheduling_costs_the_same_queries_for_two_or_twenty_moved_tasks(
    world, secretariat_access, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    def reschedule(day):
        with django_capture_on_commit_callbacks(execute=True):
            services.congress_reschedule(access=secretariat_access, opening_date=day)

    for i in range(2):
        make_task(secretariat_access, world, title=f"Việc {i}", deadline_offset_days=-i - 1)
    with django_assert_max_num_queries(40) as few:
        reschedule(dt.date(2020, 10, 20))
    for i in range(2, 20):
        make_task(secretariat_access, world, title=f"Việc {i}", deadline_offset_days=-i - 1)
    with django_assert_max_num_queries(len(few.captured_queries)):
        reschedule(dt.date(2020, 10, 24))


def test_relative_deadline_needs_an_opening_day(world, secretariat_access):
    world.congress.opening_date = None
    world.congress.save()
    with pytest.raises(BusinessError, match="chưa có ngày khai mạc"):
        make_task(secretariat_access, world, deadline=None, deadline_offset_days=-10)


def test_progress_percent_outside_0_100_is_refused(world, secretariat_access, propaganda_access):
    task = make_task(secretariat_access, world)
    with pytest.raises(BusinessError, match="từ 0 đến 100"):
        services.task_report_progress(access=propaganda_access, task=task, text="x", percent=120)
    assert not ProgressUpdate.objects.exists()


def test_coordinating_agency_reports_progress_but_cannot_report_completion(
    world, secretariat_access, leader_access
):
    from daihoi.accounts.models import Role
    from daihoi.organizations.permissions import Access

    task = make_task(secretariat_access, world)
    coordinator = Access(
        world.users["officer2"], world.congress, Role.AGENCY_OFFICER, world.agencies["svh"].pk
    )
    services.task_report_progress(
        access=coordinator, task=task, text="Đã chuẩn bị pano", percent=40
    )
    with pytest.raises(PermissionDenied, match="Chỉ đơn vị chủ trì"):
        services.task_report_progress(
            access=coordinator, task=task, text="Xong", percent=100, reports_completion=True
        )
    task.refresh_from_db()
    assert task.reported_complete_on is None
    # A coordinator's percent does not overwrite the lead's progress.
    assert task.progress == 0


def test_unassigned_agency_cannot_report_progress(world, secretariat_access, finance_access):
    task = make_task(secretariat_access, world)
    with pytest.raises(PermissionDenied):
        services.task_report_progress(access=finance_access, task=task, text="x", percent=10)


def test_slow_acceptance_does_not_make_the_lead_agency_late(
    world, secretariat_access, propaganda_access, leader_access
):
    task = make_task(secretariat_access, world, deadline=dt.date(2020, 9, 30))
    with travel(dt.date(2020, 9, 30)):
        services.task_report_progress(
            access=propaganda_access,
            task=task,
            text="Hoàn thành",
            percent=100,
            reports_completion=True,
        )
    task.refresh_from_db()
    assert task.awaiting_acceptance
    assert task.status_class(dt.date(2020, 10, 5)) == StatusClass.OPEN_ON_TIME

    with travel(dt.date(2020, 10, 5)):
        services.task_accept(access=leader_access, task=task)

    task.refresh_from_db()
    assert task.accepted
    assert task.reported_complete_on == dt.date(2020, 9, 30)
    assert task.status_class(dt.date(2020, 10, 5)) == StatusClass.DONE_ON_TIME
    assert set(task.assignments.values_list("accepted", flat=True)) == {True}


def test_completion_reported_after_the_deadline_counts_as_late(
    world, secretariat_access, propaganda_access, leader_access
):
    task = make_task(secretariat_access, world, deadline=dt.date(2020, 9, 30))
    with travel(dt.date(2020, 10, 2)):
        services.task_report_progress(
            access=propaganda_access, task=task, text="Xong", percent=100, reports_completion=True
        )
        services.task_accept(access=leader_access, task=task)
    task.refresh_from_db()
    assert task.status_class(dt.date(2020, 10, 2)) == StatusClass.DONE_LATE


def test_returned_task_goes_back_to_open_with_the_leaders_comment(
    world, secretariat_access, propaganda_access, leader_access
):
    task = make_task(secretariat_access, world)
    services.task_report_progress(
        access=propaganda_access, task=task, text="Xong", percent=100, reports_completion=True
    )
    with pytest.raises(BusinessError, match="ghi rõ ý kiến"):
        services.task_return(access=leader_access, task=task, comment="  ")
    services.task_return(access=leader_access, task=task, comment="Bổ sung ảnh chụp pano")
    task.refresh_from_db()
    assert task.reported_complete_on is None and not task.accepted
    assert task.reviews.get().comment == "Bổ sung ảnh chụp pano"
    entry = history_of(task)[0]
    assert "Trả lại" in entry.label and entry.reason == "Bổ sung ảnh chụp pano"


def test_a_returned_task_is_marked_returned_on_itself_and_its_assignment_rows(
    world, secretariat_access, propaganda_access, leader_access, today
):
    from daihoi.planning import selectors
    from daihoi.planning.selectors import TaskFilters

    task = make_task(secretariat_access, world)
    services.task_report_progress(access=propaganda_access, task=task, text="Dở", percent=70)
    services.task_report_progress(
        access=propaganda_access, task=task, text="Xong", percent=100, reports_completion=True
    )
    services.task_return(access=leader_access, task=task, comment="Thiếu ảnh chụp pano")
    task.refresh_from_db()
    assert task.is_returned and task.return_comment == "Thiếu ảnh chụp pano"
    assert task.progress == 70  # the last percent reported before the completion
    assert set(task.assignments.values_list("returned", flat=True)) == {True}
    returned = selectors.tasks_visible_to(leader_access, TaskFilters(returned=True), today)
    assert list(returned) == [task]
    assert selectors.status_counts(leader_access, today)["returned"] == 1

    services.task_report_progress(
        access=propaganda_access, task=task, text="Đã bổ sung", percent=100, reports_completion=True
    )
    task.refresh_from_db()
    assert not task.is_returned and task.returned_at is None and task.return_comment == ""
    assert set(task.assignments.values_list("returned", flat=True)) == {False}
    assert list(selectors.tasks_visible_to(leader_access, TaskFilters(returned=True), today)) == []


def test_a_returned_task_without_earlier_reports_goes_back_to_ninety_percent(
    world, secretariat_access, propaganda_access, leader_access
):
    task = make_task(secretariat_access, world)
    services.task_report_progress(
        access=propaganda_access, task=task, text="Xong", percent=100, reports_completion=True
    )
    services.task_return(access=leader_access, task=task, comment="Bổ sung")
    task.refresh_from_db()
    assert task.progress == 90


def test_accepting_a_task_clears_an_earlier_return(
    world, secretariat_access, propaganda_access, leader_access
):
    task = make_task(secretariat_access, world)
    for comment in ["Bổ sung", None]:
        services.task_report_progress(
            access=propaganda_access, task=task, text="Xong", percent=100, reports_completion=True
        )
        if comment:
            services.task_return(access=leader_access, task=task, comment=comment)
    services.task_accept(access=leader_access, task=task)
    task.refresh_from_db()
    assert task.accepted and not task.is_returned and task.returned_at is None


def test_agency_officer_cannot_accept_a_task(world, secretariat_access, propaganda_access):
    task = make_task(secretariat_access, world)
    services.task_report_progress(
        access=propaganda_access, task=task, text="Xong", percent=100, reports_completion=True
    )
    with pytest.raises(PermissionDenied):
        services.task_accept(access=propaganda_access, task=task)


def test_task_not_reported_complete_cannot_be_accepted(world, secretariat_access, leader_access):
    task = make_task(secretariat_access, world)
    with pytest.raises(PermissionDenied):
        services.task_accept(access=leader_access, task=task)


def test_stale_edit_is_refused_instead_of_overwriting(world, secretariat_access, admin_access):
    task = make_task(secretariat_access, world)
    opened_version = task.version
    kwargs = dict(
        title="Sửa lần một",
        lead_agency=world.agencies["btg"],
        area=Area.PROPAGANDA,
        phase=Phase.BEFORE,
    )
    services.task_update(
        access=admin_access,
        task=task,
        expected_version=opened_version,
        fields=services.TaskFields(**kwargs),
    )
    with pytest.raises(ConflictError, match="người khác cập nhật"):
        services.task_update(
            access=secretariat_access,
            task=task,
            expected_version=opened_version,
            fields=services.TaskFields(**{**kwargs, "title": "Sửa lần hai"}),
        )
    task.refresh_from_db()
    assert task.title == "Sửa lần một"


def test_update_rewrites_assignment_rows(world, secretariat_access):
    task = make_task(secretariat_access, world)
    services.task_update(
        access=secretariat_access,
        task=task,
        expected_version=task.version,
        fields=services.TaskFields(
            title=task.title,
            lead_agency=world.agencies["vptu"],
            coordinating_agencies=[world.agencies["btg"], world.agencies["ca"]],
            area=Area.LOGISTICS,
            phase=Phase.DURING,
        ),
    )
    assert roles_of(task) == {
        "Văn phòng Tỉnh ủy": "lead",
        "Ban Tuyên giáo Tỉnh ủy": "coordinate",
        "Công an tỉnh": "coordinate",
    }
    changed = {label for label, _, _ in history_of(task)[0].changes}
    assert {"Đơn vị chủ trì", "Lĩnh vực", "Giai đoạn"} <= changed


def test_cancelled_task_leaves_the_inbox_rows_marked(world, secretariat_access):
    task = make_task(secretariat_access, world)
    services.task_set_halt(access=secretariat_access, task=task, state="cancelled", reason="Trùng")
    assert set(task.assignments.values_list("cancelled", flat=True)) == {True}
    task.refresh_from_db()
    assert task.status_class(dt.date(2020, 9, 1)) == StatusClass.CANCELLED


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_edits_of_one_task_do_not_both_win(world, secretariat_access, admin_access):
    if connection.vendor != "postgresql":
        pytest.skip("Row locks are only meaningful on PostgreSQL")
    task = make_task(secretariat_access, world)
    version = task.version
    results = []

    def edit(access, title):
        from django.db import connections

        try:
            services.task_update(
                access=access,
                task=task,
                expected_version=version,
                fields=services.TaskFields(
                    title=title,
                    lead_agency=world.agencies["btg"],
                    area=Area.PROPAGANDA,
                    phase=Phase.BEFORE,
                ),
            )
            results.append("ok")
        except ConflictError:
            results.append("conflict")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=edit, args=(secretariat_access, "A")),
        threading.Thread(target=edit, args=(admin_access, "B")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["conflict", "ok"]


def test_history_rows_name_the_acting_user_outside_a_request(world, secretariat_access):
    task = make_task(secretariat_access, world)
    entry = history_of(task).get()
    assert entry.actor == world.users["secretariat"]
    assert entry.label == "Giao nhiệm vụ"


def test_secretariat_report_is_recorded_on_behalf_of_the_lead_agency(world, admin_access):
    task = make_task(admin_access, world)
    update = services.task_report_progress(
        access=admin_access, task=task, text="Văn phòng nhập thay", percent=55
    )
    task.refresh_from_db()
    assert update.agency == world.agencies["btg"]
    assert task.progress == 55


def test_an_obstacle_stays_open_after_its_task_is_accepted_until_someone_resolves_it(
    world, secretariat_access, propaganda_access, leader_access
):
    from daihoi.planning import selectors

    task = make_task(secretariat_access, world)
    services.task_report_progress(
        access=propaganda_access,
        task=task,
        text="Xong",
        percent=100,
        obstacle="Thiếu cờ",
        reports_completion=True,
    )
    assert [u.obstacle for u in selectors.open_obstacles(leader_access)] == ["Thiếu cờ"]
    services.task_accept(access=leader_access, task=task)
    assert [u.obstacle for u in selectors.open_obstacles(leader_access)] == ["Thiếu cờ"]
    assert selectors.open_obstacle_count(leader_access) == 1
    update = ProgressUpdate.objects.get(task=task)
    services.obstacle_resolve(access=leader_access, update=update)
    assert list(selectors.open_obstacles(leader_access)) == []
    assert selectors.open_obstacle_count(leader_access) == 0


def test_an_obstacle_of_a_paused_task_stays_open_and_of_a_cancelled_task_is_moot(
    world, secretariat_access, propaganda_access, leader_access
):
    from daihoi.meetings.selectors import proposed_obstacles
    from daihoi.planning import selectors
    from daihoi.planning.models import HaltState
    from daihoi.reporting.selectors import consolidated

    task = make_task(secretariat_access, world)
    services.task_report_progress(
        access=propaganda_access, task=task, text="Đang làm", percent=40, obstacle="Thiếu kinh phí"
    )
    services.task_set_halt(access=secretariat_access, task=task, state=HaltState.PAUSED)
    assert selectors.open_obstacle_count(leader_access) == 1
    assert len(proposed_obstacles(leader_access, None, None)) == 1
    assert len(consolidated(leader_access, dt.date(2020, 9, 1)).obstacles) == 1
    services.task_set_halt(access=secretariat_access, task=task, state=HaltState.CANCELLED)
    assert selectors.open_obstacle_count(leader_access) == 0
    assert len(proposed_obstacles(leader_access, None, None)) == 0
    assert len(consolidated(leader_access, dt.date(2020, 9, 1)).obstacles) == 0


def test_domain_events_are_sent_only_after_commit(
    world, secretariat_access, propaganda_access, leader_access, django_capture_on_commit_callbacks
):
    from daihoi.planning import signals

    received = []

    def listen(signal_name):
        def receiver(sender, **kwargs):
            received.append((signal_name, kwargs.get("decision")))

        return receiver

    receivers = {name: listen(name) for name in ["assigned", "completed", "reviewed"]}
    signals.task_assigned.connect(receivers["assigned"])
    signals.task_completion_reported.connect(receivers["completed"])
    signals.task_reviewed.connect(receivers["reviewed"])
    try:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            task = make_task(secretariat_access, world)
        assert received == []  # nothing before the commit
        for callback in callbacks:
            callback()
        with django_capture_on_commit_callbacks(execute=True):
            services.task_report_progress(
                access=propaganda_access,
                task=task,
                text="Xong",
                percent=100,
                reports_completion=True,
            )
            services.task_accept(access=leader_access, task=task)
    finally:
        signals.task_assigned.disconnect(receivers["assigned"])
        signals.task_completion_reported.disconnect(receivers["completed"])
        signals.task_reviewed.disconnect(receivers["reviewed"])
    assert received == [("assigned", None), ("completed", None), ("reviewed", "accepted")]
