"""Row locks of the estimate services, on PostgreSQL (SQLite serialises writers anyway)."""

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, connections

from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError

from .. import services
from ..models import Estimate, EstimateAction, EstimateLine
from .helpers import accesses, make_norm

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("Row locks are only meaningful on PostgreSQL")


def race(*actions: Callable[[], Any]) -> list[str]:
    """Runs the actions at the same moment, each on its own connection; "ok" or the refusal."""
    results: list[str] = []
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


def draft_with_a_line(world) -> tuple[Estimate, EstimateLine]:
    a = accesses(world)
    estimate = services.estimate_create(access=a["btg"], title="Dự trù tuyên truyền")
    line = services.estimate_line_add(
        access=a["btg"], estimate=estimate, content="In pano", quantity=2, unit_price=9, unit="tấm"
    )
    return estimate, line


def test_two_submits_at_once_send_the_estimate_once(world):
    estimate, _ = draft_with_a_line(world)
    btg = accesses(world)["btg"]
    results = race(
        lambda: services.estimate_submit(access=btg, estimate=estimate),
        lambda: services.estimate_submit(access=btg, estimate=estimate),
    )
    assert sorted(results) == ["Dự trù đã được gửi Sở Tài chính.", "ok"]
    assert Estimate.objects.get(pk=estimate.pk).status == Estimate.Status.SUBMITTED


def test_a_return_racing_an_approval_leaves_one_decision(world):
    estimate, line = draft_with_a_line(world)
    a = accesses(world)
    services.estimate_submit(access=a["btg"], estimate=estimate)
    results = race(
        lambda: services.estimate_return(access=a["finance"], estimate=estimate, comment="Bổ sung"),
        lambda: services.estimate_approve(
            access=a["admin"], estimate=estimate, decisions=[services.LineDecision(line.pk, 18)]
        ),
    )
    assert results.count("ok") == 1
    assert len(results) == 2
    status = Estimate.objects.get(pk=estimate.pk).status
    assert status in (Estimate.Status.RETURNED, Estimate.Status.APPROVED)


def test_a_line_added_while_the_estimate_is_sent_is_refused_or_counted(world):
    estimate, _ = draft_with_a_line(world)
    btg = accesses(world)["btg"]
    results = race(
        lambda: services.estimate_submit(access=btg, estimate=estimate),
        lambda: services.estimate_line_add(
            access=btg, estimate=estimate, content="Hoa", quantity=1, unit_price=5, unit="lẵng"
        ),
    )
    assert "ok" in results
    sent = Estimate.objects.get(pk=estimate.pk)
    # Either the line came first and is in the submitted total, or it was refused.
    assert sent.requested_total == sum(sent.lines.values_list("amount", flat=True))


def test_two_edits_of_one_norm_at_once_both_apply_in_turn(world):
    norm = make_norm(world)
    finance = accesses(world)["finance"]
    results = race(
        lambda: services.norm_update(access=finance, norm=norm, max_unit_price=210_000),
        lambda: services.norm_update(access=finance, norm=norm, name="Bồi dưỡng đại biểu"),
    )
    assert results == ["ok", "ok"]
    norm.refresh_from_db()
    # Each edit re-read the locked row, so neither lost the other's field.
    assert norm.max_unit_price == 210_000 and norm.name == "Bồi dưỡng đại biểu"


def approved_original(world) -> Estimate:
    estimate, line = draft_with_a_line(world)
    a = accesses(world)
    services.estimate_submit(access=a["btg"], estimate=estimate)
    services.estimate_approve(
        access=a["finance"], estimate=estimate, decisions=[services.LineDecision(line.pk, 18)]
    )
    return estimate


def test_two_supplements_created_at_once_are_numbered_one_and_two(world):
    original = approved_original(world)
    btg = accesses(world)["btg"]
    results = race(
        lambda: services.estimate_supplement_create(access=btg, original=original),
        lambda: services.estimate_supplement_create(access=btg, original=original),
    )
    assert results == ["ok", "ok"]
    numbers = sorted(original.supplements.values_list("sequence", flat=True))
    assert numbers == [1, 2]


def test_a_supplements_approval_racing_its_return_leaves_one_decision(world):
    a = accesses(world)
    supplement = services.estimate_supplement_create(
        access=a["btg"], original=approved_original(world)
    )
    line = services.estimate_line_add(
        access=a["btg"], estimate=supplement, content="Hoa", quantity=1, unit_price=5, unit="lẵng"
    )
    services.estimate_submit(access=a["btg"], estimate=supplement)
    results = race(
        lambda: services.estimate_approve(
            access=a["finance"], estimate=supplement, decisions=[services.LineDecision(line.pk, 5)]
        ),
        lambda: services.estimate_approve(
            access=a["admin"], estimate=supplement, decisions=[services.LineDecision(line.pk, 5)]
        ),
        lambda: services.estimate_return(access=a["finance"], estimate=supplement, comment="Lại"),
    )
    assert results.count("ok") == 1 and len(results) == 3
    supplement.refresh_from_db()
    assert supplement.status in (Estimate.Status.RETURNED, Estimate.Status.APPROVED)
    decisions = history_of(supplement).filter(
        action__in=[EstimateAction.APPROVED, EstimateAction.RETURNED]
    )
    assert decisions.count() == 1
