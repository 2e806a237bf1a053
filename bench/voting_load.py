"""1,500 delegates voting within 60 seconds over HTTP (issue 18): one command.

    createdb -h 127.0.0.1 -U postgres daihoi_bench_voting
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/daihoi_bench_voting \\
    REDIS_URL=redis://127.0.0.1:6379/3 .venv/bin/python bench/voting_load.py

It migrates, makes a bench congress with N delegates (1,500) who each have an account and are
checked in to the session, opens a secret motion through the services, starts gunicorn with
`deploy/gunicorn.conf.py` (2 workers, DEBUG off) on a free loopback port and lets every
delegate open the ballot page and vote over HTTP as the page does (an HTMX POST, answered with
the ballot's new state), arriving evenly over `--window` seconds (45), `--clients` at a time
at most (32); `--repeat-share` of them (5 %) tap the button a second time.
It then checks the database: every accepted vote counted once (participation rows = counters =
N, each choice as sent), every second tap refused, and prints p50/p95 of the vote POSTs and of
the ballot pages, the wall time and the errors (any answer other than the expected page or
fragment, or a connection failure). It also prints the CPU time the gunicorn workers and the
database's server processes used per request (from /proc, Linux), a figure that does not
depend on how long requests waited on a busy machine. `--port` fixes the port.
`--in-process K` starts no server: it times the page and the vote of K delegates through
Django's test client in this process (CPU time and SQL statements of each request).
At the end it deletes what it made: the congress, the accounts, their sessions and the log.
"""

import argparse
import datetime as dt
import http.client
import os
import secrets
import statistics
import sys
import tempfile
import threading
import time
from importlib import import_module
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daihoi.settings")
os.environ["DJANGO_DEBUG"] = "0"  # measured as served, also in this process
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from daihoi.accounts.models import Role, User  # noqa: E402
from daihoi.core.models import AuditEntry  # noqa: E402
from daihoi.core.text import fold  # noqa: E402
from daihoi.delegates.models import CheckIn, Delegate, Delegation  # noqa: E402
from daihoi.ops.servers import free_port, start_gunicorn, stop  # noqa: E402
from daihoi.organizations.models import Congress, Participation  # noqa: E402
from daihoi.organizations.permissions import Access  # noqa: E402
from daihoi.programme import services as programme_services  # noqa: E402
from daihoi.programme.models import Session  # noqa: E402
from daihoi.voting import services  # noqa: E402
from daihoi.voting.models import Motion  # noqa: E402
from daihoi.voting.models import Participation as Voted  # noqa: E402
from daihoi.voting.services import ALREADY_VOTED  # noqa: E402
from daihoi.voting.views import VOTE_RECORDED  # noqa: E402

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Quốc", "Đức", "Ngọc"]
GIVEN = ["An", "Bình", "Cường", "Dung", "Hà", "Hải", "Hương", "Khánh", "Lan", "Long", "Mai", "Nam"]
BENCH_ORGANIZATION = "Bench biểu quyết"
BENCH_USERS = "bench-bq-"
CHOICES = ["yes", "yes", "yes", "no", "abstain"]  # delegate i sends CHOICES[i % 5]


def remove_bench_data() -> None:
    """Deletes what a run made (or a run that was stopped left): the bench congress with
    everything under it, its accounts and their audit entries."""
    congresses = Congress.objects.filter(organization=BENCH_ORGANIZATION)
    # The roster's delegates are protected by their accounts' links: those go first.
    Participation.objects.filter(congress__in=congresses).delete()
    congresses.delete()
    AuditEntry.objects.filter(actor__username__startswith=BENCH_USERS).delete()
    User.objects.filter(username__startswith=BENCH_USERS).delete()


def make_congress(n: int) -> tuple[Congress, Access, list[User], Session]:
    """A fresh bench congress: n delegates with accounts, checked in to its one session."""
    remove_bench_data()
    opening = timezone.localdate() + dt.timedelta(days=1)
    congress = Congress.objects.create(
        name="Đại hội đại biểu thử tải biểu quyết",
        organization=BENCH_ORGANIZATION,
        level="national",
        ordinal=14,
        term_start=2026,
        term_end=2031,
        opening_date=opening,
    )
    chief = User.objects.create(username=f"{BENCH_USERS}vanphong")
    Participation.objects.create(user=chief, congress=congress, role=Role.SECRETARIAT)
    access = Access(chief, congress, Role.SECRETARIAT)
    session = programme_services.session_create(
        access=access,
        fields=programme_services.SessionFields(
            kind=Session.Kind.PREPARATORY,
            title="Phiên trù bị",
            starts_at=timezone.make_aware(dt.datetime.combine(opening, dt.time(14))),
            ends_at=timezone.make_aware(dt.datetime.combine(opening, dt.time(17))),
        ),
    )
    delegations = Delegation.objects.bulk_create(
        Delegation(congress=congress, name=f"Đoàn đại biểu số {k + 1}", order=k) for k in range(30)
    )
    delegates = []
    for i in range(n):
        name = f"{FAMILY[i % 12]} {MIDDLE[(i // 12) % 8]} {GIVEN[(i // 96) % 12]} {i + 1}"
        delegates.append(
            Delegate(
                congress=congress,
                delegation=delegations[i % 30],
                kind=Delegate.Kind.OFFICIAL,
                full_name=name,
                name_key=fold(name),
                gender=Delegate.Gender.MALE if i % 3 else Delegate.Gender.FEMALE,
                birth_year=1965 + i % 25,
            )
        )
    delegates = Delegate.objects.bulk_create(delegates)
    users = User.objects.bulk_create(
        User(username=f"{BENCH_USERS}{i:04d}", full_name=d.full_name)
        for i, d in enumerate(delegates)
    )
    Participation.objects.bulk_create(
        Participation(user=u, congress=congress, role=Role.DELEGATE, delegate=d)
        for u, d in zip(users, delegates, strict=True)
    )
    CheckIn.objects.bulk_create(
        CheckIn(
            congress=congress,
            session=session.checkin_session,
            delegate=d,
            delegation_id=d.delegation_id,
            method=CheckIn.Method.NAME,
        )
        for d in delegates
    )
    return congress, access, users, session


