"""The XLSX task import at 10,000 rows: preview (read and check every row) and save (all or
none), timed, with the number of queries each step sends.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/daihoi_bench \\
        .venv/bin/python bench/task_import.py --rows 10000

Uses the bench congress of `planning_pages.py` (60 agencies; generated with 1,000 tasks when
absent). The saved tasks are deleted again at the end (the bench congress stays as it was).
"""

import argparse
import io
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
from daihoi.reporting import imports, task_sheet  # noqa: E402


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
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
    print(f"database: {connection.vendor}; rows: {args.rows}; file: {kib} KiB")
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as read_queries:
        result = imports.read_tasks(upload, congress)
    preview = time.perf_counter() - started
    assert result.ok, result.row_errors[:3] or result.errors
    token = imports.sign_rows(result.rows)
    size = len(token) // 1024
    print(f"preview: {preview:.2f} s, {len(read_queries)} queries; signed rows {size} KiB")
    rows = imports.unsign_rows(token)
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as save_queries:
        created, _ = imports.tasks_import(access=access, rows=rows)
    save = time.perf_counter() - started
    print(f"save: {save:.2f} s, {len(save_queries)} queries for {len(created)} tasks")
    print(f"preview + save: {preview + save:.2f} s (target <= 10 s)")
    ids = [t.pk for t in created]
    TaskAssignment.objects.filter(task_id__in=ids).delete()
    Task.history.filter(id__in=ids).delete()
    Task.all_objects.filter(pk__in=ids).delete()
    summary.rebuild(congress.pk)  # a queryset delete goes past the summary


if __name__ == "__main__":
    main()
