"""The chair is not invited to his own meeting; a notice waits until the meeting was held."""

import datetime as dt
from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.utils import timezone

from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError
from daihoi.documents.models import Document
from daihoi.meetings import services
from daihoi.meetings.models import Meeting, MeetingAction
from daihoi.organizations.models import Person

pytestmark = pytest.mark.django_db


def url(world, path=""):
    return f"/dai-hoi/{world.congress.pk}/cuoc-hop/{path}"


def issue_notice(world, access, meeting):
    return services.meeting_issue_notice(
        access=access,
        meeting=meeting,
        issuer=world.agencies["vptu"],
        signer=world.chair,
        recipients="- Lưu: VT.",
    )


@pytest.fixture
def deputy(world):
    return Person.objects.create(
        congress=world.congress, full_name="Trần Thị Mai", titles="Phó Trưởng Tiểu ban"
    )


def test_planning_a_meeting_with_its_chair_among_the_invitees_is_refused(
    world, secretariat_access, deputy
):
    start = timezone.now() + dt.timedelta(days=3)
    with pytest.raises(BusinessError, match="Nguyễn Hữu Hải là người chủ trì") as refused:
        services.meeting_plan(
            access=secretariat_access,
            title="Họp giao ban",
            kind=Meeting.Kind.BRIEFING,
            starts_at=start,
            ends_at=start + dt.timedelta(hours=2),
            place="Phòng họp 1",
            chair=world.chair,
            invited_people=[deputy, world.chair],
        )
    assert refused.value.field == "invited_people"
    assert not Meeting.objects.exists()


def test_changing_the_chair_to_an_invitee_is_refused_and_nothing_changes(
    world, secretariat_access, meeting, deputy
):
    services.meeting_update(
        access=secretariat_access,
        meeting=meeting,
        title=meeting.title,
        kind=meeting.kind,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        place=meeting.place,
        chair=world.chair,
        invited_people=[deputy],
    )
    with pytest.raises(BusinessError, match="Trần Thị Mai là người chủ trì"):
        services.meeting_update(
            access=secretariat_access,
            meeting=meeting,
            title=meeting.title,
            kind=meeting.kind,
            starts_at=meeting.starts_at,
            ends_at=meeting.ends_at,
            place=meeting.place,
            chair=deputy,
            invited_people=[deputy],
        )
    meeting.refresh_from_db()
    assert meeting.chair == world.chair
    assert list(meeting.invited_people.all()) == [deputy]


def test_meeting_form_does_not_offer_the_chair_among_the_invitees(world, client, meeting, deputy):
    client.force_login(world.users["secretariat"])
    response = client.get(url(world, f"{meeting.pk}/sua/"))
    form = response.context["form"]
    offered = list(form.fields["invited_people"].queryset)
    assert deputy in offered and world.chair not in offered
    assert "meetings/meeting_form.js" in response.content.decode()


def test_chair_ticked_as_invitee_without_the_script_gets_a_clear_error(
    world, client, meeting, deputy
):
    client.force_login(world.users["secretariat"])
    response = client.post(
        url(world, f"{meeting.pk}/sua/"),
        {
            "title": meeting.title,
            "kind": meeting.kind,
            "date": "05/10/2020",
            "start_time": "08:00",
            "end_time": "11:00",
            "place": meeting.place,
            "chair": deputy.pk,
            "invited_people": [deputy.pk],
        },
    )
    assert response.status_code == 200
    assert "Trần Thị Mai là người chủ trì cuộc họp" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.chair == world.chair


def test_data_migration_drops_the_chair_from_his_own_invitees(world, meeting, deputy):
    meeting.invited_people.through.objects.create(meeting=meeting, person=world.chair)
    meeting.invited_people.add(deputy)
    migration = import_module("daihoi.meetings.migrations.0004_chair_not_invited")
    migration.drop_chair_from_invitees(django_apps, None)
    assert list(meeting.invited_people.all()) == [deputy]


def test_notice_for_a_meeting_still_to_come_is_refused_and_nothing_is_issued(
    world, secretariat_access
):
    start = timezone.now() + dt.timedelta(days=5)
    meeting = services.meeting_plan(
        access=secretariat_access,
        title="Phiên họp kiểm tra hội trường",
        kind=Meeting.Kind.SUBCOMMITTEE,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        place="Hội trường",
        chair=world.chair,
    )
    services.conclusion_add(access=secretariat_access, meeting=meeting, text="Sửa âm thanh.")
    day = timezone.localtime(start)
    with pytest.raises(BusinessError, match=f"dự kiến diễn ra ngày {day:%d/%m/%Y}, chưa họp"):
        issue_notice(world, secretariat_access, meeting)
    meeting.refresh_from_db()
    assert meeting.notice is None and meeting.is_planned
    assert not Document.objects.exists()


def test_notice_for_a_past_meeting_not_recorded_as_held_is_refused(
    world, secretariat_access, meeting
):
    services.conclusion_add(access=secretariat_access, meeting=meeting, text="Một việc.")
    with pytest.raises(BusinessError, match="chưa được ghi nhận là đã họp"):
        issue_notice(world, secretariat_access, meeting)
    services.meeting_cancel(access=secretariat_access, meeting=meeting)
    with pytest.raises(BusinessError, match="đã hoãn, hủy"):
        issue_notice(world, secretariat_access, meeting)
    assert not Document.objects.exists()


def test_notice_for_a_held_meeting_is_issued_and_audited(world, secretariat_access, held_meeting):
    services.conclusion_add(access=secretariat_access, meeting=held_meeting, text="Một việc.")
    document = issue_notice(world, secretariat_access, held_meeting)
    assert document.is_issued
    assert history_of(held_meeting)[0].action == MeetingAction.NOTICE_ISSUED


def test_notice_button_is_not_offered_before_the_meeting_is_held(
    world, client, secretariat_access, meeting
):
    services.conclusion_add(access=secretariat_access, meeting=meeting, text="Một việc.")
    client.force_login(world.users["secretariat"])
    page = client.get(url(world, f"{meeting.pk}/")).content.decode()
    assert "Ra thông báo kết luận" not in page
    assert "chưa được ghi nhận là đã họp" in page
    response = client.get(url(world, f"{meeting.pk}/thong-bao/"), follow=True)
    assert "chưa được ghi nhận là đã họp" in response.content.decode()
    assert response.redirect_chain[-1][0].endswith(f"/cuoc-hop/{meeting.pk}/")

    services.meeting_record(
        access=secretariat_access, meeting=meeting, attendance={}, minutes="Đã họp."
    )
    page = client.get(url(world, f"{meeting.pk}/")).content.decode()
    assert "Ra thông báo kết luận" in page
