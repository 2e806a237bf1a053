"""Lock-then-check on PostgreSQL: a write that waits for another sees the state it left."""

import threading
import time
from collections.abc import Callable

import pytest
from django.db import connection, connections, transaction

from daihoi.core.exceptions import BusinessError
from daihoi.meetings import services
from daihoi.meetings.models import Conclusion, Meeting

HOLD_SECONDS = 0.5


def _hold_lock_while(work: Callable[[], object]) -> threading.Thread:
    """Runs `work` in its own transaction on another connection and keeps it open a moment."""
    done_work = threading.Event()

    def run() -> None:
        try:
            with transaction.atomic():
                work()
                done_work.set()
                time.sleep(HOLD_SECONDS)
        finally:
            done_work.set()
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    assert done_work.wait(10)
    return thread


def _skip_unless_postgres() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("Row locks (SELECT … FOR UPDATE) are only meaningful on PostgreSQL")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_cancelling_waits_for_a_recording_and_then_refuses_the_held_meeting(
    secretariat_access, meeting
):
    _skip_unless_postgres()
    stale = Meeting.objects.get(pk=meeting.pk)  # opened as planned, before the recording
    thread = _hold_lock_while(
        lambda: services.meeting_record(
            access=secretariat_access,
            meeting=Meeting.objects.get(pk=meeting.pk),
            attendance={},
            minutes="Thống nhất các nội dung.",
        )
    )
    with pytest.raises(BusinessError, match="đã diễn ra"):
        services.meeting_cancel(access=secretariat_access, meeting=stale)
    thread.join()
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.HELD


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_editing_a_conclusion_waits_for_the_notice_and_then_refuses(
    world, secretariat_access, held_meeting
):
    meeting = held_meeting
    _skip_unless_postgres()
    conclusion = services.conclusion_add(
        access=secretariat_access, meeting=meeting, text="Ban Tuyên giáo hoàn thành pano."
    )
    stale = Conclusion.objects.select_related("meeting").get(pk=conclusion.pk)
    thread = _hold_lock_while(
        lambda: services.meeting_issue_notice(
            access=secretariat_access,
            meeting=Meeting.objects.get(pk=meeting.pk),
            issuer=world.agencies["vptu"],
            signer=world.chair,
            recipients="- Lưu: VT.",
        )
    )
    with pytest.raises(BusinessError, match="đã ban hành"):
        services.conclusion_update(access=secretariat_access, conclusion=stale, text="Sửa lại.")
    thread.join()
    conclusion.refresh_from_db()
    assert conclusion.text == "Ban Tuyên giáo hoàn thành pano."


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_recording_waits_for_a_cancellation_and_then_refuses(secretariat_access, meeting):
    _skip_unless_postgres()
    stale = Meeting.objects.get(pk=meeting.pk)
    thread = _hold_lock_while(
        lambda: services.meeting_cancel(
            access=secretariat_access, meeting=Meeting.objects.get(pk=meeting.pk)
        )
    )
    with pytest.raises(BusinessError, match="đã hủy"):
        services.meeting_record(
            access=secretariat_access, meeting=stale, attendance={}, minutes="Biên bản."
        )
    thread.join()
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CANCELLED and meeting.minutes == ""


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_notice_waits_for_the_recording_and_is_then_issued_for_the_held_meeting(
    world, secretariat_access, meeting
):
    _skip_unless_postgres()
    services.conclusion_add(access=secretariat_access, meeting=meeting, text="Một việc.")
    stale = Meeting.objects.get(pk=meeting.pk)  # opened as planned, before the recording
    thread = _hold_lock_while(
        lambda: services.meeting_record(
            access=secretariat_access,
            meeting=Meeting.objects.get(pk=meeting.pk),
            attendance={},
            minutes="Đã họp.",
        )
    )
    document = services.meeting_issue_notice(
        access=secretariat_access,
        meeting=stale,
        issuer=world.agencies["vptu"],
        signer=world.chair,
        recipients="- Lưu: VT.",
    )
    thread.join()
    assert document.is_issued


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_notice_waits_for_a_cancellation_and_then_refuses(world, secretariat_access, meeting):
    _skip_unless_postgres()
    services.conclusion_add(access=secretariat_access, meeting=meeting, text="Một việc.")
    thread = _hold_lock_while(
        lambda: services.meeting_cancel(
            access=secretariat_access, meeting=Meeting.objects.get(pk=meeting.pk)
        )
    )
    with pytest.raises(BusinessError, match="đã hoãn, hủy"):
        services.meeting_issue_notice(
            access=secretariat_access,
            meeting=Meeting.objects.get(pk=meeting.pk),
            issuer=world.agencies["vptu"],
            signer=world.chair,
            recipients="- Lưu: VT.",
        )
    thread.join()
