"""Benchmark of the congresses at every level: generate a season, then time the roll-up.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/daihoi_levels_bench \
        .venv/bin/python bench/levels_rollup.py --provinces 63 --tasks-per-congress 100

A season: one national congress, `--provinces` provinces, `--districts` district-level
congresses under each, `--grassroots` grassroots congresses under each district, `--agencies`
agencies in each congress, `--tasks-per-congress` tasks in each (status shares: about a third
done, a tenth overdue). Generation is skipped when the national bench congress already exists.
Then: the national and a province's roll-up (selector, the page through Django's test client,
and the raw SQL the selector runs), a random write with the roll-up compared against a direct
count, and a guidance with `--items` items sent to every grassroots congress (the job's work,
run in this process).
"""

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daihoi.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,127.0.0.1")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from daihoi.accounts.models import Role, User  # noqa: E402
from daihoi.core.dates import today  # noqa: E402
from daihoi.levels import services  # noqa: E402
from daihoi.levels.models import ScheduleEntry, ScheduleState  # noqa: E402
from daihoi.levels.rollup import direct_totals, rollup  # noqa: E402
from daihoi.organizations.models import Agency, Congress, Participation  # noqa: E402
from daihoi.organizations.permissions import Access  # noqa: E402
from daihoi.planning.models import Area, Phase, Task, TaskCountClock  # noqa: E402

NATIONAL = ("Bench mùa đại hội", 99)
AREAS = [a.value for a in Area]
STATES = [s.value for s in ScheduleState]


def _congresses(parent: Congress | None, level: str, n: int, prefix: str) -> list[Congress]:
    made = Congress.objects.bulk_create(
        [
            Congress(
                name=f"Đại hội {prefix} {i:05d}",
                organization=f"Đảng bộ {prefix} {i:05d}",
                level=level,
                ordinal=1,
                term_start=2025,
                term_end=2030,
                opening_date=today() + dt.timedelta(days=30),
                parent=parent,
            )
            for i in range(n)
        ],
        batch_size=2000,
    )
    base = parent.path if parent else "/"
    for c in made:
        c.path = f"{base}{c.pk}/"
    Congress.objects.bulk_update(made, ["path"], batch_size=2000)
    return made


def generate(args: argparse.Namespace) -> Congress:
    found = Congress.objects.filter(organization=NATIONAL[0], ordinal=NATIONAL[1]).first()
    if found is not None:
        return found
    rng = random.Random(11)
    start = time.perf_counter()
    with transaction.atomic():
        national = Congress.objects.create(
            name="Đại hội toàn quốc (thử tải)",
            organization=NATIONAL[0],
            ordinal=NATIONAL[1],
            level="national",
            term_start=2026,
            term_end=2031,
            opening_date=today() + dt.timedelta(days=120),
        )
        provinces = _congresses(national, "province", args.provinces, "tỉnh")
        districts: list[Congress] = []
        for p in provinces:
            districts += _congresses(p, "district", args.districts, f"huyện {p.pk}")
        grassroots: list[Congress] = []
        for d in districts:
            grassroots += _congresses(d, "grassroots", args.grassroots, f"xã {d.pk}")
        below = provinces + districts + grassroots
        entries = []
        for c in below:
            e = ScheduleEntry(congress=c, state=rng.choice(STATES[:2] + STATES[:2] + STATES))
            if e.state == ScheduleState.HELD:
                e.held_date = today() - dt.timedelta(days=rng.randint(1, 30))
            e.place(c.path)
            entries.append(e)
        ScheduleEntry.objects.bulk_create(entries, batch_size=5000)
        everyone = [national, *below]
        TaskCountClock.objects.bulk_create(
            [TaskCountClock(congress_id=c.pk, as_of=today()) for c in everyone],
            ignore_conflicts=True,
            batch_size=5000,
        )
        agencies = Agency.objects.bulk_create(
            [
                Agency(
                    congress_id=c.pk,
                    name=f"Cơ quan {i:02d}",
                    folded_name=f"co quan {i:02d}",
                    is_issuer=i == 0,
                    layout="party",
                )
                for c in everyone
                for i in range(args.agencies)
            ],
            batch_size=5000,
        )
    by_congress: dict[int, list[int]] = {}
    for a in agencies:
        by_congress.setdefault(a.congress_id, []).append(a.pk)
    print(f"congresses: {len(everyone)}, agencies: {len(agencies)}", flush=True)
    base = today()
    pending: list[Task] = []

    def flush() -> None:
        with transaction.atomic():
            Task.objects.bulk_create(pending, batch_size=5000)
        pending.clear()

    for c in everyone:
        for _ in range(args.tasks_per_congress):
            roll = rng.random()
            deadline = base + dt.timedelta(days=rng.randint(-60, 60))
            done = roll < 0.35
            reported = deadline - dt.timedelta(days=rng.randint(0, 5)) if done else None
            if done and rng.random() < 0.15:
                reported = deadline + dt.timedelta(days=rng.randint(1, 5))
            if reported and reported > base:
                reported = base
            pending.append(
                Task(
                    congress_id=c.pk,
                    title=f"Nhiệm vụ {rng.randrange(10**6)}",
                    lead_agency_id=rng.choice(by_congress[c.pk]),
                    area=rng.choice(AREAS),
                    phase=Phase.BEFORE,
                    deadline=deadline,
                    accepted=done,
                    reported_complete_on=reported,
                    progress=100 if done else rng.randint(0, 90),
                )
            )
        if len(pending) >= 20000:
            flush()
    if pending:
        flush()
    print(f"generated in {time.perf_counter() - start:.0f} s", flush=True)
    return national


