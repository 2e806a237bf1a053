"""One-time form tokens (`core.once`): a submission saved once, however often it arrives."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from daihoi.accounts.models import Role
from daihoi.core.models import SubmittedForm
from daihoi.organizations.models import Participation
from daihoi.planning import services
from daihoi.planning.models import Area, Phase, ProgressUpdate, Task
from daihoi.testing.factories import UserFactory

pytestmark = pytest.mark.django_db

TOKEN = "0123456789abcdef0123456789abcdef"


def new_task_url(world):
    return f"/dai-hoi/{world.congress.pk}/nhiem-vu/them/"


def task_form(world, **overrides):
    data = {
        "title": "Chuẩn bị phương án an ninh",
        "lead_agency": world.agencies["ca"].pk,
        "area": Area.SECURITY,
        "phase": Phase.DURING,
        "deadline": "30/09/2020",
        "_once": TOKEN,
    }
    data.update(overrides)
    return data


def test_a_double_clicked_create_makes_one_task_and_both_answers_lead_to_it(world, client):
    client.force_login(world.users["secretariat"])
    first = client.post(new_task_url(world), task_form(world))
    second = client.post(new_task_url(world), task_form(world), follow=True)
    task = Task.objects.get()
    assert first["Location"] == f"/dai-hoi/{world.congress.pk}/nhiem-vu/{task.pk}/"
    assert second.redirect_chain == [(first["Location"], 302)]
    assert "đã được gửi và lưu trước đó" in second.content.decode()


def test_a_refused_submission_keeps_its_token_free_for_the_corrected_one(world, client):
    client.force_login(world.users["secretariat"])
    refused = client.post(
        new_task_url(world),
        task_form(world, coordinating_agencies=[world.agencies["ca"].pk]),
    )
    assert refused.status_code == 200 and not Task.objects.exists()
    assert not SubmittedForm.objects.exists()
    corrected = client.post(new_task_url(world), task_form(world))
    assert corrected.status_code == 302 and Task.objects.count() == 1


def test_forms_without_a_token_or_with_a_malformed_one_are_not_deduplicated(world, client):
    client.force_login(world.users["secretariat"])
    client.post(new_task_url(world), task_form(world, _once=""))
    client.post(new_task_url(world), task_form(world, _once="x"))
    assert Task.objects.count() == 2 and not SubmittedForm.objects.exists()


def test_each_new_token_is_a_new_submission(world, client):
    client.force_login(world.users["secretariat"])
    client.post(new_task_url(world), task_form(world))
    client.post(new_task_url(world), task_form(world, _once=TOKEN[::-1]))
    assert Task.objects.count() == 2


def test_a_token_taken_by_another_user_saves_nothing_and_does_not_reveal_where_it_led(
    world, client
):
    client.force_login(world.users["secretariat"])
    client.post(new_task_url(world), task_form(world))
    colleague = UserFactory.create(username="vanphong2")
    Participation.objects.create(
        user=colleague,
        congress=world.congress,
        role=Role.SECRETARIAT,
        agency=world.agencies["vptu"],
    )
    client.force_login(colleague)
    response = client.post(new_task_url(world), task_form(world))
    assert Task.objects.count() == 1
    assert response["Location"] == new_task_url(world)


def test_a_progress_report_sent_twice_is_kept_once(world, client, secretariat_access):
    task = services.task_create(
        access=secretariat_access,
        fields=services.TaskFields(
            title="Trang trí khánh tiết hội trường",
            lead_agency=world.agencies["btg"],
            area=Area.CEREMONY,
            phase=Phase.BEFORE,
            deadline=dt.date(2020, 10, 1),
        ),
    )
    client.force_login(world.users["officer"])
    url = f"/dai-hoi/{world.congress.pk}/nhiem-vu/{task.pk}/bao-cao/"
    data = {"text": "Đã treo 20 pano.", "percent": 40, "obstacle": "", "_once": TOKEN}
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302
    assert ProgressUpdate.objects.filter(task=task).count() == 1


def test_tokens_older_than_a_day_are_forgotten_by_the_hourly_clean_up(world):
    old = SubmittedForm.objects.create(token=TOKEN)
    SubmittedForm.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=2))
    fresh = SubmittedForm.objects.create(token=TOKEN[::-1])
    call_command("clean_staged_uploads")
    call_command("clean_staged_uploads")
    assert list(SubmittedForm.objects.all()) == [fresh]
