"""The status classes: SQL conditions and the Python rule agree on every edge case."""

import datetime as dt
from typing import Any

import pytest

from daihoi.planning.models import Task
from daihoi.planning.status import StatusClass, count_by_class, status_q
from daihoi.testing.factories import TaskFactory

TODAY = dt.date(2020, 9, 15)
YESTERDAY = TODAY - dt.timedelta(days=1)
TOMORROW = TODAY + dt.timedelta(days=1)

CASES: dict[str, tuple[dict[str, Any], StatusClass]] = {
    # name: (fields, expected class)
    "deadline_today_open": (dict(deadline=TODAY), StatusClass.OPEN_ON_TIME),
    "deadline_tomorrow_open": (dict(deadline=TOMORROW), StatusClass.OPEN_ON_TIME),
    "deadline_yesterday_open": (dict(deadline=YESTERDAY), StatusClass.OPEN_OVERDUE),
    "no_deadline_open": (dict(deadline=None), StatusClass.OPEN_ON_TIME),
    "completed_on_deadline_day": (
        dict(deadline=YESTERDAY, reported_complete_on=YESTERDAY, accepted=True),
        StatusClass.DONE_ON_TIME,
    ),
    "completed_early": (
        dict(deadline=TOMORROW, reported_complete_on=YESTERDAY, accepted=True),
        StatusClass.DONE_ON_TIME,
    ),
    "completed_late": (
        dict(
            deadline=YESTERDAY - dt.timedelta(days=3), reported_complete_on=YESTERDAY, accepted=True
        ),
        StatusClass.DONE_LATE,
    ),
    "completed_without_deadline": (
        dict(deadline=None, reported_complete_on=YESTERDAY, accepted=True),
        StatusClass.DONE_ON_TIME,
    ),
    # Reported on time but not yet accepted: still open, and not overdue.
    "awaiting_reported_in_time_deadline_passed": (
        dict(deadline=YESTERDAY, reported_complete_on=YESTERDAY),
        StatusClass.OPEN_ON_TIME,
    ),
    "awaiting_reported_late": (
        dict(deadline=YESTERDAY - dt.timedelta(days=2), reported_complete_on=YESTERDAY),
        StatusClass.OPEN_OVERDUE,
    ),
    "cancelled_overdue": (dict(deadline=YESTERDAY, cancelled=True), StatusClass.CANCELLED),
    "paused": (dict(deadline=YESTERDAY, paused=True), StatusClass.PAUSED),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", CASES)
def test_sql_condition_and_python_rule_agree(name):
    fields, expected = CASES[name]
    task = TaskFactory.create(**fields)
    assert task.status_class(TODAY) == expected
    matching = [
        s for s in StatusClass if Task.objects.filter(status_q(s, TODAY), pk=task.pk).exists()
    ]
    assert matching == [expected]


@pytest.mark.django_db
def test_dashboard_counts_each_class_in_one_query(django_assert_num_queries):
    for fields, _ in CASES.values():
        TaskFactory.create(**fields)
    with django_assert_num_queries(1):
        counts = Task.objects.aggregate(**count_by_class(TODAY))
    expected = {s.value: 0 for s in StatusClass}
    for _, status in CASES.values():
        expected[status.value] += 1
    assert {s.value: counts[s.value] for s in StatusClass} == expected
    assert counts["total"] == len(CASES)


def test_status_conditions_are_plain_columns_not_a_case():
    sql_fragment = str(status_q(StatusClass.OPEN_OVERDUE, TODAY))
    assert "Case" not in sql_fragment
    assert "deadline__lt" in sql_fragment