def session_cookie(user: User) -> str:
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    return store.session_key


def forget_sessions(keys: list[str]) -> None:
    engine = import_module(settings.SESSION_ENGINE)
    for key in keys:
        engine.SessionStore(session_key=key).delete()


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far (Linux /proc); 0 when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_processes(server_pid: int) -> list[int]:
    """The gunicorn master and its workers: every process of the session it was started in."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        if int(fields[3]) == server_pid:  # field 6 of stat: the session id
            pids.append(int(entry.name))
    return pids


def database_backends() -> list[int]:
    """The PostgreSQL server processes of the other connections to this database (the
    workers'); none on SQLite or when the server runs elsewhere."""
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
        )
        return [pid for (pid,) in cursor.fetchall() if Path(f"/proc/{pid}").exists()]


def cpu_of(pids: list[int]) -> dict[int, float]:
    return {pid: cpu_seconds(pid) for pid in pids}


def cpu_used(before: dict[int, float], pids: list[int]) -> float:
    """CPU seconds the processes used since `before` (a process absent then counts from 0)."""
    return sum(cpu_seconds(pid) - before.get(pid, 0.0) for pid in pids)


def in_process(ballot: str, cookies: list[str]) -> None:
    """CPU time of the ballot page and of the vote in this process, through Django's test
    client with the production settings (DEBUG off, the same database and cache), and their
    statements: a figure of the code's cost that the machine's other work disturbs least."""
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    browser = Client(HTTP_HOST="127.0.0.1")
    cpu: dict[str, list[float]] = {"ballot page": [], "vote POST": []}
    statements = {}
    for i, cookie in enumerate(cookies):
        browser.cookies["sessionid"] = cookie
        for label in cpu:
            with CaptureQueriesContext(connection) as queries:
                started = time.process_time()
                if label == "ballot page":
                    response = browser.get(ballot)
                else:
                    response = browser.post(
                        ballot, {"choice": CHOICES[i % 5]}, HTTP_HX_REQUEST="true"
                    )
                spent = (time.process_time() - started) * 1000
            assert response.status_code == 200, response.status_code
            if i >= 10:  # the first requests fill the process's caches
                cpu[label].append(spent)
                statements[label] = len(queries.captured_queries)
    print(f"in this process, {len(cookies) - 10} delegates (the first 10 left out):")
    for label, samples in cpu.items():
        print(
            f"{label:12s} CPU median {statistics.median(samples):5.1f} ms, "
            f"p25 {percentile(samples, 0.25):5.1f} ms; {statements[label]} SQL statements"
        )


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--delegates", type=int, default=1500)
    parser.add_argument("--window", type=float, default=45.0, help="arrivals spread over (s)")
    parser.add_argument("--clients", type=int, default=32, help="at most this many at once")
    parser.add_argument("--repeat-share", type=float, default=0.05)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument(
        "--in-process",
        type=int,
        default=0,
        metavar="K",
        help="no server: time the page and the vote of K delegates in this process",
    )
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    congress, access, users, session = make_congress(args.delegates)
    cookies = [session_cookie(u) for u in users]
    try:
        run(args, congress, access, session, cookies)
    finally:
        remove_bench_data()
        forget_sessions(cookies)


