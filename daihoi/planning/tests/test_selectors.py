import datetime as dt

import pytest

from daihoi.planning import selectors, services
from daihoi.planning.models import Area, Phase, TaskAssignment
from daihoi.planning.selectors import TaskFilters
from daihoi.planning.status import StatusClass
from daihoi.testing.factories import AgencyFactory, TaskFactory

pytestmark = pytest.mark.django_db
TODAY = dt.date(2020, 9, 15)


def task(access, world, title, lead="btg", coordinating=(), **extra):
    return services.task_create(
        access=access,
        fields=services.TaskFields(
            title=title,
            lead_agency=world.agencies[lead],
            coordinating_agencies=[world.agencies[k] for k in coordinating],
            area=extra.pop("area", Area.PROPAGANDA),
            phase=Phase.BEFORE,
            **extra,
        ),
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dai hoi", {"Tuyên truyền Đại hội trên báo"}),
        ("ĐẠI HỘI", {"Tuyên truyền Đại hội trên báo"}),
        ("so tai chinh", {"Bố trí kinh phí"}),
        ("kinh phi bo tri", {"Bố trí kinh phí"}),
        ("STC", {"Bố trí kinh phí"}),
        ("pano", set()),
    ],
)
def test_search_ignores_diacritics_case_and_word_order(world, secretariat_access, query, expected):
    task(secretariat_access, world, "Tuyên truyền Đại hội trên báo")
    task(secretariat_access, world, "Bố trí kinh phí", lead="stc", area=Area.FINANCE)
    found = selectors.tasks_visible_to(secretariat_access, TaskFilters(q=query), TODAY)
    assert {t.title for t in found} == expected


def test_agency_officer_sees_only_tasks_their_agency_leads_or_coordinates(
    world, secretariat_access, propaganda_access
):
    task(secretariat_access, world, "Chủ trì", lead="btg")
    task(secretariat_access, world, "Phối hợp", lead="vptu", coordinating=["btg"])
    task(secretariat_access, world, "Của đơn vị khác", lead="stc")
    visible = selectors.tasks_visible_to(propaganda_access, TaskFilters(), TODAY)
    assert {t.title for t in visible} == {"Chủ trì", "Phối hợp"}
    inbox = selectors.agency_inbox(propaganda_access, world.agencies["btg"])
    assert {(row.task.title, row.role) for row in inbox} == {
        ("Chủ trì", "lead"),
        ("Phối hợp", "coordinate"),
    }


def test_filters_by_agency_role_status_area_and_deadline(world, secretariat_access):
    task(secretariat_access, world, "Quá hạn", deadline=dt.date(2020, 9, 1))
    task(secretariat_access, world, "Trong hạn", deadline=dt.date(2020, 9, 20))
    task(
        secretariat_access,
        world,
        "Phối hợp",
        lead="vptu",
        coordinating=["btg"],
        area=Area.LOGISTICS,
        deadline=dt.date(2020, 9, 25),
    )

    def titles(**kw):
        return {
            t.title
            for t in selectors.tasks_visible_to(secretariat_access, TaskFilters(**kw), TODAY)
        }

    assert titles(status=StatusClass.OPEN_OVERDUE) == {"Quá hạn"}
    assert titles(agency=world.agencies["btg"].pk, role=TaskAssignment.Role.COORDINATE) == {
        "Phối hợp"
    }
    assert titles(agency=world.agencies["btg"].pk) == {"Quá hạn", "Trong hạn", "Phối hợp"}
    assert titles(area=Area.LOGISTICS) == {"Phối hợp"}
    assert titles(deadline_from=dt.date(2020, 9, 10), deadline_to=dt.date(2020, 9, 22)) == {
        "Trong hạn"
    }


