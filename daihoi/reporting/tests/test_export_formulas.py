"""No exported XLSX cell is a formula, whatever text was stored: every cell through safe_cell."""

import datetime as dt
import io

import pytest
from openpyxl import Workbook, load_workbook

from daihoi.core.dates import today
from daihoi.core.spreadsheets import FORMULA_START, table_workbook, workbook_bytes
from daihoi.organizations.models import Agency
from daihoi.planning import services as planning_services
from daihoi.planning.models import Area, Phase, ProgressUpdate, Task
from daihoi.reporting import services
from daihoi.reporting.models import ReportRequest, ReportSubmission

PAYLOADS = ['=HYPERLINK("http://evil.example","bấm")', "+1", "-1", "@x", "=1+1", "\t=2", "\r=3"]


def formulas(content: bytes) -> list[str]:
    found = []
    for sheet in load_workbook(io.BytesIO(content)).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f" or (
                    isinstance(cell.value, str) and cell.value.startswith(FORMULA_START)
                ):
                    found.append(f"{sheet.title}!{cell.coordinate}={cell.value!r}")
    return found


def test_the_shared_writer_neutralises_headers_headings_rows_and_raw_appends():
    for payload in PAYLOADS:
        content = table_workbook(payload, [payload, "Cột"], [[payload, 1]], heading=[payload])
        assert formulas(content) == []
        workbook = Workbook()
        workbook.active.append([payload])  # written past safe_cell
        assert formulas(workbook_bytes(workbook)) == []


@pytest.mark.django_db
def test_every_reporting_export_reads_back_without_a_formula(
    world, client, secretariat_access, propaganda_access
):
    payload = iter(PAYLOADS * 10)
    task = planning_services.task_create(
        access=secretariat_access,
        fields=planning_services.TaskFields(
            title="Tạm",
            lead_agency=world.agencies["btg"],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
            deadline=dt.date(2020, 9, 1),
        ),
    )
    planning_services.task_report_progress(
        access=propaganda_access, task=task, text="Đang làm", percent=10, obstacle="Thiếu"
    )
    report_request = services.report_request_create(
        access=secretariat_access,
        title="Báo cáo",
        deadline=today() + dt.timedelta(days=30),  # a request's deadline cannot be past
        agencies=[world.agencies["btg"]],
        columns=[{"label": "Số", "kind": "text"}],
    )
    # Stored past the forms, as older rows or an import might have left them.
    Task.objects.filter(pk=task.pk).update(title=next(payload))
    ProgressUpdate.objects.update(obstacle=next(payload), text=next(payload))
    Agency.objects.filter(pk=world.agencies["btg"].pk).update(name=next(payload))
    ReportRequest.objects.filter(pk=report_request.pk).update(
        title=next(payload),
        columns=[{"label": p, "kind": "text"} for p in PAYLOADS],
    )
    ReportSubmission.objects.update(text=next(payload), values=list(PAYLOADS))
    client.force_login(world.users["secretariat"])
    base = f"/dai-hoi/{world.congress.pk}/bao-cao/"
    for path in [
        f"yeu-cau/{report_request.pk}/excel/",
        "tong-hop/excel/",
        "nhiem-vu/excel/",
        "co-quan/excel/",
        "danh-gia/excel/",
    ]:
        response = client.get(base + path)
        assert response.status_code == 200, path
        assert formulas(response.content) == [], path
