import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from icalendar import Calendar

from daihoi.meetings import services
from daihoi.meetings.models import CalendarFeed
from daihoi.planning import services as planning_services
from daihoi.planning.models import Area, Phase

pytestmark = pytest.mark.django_db


def run_worker():
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)


# The worker runs in this process with its own transactions, so the test data must be committed.
@pytest.mark.django_db(transaction=True)
def test_invitation_mail_goes_to_each_invitee_once_with_an_ics(world, meeting, secretariat_access):
    for key in ["officer", "officer2", "leader"]:
        world.users[key].email = f"{key}@kontum.gov.vn"
        world.users[key].save()
    services.meeting_issue_invitation(
        access=secretariat_access,
        meeting=meeting,
        issuer=world.agencies["vptu"],
        signer=world.chair,
        recipients="- Như thành phần mời;\n- Lưu: VT.",
    )
    assert mail.outbox == []  # nothing is sent until the worker runs the jobs

    run_worker()
    run_worker()  # a second pass finds nothing left to send

    assert sorted(m.to[0] for m in mail.outbox) == [
        "leader@kontum.gov.vn",  # the chair's account
        "officer2@kontum.gov.vn",
        "officer@kontum.gov.vn",
    ]
    message = mail.outbox[0]
    assert message.subject == "Giấy mời: Phiên họp thứ ba Tiểu ban Tổ chức phục vụ Đại hội"
    assert "08 giờ 00, ngày 05/10/2020" in message.body
    name, content, mimetype = message.attachments[0]
    assert name == "giay-moi.ics" and mimetype.startswith("text/calendar")
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["LOCATION"]) == "Phòng họp số 1, Tỉnh ủy"
    assert event.decoded("DTSTART").isoformat() == "2020-10-05T08:00:00+07:00"


def test_calendar_feed_lists_meetings_and_agency_deadlines(
    world, client, meeting, secretariat_access
):
    task = planning_services.task_create(
        access=secretariat_access,
        fields=planning_services.TaskFields(
            title="Nộp dự trù kinh phí",
            lead_agency=world.agencies["btg"],
            area=Area.FINANCE,
            phase=Phase.BEFORE,
            deadline=dt.date(2099, 1, 10),
        ),
    )
    feed = CalendarFeed.objects.create(user=world.users["officer"])
    response = client.get(f"/lich/{feed.token}.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = {str(e["SUMMARY"]) for e in Calendar.from_ical(response.content).walk("VEVENT")}
    assert events == {meeting.title, f"Hạn: {task.title}"}


def test_officer_of_an_uninvited_agency_does_not_get_the_meeting(world, client, meeting):
    from daihoi.organizations.models import Participation

    Participation.objects.filter(user=world.users["officer2"]).update(agency=world.agencies["ca"])
    feed = CalendarFeed.objects.create(user=world.users["officer2"])
    body = client.get(f"/lich/{feed.token}.ics").content
    assert Calendar.from_ical(body).walk("VEVENT") == []


def test_revoked_or_unknown_token_answers_404(world, client):
    client.force_login(world.users["officer"])
    client.post("/lich/tao-moi/", {"action": "renew"})
    feed = CalendarFeed.objects.get(user=world.users["officer"])
    assert client.get(f"/lich/{feed.token}.ics").status_code == 200

    client.post("/lich/tao-moi/", {"action": "renew"})
    assert client.get(f"/lich/{feed.token}.ics").status_code == 404
    current = CalendarFeed.objects.get(user=world.users["officer"], revoked_at__isnull=True)
    assert client.get(f"/lich/{current.token}.ics").status_code == 200

    client.post("/lich/tao-moi/", {"action": "revoke"})
    assert client.get(f"/lich/{current.token}.ics").status_code == 404
    assert client.get("/lich/khong-ton-tai.ics").status_code == 404
