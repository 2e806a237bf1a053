"""1,500 delegates voting within 60 seconds over HTTP (issue 18): one command.

    createdb -h 127.0.0.1 -U postgres daihoi_bench_voting
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/daihoi_bench_voting \\
    REDIS_URL=redis://127.0.0.1:6379/3 .venv/bin/python bench/voting_load.py

It migrates, makes a bench congress with N delegates (1,500) who each have an account and are
checked in to the session, opens a secret motion through the services, starts gunicorn with
`deploy/gunicorn.conf.py` (2 workers, DEBUG off) on a free loopback port and lets every
delegate open the ballot page and vote over HTTP, arriving evenly over `--window` seconds (45),
`--clients` at a time at most (32); `--repeat-share` of them (5 %) tap the button a second time.
It then checks the database: every accepted vote counted once (participation rows = counters =
N, each choice as sent), every second tap refused, and prints p50/p95 of the vote POSTs and of
the ballot pages, the wall time and the errors (any answer other than the expected redirect or
page, or a connection failure). `--port` fixes the port.
"""

import argparse
import datetime as dt
import http.client
import os
import statistics
import sys
import tempfile
import threading
import time
from importlib import import_module
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daihoi.settings")
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

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Quốc", "Đức", "Ngọc"]
GIVEN = ["An", "Bình", "Cường", "Dung", "Hà", "Hải", "Hương", "Khánh", "Lan", "Long", "Mai", "Nam"]
CHOICES = ["yes", "yes", "yes", "no", "abstain"]  # delegate i sends CHOICES[i % 5]


def make_congress(n: int) -> tuple[Congress, Access, list[User], Session]:
    """A fresh bench congress: n delegates with accounts, checked in to its one session."""
    Congress.objects.filter(organization="Bench biểu quyết").delete()
    User.objects.filter(username__startswith="bench-bq-").delete()
    opening = timezone.localdate() + dt.timedelta(days=1)
    congress = Congress.objects.create(
        name="Đại hội đại biểu thử tải biểu quyết",
        organization="Bench biểu quyết",
        level="national",
        ordinal=14,
        term_start=2026,
        term_end=2031,
        opening_date=opening,
    )
    chief = User.objects.create(username="bench-bq-vanphong")
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
        User(username=f"bench-bq-{i:04d}", full_name=d.full_name) for i, d in enumerate(delegates)
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
    engine = import_module(settings.SESSION_ENGINE)
    store = engine.SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    return store.session_key


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
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    n = args.delegates
    congress, access, users, session = make_congress(n)
    motion = services.motion_create(
        access=access,
        fields=services.MotionFields(
            session=session,
            kind=Motion.Kind.PROGRAMME,
            title="Thông qua Chương trình làm việc của Đại hội",
        ),
    )
    services.motion_open(access=access, motion=motion)
    cookies = [session_cookie(u) for u in users]
    ballot = reverse("voting:ballot", args=[congress.pk, motion.pk])
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
    posts: list[float] = []
    pages: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    next_index = [0]
    began = time.perf_counter()

    def request(conn, method: str, i: int, body: str = "") -> tuple[int, float]:
        csrf = "b" * 32
        headers = {
            "Host": "127.0.0.1",
            "Cookie": f"sessionid={cookies[i]}; csrftoken={csrf}",
            "X-CSRFToken": csrf,
            "Referer": f"http://127.0.0.1:{port}{ballot}",
        }
        if body:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        conn.request(method, ballot, body=body or None, headers=headers)
        response = conn.getresponse()
        response.read()
        return response.status, (time.perf_counter() - started) * 1000

    def delegate_votes(i: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            status, ms = request(conn, "GET", i)
            with lock:
                pages.append(ms)
                if status != 200:
                    errors.append(f"GET {status}")
            for _ in range(2 if i in repeaters else 1):
                status, ms = request(conn, "POST", i, f"choice={CHOICES[i % 5]}")
                with lock:
                    posts.append(ms)
                    if status != 302:
                        errors.append(f"POST {status}")
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

    try:
        pool = [threading.Thread(target=client) for _ in range(args.clients)]
        for t in pool:
            t.start()
        for t in pool:
            t.join()
        wall = time.perf_counter() - began
    finally:
        stop(server)

    motion.refresh_from_db()
    expected = {c: sum(1 for i in range(n) if CHOICES[i % 5] == c) for c in set(CHOICES)}
    counted = {"yes": motion.yes_count, "no": motion.no_count, "abstain": motion.abstain_count}
    voted = Voted.objects.filter(motion=motion).count()
    print(
        f"{n} delegates voted in {wall:.1f} s (+{len(repeaters)} second taps); "
        f"vote POST p50 {statistics.median(posts):.0f} ms, p95 {percentile(posts, 0.95):.0f} ms, "
        f"max {max(posts):.0f} ms; ballot page p50 {statistics.median(pages):.0f} ms, "
        f"p95 {percentile(pages, 0.95):.0f} ms; errors: {len(errors)} {sorted(set(errors))}"
    )
    print(
        f"counted {counted} (sent {expected}); participation rows {voted}; "
        f"every vote counted once: {counted == expected and voted == n}; "
        f"load average after: {os.getloadavg()[0]:.1f}"
    )
    services.motion_close(access=access, motion=motion)


if __name__ == "__main__":
    main()
