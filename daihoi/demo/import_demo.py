"""A task import waiting for its confirmation (Kon Tum): the Văn phòng uploaded a sheet of
security and press tasks, the worker read and checked it, nobody has saved it yet. Built through
the import's services, the reading run here as the worker would. Idempotent: one import per
congress."""

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from daihoi.reporting import import_jobs, task_sheet
from daihoi.reporting.models import TaskImportJob

if TYPE_CHECKING:
    from .loader import _CongressLoader

# (task, lead, partners, area, phase, deadline as D-n)
ROWS = {
    "kontum": [
        (
            "Lập phương án bảo vệ khu vực hội trường và nơi nghỉ của đại biểu",
            "CA tỉnh",
            "UBND TP Kon Tum",
            "An ninh trật tự",
            "Trước Đại hội",
            "D-10",
        ),
        (
            "Bảo đảm cấp điện liên tục, có nguồn dự phòng cho hội trường trong các ngày Đại hội",
            "Điện lực Kon Tum",
            "Sở XD",
            "Hậu cần, cơ sở vật chất",
            "Trong Đại hội",
            "D-3",
        ),
        (
            "Mở chuyên mục “Hướng tới Đại hội” trên báo in, báo điện tử và truyền hình",
            "Báo Kon Tum",
            "Đài PT-TH tỉnh; Sở TTTT",
            "Báo chí",
            "Trước Đại hội",
            "D-30",
        ),
    ],
}


def _sheet(rows: Sequence[tuple[str, ...]]) -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(task_sheet.LABELS)
    keys = [c.key for c in task_sheet.COLUMNS]
    for title, lead, partners, area, phase, deadline in rows:
        values = dict(
            title=title,
            lead=lead,
            coordinating=partners,
            area=area,
            phase=phase,
            deadline=deadline,
        )
        sheet.append([values.get(key) for key in keys])
    out = io.BytesIO()
    workbook.save(out)
    return SimpleUploadedFile("nhiem-vu-an-ninh-bao-chi.xlsx", out.getvalue())


def load_task_import(loader: "_CongressLoader") -> int:
    rows = ROWS.get(loader.spec["key"])
    if not rows or TaskImportJob.objects.filter(congress=loader.congress).exists():
        return 0
    job = import_jobs.task_import_start(access=loader.secretariat, upload=_sheet(rows))
    import_jobs.job_preview(job.pk)
    return 1
