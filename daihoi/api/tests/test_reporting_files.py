"""The reporting pages' figures and files through the API: the consolidated report as JSON,
DOCX and XLSX, the task and agency exports, the scorecards, warnings and charts, and a report
request's compilation, with the pages' rules on who sees what."""

import datetime as dt
import io

from openpyxl import load_workbook

from daihoi.core.dates import format_date
from daihoi.core.dates import today as local_today
from daihoi.planning import services as planning_services
from daihoi.planning.models import Area, Phase
from daihoi.reporting.tests.helpers import secretariat as secretariat_of

from .helpers import ApiClient

WHOLE_ONLY = "Trang này dành cho Thường trực, lãnh đạo và thành viên các Tiểu ban."


def _task(world, title: str, agency: str, days: int):
    return planning_services.task_create(
        access=secretariat_of(world),
        fields=planning_services.TaskFields(
            title=title,
            lead_agency=world.agencies[agency],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
            deadline=local_today() + dt.timedelta(days=days),
        ),
    )


def _sheet_values(response) -> list[str]:
    book = load_workbook(io.BytesIO(response.content))
    cells = (c for sheet in book.worksheets for row in sheet.iter_rows() for c in row)
    return [str(c.value) for c in cells if c.value is not None]


def test_the_consolidated_report_is_read_and_downloaded_by_those_who_see_the_whole_congress(world):
    late = _task(world, "In pano cổ động", "btg", -5)
    _task(world, "Trang trí hội trường", "vptu", 30)
    base = f"/congresses/{world.congress.pk}/consolidated/"
    secretariat = ApiClient(world.users["secretariat"])
    body = secretariat.get(base).json()
    assert body["as_of"] == local_today().isoformat()
    assert body["counts"]["open_overdue"] == 1 and body["counts"]["open_on_time"] == 1
    assert [t["id"] for t in body["overdue"]] == [late.pk]
    assert {r["agency"]["id"] for r in body["by_agency"]} == {
        world.agencies["btg"].pk,
        world.agencies["vptu"].pk,
    }
    earlier = secretariat.get(base, {"as_of": format_date(local_today() - dt.timedelta(days=30))})
    assert earlier.json()["overdue"] == []
    wrong = secretariat.get(base, {"as_of": "31/02/2020"})
    assert wrong.status_code == 400 and "as_of" in wrong.json()["errors"]

    docx = secretariat.get(base + "docx/")
    assert docx.status_code == 200 and docx.content.startswith(b"PK")
    assert docx["Content-Disposition"].endswith('.docx"')
    xlsx = secretariat.get(base + "xlsx/")
    assert xlsx.status_code == 200 and "In pano cổ động" in _sheet_values(xlsx)

    officer = ApiClient(world.users["officer"])
    for path in (base, base + "docx/", base + "xlsx/"):
        refused = officer.get(path)
        assert refused.status_code == 403 and refused.json()["detail"] == WHOLE_ONLY
    other = f"/congresses/{world.other.pk}/consolidated/"
    assert secretariat.get(other).status_code == 404


def test_the_task_export_keeps_the_list_s_filters_and_an_officer_s_own_tasks(world):
    _task(world, "In pano cổ động", "btg", 10)
    _task(world, "Trang trí hội trường", "vptu", 30)
    path = f"/congresses/{world.congress.pk}/exports/tasks/"
    filtered = ApiClient(world.users["secretariat"]).get(path, {"agency": world.agencies["btg"].pk})
    assert filtered.status_code == 200, filtered.content
    values = _sheet_values(filtered)
    assert "In pano cổ động" in values and "Trang trí hội trường" not in values
    assert any(v.startswith("Lọc theo: ") for v in values)
    wrong = ApiClient(world.users["secretariat"]).get(path, {"deadline_from": "hôm qua"})
    assert wrong.status_code == 400 and "deadline_from" in wrong.json()["errors"]

    own = _sheet_values(ApiClient(world.users["officer"]).get(path))
    assert "In pano cổ động" in own and "Trang trí hội trường" not in own
    agencies = f"/congresses/{world.congress.pk}/exports/agencies/"
    assert ApiClient(world.users["officer"]).get(agencies).status_code == 403
    table = ApiClient(world.users["leader"]).get(agencies)
    assert table.status_code == 200 and world.agencies["btg"].name in _sheet_values(table)
    assert ApiClient(world.users["outsider"]).get(path).status_code == 404


