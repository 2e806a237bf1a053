"""The task import saves new rows in bulk: the same number of queries for 20 rows as for 600
(bounded per batch of 500), every row or none, each task with its assignment rows, history,
audit entry and place in the summary, and one notice per agency officer."""

import pytest

from daihoi.core.audit import history_of
from daihoi.core.dates import today as local_today
from daihoi.notifications.models import Notification
from daihoi.planning import services as planning_services
from daihoi.planning import summary
from daihoi.planning.models import Area, Phase, Task, TaskAssignment
from daihoi.reporting import imports

pytestmark = pytest.mark.django_db


def rows(world, n, start=0):
    btg, stc = world.agencies["btg"], world.agencies["stc"]
    return [
        imports.ImportRow(
            line=i + 2,
            title=f"Nhiệm vụ nhập số {i}",
            lead_id=btg.pk,
            lead_name=btg.name,
            coordinating_ids=[stc.pk],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
            deadline="2020-10-01",
        )
        for i in range(start, start + n)
    ]


def test_saving_new_rows_costs_the_same_queries_for_20_or_600(
    world, secretariat_access, django_assert_max_num_queries
):
    summary.rebuild(world.congress.pk)
    with django_assert_max_num_queries(30) as few:
        imports.tasks_import(access=secretariat_access, rows=rows(world, 20))
    # One more batch of 500 adds a handful of INSERTs (tasks, assignment rows, history, audit,
    # summary; SQLite splits the larger ones), never a query per row: 600 rows one by one
    # would send thousands.
    budget = len(few.captured_queries) + 12
    with django_assert_max_num_queries(budget):
        created, _ = imports.tasks_import(access=secretariat_access, rows=rows(world, 600, 20))
    assert len(created) == 600
    task = Task.objects.get(title="Nhiệm vụ nhập số 300")
    assert {(a.agency_id, a.role) for a in task.assignments.all()} == {
        (world.agencies["btg"].pk, TaskAssignment.Role.LEAD),
        (world.agencies["stc"].pk, TaskAssignment.Role.COORDINATE),
    }
    assert task.history.count() == 1
    assert history_of(task).filter(action="task.created").exists()
    assert task.search_text and "ban tuyen giao" in task.search_text
    assert summary.stored_cells(world.congress.pk) == summary.direct_cells(
        world.congress.pk, local_today()
    )


def test_one_refused_row_saves_nothing(world, secretariat_access):
    bad = rows(world, 5)
    bad[3].lead_id = world.other_agency.pk  # an agency of another congress
    with pytest.raises(imports.TaskImportError) as refused:
        imports.tasks_import(access=secretariat_access, rows=bad)
    assert "Dòng" in refused.value.errors[0]
    assert not Task.objects.filter(title__startswith="Nhiệm vụ nhập số").exists()


def test_a_refused_task_in_the_bulk_service_names_its_position(world, secretariat_access):
    good = planning_services.TaskFields(
        title="Được",
        lead_agency=world.agencies["btg"],
        area=Area.PROPAGANDA,
        phase=Phase.BEFORE,
    )
    bad = planning_services.TaskFields(
        title="Không được",
        lead_agency=world.agencies["btg"],
        coordinating_agencies=[world.agencies["btg"]],
        area=Area.PROPAGANDA,
        phase=Phase.BEFORE,
    )
    with pytest.raises(planning_services.BulkTaskError) as refused:
        planning_services.tasks_create_bulk(access=secretariat_access, fields=[good, bad])
    assert refused.value.index == 1
    assert not Task.objects.filter(title="Được").exists()


def test_each_officer_hears_once_how_many_tasks_the_import_gave_their_agency(
    world, secretariat_access, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        imports.tasks_import(access=secretariat_access, rows=rows(world, 12))
    notices = Notification.objects.filter(recipient=world.users["officer"])
    assert notices.count() == 1
    assert notices.get().title.startswith("12 nhiệm vụ mới")
    assert Notification.objects.filter(recipient=world.users["officer2"]).count() == 1