def test_dashboard_tables_count_by_agency_and_area(world, secretariat_access):
    task(secretariat_access, world, "A", deadline=dt.date(2020, 9, 1))
    task(secretariat_access, world, "B", deadline=dt.date(2020, 9, 2))
    task(
        secretariat_access, world, "C", lead="stc", area=Area.FINANCE, deadline=dt.date(2020, 9, 30)
    )
    behind = selectors.agency_table(secretariat_access, TODAY, behind_only=True)
    assert [(r.agency.name, r.counts[StatusClass.OPEN_OVERDUE]) for r in behind] == [
        ("Ban Tuyên giáo Tỉnh ủy", 2)
    ]
    areas = {r["area"]: r for r in selectors.area_table(secretariat_access, TODAY)}
    assert areas[Area.PROPAGANDA][StatusClass.OPEN_OVERDUE] == 2
    assert areas[Area.FINANCE][StatusClass.OPEN_ON_TIME] == 1
    due = selectors.due_soon(secretariat_access, dt.date(2020, 9, 25))
    assert [t.title for t in due] == ["C"]


def _bulk(world, n):
    for i in range(n):
        coordinating = AgencyFactory.create(congress=world.congress)
        t = TaskFactory.create(
            lead_agency=world.agencies["btg"],
            plan=world.plan,
            deadline=dt.date(2020, 9, 1) + dt.timedelta(days=i),
        )
        t.assignments.create(
            agency=coordinating, role=TaskAssignment.Role.COORDINATE, deadline=t.deadline
        )


PAGES = {
    # page: (user, path under the congress, queries)
    "dashboard": ("secretariat", "", 10),
    "task list": ("secretariat", "nhiem-vu/", 9),
    "task list filtered": ("secretariat", "nhiem-vu/?status=open_overdue&q=nhiem+vu", 9),
    "agency inbox": ("officer", "don-vi-cua-toi/", 8),  # + the appraisal waiting count
    "agency page": ("secretariat", "co-quan/{btg}/", 9),
    "agency table": ("secretariat", "co-quan/", 7),
    "plan list": ("secretariat", "ke-hoach/", 6),
    "plan page": ("secretariat", "ke-hoach/{plan}/", 10),  # + the detailed plans table
    "officer dashboard": ("officer", "", 10),
}


def _queries_for(world, client, user, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(world.users[user])
    url = f"/dai-hoi/{world.congress.pk}/" + path.format(
        btg=world.agencies["btg"].pk, plan=world.plan.pk
    )
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx)


@pytest.mark.parametrize("page", PAGES)
def test_page_query_count_does_not_grow_with_rows(world, client, page):
    user, path, expected = PAGES[page]
    _bulk(world, 3)
    _queries_for(world, client, user, path)  # warms the content-type cache, whatever ran before
    few = _queries_for(world, client, user, path)
    _bulk(world, 40)
    _queries_for(world, client, user, path)  # the new agencies dropped the filter options
    many = _queries_for(world, client, user, path)
    assert few == many <= expected


def test_dashboard_from_one_scan_agrees_with_the_separate_tables(world, secretariat_access):
    task(secretariat_access, world, "A", deadline=dt.date(2020, 9, 1))
    task(secretariat_access, world, "B", deadline=dt.date(2020, 9, 2), area=Area.LOGISTICS)
    task(
        secretariat_access, world, "C", lead="stc", area=Area.FINANCE, deadline=dt.date(2020, 9, 30)
    )
    board = selectors.dashboard_counts(secretariat_access, TODAY)
    separate = selectors.status_counts(secretariat_access, TODAY)
    assert board.counts == separate
    assert [(r.agency.name, r.counts[StatusClass.OPEN_OVERDUE]) for r in board.agencies_behind] == [
        (r.agency.name, r.counts[StatusClass.OPEN_OVERDUE])
        for r in selectors.agency_table(secretariat_access, TODAY, behind_only=True)
    ]
    assert {(r["area"], r[StatusClass.OPEN_OVERDUE], r["total"]) for r in board.areas} == {
        (r["area"], r[StatusClass.OPEN_OVERDUE], r["total"])
        for r in selectors.area_table(secretariat_access, TODAY)
    }
