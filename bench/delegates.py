"""Benchmarks of the delegates app at a national congress's size (1,500 delegates).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/daihoi_delegates_bench \\
        .venv/bin/python bench/delegates.py import     # roster import of 1,500 rows (≤ 10 s)
    ... bench/delegates.py stats      # statistics page, median of 30 (≤ 100 ms)
    ... bench/delegates.py badges     # 1,500 badges by the background worker (≤ 60 s)
    ... bench/delegates.py scan       # server time per scan, in process (≤ 50 ms)
    ... bench/delegates.py scan-http --url http://127.0.0.1:8104 --seconds 20 --threads 4
                                      # scans/s sustained over loopback HTTP (≥ 50/s)

`import` makes the bench congress anew (its delegates are deleted first); the others reuse it.
`scan-http` needs a server on the same database and cache, DEBUG off, e.g.
    DJANGO_SECRET_KEY=… DJANGO_SECURE_COOKIES=0 DATABASE_URL=… REDIS_URL=… \
        .venv/bin/gunicorn daihoi.wsgi -w 2 -b 127.0.0.1:8104
"""

import argparse
import datetime as dt
import http.client
import io
import json
import os
import secrets
import statistics
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daihoi.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")

import django  # noqa: E402

django.setup()

from importlib import import_module  # noqa: E402

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from daihoi.accounts.models import Role, User  # noqa: E402
from daihoi.delegates.badge_pdf import QR_PREFIX  # noqa: E402
from daihoi.delegates.models import (  # noqa: E402
    Badge,
    CheckIn,
    CongressSession,
    Delegate,
    Delegation,
    token_hash,
)
from daihoi.delegates.services.badges import badges_print  # noqa: E402
from daihoi.delegates.services.importing import COLUMNS, roster_import  # noqa: E402
from daihoi.organizations.models import Congress, Participation  # noqa: E402
from daihoi.organizations.permissions import Access  # noqa: E402

N = 1500
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Quốc", "Đức", "Ngọc"]
GIVEN = ["An", "Bình", "Cường", "Dung", "Hà", "Hải", "Hương", "Khánh", "Lan", "Long", "Mai", "Nam"]
ETHNICITIES = ["Kinh"] * 7 + ["Tày", "Thái", "Mường", "Khmer", "Ba Na", "Xơ Đăng", "Gia Rai"]


def congress_and_user() -> tuple[Congress, User, Access]:
    congress, _ = Congress.objects.get_or_create(
        organization="Bench đại biểu",
        ordinal=13,
        defaults=dict(
            name="Đại hội đại biểu thử tải",
            level="national",
            term_start=2021,
            term_end=2026,
            opening_date=dt.date(2021, 1, 25),
        ),
    )
    user, _ = User.objects.get_or_create(username="bench-daibieu")
    Participation.objects.get_or_create(
        user=user, congress=congress, defaults={"role": Role.SECRETARIAT}
    )
    return congress, user, Access(user, congress, Role.SECRETARIAT)


