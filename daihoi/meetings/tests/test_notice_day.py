"""A notice entered after the day it was signed carries that day, in the registry and the file."""

import datetime as dt

import pytest

from daihoi.core.dates import today
from daihoi.meetings import services

pytestmark = pytest.mark.django_db


def test_a_notice_issued_on_an_earlier_day_is_dated_and_numbered_on_that_day(
    world, secretariat_access, held_meeting
):
    services.conclusion_add(access=secretariat_access, meeting=held_meeting, text="Một việc.")
    day = dt.date(2020, 10, 6)
    notice = services.meeting_issue_notice(
        access=secretariat_access,
        meeting=held_meeting,
        issuer=world.agencies["vptu"],
        signer=world.chair,
        recipients="- Lưu: VT.",
        issued_on=day,
    )
    assert notice.issued_on == day and notice.year == 2020 and notice.number == 1
    assert notice.docx


def test_a_notice_without_a_day_is_issued_today(world, secretariat_access, held_meeting):
    services.conclusion_add(access=secretariat_access, meeting=held_meeting, text="Một việc.")
    notice = services.meeting_issue_notice(
        access=secretariat_access,
        meeting=held_meeting,
        issuer=world.agencies["vptu"],
        signer=world.chair,
        recipients="- Lưu: VT.",
    )
    assert notice.issued_on == today()
