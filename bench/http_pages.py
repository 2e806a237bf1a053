"""The pages of issue 14 over HTTP: one command generates the data, starts gunicorn (2 workers,
DEBUG off), measures every page and prints the table.

    createdb -h 127.0.0.1 -U postgres daihoi_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/daihoi_bench \\
        .venv/bin/python bench/http_pages.py --tasks 100000

For each page: the SQL it sends (sum of the query times, measured in this process through the
Django test client), p50/p95 of one connection asking in turn, and requests per second with 8
connections asking at once. The floor is a trivial logged-in page (the unread-notice badge).
Generation is skipped when the bench congress already has the tasks; migrations are applied.
The deep page is page 201 reached as a reader reaches it, through "Sau ›": by keyset (the
cursor of row 5,000). `--spread-tasks 900000 --congresses 3000` adds that many tasks over that
many other congresses (the 1M-task case), measured on the same 100k congress; `--port` picks
the loopback port (a free one by default).
"""

import argparse
import datetime as dt
import http.client
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only")

import planning_pages  # noqa: E402  (sets Django up)
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from daihoi.accounts.models import Role, User  # noqa: E402
from daihoi.ops.servers import free_port, start_gunicorn, stop  # noqa: E402
from daihoi.organizations.models import Agency, Congress, Participation  # noqa: E402
from daihoi.planning.listing import cursor_of  # noqa: E402
from daihoi.planning.models import Area, Phase, Task, TaskAssignment  # noqa: E402
from daihoi.planning.selectors import KEY_FIRST  # noqa: E402


def session_cookie(user: User) -> str:
    """A real session in the shared session store, as a login would leave it."""
    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def users(congress: Congress) -> tuple[User, User]:
    secretariat, _ = User.objects.get_or_create(username="bench-secretariat")
    Participation.objects.get_or_create(
        user=secretariat, congress=congress, defaults={"role": Role.SECRETARIAT}
    )
    agency = Agency.objects.filter(congress=congress).order_by("pk").first()
    officer, _ = User.objects.get_or_create(username="bench-officer")
    Participation.objects.get_or_create(
        user=officer, congress=congress, defaults={"role": Role.AGENCY_OFFICER, "agency": agency}
    )
    return secretariat, officer


def detail_task(congress: Congress) -> Task:
    """A generated task (bulk-inserted: no history row, two coordinating agencies)."""
    return Task.objects.filter(congress=congress).order_by("pk")[500]


def deep_cursor(congress: Congress, row: int) -> str:
    """The cursor "Sau ›" carries on the page that ends at `row` (1-based)."""
    return cursor_of(Task.objects.filter(congress=congress).order_by(*KEY_FIRST)[row - 1])


