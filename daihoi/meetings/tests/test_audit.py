"""Each meeting service writes exactly one audit entry on its object, with its action code."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from daihoi.core.audit import history_of
from daihoi.core.models import AuditEntry
from daihoi.meetings import services
from daihoi.meetings.models import ConclusionAction, Meeting, MeetingAction
from daihoi.planning.models import Area, Phase

pytestmark = pytest.mark.django_db


def _one_new_entry(before: int) -> AuditEntry:
    assert AuditEntry.objects.count() == before + 1
    return AuditEntry.objects.latest("id")


def test_planning_records_meeting_planned(meeting, secretariat_access):
    entry = history_of(meeting).get()
    assert entry.action == MeetingAction.PLANNED and entry.actor == secretariat_access.user


def test_updating_records_the_changed_fields(world, meeting, secretariat_access):
    before = AuditEntry.objects.count()
    services.meeting_update(
        access=secretariat_access,
        meeting=meeting,
        title=meeting.title,
        kind=meeting.kind,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at + dt.timedelta(hours=1),
        place="Hội trường lớn",
        chair=world.chair,
        committee=world.committee,
        invited_agencies=[world.agencies["btg"]],
    )
    entry = _one_new_entry(before)
    assert entry.action == MeetingAction.UPDATED
    labels = [row[0] for row in entry.changes]
    assert "Địa điểm" in labels and "Kết thúc" in labels and "Cơ quan được mời" in labels


def test_recording_cancelling_attaching_record_one_entry_each(meeting, secretariat_access):
    before = AuditEntry.objects.count()
    upload = SimpleUploadedFile(
        "bao-cao.pdf", b"%PDF-1.4 test\n%%EOF", content_type="application/pdf"
    )
    services.meeting_attach(access=secretariat_access, meeting=meeting, uploads=[upload])
    assert _one_new_entry(before).action == MeetingAction.ATTACHED
    before += 1
    services.meeting_cancel(access=secretariat_access, meeting=meeting)
    assert _one_new_entry(before).action == MeetingAction.CANCELLED


def test_recording_attendance_records_meeting_recorded(world, meeting, secretariat_access):
    before = AuditEntry.objects.count()
    services.meeting_record(
        access=secretariat_access,
        meeting=meeting,
        attendance={world.chair.pk: "present"},
        minutes="Biên bản.",
    )
    assert _one_new_entry(before).action == MeetingAction.RECORDED


def test_conclusions_record_added_updated_and_tasked(world, meeting, secretariat_access):
    before = AuditEntry.objects.count()
    conclusion = services.conclusion_add(access=secretariat_access, meeting=meeting, text="Một.")
    assert _one_new_entry(before).action == ConclusionAction.ADDED
    before += 1
    services.conclusion_update(access=secretariat_access, conclusion=conclusion, text="Hai.")
    entry = _one_new_entry(before)
    assert entry.action == ConclusionAction.UPDATED and entry.changes[0][1:] == ["Một.", "Hai."]
    services.conclusion_to_task(
        access=secretariat_access,
        conclusion=conclusion,
        lead_agency=world.agencies["btg"],
        area=Area.PROPAGANDA,
        phase=Phase.BEFORE,
    )
    assert history_of(conclusion)[0].action == ConclusionAction.TASKED


def test_issuing_the_notice_records_it_on_the_meeting(world, held_meeting, secretariat_access):
    meeting = held_meeting
    services.conclusion_add(access=secretariat_access, meeting=meeting, text="Một.")
    document = services.meeting_issue_notice(
        access=secretariat_access,
        meeting=meeting,
        issuer=world.agencies["vptu"],
        signer=world.chair,
        recipients="- Lưu: VT.",
    )
    entry = history_of(meeting)[0]
    assert entry.action == MeetingAction.NOTICE_ISSUED
    assert [row[2] for row in entry.changes][0] == str(document)


def test_deleting_and_restoring_record_one_entry_each(meeting, secretariat_access):
    services.meeting_delete(access=secretariat_access, meeting=meeting)
    services.meeting_restore(access=secretariat_access, meeting=meeting)
    actions = [entry.action for entry in history_of(meeting)]
    assert actions == [MeetingAction.RESTORED, MeetingAction.DELETED, MeetingAction.PLANNED]
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_meeting_history_page_shows_meeting_and_conclusion_entries(
    world, client, meeting, secretariat_access
):
    services.conclusion_add(access=secretariat_access, meeting=meeting, text="Một.")
    services.meeting_cancel(access=secretariat_access, meeting=meeting)
    client.force_login(world.users["secretariat"])
    page = client.get(f"/dai-hoi/{world.congress.pk}/cuoc-hop/{meeting.pk}/").content.decode()
    for label in ("Lên lịch cuộc họp", "Thêm kết luận", "Hoãn, hủy cuộc họp"):
        assert label in page