def timed(label: str, fn, runs: int = 15) -> float:
    """Wall time, and this process's CPU time: on a shared machine the wall time carries the
    other processes' queue, the CPU time is what the request itself costs here."""
    fn()
    samples, cpu = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    samples.sort()
    median = statistics.median(samples)
    print(
        f"{label:44s} median {median:8.1f} ms   p90 {samples[int(len(samples) * 0.9)]:8.1f} ms"
        f"   cpu median {statistics.median(cpu):6.1f} ms"
    )
    return median


def raw_sql(congress: Congress) -> None:
    """What the roll-up asks the database, written by hand: the congress's own totals, one row
    per direct subordinate and class, the subordinates, the schedule states and the unanswered
    report requests by the next depth, the worst twenty, the clocks not at today."""
    k = len(congress.ancestor_ids)
    day = today()
    with connection.cursor() as cursor:
        for sql, params in [
            (
                "SELECT status, tasks, awaiting FROM planning_congresstaskcount "
                "WHERE congress_id = %s",
                [congress.pk],
            ),
            (
                "SELECT child_id, status, tasks, awaiting FROM planning_subtreetaskcount "
                "WHERE parent_id = %s",
                [congress.pk],
            ),
            (
                "SELECT * FROM organizations_congress WHERE parent_id = %s ORDER BY name",
                [congress.pk],
            ),
            (
                f"SELECT d{k + 1}, state, count(*) FROM levels_scheduleentry WHERE d{k} = %s "
                f"GROUP BY d{k + 1}, state",
                [congress.pk],
            ),
            (
                f"SELECT r.d{k + 1}, count(*) FROM levels_reportrecipient r "
                "JOIN reporting_reportsubmission s ON s.id = r.submission_id "
                f"WHERE r.d{k} = %s AND s.status <> 'submitted' GROUP BY r.d{k + 1}",
                [congress.pk],
            ),
            (
                "SELECT s.*, c.* FROM planning_congressoverdueshare s JOIN organizations_congress "
                f"c ON c.id = s.congress_id WHERE s.d{k} = %s AND s.overdue > 0 "
                "AND s.congress_id <> %s ORDER BY s.share DESC, s.overdue DESC, s.congress_id "
                "LIMIT 20",
                [congress.pk, congress.pk],
            ),
            (
                "SELECT k.congress_id FROM planning_taskcountclock k JOIN organizations_congress "
                "c ON c.id = k.congress_id WHERE (k.as_of < %s OR k.as_of > %s) "
                "AND c.path LIKE %s LIMIT 201",
                [day, day, congress.path + "%"],
            ),
        ]:
            cursor.execute(sql, params)  # type: ignore[arg-type]
            cursor.fetchall()


