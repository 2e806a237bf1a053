"""Every list and table applies the two named rules: an agency officer sees the tasks their agency
is assigned to (lead, coordinate, appraise), and counts the tasks their agency leads; an officer of
another agency sees nothing of them."""

import datetime as dt

import pytest

from daihoi.accounts.models import Role
from daihoi.meetings import services as meeting_services
from daihoi.meetings.models import Meeting
from daihoi.organizations.permissions import Access
from daihoi.planning import selectors, services
from daihoi.planning.models import Area, Phase, ProgressUpdate, Task
from daihoi.planning.selectors import TaskFilters
from daihoi.reporting import selectors as reporting_selectors

pytestmark = pytest.mark.django_db
TODAY = dt.date(2020, 9, 15)


def officer_of(world, key: str) -> Access:
    return Access(
        world.users["officer2"], world.congress, Role.AGENCY_OFFICER, world.agencies[key].pk
    )


@pytest.fixture
def btg_tasks(world, secretariat_access, propaganda_access) -> list[Task]:
    """Tasks led by Ban Tuyên giáo, coordinated by VPTU and appraised by SVH: one overdue with an
    open obstacle, one due in two days, one from a meeting conclusion."""
    common = {
        "lead_agency": world.agencies["btg"],
        "coordinating_agencies": [world.agencies["vptu"]],
        "appraising_agency": world.agencies["svh"],
        "area": Area.PROPAGANDA,
        "phase": Phase.BEFORE,
    }
    overdue = services.task_create(
        access=secretariat_access,
        fields=services.TaskFields(
            title="Quá hạn", deadline=TODAY - dt.timedelta(days=5), **common
        ),
    )
    soon = services.task_create(
        access=secretariat_access,
        fields=services.TaskFields(
            title="Sắp đến hạn", deadline=TODAY + dt.timedelta(days=2), **common
        ),
    )
    meeting = meeting_services.meeting_plan(
        access=secretariat_access,
        title="Họp Tiểu ban",
        kind=Meeting.Kind.SUBCOMMITTEE,
        starts_at=dt.datetime(2020, 8, 20, 8, tzinfo=dt.UTC),
        ends_at=dt.datetime(2020, 8, 20, 10, tzinfo=dt.UTC),
        place="Hội trường",
        chair=world.chair,
    )
    conclusion = meeting_services.conclusion_add(
        access=secretariat_access, meeting=meeting, text="Theo kết luận"
    )
    concluded = meeting_services.conclusion_to_task(
        access=secretariat_access,
        conclusion=conclusion,
        lead_agency=world.agencies["btg"],
        coordinating_agencies=[world.agencies["vptu"]],
        area=Area.PROPAGANDA,
        phase=Phase.BEFORE,
        deadline=TODAY + dt.timedelta(days=30),
    )
    services.task_update(
        access=secretariat_access,
        task=concluded,
        expected_version=None,
        fields=services.TaskFields(
            title="Theo kết luận", deadline=TODAY + dt.timedelta(days=30), **common
        ),
    )
    concluded.refresh_from_db()
    services.task_report_progress(
        access=propaganda_access, task=overdue, text="Đang làm", percent=30, obstacle="Thiếu cờ"
    )
    return [overdue, soon, concluded]


def test_the_named_rules_read_assignment_rows_and_the_lead_column(world, btg_tasks):
    btg, vptu, svh, ca = (world.agencies[k].pk for k in ("btg", "vptu", "svh", "ca"))
    for agency in (btg, vptu, svh):
        assert Task.objects.assigned_to(agency).count() == 3
    assert Task.objects.assigned_to(ca).count() == 0
    assert Task.objects.led_by(btg).count() == 3
    assert Task.objects.led_by(vptu).count() == 0
    assert " OR " not in str(Task.objects.assigned_to(btg).query)


@pytest.mark.parametrize("key", ["btg", "vptu", "svh"])
def test_every_assigned_agency_sees_the_tasks_in_its_lists(world, btg_tasks, key):
    access = officer_of(world, key)
    assert len(selectors.tasks_visible_to(access, TaskFilters(), TODAY)) == 3
    assert len(selectors.due_soon(access, TODAY)) == 1
    assert len(selectors.open_conclusion_tasks(access)) == 1
    assert len(selectors.open_obstacles(access)) == 1
    assert len(selectors.agency_inbox(access, world.agencies[key])) == 3


def test_only_the_lead_agency_counts_the_tasks_in_its_figures(world, btg_tasks):
    lead, coordinator = officer_of(world, "btg"), officer_of(world, "vptu")
    assert selectors.status_counts(lead, TODAY)["total"] == 3
    assert selectors.status_counts(coordinator, TODAY)["total"] == 0
    assert [r.agency.pk for r in selectors.agency_table(lead, TODAY)] == [world.agencies["btg"].pk]
    assert selectors.agency_table(coordinator, TODAY) == []


def test_an_officer_of_another_agency_sees_nothing_of_them(
    world, btg_tasks, django_assert_max_num_queries
):
    outsider = officer_of(world, "ca")
    btg = world.agencies["btg"]
    assert list(selectors.tasks_visible_to(outsider, TaskFilters(), TODAY)) == []
    assert list(selectors.tasks_visible_to(outsider, TaskFilters(agency=btg.pk), TODAY)) == []
    assert list(selectors.agency_inbox(outsider, btg)) == []
    with django_assert_max_num_queries(1):
        board = selectors.dashboard_counts(outsider, TODAY)
    assert board.counts["total"] == 0
    assert board.agencies_behind == [] and board.areas == []
    assert selectors.status_counts(outsider, TODAY)["total"] == 0
    assert selectors.status_counts(outsider, TODAY, agency_id=btg.pk)["total"] == 0
    assert selectors.agency_table(outsider, TODAY) == []
    assert selectors.agency_table(outsider, TODAY, behind_only=True) == []
    assert selectors.area_table(outsider, TODAY) == []
    assert list(selectors.due_soon(outsider, TODAY)) == []
    assert list(selectors.open_obstacles(outsider)) == []
    assert list(selectors.open_obstacles(outsider, limit=None)) == []
    assert list(selectors.open_conclusion_tasks(outsider)) == []


def test_reporting_lists_show_an_officer_of_another_agency_nothing_of_them(world, btg_tasks):
    outsider = officer_of(world, "ca")
    report = reporting_selectors.consolidated(outsider, TODAY)
    assert report.counts["total"] == 0
    assert report.by_agency == [] and report.by_area == []
    assert report.overdue == [] and report.obstacles == [] and report.open_conclusions == []
    cards = reporting_selectors.scorecards(outsider, TODAY, agency_id=world.agencies["btg"].pk)
    assert all(card.agency.pk == world.agencies["ca"].pk for card in cards)
    assert sum(card.tasks for card in cards) == 0
    found = reporting_selectors.warnings(outsider, TODAY)
    assert found.red == [] and found.orange == []


def test_the_whole_congress_sees_them_in_every_list(world, btg_tasks, secretariat_access):
    report = reporting_selectors.consolidated(secretariat_access, TODAY)
    assert report.counts["total"] == 3
    assert [r.agency.pk for r in report.by_agency] == [world.agencies["btg"].pk]
    assert [t.title for t in report.overdue] == ["Quá hạn"]
    assert len(report.obstacles) == 1 and len(report.open_conclusions) == 1
    found = reporting_selectors.warnings(secretariat_access, TODAY)
    assert [t.title for t in found.red] == ["Quá hạn"]
    assert [t.title for t in found.orange] == ["Sắp đến hạn"]
    assert ProgressUpdate.objects.visible_to(secretariat_access).count() == 1
