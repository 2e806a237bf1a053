"""Two drafters at once on one consultation: the consultation's row lock lets one through."""

import pytest
from django.db import connection

from daihoi.consultation import services
from daihoi.consultation.models import Consultation
from daihoi.reporting.tests.test_concurrency import at_once

from .helpers import officer, secretariat, send_rule

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("Row locks are only meaningful on PostgreSQL")


def test_two_adoptions_at_once_adopt_one_final_version(world):
    consultation = send_rule(world)

    def adopt(body: str):
        return lambda: services.consultation_adopt(
            access=secretariat(world), consultation=consultation, body=body
        )

    assert at_once(adopt("Điều 1. Bản A"), adopt("Điều 1. Bản B")) == ["ok", "refused"]
    consultation.refresh_from_db()
    assert consultation.status == Consultation.Status.ADOPTED
    assert consultation.drafts.filter(is_final=True).count() == 1


def test_an_adoption_and_a_comment_at_once_never_leave_a_comment_unresolved_in_the_final(world):
    consultation = send_rule(world)
    draft = services.current_draft(consultation)

    def comment():
        services.comments_submit(
            access=officer(world),
            draft=draft,
            entries=[services.Entry(None, "Ý kiến gửi cùng lúc thông qua")],
        )

    def adopt():
        services.consultation_adopt(
            access=secretariat(world), consultation=consultation, body="Điều 1. Phạm vi"
        )

    results = at_once(comment, adopt)
    consultation.refresh_from_db()
    pending = draft.comments.filter(resolution="pending").count()
    # Either the comment came first and blocks the adoption, or the adoption came first and the
    # comment is refused: never an adopted text with a comment nobody answered.
    assert (consultation.status, pending) in [("open", 1), ("adopted", 0)], results