def roster_file(delegations: list[str]) -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([label for _, label in COLUMNS])
    for i in range(N):
        birth = 1956 + i % 36
        family, middle = FAMILY[i % len(FAMILY)], MIDDLE[(i // 7) % len(MIDDLE)]
        name = f"{family} {middle} {GIVEN[(i // 3) % len(GIVEN)]} {i}"
        values = {
            "full_name": name,
            "kind": "Chính thức" if i % 10 else "Dự khuyết",
            "gender": "Nữ" if i % 4 == 0 else "Nam",
            "birth_year": birth,
            "ethnicity": ETHNICITIES[i % len(ETHNICITIES)],
            "religion": "Không" if i % 13 else "Phật giáo",
            "education": "12/12",
            "professional_level": ["Tiến sĩ", "Thạc sĩ", "Đại học"][i % 3],
            "theory_level": "Cao cấp" if i % 5 else "Trung cấp",
            "party_joined_on": f"{1 + i % 28:02d}/{1 + i % 12:02d}/{birth + 22 + i % 10}",
            "position": "Ủy viên Ban Chấp hành",
            "workplace": delegations[i % len(delegations)].replace("Đoàn ", ""),
            "delegation": delegations[i % len(delegations)],
            "is_ex_officio": "Đương nhiên" if i % 6 == 0 else "Bầu",
            "phone": f"09{i:08d}",
        }
        sheet.append([values[name] for name, _ in COLUMNS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("dai-bieu-1500.xlsx", buffer.getvalue())


def bench_import() -> None:
    congress, _, access = congress_and_user()
    CheckIn.objects.filter(congress=congress).delete()
    Badge.objects.filter(congress=congress).delete()
    Delegate.objects.filter(congress=congress).delete()
    names = [f"Đoàn Đảng bộ số {i:02d}" for i in range(1, 64)]
    for order, name in enumerate(names):
        Delegation.objects.get_or_create(congress=congress, name=name, defaults={"order": order})
    upload = roster_file(names)
    started = time.perf_counter()
    result = roster_import(access=access, upload=upload)
    elapsed = time.perf_counter() - started
    print(f"import: {result.created} rows, {len(result.errors)} errors, {elapsed:.2f} s")


def bench_stats() -> None:
    congress, user, _ = congress_and_user()
    client = Client()
    client.force_login(user)
    url = f"/dai-hoi/{congress.pk}/dai-bieu/co-cau/"
    assert client.get(url).status_code == 200
    times = []
    for _ in range(30):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    n = Delegate.objects.filter(congress=congress, is_active=True, kind="official").count()
    print(
        f"statistics page ({n} official delegates): median {statistics.median(times):.1f} ms, "
        f"max {max(times):.1f} ms over 30"
    )


def bench_badges() -> None:
    congress, _, access = congress_and_user()
    batch = badges_print(access=access)
    started = time.perf_counter()
    call_command("db_worker", batch=True, no_startup_delay=True, reload=False, verbosity=0)
    elapsed = time.perf_counter() - started
    batch.refresh_from_db()
    print(
        f"badges: {batch.done}/{batch.total} in {elapsed:.1f} s by db_worker, state {batch.state}, "
        f"PDF {batch.pdf.size // 1024} KB"
    )


def _tokens(congress: Congress, limit: int) -> tuple[CongressSession, list[str]]:
    """Fresh badges for `limit` delegates (their earlier ones revoked) and a new session."""
    session = CongressSession.objects.create(
        congress=congress, name=f"Phiên thử {secrets.token_hex(3)}", starts_at=timezone.now()
    )
    delegates = list(Delegate.objects.filter(congress=congress, is_active=True)[:limit])
    Badge.objects.filter(delegate__in=delegates, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    tokens = [secrets.token_urlsafe(18) for _ in delegates]
    Badge.objects.bulk_create(
        Badge(congress=congress, delegate=d, token_hash=token_hash(t))
        for d, t in zip(delegates, tokens, strict=True)
    )
    return session, [QR_PREFIX + t for t in tokens]


def bench_scan() -> None:
    congress, user, _ = congress_and_user()
    session, codes = _tokens(congress, 300)
    client = Client()
    client.force_login(user)
    url = f"/dai-hoi/{congress.pk}/dai-bieu/diem-danh/{session.pk}/quet/"
    times = []
    for code in codes + codes[:100]:
        started = time.perf_counter()
        response = client.post(url, {"code": code}, content_type="application/json")
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    times.sort()
    print(
        f"scan (in process, {len(times)} scans, 100 of them repeats): median "
        f"{statistics.median(times):.1f} ms, p95 {times[int(len(times) * 0.95)]:.1f} ms"
    )


def _session_cookie(user: User) -> str:
    engine = import_module(settings.SESSION_ENGINE)
    store = engine.SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    return store.session_key


def bench_scan_http(url: str, seconds: float, threads: int) -> None:
    congress, user, _ = congress_and_user()
    session, codes = _tokens(congress, N)
    cookie = _session_cookie(user)
    csrf = secrets.token_hex(16)
    target = urlparse(url)
    path = f"/dai-hoi/{congress.pk}/dai-bieu/diem-danh/{session.pk}/quet/"
    headers = {
        "Content-Type": "application/json",
        "Cookie": f"sessionid={cookie}; csrftoken={csrf}",
        "X-CSRFToken": csrf,
        "Referer": url + "/",
    }
    counts = {"ok": 0, "again": 0, "refused": 0, "error": 0}
    latencies: list[float] = []
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def worker(offset: int) -> None:
        conn = http.client.HTTPConnection(target.hostname or "127.0.0.1", target.port, timeout=10)
        i = offset
        while time.perf_counter() < deadline and i < offset + 100_000:
            body = json.dumps({"code": codes[i % len(codes)]})
            started = time.perf_counter()
            try:
                conn.request("POST", path, body=body, headers=headers)
                response = conn.getresponse()
                payload = response.read()
                status = json.loads(payload)["status"] if response.status == 200 else "error"
            except Exception:
                status = "error"
                conn.close()
                conn = http.client.HTTPConnection(
                    target.hostname or "127.0.0.1", target.port, timeout=10
                )
            with lock:
                counts[status] = counts.get(status, 0) + 1
                latencies.append((time.perf_counter() - started) * 1000)
            i += threads
        conn.close()

    started = time.perf_counter()
    pool = [threading.Thread(target=worker, args=(t,)) for t in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    elapsed = time.perf_counter() - started
    total = sum(counts.values())
    latencies.sort()
    print(
        f"scan over HTTP: {total} scans in {elapsed:.1f} s = {total / elapsed:.0f} scans/s "
        f"({threads} clients), p50 {statistics.median(latencies):.0f} ms, "
        f"p95 {latencies[int(len(latencies) * 0.95)]:.0f} ms; {counts}"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["import", "stats", "badges", "scan", "scan-http"])
    parser.add_argument("--url", default="http://127.0.0.1:8104")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    if args.what == "import":
        bench_import()
    elif args.what == "stats":
        bench_stats()
    elif args.what == "badges":
        bench_badges()
    elif args.what == "scan":
        bench_scan()
    else:
        bench_scan_http(args.url, args.seconds, args.threads)