def run(
    args: argparse.Namespace, congress: Congress, access: Access, session: Session, cookies: list
) -> None:
    """Opens the motion, starts the server, lets everyone vote, checks and prints."""
    n = args.delegates
    motion = services.motion_create(
        access=access,
        fields=services.MotionFields(
            session=session,
            kind=Motion.Kind.PROGRAMME,
            title="Thông qua Chương trình làm việc của Đại hội",
        ),
    )
    services.motion_open(access=access, motion=motion)
    ballot = reverse("voting:ballot", args=[congress.pk, motion.pk])
    if args.in_process:
        in_process(ballot, cookies[: args.in_process])
        return
    repeaters = (
        set(range(0, n, max(1, round(1 / args.repeat_share)))) if args.repeat_share else set()
    )

    port = args.port or free_port()
    log = Path(tempfile.gettempdir()) / f"daihoi-bench-voting-{port}.log"
    env = {"DJANGO_DEBUG": "0", "DJANGO_SECURE_COOKIES": "0", "DJANGO_LOG_LEVEL": "ERROR"}
    print(
        f"database: {connection.vendor}; delegates: {n}, all present; gunicorn 2 workers, DEBUG "
        f"off; arrivals over {args.window:.0f} s, at most {args.clients} at once; "
        f"{len(repeaters)} second taps; load average before: {os.getloadavg()[0]:.1f}"
    )
    server = start_gunicorn(port, env, workers=2, log=log)
    workers_before = cpu_of(server_processes(server.pid))
    backends_before = cpu_of(database_backends())
    posts: list[float] = []
    pages: list[float] = []
    errors: list[str] = []
    refused = [0]
    lock = threading.Lock()
    next_index = [0]
    began = time.perf_counter()

    def request(conn, method: str, i: int, body: str = "") -> tuple[int, str, float]:
        csrf = "b" * 32
        headers = {
            "Host": "127.0.0.1",
            "Cookie": f"sessionid={cookies[i]}; csrftoken={csrf}",
            "X-CSRFToken": csrf,
            "Referer": f"http://127.0.0.1:{port}{ballot}",
        }
        if body:  # what the ballot's form sends through HTMX (forms.js adds the token)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["HX-Request"] = "true"
            body += f"&_once={secrets.token_urlsafe(16)}"
        started = time.perf_counter()
        conn.request(method, ballot, body=body or None, headers=headers)
        response = conn.getresponse()
        text = response.read().decode()
        return response.status, text, (time.perf_counter() - started) * 1000

    def delegate_votes(i: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            status, text, ms = request(conn, "GET", i)
            with lock:
                pages.append(ms)
                if status != 200 or "ballot-state" not in text:
                    errors.append(f"GET {status}")
            for tap in range(2 if i in repeaters else 1):
                status, text, ms = request(conn, "POST", i, f"choice={CHOICES[i % 5]}")
                expected = VOTE_RECORDED if tap == 0 else ALREADY_VOTED
                with lock:
                    posts.append(ms)
                    if status != 200 or expected not in text:
                        errors.append(f"POST {status}" + (" again" if tap else ""))
                    elif tap:
                        refused[0] += 1
        except Exception as error:  # a refused or broken connection is an error of the run
            with lock:
                errors.append(type(error).__name__)
        finally:
            conn.close()

    def client() -> None:
        while True:
            with lock:
                i = next_index[0]
                next_index[0] += 1
            if i >= n:
                return
            due = began + args.window * i / n
            pause = due - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            delegate_votes(i)

    client_started = time.process_time()
    try:
        pool = [threading.Thread(target=client) for _ in range(args.clients)]
        for t in pool:
            t.start()
        for t in pool:
            t.join()
        wall = time.perf_counter() - began
        client_cpu = time.process_time() - client_started
        web_cpu = cpu_used(workers_before, server_processes(server.pid))
        database_cpu = cpu_used(backends_before, database_backends())
    finally:
        stop(server)

    try:
        motion.refresh_from_db()
        expected = {c: sum(1 for i in range(n) if CHOICES[i % 5] == c) for c in set(CHOICES)}
        counted = {"yes": motion.yes_count, "no": motion.no_count, "abstain": motion.abstain_count}
        voted = Voted.objects.filter(motion=motion).count()
        print(
            f"{n} delegates voted in {wall:.1f} s (+{len(repeaters)} second taps); vote POST "
            f"p50 {statistics.median(posts):.0f} ms, p95 {percentile(posts, 0.95):.0f} ms, "
            f"max {max(posts):.0f} ms; ballot page p50 {statistics.median(pages):.0f} ms, "
            f"p95 {percentile(pages, 0.95):.0f} ms; errors: {len(errors)} {sorted(set(errors))}"
        )
        print(
            f"counted {counted} (sent {expected}); participation rows {voted}; "
            f"every vote counted once: {counted == expected and voted == n}; second taps "
            f"refused: {refused[0]}/{len(repeaters)}; load average after: "
            f"{os.getloadavg()[0]:.1f}"
        )
        answered = len(posts) + len(pages)
        print(
            f"server CPU per request ({answered} requests, pages and votes together): gunicorn "
            f"workers {1000 * web_cpu / answered:.1f} ms, PostgreSQL "
            f"{1000 * database_cpu / answered:.1f} ms; this bench's own HTTP clients (on the "
            f"same cores) {1000 * client_cpu / answered:.1f} ms"
        )
        services.motion_close(access=access, motion=motion)
    finally:
        if errors:
            print(f"server log kept: {log}")
        else:
            log.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
