"""Two people acting on one row at once: the row lock lets exactly one of them through."""

import threading
from collections.abc import Callable

import pytest
from django.db import connection, connections

from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.reporting import services
from daihoi.reporting.models import Explanation, ReportSubmission

from .helpers import make_request, officer, overdue_task, secretariat

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("Row locks are only meaningful on PostgreSQL")


def at_once(*actions: Callable[[], object]) -> list[str]:
    """Runs the actions in parallel threads; "ok" or the refusal's kind for each, sorted."""
    results: list[str] = []
    start = threading.Barrier(len(actions))

    def run(action: Callable[[], object]) -> None:
        try:
            start.wait()
            action()
            results.append("ok")
        except PermissionDenied:
            results.append("denied")
        except BusinessError:
            results.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(a,)) for a in actions]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sorted(results)


def test_two_concurrent_sends_of_one_report_send_it_once(world):
    submission = make_request(world).submissions.get()

    def send(text: str) -> Callable[[], object]:
        return lambda: services.submission_submit(
            access=officer(world), submission=submission, text=text
        )

    assert at_once(send("A"), send("B")) == ["denied", "ok"]
    submission.refresh_from_db()
    assert submission.status == ReportSubmission.Status.SUBMITTED
    assert submission.version == 2


def test_two_concurrent_returns_of_one_report_return_it_once(world):
    submission = make_request(world).submissions.get()
    services.submission_submit(access=officer(world), submission=submission, text="Báo cáo")

    def give_back(comment: str) -> Callable[[], object]:
        return lambda: services.submission_return(
            access=secretariat(world), submission=submission, comment=comment
        )

    assert at_once(give_back("Thiếu số liệu"), give_back("Thiếu phụ lục")) == ["denied", "ok"]
    submission.refresh_from_db()
    assert submission.status == ReportSubmission.Status.RETURNED
    assert submission.version == 3


def test_a_resend_racing_a_second_resend_after_a_return_goes_through_once(world):
    submission = make_request(world).submissions.get()
    services.submission_submit(access=officer(world), submission=submission, text="Báo cáo")
    services.submission_return(access=secretariat(world), submission=submission, comment="Thiếu")

    def resend(text: str) -> Callable[[], object]:
        return lambda: services.submission_submit(
            access=officer(world), submission=submission, text=text
        )

    assert at_once(resend("A"), resend("B")) == ["denied", "ok"]


def test_two_concurrent_requests_for_explanation_open_only_one(world):
    task = overdue_task(world)

    def ask(reason: str) -> Callable[[], object]:
        return lambda: services.explanation_request(
            access=secretariat(world), task=task, reason=reason
        )

    assert at_once(ask("Vì sao chậm?"), ask("Đề nghị giải trình")) == ["ok", "refused"]
    assert Explanation.objects.filter(task=task).count() == 1


def test_two_concurrent_answers_to_one_explanation_record_one(world):
    task = overdue_task(world)
    explanation = services.explanation_request(access=secretariat(world), task=task, reason="?")

    def answer(text: str) -> Callable[[], object]:
        return lambda: services.explanation_answer(
            access=officer(world), explanation=explanation, answer=text
        )

    assert at_once(answer("Chờ kinh phí"), answer("Chờ in")) == ["denied", "ok"]
