"""The XLSX task import through the API: uploaded, read by the worker, previewed with every
row's errors, confirmed once and saved by the worker, as on the import's pages."""

import io

import pytest
from openpyxl import load_workbook

from daihoi.core.models import AuditEntry
from daihoi.planning.models import Task
from daihoi.reporting.models import TaskImportJob
from daihoi.reporting.tests.test_imports import GOOD, xlsx
from daihoi.testing.mail import run_worker

from .helpers import ApiClient

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_sheet_is_uploaded_previewed_confirmed_once_and_saved_by_the_worker(world):
    secretariat = ApiClient(world.users["secretariat"])
    base = f"/congresses/{world.congress.pk}/task-imports/"
    second = [2, "Trang trí hội trường", "VPTU", "", "Khánh tiết, trang trí", "Trước Đại hội"]
    started = secretariat.post_form(base, {"file": xlsx(GOOD, second)})
    assert started.status_code == 202, started.content
    job = started.json()
    assert (job["state"], job["running"], job["rows"]) == ("queued", True, [])
    path = f"{base}{job['id']}/"
    early = secretariat.post(path + "confirm/")
    assert early.status_code == 400
    assert early.json()["detail"].startswith("Lần nhập này không còn chờ xác nhận")

    run_worker()
    previewed = secretariat.get(path).json()
    assert (previewed["state"], previewed["total"], previewed["new_count"]) == ("previewed", 2, 2)
    assert previewed["state_label"] == "Đã kiểm tra, chờ xác nhận lưu"
    assert [r["title"] for r in previewed["rows"]] == ["In pano chào mừng", "Trang trí hội trường"]
    assert previewed["errors"] == [] and not Task.objects.exists()

    confirmed = secretariat.post(path + "confirm/")
    assert confirmed.status_code == 202, confirmed.content
    assert confirmed.json()["state"] == "saving"
    twice = secretariat.post(path + "confirm/")
    assert twice.status_code == 400
    run_worker()
    saved = secretariat.get(path).json()
    assert (saved["state"], saved["created_count"], saved["updated_count"]) == ("saved", 2, 0)
    assert Task.objects.filter(congress=world.congress).count() == 2
    entry = AuditEntry.objects.filter(action="task_import.uploaded").latest("id")
    assert entry.data.get("api_token") == secretariat.token.prefix


def test_a_sheet_with_a_bad_row_is_rejected_with_the_lines_errors(world):
    secretariat = ApiClient(world.users["secretariat"])
    base = f"/congresses/{world.congress.pk}/task-imports/"
    bad = [2, "Hội trường", "Ban Quản lý dự án", "", "Hậu cần", "Trước Đại hội", "", "", ""]
    job = secretariat.post_form(base, {"file": xlsx(GOOD, bad)}).json()
    run_worker()
    rejected = secretariat.get(f"{base}{job['id']}/").json()
    assert rejected["state"] == "rejected"
    assert any(
        e.startswith("Dòng 3: đơn vị chủ trì “Ban Quản lý dự án”") for e in rejected["errors"]
    )
    refused = secretariat.post(f"{base}{job['id']}/confirm/")
    assert refused.status_code == 400 and not Task.objects.exists()
    missing = secretariat.post_form(base, {})
    assert missing.status_code == 400 and "file" in missing.json()["errors"]


def test_only_the_secretariat_imports_and_another_congress_s_job_is_not_found(world):
    base = f"/congresses/{world.congress.pk}"
    officer = ApiClient(world.users["officer"])
    refused = officer.post_form(base + "/task-imports/", {"file": xlsx(GOOD)})
    assert refused.status_code == 403
    assert (
        refused.json()["detail"] == "Chỉ Thường trực / Văn phòng mới thực hiện được thao tác này."
    )
    assert officer.get(base + "/task-import-template/").status_code == 403
    assert not TaskImportJob.objects.exists()

    theirs = TaskImportJob.objects.create(
        congress=world.other, file_name="khac.xlsx", state=TaskImportJob.State.PREVIEWED
    )
    secretariat = ApiClient(world.users["secretariat"])
    assert secretariat.get(f"{base}/task-imports/{theirs.pk}/").status_code == 404
    assert secretariat.post(f"{base}/task-imports/{theirs.pk}/confirm/").status_code == 404
    other = f"/congresses/{world.other.pk}/task-imports/{theirs.pk}/"
    assert secretariat.get(other).status_code == 404
    theirs.refresh_from_db()
    assert theirs.state == TaskImportJob.State.PREVIEWED


def test_the_template_is_the_import_s_own_sheet(world):
    response = ApiClient(world.users["secretariat"]).get(
        f"/congresses/{world.congress.pk}/task-import-template/"
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="mau-nhap-nhiem-vu.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert "Nội dung nhiệm vụ" in [c.value for c in next(sheet.iter_rows(max_row=1))]


def test_the_list_of_imports_takes_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    for n in range(5):
        TaskImportJob.objects.create(
            congress=world.congress,
            file_name=f"dot-{n}.xlsx",
            created_by=world.users["secretariat"],
        )
    secretariat = ApiClient(world.users["secretariat"])
    with django_assert_max_num_queries(6):
        response = secretariat.get(f"/congresses/{world.congress.pk}/task-imports/")
    assert response.status_code == 200
    assert [j["file_name"] for j in response.json()["results"]][0] == "dot-4.xlsx"