def over_http(user: User, pages: list[tuple[str, str]], repeat: int) -> None:
    """p50/p95 of each page through gunicorn (2 workers, DEBUG off) on a loopback port, one
    connection asking in turn, beside a trivial logged-in page (the floor)."""
    import http_pages

    from daihoi.ops.servers import free_port, start_gunicorn, stop

    port = free_port()
    log = Path(tempfile.gettempdir()) / f"daihoi-bench-levels-{port}.log"
    env = {"DJANGO_DEBUG": "0", "DJANGO_SECURE_COOKIES": "0", "DJANGO_LOG_LEVEL": "ERROR"}
    server = start_gunicorn(port, env, workers=2, log=log)
    try:
        client = http_pages.HttpClient(port, http_pages.session_cookie(user))
        floor = reverse("notifications:unread-badge")
        for label, path in [("floor (unread badge)", floor), *pages]:
            p50, p95, errors = http_pages.latency(client, [path], repeat)
            print(f"HTTP {label:39s} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   errors {errors}")
    finally:
        stop(server)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--provinces", type=int, default=63)
    parser.add_argument("--districts", type=int, default=11)
    parser.add_argument("--grassroots", type=int, default=13)
    parser.add_argument("--agencies", type=int, default=6)
    parser.add_argument("--tasks-per-congress", type=int, default=100)
    parser.add_argument("--items", type=int, default=10)
    parser.add_argument("--skip-guidance", action="store_true", help="time the roll-up only")
    parser.add_argument(
        "--http",
        type=int,
        default=0,
        metavar="N",
        help="also ask gunicorn (2 workers, DEBUG off) for the pages N times each over HTTP",
    )
    args = parser.parse_args()
    national = generate(args)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    n_tasks = Task.objects.filter(congress__path__startswith=national.path).count()
    province = Congress.objects.filter(parent=national).order_by("pk").first()
    assert province is not None
    print(
        f"database: {connection.vendor}; congresses: "
        f"{Congress.objects.filter(path__startswith=national.path).count()}; tasks: {n_tasks}"
    )
    day = today()
    timed("national roll-up (selector)", lambda: rollup(national, day))
    timed("national roll-up (raw SQL)", lambda: raw_sql(national))
    timed("province roll-up (selector)", lambda: rollup(province, day))
    timed("province roll-up (raw SQL)", lambda: raw_sql(province))
    admin, _ = User.objects.get_or_create(
        username="bench-levels", defaults={"is_superuser": True, "is_staff": True}
    )
    user, _ = User.objects.get_or_create(username="bench-national")
    Participation.objects.get_or_create(user=user, congress=national, role=Role.SECRETARIAT)
    client = Client()
    client.force_login(user)
    url = f"/dai-hoi/{national.pk}/cac-cap/tong-hop/"
    assert client.get(url).status_code == 200
    timed("GET national roll-up page", lambda: client.get(url))
    timed("GET province roll-up page (?cap=)", lambda: client.get(url, {"cap": province.pk}))
    if args.http:
        pages = [
            ("national roll-up page", url),
            ("province roll-up page", f"{url}?cap={province.pk}"),
        ]
        over_http(user, pages, args.http)
    # A random write, then the roll-up against a direct count of the whole country.
    task = Task.objects.filter(congress__parent=province, accepted=False).first()
    assert task is not None
    task.deadline = day - dt.timedelta(days=3)
    task.save(update_fields=["deadline"])
    counted = rollup(national, day).total.by_class
    direct = direct_totals(national, day)
    print(f"roll-up equals a direct count after a write: {dict(counted) == direct}")
    if args.skip_guidance:
        return
    # Guidance to every grassroots congress.
    access = Access(user, national, Role.SECRETARIAT)
    guidance = services.guidance_create(
        access=access, kind="guidance", title=f"Bench {time.time()}"
    )
    for i in range(args.items):
        services.guidance_item_add(
            access=access,
            guidance=guidance,
            fields=services.ItemFields(title=f"Nhiệm vụ {i}", area=Area.GENERAL, offset_days=-i),
        )
    targets = services.targets(access, level="grassroots")
    t = time.perf_counter()
    send = services.guidance_send(access=access, guidance=guidance, congress_ids=targets)
    sent = time.perf_counter() - t
    t = time.perf_counter()
    delivered = services.deliver(send.pk)
    print(
        f"guidance to {len(targets)} congresses x {args.items} items: checked and queued in "
        f"{sent:.1f} s, delivered {delivered} in {time.perf_counter() - t:.1f} s; "
        f"a retry delivers {services.deliver(send.pk)}"
    )
    del admin


if __name__ == "__main__":
    main()
