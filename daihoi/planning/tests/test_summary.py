"""The task summary (`planning/summary.py`) against a direct count of the tasks, after random
writes through every path that changes tasks: the services, the reschedule's bulk update,
factories saving rows directly, deletion to the trash and back, deletion for good, an agency
merge, and a day passing (the roll forward of overdue tasks)."""

import contextlib
import datetime as dt
import random

import pytest

from daihoi.accounts.models import Role
from daihoi.core.dates import today as local_today
from daihoi.core.exceptions import BusinessError
from daihoi.organizations.permissions import Access
from daihoi.organizations.services.merging import agency_merge
from daihoi.planning import selectors, services, summary
from daihoi.planning.models import Area, HaltState, Phase, Task, TaskCountClock
from daihoi.planning.status import StatusClass, status_q
from daihoi.testing.factories import TaskFactory

pytestmark = pytest.mark.django_db
AREAS = [Area.PROPAGANDA, Area.FINANCE, Area.LOGISTICS]


def assert_summary_matches(congress_id: int, day: dt.date) -> None:
    summary.bring_to(congress_id, day)
    assert summary.stored_cells(congress_id) == summary.direct_cells(congress_id, day)


class Writer:
    """Random writes through the services, each a real business action."""

    def __init__(self, world, seed: int):
        self.world = world
        self.rng = random.Random(seed)
        self.secretariat = Access(world.users["secretariat"], world.congress, Role.SECRETARIAT)
        self.officers = {
            "btg": Access(
                world.users["officer"],
                world.congress,
                Role.AGENCY_OFFICER,
                world.agencies["btg"].pk,
            ),
            "stc": Access(
                world.users["officer2"],
                world.congress,
                Role.AGENCY_OFFICER,
                world.agencies["stc"].pk,
            ),
        }
        self.today = local_today()

    def fields(self, **extra):
        lead = self.rng.choice(["btg", "stc", "vptu"])
        deadline = self.rng.choice(
            [None, *(self.today + dt.timedelta(days=d) for d in (-9, -1, 0, 3))]
        )
        return services.TaskFields(
            title=f"Nhiệm vụ {self.rng.randrange(10**6)}",
            lead_agency=self.world.agencies[lead],
            area=self.rng.choice(AREAS),
            phase=Phase.BEFORE,
            deadline=deadline,
            **extra,
        )

    def live(self) -> list[Task]:
        return list(Task.objects.filter(congress=self.world.congress).order_by("pk"))

    def pick(self) -> Task | None:
        tasks = self.live()
        return self.rng.choice(tasks) if tasks else None

    def step(self) -> None:
        action = self.rng.choice(
            ["create", "create", "update", "complete", "accept", "return_", "halt", "delete",
             "restore", "factory", "hard_delete", "relative"]
        )  # fmt: skip
        # A refused write changes nothing, in the tasks or in the summary.
        with contextlib.suppress(BusinessError):
            getattr(self, action)()

    def create(self) -> None:
        services.task_create(access=self.secretariat, fields=self.fields())

    def relative(self) -> None:
        services.task_create(
            access=self.secretariat,
            fields=self.fields(deadline_offset_days=-self.rng.randrange(40)),
        )

    def update(self) -> None:
        if task := self.pick():
            services.task_update(
                access=self.secretariat, task=task, expected_version=None, fields=self.fields()
            )

    def complete(self) -> None:
        for task in self.live():
            officer = self.officers.get(
                next((k for k, a in self.world.agencies.items() if a.pk == task.lead_agency_id))
            )
            if officer and not task.reported_complete_on and not (task.cancelled or task.paused):
                services.task_report_progress(
                    access=officer, task=task, text="Xong", percent=100, reports_completion=True
                )
                return

    def _awaiting(self) -> Task | None:
        return Task.objects.filter(
            congress=self.world.congress, reported_complete_on__isnull=False, accepted=False,
            cancelled=False,
        ).first()  # fmt: skip

    def accept(self) -> None:
        if task := self._awaiting():
            services.task_accept(access=self.secretariat, task=task)

    def return_(self) -> None:
        if task := self._awaiting():
            services.task_return(access=self.secretariat, task=task, comment="Bổ sung số liệu")

    def halt(self) -> None:
        task = self.pick()
        if task and not task.accepted:
            state = self.rng.choice(list(HaltState))
            services.task_set_halt(access=self.secretariat, task=task, state=state)

    def delete(self) -> None:
        if task := self.pick():
            services.task_delete(access=self.secretariat, task=task)

    def restore(self) -> None:
        task = Task.all_objects.filter(
            congress=self.world.congress, deleted_at__isnull=False
        ).first()
        if task:
            services.task_restore(access=self.secretariat, task=task)

    def factory(self) -> None:
        TaskFactory.create(
            lead_agency=self.world.agencies["svh"],
            area=self.rng.choice(AREAS),
            deadline=self.today - dt.timedelta(days=2),
            reported_complete_on=self.rng.choice([None, self.today - dt.timedelta(days=3)]),
        )

    def hard_delete(self) -> None:
        if task := self.pick():
            task.assignments.all().delete()
            task.delete()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_summary_equals_a_direct_count_after_random_writes(world, seed):
    congress_id = world.congress.pk
    summary.rebuild(congress_id)  # the summary exists before the writes, so they keep it
    writer = Writer(world, seed)
    for _ in range(60):
        writer.step()
    assert summary.stored_cells(congress_id) == summary.direct_cells(congress_id, writer.today)
    services.congress_reschedule(
        access=writer.secretariat,
        opening_date=writer.today + dt.timedelta(days=writer.rng.randrange(-5, 30)),
        move_starts=True,
    )
    assert summary.stored_cells(congress_id) == summary.direct_cells(congress_id, writer.today)