def spread(total: int, congresses: int) -> None:
    """`total` tasks over `congresses` other congresses (20 agencies each), for the 1M case."""
    have = Congress.objects.filter(organization__startswith="Bench spread").count()
    if have >= congresses:
        return
    rng = random.Random(11)
    started = time.perf_counter()
    for i in range(have, congresses):
        congress = Congress.objects.create(
            name=f"Đại hội thử tải {i}",
            organization=f"Bench spread {i:05d}",
            level="province",
            ordinal=1,
            term_start=2025,
            term_end=2030,
        )
        agencies = Agency.objects.bulk_create(
            [Agency(congress=congress, name=f"Đơn vị {j:02d}") for j in range(20)]
        )
        tasks = [
            Task(
                congress=congress,
                title=f"Nhiệm vụ {k}",
                lead_agency=rng.choice(agencies),
                area=rng.choice(Area.values),
                phase=rng.choice(Phase.values),
                deadline=planning_pages.today() + dt.timedelta(days=rng.randint(-90, 90)),
                search_text=f"nhiem vu {k}",
            )
            for k in range(total // congresses)
        ]
        with transaction.atomic():
            created = Task.objects.bulk_create(tasks)
            TaskAssignment.objects.bulk_create(
                [
                    TaskAssignment(task=t, agency=t.lead_agency, role="lead", deadline=t.deadline)
                    for t in created
                ]
            )
    print(
        f"spread {total} tasks over {congresses} congresses in {time.perf_counter() - started:.0f}s"
    )


class SqlTimer:
    """Times every query the connection sends (execute_wrapper), with perf_counter precision."""

    def __init__(self) -> None:
        self.ms = 0.0
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.ms += (time.perf_counter() - started) * 1000
            self.count += 1


def sql_ms(client: Client, paths: list[str], repeat: int = 5) -> tuple[float, int]:
    """Median over `repeat` views of the time spent in the database, and the number of queries."""
    for path in paths:
        client.get(path)  # warm
    totals, count = [], 0
    for _ in range(repeat):
        timer = SqlTimer()
        with connection.execute_wrapper(timer):
            for path in paths:
                client.get(path)
        totals.append(timer.ms)
        count = timer.count
    return statistics.median(totals), count


class HttpClient:
    def __init__(self, port: int, cookie: str):
        self.port = port
        self.cookie = cookie

    def get(self, path: str) -> tuple[int, float]:
        started = time.perf_counter()
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            conn.request("GET", path, headers={"Cookie": self.cookie, "Host": "127.0.0.1"})
            response = conn.getresponse()
            response.read()
            status = response.status
        finally:
            conn.close()
        return status, (time.perf_counter() - started) * 1000

    def view(self, paths: list[str]) -> tuple[bool, float]:
        """One page view: the page and the fragments it loads, in turn."""
        ok, total = True, 0.0
        for path in paths:
            status, ms = self.get(path)
            ok = ok and status == 200
            total += ms
        return ok, total


def latency(client: HttpClient, paths: list[str], repeat: int) -> tuple[float, float, int]:
    client.view(paths)
    samples, errors = [], 0
    for _ in range(repeat):
        ok, ms = client.view(paths)
        samples.append(ms)
        errors += not ok
    samples.sort()
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    return statistics.median(samples), p95, errors


def throughput(
    client: HttpClient, paths: list[str], connections: int, seconds: float
) -> tuple[float, int]:
    """Page views per second with `connections` clients asking without pause."""
    done = [0] * connections
    errors = [0] * connections
    stop_at = time.perf_counter() + seconds

    def worker(i: int) -> None:
        while time.perf_counter() < stop_at:
            ok, _ = client.view(paths)
            done[i] += 1
            errors[i] += not ok

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(done) / (time.perf_counter() - started), sum(errors)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=100000)
    parser.add_argument("--agencies", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=30, help="requests for p50/p95")
    parser.add_argument("--seconds", type=float, default=8, help="seconds of 8-connection load")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--spread-tasks", type=int, default=0)
    parser.add_argument("--congresses", type=int, default=3000)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    congress = planning_pages.generate(args.tasks, args.agencies)
    if args.spread_tasks:
        spread(args.spread_tasks, args.congresses)
    planning_pages.vacuum()
    secretariat, officer = users(congress)
    c = congress.pk
    task = detail_task(congress)
    tasks = reverse("planning:task-list", args=[c])
    pages: list[tuple[str, User, list[str]]] = [
        ("trivial logged-in page (floor)", secretariat, [reverse("notifications:unread-badge")]),
        (
            "dashboard (+ charts fragment)",
            secretariat,
            [
                reverse("planning:dashboard", args=[c]),
                reverse("reporting:dashboard-charts", args=[c]),
            ],
        ),
        ("task list, page 1", secretariat, [tasks]),
        (
            "filtered list (overdue + area)",
            secretariat,
            [f"{tasks}?status=open_overdue&area=security"],
        ),
        (
            "deep page (page 201)",
            secretariat,
            [f"{tasks}?page=201&after={deep_cursor(congress, 200 * 25)}"],
        ),
        ("search", secretariat, [f"{tasks}?q=khanh+tiet"]),
        ("agency inbox", officer, [reverse("planning:inbox", args=[c])]),
        ("task detail", secretariat, [reverse("planning:task-detail", args=[c, task.pk])]),
    ]
    total = Task.objects.filter(congress=congress).count()
    print(
        f"database: {connection.vendor}; tasks in the congress: {total}; in the database: "
        f"{Task.objects.count()} over {Congress.objects.count()} congresses; agencies: "
        f"{args.agencies}; gunicorn 2 workers, DEBUG off; {args.connections} connections; "
        f"load average before: {os.getloadavg()[0]:.1f}"
    )

    # The SQL each page sends, measured here against the same database.
    in_process = {}
    for label, user, paths in pages:
        django_client = Client(raise_request_exception=False)
        django_client.force_login(user)
        in_process[label] = sql_ms(django_client, paths)

    port = args.port or free_port()
    log = Path(tempfile.gettempdir()) / f"daihoi-bench-gunicorn-{port}.log"
    env = {"DJANGO_DEBUG": "0", "DJANGO_SECURE_COOKIES": "0", "DJANGO_LOG_LEVEL": "ERROR"}
    server = start_gunicorn(port, env, workers=2, log=log)
    rows = []
    try:
        cookies = {u.pk: session_cookie(u) for u in (secretariat, officer)}
        for label, user, paths in pages:
            client = HttpClient(port, cookies[user.pk])
            p50, p95, errors = latency(client, paths, args.repeat)
            rps, load_errors = throughput(client, paths, args.connections, args.seconds)
            sql, queries = in_process[label]
            parts = [latency(client, [p], 5)[0] for p in paths] if len(paths) > 1 else []
            rows.append((label, sql, queries, p50, p95, rps, errors + load_errors, parts))
    finally:
        stop(server)

    print()
    print("| page | SQL it sends | queries | page p50 | page p95 | req/s (8 conns) | errors |")
    print("|---|---|---|---|---|---|---|")
    for label, sql, queries, p50, p95, rps, errors, parts in rows:
        detail = f" ({' + '.join(f'{p:.0f}' for p in parts)})" if parts else ""
        print(
            f"| {label} | {sql:.1f} ms | {queries} | {p50:.0f} ms{detail} | {p95:.0f} ms "
            f"| {rps:.0f} | {errors} |"
        )


if __name__ == "__main__":
    main()