def test_scorecards_warnings_and_charts_show_an_officer_their_own_agency(world):
    late = _task(world, "In pano cổ động", "btg", -5)
    soon = _task(world, "Trang trí hội trường", "vptu", 1)
    base = f"/congresses/{world.congress.pk}"
    secretariat = ApiClient(world.users["secretariat"])
    officer = ApiClient(world.users["officer"])

    cards = secretariat.get(base + "/scorecards/").json()
    assert {c["agency"]["id"] for c in cards} == {
        world.agencies["btg"].pk,
        world.agencies["vptu"].pk,
    }
    own = officer.get(base + "/scorecards/").json()
    assert [c["agency"]["id"] for c in own] == [world.agencies["btg"].pk]
    assert own[0]["late_tasks"] == 1 and own[0]["average_days_late"] == 5.0
    sheet = officer.get(base + "/exports/scorecards/")
    assert sheet.status_code == 200 and world.agencies["vptu"].name not in _sheet_values(sheet)

    warnings = secretariat.get(base + "/warnings/").json()
    assert [t["id"] for t in warnings["red"]] == [late.pk]
    assert [t["id"] for t in warnings["orange"]] == [soon.pk]
    assert officer.get(base + "/warnings/").json()["orange"] == []

    charts = secretariat.get(base + "/dashboard/charts/").json()
    assert {r["agency"]["id"] for r in charts["by_agency"]} == {
        world.agencies["btg"].pk,
        world.agencies["vptu"].pk,
    }
    assert officer.get(base + "/dashboard/charts/").json()["by_agency"] == []
    assert ApiClient(world.users["outsider"]).get(base + "/warnings/").status_code == 404


def test_a_request_s_answers_are_compiled_into_xlsx_and_docx_for_the_secretariat(world):
    secretariat = ApiClient(world.users["secretariat"])
    base = f"/congresses/{world.congress.pk}"
    asked = secretariat.post_form(
        base + "/report-requests/",
        {
            "title": "Báo cáo số đảng viên mới kết nạp",
            "deadline": format_date(local_today() + dt.timedelta(days=7)),
            "agencies": [str(world.agencies["btg"].pk), str(world.agencies["svh"].pk)],
            "columns": "Số đảng viên mới | số",
        },
    ).json()
    officer = ApiClient(world.users["officer"])
    own = officer.all(f"{base}/report-requests/{asked['id']}/submissions/")
    sent = officer.post_form(f"{base}/submissions/{own[0]['id']}/submit/", {"values": ["1.234"]})
    assert sent.status_code == 200, sent.content

    path = f"{base}/report-requests/{asked['id']}/"
    table = secretariat.get(path + "xlsx/", {"state": "on_time"})
    assert table.status_code == 200
    values = _sheet_values(table)
    assert world.agencies["btg"].name in values and world.agencies["svh"].name not in values
    wrong = secretariat.get(path + "xlsx/", {"state": "lac-de"})
    assert wrong.status_code == 400 and "state" in wrong.json()["errors"]
    docx = secretariat.get(path + "docx/")
    assert docx.status_code == 200 and docx.content.startswith(b"PK")

    refused = officer.get(path + "xlsx/")
    assert refused.status_code == 403 and refused.json()["detail"] == WHOLE_ONLY
    assert officer.get(path + "docx/").status_code == 403
    assert ApiClient(world.users["officer2"]).get(path + "xlsx/").status_code == 404
    assert ApiClient(world.users["outsider"]).get(path + "docx/").status_code == 404