def test_writes_against_an_older_day_then_the_roll_forward_match_today(world):
    """The cells classify as of the clock's day; a write on a stale clock uses that day, and
    the roll forward then moves what fell overdue since — the result equals today's count."""
    congress_id = world.congress.pk
    writer = Writer(world, 7)
    for _ in range(15):
        writer.create()
    summary.rebuild(congress_id, writer.today - dt.timedelta(days=10))
    for _ in range(30):
        writer.step()
    clock = TaskCountClock.objects.get(congress_id=congress_id)
    assert clock.as_of == writer.today - dt.timedelta(days=10)
    overdue_then = summary.stored_cells(congress_id)
    assert overdue_then == summary.direct_cells(congress_id, clock.as_of)
    assert_summary_matches(congress_id, writer.today)
    # Idempotent: a second run on the same day changes nothing.
    summary.bring_to(congress_id, writer.today)
    assert summary.stored_cells(congress_id) == summary.direct_cells(congress_id, writer.today)
    assert summary.roll_forward_all(writer.today) == 0


def test_the_first_read_builds_the_summary_and_a_merge_recounts_it(world):
    writer = Writer(world, 11)
    for _ in range(10):
        writer.create()
    congress_id = world.congress.pk
    # A congress from before the summary existed has no clock (the migration adds none).
    TaskCountClock.objects.filter(congress_id=congress_id).delete()
    writer.create()
    assert not TaskCountClock.objects.filter(congress_id=congress_id, as_of__isnull=False).exists()
    board = selectors.dashboard_counts(writer.secretariat, writer.today)
    assert board.counts["total"] == Task.objects.filter(congress_id=congress_id).count()
    agency_merge(
        access=writer.secretariat, source=world.agencies["stc"], target=world.agencies["btg"]
    )
    assert summary.stored_cells(congress_id) == summary.direct_cells(congress_id, writer.today)


def test_dashboard_and_inbox_counts_from_the_summary_equal_a_direct_count(world):
    writer = Writer(world, 5)
    summary.rebuild(world.congress.pk)
    for _ in range(40):
        writer.step()
    for access in (writer.secretariat, writer.officers["btg"]):
        counts = selectors.dashboard_counts(access, writer.today).counts
        tasks = Task.objects.counted_for(access)
        for status in StatusClass:
            assert counts[status] == tasks.filter(status_q(status, writer.today)).count()
        assert counts["total"] == tasks.count()
        assert selectors.status_counts(access, writer.today) == counts
