"""The XLSX task import in the background worker: the upload is stored and read by the worker
(progress polled by the page), previewed, then saved all or none once confirmed; a job run again
does its work once."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from daihoi.core.audit import history_of
from daihoi.core.spreadsheets import MAX_BYTES
from daihoi.planning.models import Task
from daihoi.reporting import import_jobs, imports
from daihoi.reporting.models import TaskImportAction, TaskImportJob
from daihoi.reporting.tasks import preview_task_import, save_task_import
from daihoi.testing.mail import run_worker

from .test_import_round_trip import make_task, row, sheet_of
from .test_imports import GOOD, xlsx

pytestmark = pytest.mark.django_db(transaction=True)


def upload(world, client, *rows) -> TaskImportJob:
    client.force_login(world.users["secretariat"])
    url = reverse("reporting:task-import", args=[world.congress.pk])
    response = client.post(url, {"file": xlsx(*rows)})
    job = TaskImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "reporting:task-import-job", args=[world.congress.pk, job.pk]
    )
    return job


def job_page(world, client, job) -> str:
    url = reverse("reporting:task-import-job", args=[world.congress.pk, job.pk])
    return client.get(url).content.decode()


def progress(world, client, job):
    return client.get(reverse("reporting:task-import-progress", args=[world.congress.pk, job.pk]))


def confirm(world, client, job):
    url = reverse("reporting:task-import-confirm", args=[world.congress.pk, job.pk])
    return client.post(url, {"confirm": "1"})


def test_an_uploaded_sheet_is_read_by_the_worker_previewed_and_saved_once_confirmed(world, client):
    second = [2, "Trang trí hội trường", "VPTU", "", "Khánh tiết, trang trí", "Trước Đại hội"]
    job = upload(world, client, GOOD, second)
    assert job.state == "queued" and job.file_name == "nhiem-vu.xlsx"
    page = job_page(world, client, job)
    assert 'id="import-progress"' in page and 'hx-trigger="every 1s"' in page
    assert not progress(world, client, job).has_header("HX-Refresh")

    run_worker()
    job.refresh_from_db()
    assert (job.state, job.total, job.new_count) == ("previewed", 2, 2)
    polled = progress(world, client, job)
    assert polled["HX-Refresh"] == "true" and "hx-trigger" not in polled.content.decode()
    page = job_page(world, client, job)
    assert "In pano chào mừng" in page and "Trang trí hội trường" in page
    assert "Lưu: thêm 2, sửa 0 nhiệm vụ" in page
    assert not Task.objects.exists()

    assert confirm(world, client, job).status_code == 302
    job.refresh_from_db()
    assert job.state == "saving" and job.confirmed_by == world.users["secretariat"]
    assert not Task.objects.exists()
    run_worker()
    job.refresh_from_db()
    assert (job.state, job.created_count, job.updated_count) == ("saved", 2, 0)
    assert set(Task.objects.values_list("title", flat=True)) == {
        "In pano chào mừng",
        "Trang trí hội trường",
    }
    assert "Đã lưu: thêm 2, cập nhật 0 nhiệm vụ" in job_page(world, client, job)
    actions = set(history_of(job).values_list("action", flat=True))
    assert {TaskImportAction.UPLOADED, TaskImportAction.SAVE_ASKED} <= actions


def test_a_sheet_with_a_bad_row_is_rejected_with_its_errors_and_offers_no_save(world, client):
    bad = [2, "Hội trường", "Ban Quản lý dự án", "", "Hậu cần", "Trước Đại hội", "", "", ""]
    job = upload(world, client, GOOD, bad)
    run_worker()
    job.refresh_from_db()
    assert job.state == "rejected"
    page = job_page(world, client, job)
    assert "Dòng 3: đơn vị chủ trì “Ban Quản lý dự án”" in page
    assert 'name="confirm"' not in page
    assert confirm(world, client, job).status_code == 302
    job.refresh_from_db()
    assert job.state == "rejected" and not Task.objects.exists()


def test_a_file_that_is_no_spreadsheet_is_rejected_by_the_worker(world, client):
    client.force_login(world.users["secretariat"])
    url = reverse("reporting:task-import", args=[world.congress.pk])
    client.post(url, {"file": SimpleUploadedFile("ghi-chu.xlsx", b"khong phai excel")})
    run_worker()
    job = TaskImportJob.objects.get()
    assert job.state == "rejected" and "không phải bảng tính Excel" in job.errors[0]


def test_a_file_over_the_size_limit_is_refused_before_it_is_stored(world, client):
    client.force_login(world.users["secretariat"])
    url = reverse("reporting:task-import", args=[world.congress.pk])
    big = SimpleUploadedFile("lon.xlsx", b"PK\x03\x04" + b"0" * (MAX_BYTES + 1))
    response = client.post(url, {"file": big})
    assert response.status_code == 200 and "Tệp quá lớn" in response.content.decode()
    assert not TaskImportJob.objects.exists()


def test_jobs_run_again_do_their_work_once(world, client):
    job = upload(world, client, GOOD)
    run_worker()
    assert import_jobs.job_preview(job.pk) == "previewed"  # a retried reading changes nothing
    confirm(world, client, job)
    run_worker()
    save_task_import.enqueue(job.pk)  # a retried saving, as after a lost acknowledgement
    preview_task_import.enqueue(job.pk)
    run_worker()
    assert import_jobs.job_save(job.pk) == "saved"
    assert Task.objects.filter(title="In pano chào mừng").count() == 1
    job.refresh_from_db()
    assert job.state == "saved" and job.created_count == 1


def test_a_second_confirmation_is_refused_and_queues_nothing(world, client):
    job = upload(world, client, GOOD)
    run_worker()
    assert confirm(world, client, job).status_code == 302
    response = client.post(
        reverse("reporting:task-import-confirm", args=[world.congress.pk, job.pk]),
        {"confirm": "1"},
        follow=True,
    )
    assert "không còn chờ xác nhận" in response.content.decode()
    run_worker()
    assert Task.objects.filter(title="In pano chào mừng").count() == 1


def test_a_save_that_fails_saves_no_row_and_says_why(world, client):
    task = make_task(world)
    client.force_login(world.users["secretariat"])
    client.post(
        reverse("reporting:task-import", args=[world.congress.pk]),
        {"file": sheet_of(row(**{"Mã nhiệm vụ": task.pk, "Nội dung nhiệm vụ": "Mới"}), row())},
    )
    job = TaskImportJob.objects.get()
    run_worker()
    job.refresh_from_db()
    assert job.state == "previewed" and job.changed_count == 1
    Task.objects.filter(pk=task.pk).update(version=task.version + 1)  # edited meanwhile
    confirm(world, client, job)
    run_worker()
    job.refresh_from_db()
    assert job.state == "failed" and "vừa được người khác sửa" in " ".join(job.errors)
    assert Task.objects.count() == 1 and Task.objects.get().title == "Trang trí hội trường"
    assert "Không lưu được" in job_page(world, client, job)


def test_the_reading_tells_its_progress_every_500_rows(world):
    rows = [
        [i, f"Việc số {i}", "VPTU", "", "Khánh tiết, trang trí", "Trước Đại hội"]
        for i in range(1200)
    ]
    told: list[tuple[int, int]] = []
    result = imports.read_tasks(xlsx(*rows), world.congress, lambda d, t: told.append((d, t)))
    assert result.ok and len(result.rows) == 1200
    assert told == [(500, 1200), (1000, 1200)]


def test_an_officer_can_neither_upload_nor_see_an_import(world, client):
    job = upload(world, client, GOOD)
    client.force_login(world.users["officer"])
    url = reverse("reporting:task-import-job", args=[world.congress.pk, job.pk])
    assert client.get(url).status_code == 403
    assert confirm(world, client, job).status_code == 403
    job.refresh_from_db()
    assert job.state == "queued"


def test_the_import_page_lists_recent_imports_in_the_same_queries_for_two_or_eight(world, client):
    client.force_login(world.users["secretariat"])
    url = reverse("reporting:task-import", args=[world.congress.pk])

    def make(n):
        for i in range(n):
            TaskImportJob.objects.create(
                congress=world.congress,
                created_by=world.users["secretariat"],
                file_name=f"t{i}.xlsx",
            )

    make(2)
    client.get(url)
    with CaptureQueriesContext(connection) as two:
        assert "t1.xlsx" in client.get(url).content.decode()
    make(6)
    with CaptureQueriesContext(connection) as eight:
        assert "t5.xlsx" in client.get(url).content.decode()
    assert len(eight.captured_queries) == len(two.captured_queries)


def test_a_job_that_breaks_is_marked_failed_so_the_page_stops_waiting(world, client):
    job = upload(world, client, GOOD)
    run_worker()
    TaskImportJob.objects.filter(pk=job.pk).update(rows=[{"line": 2, "unknown": "x"}])
    confirm(world, client, job)
    run_worker()  # the worker logs the error and goes on
    job.refresh_from_db()
    assert job.state == "failed" and job.errors == [import_jobs.UNEXPECTED]
    assert not Task.objects.exists()
    page = job_page(world, client, job)
    assert 'id="import-progress"' not in page and "Lỗi hệ thống khi xử lý tệp" in page
