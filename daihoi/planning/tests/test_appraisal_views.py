"""The appraisal pages: the task page's section, the submission and opinion forms, the files,
the appraiser's waiting list, and who gets 404."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from daihoi.planning import services
from daihoi.planning.models import AppraisalRound, AppraisalState, Task

from .test_appraisal import appraised_task, fresh, officer_of, submit

pytestmark = pytest.mark.django_db


def url(world, path=""):
    return f"/dai-hoi/{world.congress.pk}/{path}"


def test_the_lead_submits_from_the_form_and_the_task_page_shows_the_round(
    world, secretariat_access, client
):
    task = appraised_task(world, secretariat_access)
    client.force_login(world.users["officer"])
    page = client.get(url(world, f"nhiem-vu/{task.pk}/")).content.decode()
    assert "Gửi thẩm định" in page
    assert "Chưa báo cáo hoàn thành được." in page
    response = client.post(
        url(world, f"nhiem-vu/{task.pk}/tham-dinh/gui/"),
        {
            "text": "Dự thảo Báo cáo chính trị",
            "attachments": [SimpleUploadedFile("du-thao.pdf", b"%PDF-1.4 x\n%%EOF")],
        },
    )
    assert response.status_code == 302
    page = client.get(url(world, f"nhiem-vu/{task.pk}/")).content.decode()
    assert "Lần 1" in page and "du-thao.pdf" in page and "Chờ thẩm định" in page
    stored = AppraisalRound.objects.get().files.get()
    download = client.get(url(world, f"tep-tham-dinh/{stored.pk}/"))
    assert (
        download.status_code == 200 and b"".join(download.streaming_content) == b"%PDF-1.4 x\n%%EOF"
    )


def test_a_submission_without_appraiser_shows_the_vietnamese_error_and_saves_nothing(
    world, secretariat_access, client
):
    task = appraised_task(world, secretariat_access, appraiser=None)
    client.force_login(world.users["officer"])
    response = client.post(url(world, f"nhiem-vu/{task.pk}/tham-dinh/gui/"), {"text": "Dự thảo"})
    assert response.status_code == 200
    assert "không có đơn vị thẩm định" in response.content.decode()
    assert not AppraisalRound.objects.exists()


def test_a_refused_submission_keeps_its_file_for_the_next_try(world, secretariat_access, client):
    task = appraised_task(world, secretariat_access)
    client.force_login(world.users["officer"])
    response = client.post(
        url(world, f"nhiem-vu/{task.pk}/tham-dinh/gui/"),
        {"text": "", "attachments": [SimpleUploadedFile("du-thao.pdf", b"%PDF-1.4 x\n%%EOF")]},
    )
    assert response.status_code == 200
    assert "Trường này là bắt buộc" in response.content.decode()
    assert not AppraisalRound.objects.exists()
    staged = response.context["form"].fields["attachments"].staged
    assert [s.original_name for s in staged] == ["du-thao.pdf"]


def test_the_appraiser_returns_with_an_opinion_from_the_form(
    world, secretariat_access, propaganda_access, client
):
    task = appraised_task(world, secretariat_access)
    submit(propaganda_access, task)
    client.force_login(world.users["officer2"])
    page = client.get(url(world, f"nhiem-vu/{task.pk}/")).content.decode()
    assert "Cho ý kiến thẩm định" in page
    refused = client.post(
        url(world, f"nhiem-vu/{task.pk}/tham-dinh/y-kien/"), {"decision": "returned"}
    )
    assert "phải ghi rõ ý kiến thẩm định" in refused.content.decode()
    assert fresh(task).appraisal_state == AppraisalState.PENDING
    response = client.post(
        url(world, f"nhiem-vu/{task.pk}/tham-dinh/y-kien/"),
        {"decision": "returned", "opinion": "Làm rõ nguồn kinh phí"},
    )
    assert response.status_code == 302
    assert fresh(task).appraisal_state == AppraisalState.RETURNED
    client.force_login(world.users["officer"])
    page = client.get(url(world, f"nhiem-vu/{task.pk}/")).content.decode()
    assert "Làm rõ nguồn kinh phí" in page and "Gửi lại thẩm định" in page


@pytest.mark.parametrize("agency", ["svh", "ca"])
def test_an_officer_of_a_third_agency_gets_404_on_the_appraisal_pages(
    world, secretariat_access, propaganda_access, client, agency
):
    task = appraised_task(world, secretariat_access)
    submit(propaganda_access, task, files=[SimpleUploadedFile("a.pdf", b"%PDF-1.4 x\n%%EOF")])
    stored = AppraisalRound.objects.get().files.get()
    third = officer_of(world, agency, "thuba")
    client.force_login(third.user)
    for path in (
        f"nhiem-vu/{task.pk}/tham-dinh/gui/",
        f"nhiem-vu/{task.pk}/tham-dinh/y-kien/",
        f"tep-tham-dinh/{stored.pk}/",
    ):
        assert client.get(url(world, path)).status_code == 404, path
    response = client.post(
        url(world, f"nhiem-vu/{task.pk}/tham-dinh/y-kien/"),
        {"decision": "approved", "opinion": ""},
    )
    assert response.status_code == 404
    assert fresh(task).appraisal_state == AppraisalState.PENDING


def test_a_coordinating_agency_sees_the_task_but_not_its_appraisal(
    world, secretariat_access, propaganda_access, client
):
    task = appraised_task(world, secretariat_access)
    submit(propaganda_access, task, text="Nội dung mật của dự thảo")
    coordinator = officer_of(world, "svh", "phoihop")
    client.force_login(coordinator.user)
    page = client.get(url(world, f"nhiem-vu/{task.pk}/")).content.decode()
    assert "Nội dung mật của dự thảo" not in page


def test_the_report_form_explains_why_completion_is_unavailable(world, secretariat_access, client):
    task = appraised_task(world, secretariat_access)
    client.force_login(world.users["officer"])
    page = client.get(url(world, f"nhiem-vu/{task.pk}/bao-cao/")).content.decode()
    assert "reports_completion" not in page
    assert "đơn vị thẩm định thông qua" in page


def _waiting(world, secretariat_access, propaganda_access, n):
    for i in range(n):
        task = appraised_task(world, secretariat_access, title=f"Dự thảo văn kiện số {i}")
        submit(propaganda_access, task)


@pytest.mark.parametrize("n", [2, 20])
def test_the_appraisers_waiting_list_runs_a_fixed_number_of_queries(
    world, secretariat_access, propaganda_access, client, django_assert_max_num_queries, n
):
    _waiting(world, secretariat_access, propaganda_access, n)
    appraised_task(world, secretariat_access, title="Chưa gửi thẩm định")
    client.force_login(world.users["officer2"])
    path = url(
        world, f"nhiem-vu/?appraisal=pending&agency={world.agencies['stc'].pk}&role=appraise"
    )
    with django_assert_max_num_queries(16):
        response = client.get(path)
    assert len(response.context["rows"]) == n
    assert response.content.decode().count('class="badge appraisal-pending"') == n
    with django_assert_max_num_queries(16):
        inbox = client.get(url(world, "don-vi-cua-toi/?appraisal=1"))
    assert len(inbox.context["rows"]) == n
    assert inbox.context["appraisal_waiting"] == n


def test_today_shows_the_appraiser_what_waits_for_it(
    world, secretariat_access, propaganda_access, finance_access, client
):
    _waiting(world, secretariat_access, propaganda_access, 3)
    done = appraised_task(world, secretariat_access, title="Đã thông qua")
    submit(propaganda_access, done)
    services.appraisal_decide(
        access=finance_access,
        task=Task.objects.get(pk=done.pk),
        decision=AppraisalState.APPROVED,
        opinion="",
    )
    client.force_login(world.users["officer2"])
    board = client.get(url(world, "hom-nay/")).context["board"]
    figure = next(f for f in board.figures if f.label.startswith("Chờ đơn vị thẩm định"))
    assert figure.count == 3
    listed = client.get(figure.url)
    assert len(listed.context["rows"]) == 3


def test_the_files_of_a_deleted_task_answer_404(
    world, secretariat_access, propaganda_access, client
):
    task = appraised_task(world, secretariat_access)
    submit(propaganda_access, task, files=[SimpleUploadedFile("a.pdf", b"%PDF-1.4 x\n%%EOF")])
    stored = AppraisalRound.objects.get().files.get()
    services.task_delete(access=secretariat_access, task=fresh(task))
    client.force_login(world.users["secretariat"])
    assert client.get(url(world, f"tep-tham-dinh/{stored.pk}/")).status_code == 404
    assert client.get(url(world, "tep-tham-dinh/999999/")).status_code == 404
