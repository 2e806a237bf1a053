"""Many delegates voting at the same moment, double submits among them, and the presidium
closing while votes are in flight, on PostgreSQL (SQLite serialises writers anyway)."""

import threading
from collections.abc import Callable
from functools import partial
from typing import Any

import pytest
from django.db import connection, connections

from daihoi.core.exceptions import BusinessError
from daihoi.programme.tests.helpers import opening_session

from .. import services
from ..models import Motion, Participation
from .helpers import check_in, delegates, motion, presidium, voter

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("Concurrent writers are only meaningful on PostgreSQL")


def race(actions: list[Callable[[], Any]]) -> list[Any]:
    results: list[Any] = []
    start = threading.Barrier(len(actions))

    def run(action: Callable[[], Any]) -> None:
        try:
            start.wait()
            action()
            results.append("ok")
        except BusinessError as error:
            results.append(error.message)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_many_delegates_voting_at_once_are_each_counted_once_and_double_submits_refused(world):
    session = opening_session(world)
    people = delegates(world, 24)
    check_in(world, session, *people)
    m = motion(world, session, opened=True)
    choices = ["yes", "no", "abstain"]
    actions: list[Callable[[], Any]] = []
    for n, delegate in enumerate(people):
        access = voter(world, delegate)
        choice = choices[n % 3]
        # every delegate submits twice at the same moment (a double tap)
        for _ in range(2):
            actions.append(partial(services.vote_cast, access=access, motion=m, choice=choice))
    results = race(actions)
    assert results.count("ok") == 24
    assert results.count(services.ALREADY_VOTED) == 24
    m.refresh_from_db()
    assert (m.yes_count, m.no_count, m.abstain_count) == (8, 8, 8)
    assert Participation.objects.filter(motion=m).count() == 24


def test_closing_while_votes_are_in_flight_counts_exactly_the_votes_that_were_accepted(world):
    session = opening_session(world)
    people = delegates(world, 20)
    check_in(world, session, *people)
    m = motion(world, session, opened=True)
    voters = [voter(world, d) for d in people]
    actions: list[Callable[[], Any]] = [
        partial(services.vote_cast, access=access, motion=m, choice="yes") for access in voters
    ]
    actions.insert(10, lambda: services.motion_close(access=presidium(world), motion=m))
    results = race(actions)
    m = Motion.objects.get(pk=m.pk)
    accepted = results.count("ok") - 1  # the close itself answered "ok"
    assert m.is_closed
    assert m.yes_count == accepted == Participation.objects.filter(motion=m).count()
    assert results.count(services.CLOSED) == 20 - accepted
