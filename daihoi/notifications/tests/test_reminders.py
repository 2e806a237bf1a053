"""The daily checks with a frozen clock: 3 days, 1 day, the overdue digest, nothing twice."""

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from daihoi.notifications.models import DailyCheck, Kind, Notification
from daihoi.notifications.reminders import daily_checks_run
from daihoi.planning.models import TaskAssignment
from daihoi.testing.factories import TaskFactory

pytestmark = pytest.mark.django_db

# 07:30 in Hà Nội is still the previous day in UTC: the rules must use the local date.
MORNING = dt.datetime(2020, 9, 10, 0, 30, tzinfo=dt.UTC)
TODAY = dt.date(2020, 9, 10)


def task(world, deadline, lead="btg", coordinate=(), **fields):
    made = TaskFactory.create(lead_agency=world.agencies[lead], deadline=deadline, **fields)
    for key in coordinate:
        TaskAssignment.objects.create(
            task=made,
            agency=world.agencies[key],
            role=TaskAssignment.Role.COORDINATE,
            deadline=deadline,
        )
    return made


def run(date: str | None = None) -> str:
    out = StringIO()
    call_command("run_daily_checks", *(["--date", date] if date else []), stdout=out)
    return out.getvalue()


def notices(kind):
    return list(Notification.objects.filter(kind=kind).order_by("recipient__username", "id"))


@time_machine.travel(MORNING, tick=False)
def test_three_days_ahead_the_lead_and_coordinating_officers_are_reminded(world, culture_officer):
    due = task(world, TODAY + dt.timedelta(days=3), coordinate=["svh"], title="Treo pano")
    task(world, TODAY + dt.timedelta(days=4))
    task(world, TODAY + dt.timedelta(days=3), lead="stc", cancelled=True)
    run()
    rows = notices(Kind.DEADLINE_3_DAYS)
    assert [n.recipient.username for n in rows] == ["officer", "vanhoa"]
    assert rows[0].title == "Còn 3 ngày đến hạn: Treo pano"
    assert "đến hạn ngày 13/09/2020" in rows[0].body
    assert rows[0].link == f"/dai-hoi/{world.congress.pk}/nhiem-vu/{due.pk}/"


@time_machine.travel(MORNING, tick=False)
def test_one_day_ahead_reminds_and_skips_tasks_already_reported_or_paused(world):
    task(world, TODAY + dt.timedelta(days=1), title="In tài liệu")
    task(world, TODAY + dt.timedelta(days=1), reported_complete_on=TODAY)
    task(world, TODAY + dt.timedelta(days=1), paused=True)
    task(world, TODAY + dt.timedelta(days=1), lead="stc", accepted=True, reported_complete_on=TODAY)
    run()
    rows = notices(Kind.DEADLINE_1_DAY)
    assert [(n.recipient.username, n.title) for n in rows] == [
        ("officer", "Còn 1 ngày đến hạn: In tài liệu")
    ]


@time_machine.travel(MORNING, tick=False)
def test_newly_overdue_tasks_come_in_one_digest_per_agency(world, culture_officer):
    yesterday = TODAY - dt.timedelta(days=1)
    task(world, yesterday, title="Trang trí hội trường", coordinate=["svh"])
    task(world, yesterday, title="Chuẩn bị khánh tiết")
    task(world, yesterday, lead="stc", title="Dự trù kinh phí")
    # Not newly overdue: reported on time, already overdue before, or due today.
    task(world, yesterday, reported_complete_on=yesterday)
    task(world, TODAY - dt.timedelta(days=5), title="Quá hạn từ trước")
    task(world, TODAY)
    run()
    rows = notices(Kind.OVERDUE_DIGEST)
    assert [n.recipient.username for n in rows] == ["officer", "officer2", "vanhoa"]
    btg = rows[0]
    assert btg.title == "2 nhiệm vụ quá hạn của BTGTU (10/09/2020)"
    assert "• Trang trí hội trường — chủ trì, hạn 09/09/2020" in btg.body
    assert "• Chuẩn bị khánh tiết — chủ trì, hạn 09/09/2020" in btg.body
    assert "Quá hạn từ trước" not in btg.body
    assert btg.link == f"/dai-hoi/{world.congress.pk}/don-vi-cua-toi/"
    assert "Trang trí hội trường — phối hợp" in rows[2].body


def test_running_twice_on_the_same_day_stores_and_queues_nothing_twice(
    world, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    world.users["officer"].email = "officer@kontum.gov.vn"
    world.users["officer"].save()
    task(world, TODAY + dt.timedelta(days=3))
    task(world, TODAY + dt.timedelta(days=1))
    task(world, TODAY - dt.timedelta(days=1))
    queued_before = DBTaskResult.objects.count()  # other modules may leave committed jobs
    with time_machine.travel(MORNING, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            first = run()
        assert "2 nhắc hạn, 1 thông báo quá hạn" in first
        count, jobs = Notification.objects.count(), DBTaskResult.objects.count()
        assert count == 3 and jobs - queued_before == 3  # one mail job per notice
        with django_capture_on_commit_callbacks(execute=True):
            assert "0 nhắc hạn, 0 thông báo quá hạn" in run()
            assert daily_checks_run().reminders == 0
    assert Notification.objects.count() == count and DBTaskResult.objects.count() == jobs
    assert DailyCheck.objects.get(date=TODAY).notifications_created == 3


def test_the_next_day_gets_its_own_reminders_and_digest(world):
    task(world, dt.date(2020, 9, 12))  # 3 days after the 9th, 1 day after the 11th
    run("2020-09-09")
    run("2020-09-11")
    run("2020-09-13")
    kinds = [n.kind for n in Notification.objects.order_by("id")]
    assert kinds == [Kind.DEADLINE_3_DAYS, Kind.DEADLINE_1_DAY, Kind.OVERDUE_DIGEST]


def test_a_missed_day_is_caught_up_by_the_next_digest(world):
    task(world, dt.date(2020, 9, 8), title="Hạn ngày 8")
    task(world, dt.date(2020, 9, 9), title="Hạn ngày 9")
    run("2020-09-08")  # covers deadlines up to the 7th
    run("2020-09-10")  # the 9th was missed: the 8th and the 9th are both new
    (digest,) = notices(Kind.OVERDUE_DIGEST)
    assert "Hạn ngày 8" in digest.body and "Hạn ngày 9" in digest.body
    run("2020-09-11")
    assert len(notices(Kind.OVERDUE_DIGEST)) == 1


def test_a_finished_congress_is_not_chased(world):
    world.congress.is_active = False
    world.congress.save()
    task(world, TODAY + dt.timedelta(days=1))
    run(TODAY.isoformat())
    assert not Notification.objects.exists()


def test_a_bad_date_is_refused_in_vietnamese():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Ngày không hợp lệ"):
        run("10/09/2020")
