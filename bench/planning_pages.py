"""Benchmark of the planning reads at scale: generate tasks, then time the selectors and pages.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/daihoi_bench \
        .venv/bin/python bench/planning_pages.py --tasks 100000

Generation is skipped when the bench congress already has the requested number of tasks.
"""

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daihoi.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,127.0.0.1")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from daihoi.accounts.models import Role, User  # noqa: E402
from daihoi.core.dates import today  # noqa: E402
from daihoi.core.text import fold  # noqa: E402
from daihoi.organizations.models import Agency, Congress, Participation  # noqa: E402
from daihoi.organizations.permissions import Access  # noqa: E402
from daihoi.planning import selectors  # noqa: E402
from daihoi.planning.models import Area, Phase, Task, TaskAssignment  # noqa: E402
from daihoi.planning.status import StatusClass  # noqa: E402

TITLE_WORDS = (
    "tuyên truyền trang trí khánh tiết hội trường an ninh trật tự y tế kinh phí văn kiện nhân sự "
    "đón tiếp đại biểu pano áp phích chuyên mục phóng sự triển lãm xe đưa đón tài liệu in ấn"
)
WORDS = TITLE_WORDS.split()


def generate(n_tasks: int, n_agencies: int) -> Congress:
    congress, _ = Congress.objects.get_or_create(
        organization="Bench",
        ordinal=1,
        defaults=dict(
            name="Đại hội thử tải",
            level="province",
            term_start=2025,
            term_end=2030,
            opening_date=today() + dt.timedelta(days=60),
        ),
    )
    have = Task.objects.filter(congress=congress).count()
    if have >= n_tasks:
        return congress
    rng = random.Random(7)
    agencies = list(Agency.objects.filter(congress=congress))
    for i in range(len(agencies), n_agencies):
        agencies.append(Agency.objects.create(congress=congress, name=f"Sở thử tải {i:03d}"))
    base = today()
    batch = 5000
    start = time.perf_counter()
    for offset in range(have, n_tasks, batch):
        tasks = []
        for _ in range(min(batch, n_tasks - offset)):
            deadline = base + dt.timedelta(days=rng.randint(-90, 90))
            done = rng.random() < 0.35
            reported = deadline + dt.timedelta(days=rng.randint(-10, 5)) if done else None
            title = " ".join(rng.choices(WORDS, k=6)).capitalize()
            lead = rng.choice(agencies)
            tasks.append(
                Task(
                    congress=congress,
                    title=title,
                    lead_agency=lead,
                    area=rng.choice(Area.values),
                    phase=rng.choice(Phase.values),
                    deadline=deadline,
                    reported_complete_on=reported,
                    accepted=done,
                    cancelled=rng.random() < 0.02,
                    progress=100 if done else rng.randint(0, 90),
                    search_text=fold(f"{title} {lead.name}"),
                )
            )
        with transaction.atomic():
            created = Task.objects.bulk_create(tasks)
            rows = []
            for task in created:
                rows.append(
                    TaskAssignment(
                        task=task,
                        agency=task.lead_agency,
                        role="lead",
                        accepted=task.accepted,
                        cancelled=task.cancelled,
                        deadline=task.deadline,
                    )
                )
                for other in rng.sample(agencies, 2):
                    if other.pk != task.lead_agency_id:
                        rows.append(
                            TaskAssignment(
                                task=task,
                                agency=other,
                                role="coordinate",
                                accepted=task.accepted,
                                cancelled=task.cancelled,
                                deadline=task.deadline,
                            )
                        )
            TaskAssignment.objects.bulk_create(rows)
    print(f"generated {n_tasks - have} tasks in {time.perf_counter() - start:.1f}s")
    return congress


def vacuum() -> None:
    """What autovacuum does in production: statistics and the visibility map that index-only
    scans need."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE planning_task")
            cursor.execute("VACUUM ANALYZE planning_taskassignment")


def timed(label: str, fn, repeat: int) -> None:
    """Wall time, and this process's CPU time: on a shared machine the wall time carries the
    other processes' queue, the CPU time is what the work itself costs here."""
    fn()  # warm
    samples, cpu = [], []
    for _ in range(repeat):
        start, started = time.perf_counter(), time.process_time()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - started) * 1000)
    with CaptureQueriesContext(connection) as ctx:
        fn()
    print(
        f"{label:<42} median {statistics.median(samples):8.1f} ms   "
        f"p90 {sorted(samples)[int(len(samples) * 0.9) - 1]:8.1f} ms   {len(ctx):3d} queries"
        f"   cpu median {statistics.median(cpu):6.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=20000)
    parser.add_argument("--agencies", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    congress = generate(args.tasks, args.agencies)
    vacuum()
    user, _ = User.objects.get_or_create(username="bench-secretariat")
    Participation.objects.get_or_create(
        user=user, congress=congress, defaults={"role": Role.SECRETARIAT}
    )
    agency = Agency.objects.filter(congress=congress).order_by("pk")[0]
    officer, _ = User.objects.get_or_create(username="bench-officer")
    Participation.objects.get_or_create(
        user=officer, congress=congress, defaults={"role": Role.AGENCY_OFFICER, "agency": agency}
    )
    access = Access(user, congress, Role.SECRETARIAT)
    day = today()
    total = Task.objects.filter(congress=congress).count()
    print(f"database: {connection.vendor}; congress tasks: {total}; agencies: {args.agencies}")

    timed(
        "dashboard tables, one scan", lambda: selectors.dashboard_counts(access, day), args.repeat
    )
    timed("status counts alone", lambda: selectors.status_counts(access, day), args.repeat)
    timed("per-agency table", lambda: selectors.agency_table(access, day), args.repeat)
    timed("per-area table", lambda: selectors.area_table(access, day), args.repeat)
    timed("due in 7 days", lambda: list(selectors.due_soon(access, day)), args.repeat)

    def task_page(**kw):
        return lambda: list(
            selectors.tasks_visible_to(access, selectors.TaskFilters(**kw), day)[:25]
        )

    timed("task list page 1", task_page(), args.repeat)
    timed(
        "task list overdue + area",
        task_page(status=StatusClass.OPEN_OVERDUE, area="security"),
        args.repeat,
    )
    timed("task list search 'khanh tiet'", task_page(q="khanh tiet"), args.repeat)
    timed(
        "agency inbox 50 rows",
        lambda: list(selectors.agency_inbox(access, agency)[:50]),
        args.repeat,
    )

    client = Client()
    client.force_login(user)
    base = f"/dai-hoi/{congress.pk}/"
    for label, path in [
        ("GET dashboard page", ""),
        ("GET task list page", "nhiem-vu/"),
        ("GET task list ?status=open_overdue", "nhiem-vu/?status=open_overdue"),
        ("GET agency table page", "co-quan/"),
    ]:
        timed(label, lambda p=path: client.get(base + p), max(5, args.repeat // 2))
    officer_client = Client()
    officer_client.force_login(officer)
    timed(
        "GET agency inbox page (officer)",
        lambda: officer_client.get(base + "don-vi-cua-toi/"),
        max(5, args.repeat // 2),
    )


if __name__ == "__main__":
    main()
