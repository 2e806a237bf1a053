"""The XLSX task import at 10,000 rows through the background worker: the upload is stored and
queued, the worker reads and checks every row (the preview), then, once confirmed, saves them
all or none. Each step is timed from the request that queues it to the job's end (the worker
runs here, in this process, as `manage.py db_worker --batch` would), with the number of queries
the job sends; `--profile` prints where the time goes.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/daihoi_bench \\
        .venv/bin/python bench/task_import.py --rows 10000

Uses the bench congress of `planning_pages.py` (60 agencies; generated with 1,000 tasks when
absent). The saved tasks are deleted again at the end (the bench congress stays as it was).
"""

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import planning_pages  # noqa: E402  (sets Django up)
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from daihoi.accounts.models import Role, User  # noqa: E402
from daihoi.organizations.models import Agency, Participation  # noqa: E402
from daihoi.organizations.permissions import Access  # noqa: E402
from daihoi.planning import summary  # noqa: E402
from daihoi.planning.models import Area, Phase, Task, TaskAssignment  # noqa: E402
from daihoi.reporting import import_jobs, task_sheet  # noqa: E402
from daihoi.testing.mail import run_worker  # noqa: E402


def sheet(rows: int, agencies: list[Agency]) -> SimpleUploadedFile:
    workbook = Workbook()
    ws = workbook.active
    ws.append(task_sheet.LABELS)
    areas, phases = [str(a.label) for a in Area], [str(p.label) for p in Phase]
    for i in range(rows):
        lead, partner = agencies[i % len(agencies)], agencies[(i * 7 + 1) % len(agencies)]
        ws.append(
            [
                None,
                f"Nhiệm vụ nhập thử số {i}: chuẩn bị tài liệu và hội trường",
                lead.name,
                partner.name if partner.pk != lead.pk else None,
                None,
                areas[i % len(areas)],
                phases[i % len(phases)],
                None,
                None,
                f"{1 + i % 28:02d}/{1 + i % 12:02d}/2026",
                "Báo cáo kết quả về Văn phòng.",
            ]
        )
    out = io.BytesIO()
    workbook.save(out)
    return SimpleUploadedFile("nhap.xlsx", out.getvalue())


def timed_job(label: str, profile: bool) -> float:
    """Runs the queued jobs (one) and returns its wall time."""
    profiler = cProfile.Profile() if profile else None
    cpu = time.process_time()
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        if profiler:
            profiler.enable()
        run_worker()
        if profiler:
            profiler.disable()
    took = time.perf_counter() - started
    cpu = time.process_time() - cpu
    print(f"{label}: {took:.2f} s ({cpu:.2f} s of CPU in this process), {len(queries)} queries")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    congress = planning_pages.generate(1000, 60)
    user, _ = User.objects.get_or_create(username="bench-secretariat")
    Participation.objects.get_or_create(
        user=user, congress=congress, defaults={"role": Role.SECRETARIAT}
    )
    access = Access(user, congress, Role.SECRETARIAT)
    agencies = list(Agency.objects.filter(congress=congress).order_by("pk"))
    upload = sheet(args.rows, agencies)
    kib = (upload.size or 0) // 1024
    load = os.getloadavg()[0]
    print(f"database: {connection.vendor}; rows: {args.rows}; file: {kib} KiB; load {load:.1f}")
    started = time.perf_counter()
    job = import_jobs.task_import_start(access=access, upload=upload)
    queued = time.perf_counter() - started
    print(f"upload stored and queued: {queued:.2f} s")
    preview = timed_job("preview in the worker (read, check, keep the rows)", args.profile)
    job.refresh_from_db()
    assert job.state == "previewed", job.errors[:3]
    started = time.perf_counter()
    import_jobs.task_import_confirm(access=access, job=job)
    queued += time.perf_counter() - started
    save = timed_job("save in the worker (all or none)", args.profile)
    job.refresh_from_db()
    assert job.state == "saved", job.errors[:3]
    print(f"saved {job.created_count} tasks")
    total = queued + preview + save
    print(f"upload + preview + confirm + save: {total:.2f} s (target <= 10 s)")
    ids = list(
        Task.objects.filter(
            congress=congress, title__startswith="Nhiệm vụ nhập thử số "
        ).values_list("pk", flat=True)
    )
    # Straight DELETEs: a model delete would write a "-" history row per task first.
    TaskAssignment.objects.filter(task_id__in=ids)._raw_delete(connection.alias)
    Task.all_objects.filter(pk__in=ids)._raw_delete(connection.alias)
    Task.history.filter(id__in=ids)._raw_delete(connection.alias)
    job.file.delete(save=False)
    job.delete()
    summary.rebuild(congress.pk)  # a queryset delete goes past the summary


if __name__ == "__main__":
    main()
