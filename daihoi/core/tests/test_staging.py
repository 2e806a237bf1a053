import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from daihoi.core.models import StagedUpload
from daihoi.planning.models import Attachment
from daihoi.reporting.models import SubmissionFile
from daihoi.reporting.tests.helpers import make_request, overdue_task

pytestmark = pytest.mark.django_db


def pdf(name: str = "bien-ban.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4 noi dung\n%%EOF", content_type="application/pdf")


def report_url(world, task) -> str:
    return f"/dai-hoi/{world.congress.pk}/nhiem-vu/{task.pk}/bao-cao/"


def submit_url(world, submission) -> str:
    return f"/dai-hoi/{world.congress.pk}/bao-cao/nop/{submission.pk}/gui/"


def test_a_progress_report_with_an_error_keeps_its_file_and_the_second_submit_saves_it_once(
    world, client, django_capture_on_commit_callbacks
):
    task = overdue_task(world)
    client.force_login(world.users["officer"])
    response = client.post(
        report_url(world, task), {"text": "", "percent": "40", "attachments": [pdf()]}
    )
    assert response.status_code == 200
    (staged,) = StagedUpload.objects.all()
    page = response.content.decode()
    assert "Tệp đã đính kèm:" in page and "bien-ban.pdf" in page and staged.key in page
    assert not Attachment.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            report_url(world, task),
            {"text": "Đã hoàn thành 40%", "percent": "40", "attachments__staged": staged.key},
        )
    assert response.status_code == 302
    (attachment,) = Attachment.objects.filter(update__task=task)
    assert attachment.original_name == "bien-ban.pdf" and attachment.size == staged.size
    assert attachment.file.read() == b"%PDF-1.4 noi dung\n%%EOF"
    assert not StagedUpload.objects.exists()
    assert not staged.file.storage.exists(staged.file.name or "")


def test_a_submission_with_an_error_keeps_its_file_until_it_is_sent(world, client):
    request = make_request(world, columns=[{"label": "Số đảng viên", "kind": "number"}])
    submission = request.submissions.get()
    client.force_login(world.users["officer"])
    response = client.post(
        submit_url(world, submission),
        {"text": "Báo cáo", "value_0": "mười", "files": [pdf("so-lieu.pdf")]},
    )
    assert response.status_code == 200
    assert "phải là số" in response.content.decode()
    (staged,) = StagedUpload.objects.all()
    assert "so-lieu.pdf" in response.content.decode()
    response = client.post(
        submit_url(world, submission),
        {"text": "Báo cáo", "value_0": "10", "files__staged": staged.key},
    )
    assert response.status_code == 302
    assert list(SubmissionFile.objects.values_list("original_name", flat=True)) == ["so-lieu.pdf"]
    assert not StagedUpload.objects.exists()


def test_a_staged_file_ticked_bo_is_dropped(world, client):
    task = overdue_task(world)
    client.force_login(world.users["officer"])
    client.post(report_url(world, task), {"text": "", "percent": "40", "attachments": [pdf()]})
    key = StagedUpload.objects.get().key
    response = client.post(
        report_url(world, task),
        {
            "text": "Tiến độ",
            "percent": "40",
            "attachments__staged": key,
            "attachments__drop": key,
        },
    )
    assert response.status_code == 302
    assert not Attachment.objects.exists() and not StagedUpload.objects.exists()


def test_another_users_staged_file_is_refused_and_nothing_is_saved(world, client):
    task = overdue_task(world)
    client.force_login(world.users["secretariat"])
    client.post(report_url(world, task), {"text": "", "percent": "10", "attachments": [pdf()]})
    key = StagedUpload.objects.get().key
    client.force_login(world.users["officer"])
    response = client.post(
        report_url(world, task),
        {"text": "Lấy tệp của người khác", "percent": "40", "attachments__staged": key},
    )
    assert response.status_code == 200
    assert "không còn dùng được" in response.content.decode()
    assert not Attachment.objects.exists()
    assert StagedUpload.objects.filter(key=key).exists()


def test_an_expired_staged_file_is_refused(world, client):
    task = overdue_task(world)
    client.force_login(world.users["officer"])
    client.post(report_url(world, task), {"text": "", "percent": "10", "attachments": [pdf()]})
    StagedUpload.objects.update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    key = StagedUpload.objects.get().key
    response = client.post(
        report_url(world, task), {"text": "Tiến độ", "percent": "40", "attachments__staged": key}
    )
    assert response.status_code == 200 and not Attachment.objects.exists()


def test_a_refused_file_kind_is_not_staged(world, client):
    task = overdue_task(world)
    client.force_login(world.users["officer"])
    bad = SimpleUploadedFile("virus.exe", b"MZ\x90\x00")
    response = client.post(
        report_url(world, task), {"text": "", "percent": "10", "attachments": [bad]}
    )
    assert response.status_code == 200
    assert "không đúng định dạng" in response.content.decode()
    assert not StagedUpload.objects.exists()


def test_the_cleanup_removes_expired_staged_files_and_can_run_twice(
    world, client, django_capture_on_commit_callbacks
):
    task = overdue_task(world)
    client.force_login(world.users["officer"])
    for _ in range(2):
        client.post(report_url(world, task), {"text": "", "percent": "1", "attachments": [pdf()]})
    old, fresh = StagedUpload.objects.order_by("pk")
    StagedUpload.objects.filter(pk=old.pk).update(expires_at=timezone.now() - dt.timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("clean_staged_uploads")
        call_command("clean_staged_uploads")
    assert list(StagedUpload.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert not old.file.storage.exists(old.file.name or "")
    assert fresh.file.storage.exists(fresh.file.name or "")
