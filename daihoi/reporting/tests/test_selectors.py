import datetime as dt

import pytest

from daihoi.planning import charts as planning_charts
from daihoi.reporting import charts, selectors
from daihoi.reporting.models import DailySnapshot, ReportRequest, ReportSubmission
from daihoi.testing.factories import TaskFactory

from .helpers import officer, secretariat

pytestmark = pytest.mark.django_db
TODAY = dt.date(2020, 9, 20)


def test_scorecard_numbers_on_a_constructed_case(world):
    btg = world.agencies["btg"]
    d = dt.date
    # Done on time; done 4 days late; open and 10 days overdue; reported 2 days late, awaiting.
    TaskFactory(
        lead_agency=btg, deadline=d(2020, 9, 1), reported_complete_on=d(2020, 9, 1), accepted=True
    )
    TaskFactory(
        lead_agency=btg, deadline=d(2020, 9, 1), reported_complete_on=d(2020, 9, 5), accepted=True
    )
    TaskFactory(lead_agency=btg, deadline=d(2020, 9, 10))
    TaskFactory(lead_agency=btg, deadline=d(2020, 9, 12), reported_complete_on=d(2020, 9, 14))
    TaskFactory(lead_agency=btg, deadline=d(2020, 9, 30))
    TaskFactory(lead_agency=btg, cancelled=True)
    TaskFactory(lead_agency=world.agencies["ca"], deadline=d(2020, 9, 30))
    asked = [
        ReportRequest.objects.create(
            congress=world.congress,
            title=f"BC {i}",
            deadline=d(2020, 9, 10),
            created_by=world.users["secretariat"],
        )
        for i in range(4)
    ]
    ReportSubmission.objects.create(
        request=asked[0],
        agency=btg,
        status=ReportSubmission.Status.SUBMITTED,
        submitted_on=d(2020, 9, 9),
    )
    ReportSubmission.objects.create(
        request=asked[1],
        agency=btg,
        status=ReportSubmission.Status.SUBMITTED,
        submitted_on=d(2020, 9, 11),
    )
    ReportSubmission.objects.create(request=asked[2], agency=btg)  # missing
    future = ReportRequest.objects.create(
        congress=world.congress,
        title="Sắp tới",
        deadline=d(2020, 9, 30),
        created_by=world.users["secretariat"],
    )
    ReportSubmission.objects.create(request=future, agency=btg)  # not due yet

    cards = {c.agency.short_name: c for c in selectors.scorecards(secretariat(world), TODAY)}
    card = cards["BTGTU"]
    assert card.tasks == 5
    assert card.counts["done_on_time"] == 1 and card.counts["done_late"] == 1
    assert card.counts["open_overdue"] == 2 and card.counts["open_on_time"] == 1
    assert card.on_time_rate == 50
    # (4 + 10 + 2) / 3 late tasks
    assert card.average_days_late == 5.3
    assert (card.reports_due, card.reports_on_time, card.reports_late) == (3, 1, 1)
    assert card.reports_missing == 1 and card.reports_on_time_rate == 33
    assert cards["CA"].on_time_rate is None and cards["CA"].average_days_late is None


def test_an_officer_sees_only_its_own_scorecard(world):
    TaskFactory(lead_agency=world.agencies["btg"])
    TaskFactory(lead_agency=world.agencies["ca"])
    cards = selectors.scorecards(officer(world), TODAY)
    assert [c.agency.short_name for c in cards] == ["BTGTU"]


@pytest.mark.parametrize(
    "fields, colour",
    [
        ({"deadline": dt.date(2020, 9, 19)}, "red"),
        ({"deadline": dt.date(2020, 9, 23)}, "orange"),
        ({"deadline": dt.date(2020, 9, 24)}, "green"),
        (
            {"start_date": dt.date(2020, 9, 1), "deadline": dt.date(2020, 10, 9), "progress": 0},
            "orange",
        ),
        (
            {"start_date": dt.date(2020, 9, 1), "deadline": dt.date(2020, 10, 9), "progress": 20},
            "green",
        ),
        (
            {"deadline": dt.date(2020, 9, 21), "reported_complete_on": dt.date(2020, 9, 18)},
            "green",
        ),
        (
            {
                "deadline": dt.date(2020, 9, 1),
                "reported_complete_on": dt.date(2020, 9, 1),
                "accepted": True,
            },
            "green",
        ),
    ],
)
def test_warning_colours(world, fields, colour):
    task = TaskFactory.create(lead_agency=world.agencies["btg"], **fields)
    assert selectors.warning_colour(task, TODAY) == colour
    found = selectors.warnings(secretariat(world), TODAY)
    assert (task in found.red, task in found.orange) == (colour == "red", colour == "orange")


def test_the_donut_slices_add_up_to_the_whole_circle():
    slices = planning_charts.donut(
        {"open_on_time": 1, "open_overdue": 1, "done_on_time": 2, "done_late": 0}
    )
    assert [s.percent for s in slices] == [25, 25, 50, 0]
    assert [s.offset for s in slices] == [25, 0, -25, -75]


def test_the_line_over_time_is_drawn_from_the_snapshots(world):
    for i, open_tasks in enumerate([4, 6, 5]):
        DailySnapshot.objects.create(
            congress=world.congress,
            day=TODAY - dt.timedelta(days=2 - i),
            open_on_time=open_tasks - 1,
            open_overdue=1,
        )
    line = charts.open_over_time(selectors.snapshot_series(secretariat(world), TODAY), TODAY)
    assert line is not None
    assert line.days == 3 and line.max_value == 6 and line.last_open == 5
    assert line.open_points.split()[1] == f"{charts.WIDTH / 2 + 15:.1f},{charts.TOP:.1f}"
