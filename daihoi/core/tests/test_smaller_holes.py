"""The smaller holes: trashed files, junk feed tokens, over-long agenda lines, no-store pages."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from daihoi.meetings.models import Meeting
from daihoi.planning import services
from daihoi.planning.models import Area, Attachment, Phase

pytestmark = pytest.mark.django_db


def test_a_trashed_progress_updates_attachment_is_not_downloadable(
    world, client, secretariat_access, propaganda_access
):
    task = services.task_create(
        access=secretariat_access,
        fields=services.TaskFields(
            title="Trang trí",
            lead_agency=world.agencies["btg"],
            area=Area.CEREMONY,
            phase=Phase.BEFORE,
            deadline=dt.date(2020, 10, 1),
        ),
    )
    upload = SimpleUploadedFile("bc.pdf", b"%PDF-1.4\n\n%%EOF" + b"0" * 100, "application/pdf")
    update = services.task_report_progress(
        access=propaganda_access, task=task, text="x", percent=10, attachments=[upload]
    )
    attachment = Attachment.objects.get(update=update)
    client.force_login(world.users["secretariat"])
    link = f"/dai-hoi/{world.congress.pk}/tep/{attachment.pk}/"
    response = client.get(link)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]  # downloads too
    services.progress_update_delete(access=secretariat_access, update=update)
    assert client.get(link).status_code == 404


@pytest.mark.parametrize("token", ["%00", "a%00b", "%0A", "..%2F..", "x" * 300, "%C0%AE"])
def test_a_junk_calendar_token_answers_404_without_login(client, token):
    assert client.get(f"/lich/{token}.ics").status_code == 404


def test_an_agenda_line_over_its_length_and_a_meeting_in_year_one_are_form_errors(world, client):
    client.force_login(world.users["secretariat"])
    base = {
        "title": "Họp",
        "kind": "briefing",
        "date": "05/10/2020",
        "start_time": "08:00",
        "end_time": "09:00",
        "place": "Phòng 1",
        "chair": world.chair.pk,
    }
    url = f"/dai-hoi/{world.congress.pk}/cuoc-hop/them/"
    response = client.post(url, {**base, "agenda": "Ngắn\n" + "Dài " * 200})
    assert response.status_code == 200
    assert "dòng 2 dài quá" in response.content.decode()
    response = client.post(url, {**base, "date": "01/01/0001"})
    assert response.status_code == 200
    assert not Meeting.objects.exists()


def test_signed_in_pages_are_not_stored(world, client):
    client.force_login(world.users["officer"])
    response = client.get(f"/dai-hoi/{world.congress.pk}/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
