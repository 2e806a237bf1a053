import datetime as dt

import pytest
from django.utils import timezone

from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.meetings import notices, selectors, services
from daihoi.meetings.models import AgendaItem, Attendance, Conclusion, Meeting
from daihoi.planning import services as planning_services
from daihoi.planning.models import Area, Phase, Task

pytestmark = pytest.mark.django_db


def test_meeting_ending_before_it_starts_is_refused_and_nothing_saved(world, secretariat_access):
    start = timezone.now()
    with pytest.raises(BusinessError, match="Giờ kết thúc phải sau giờ bắt đầu"):
        services.meeting_plan(
            access=secretariat_access,
            title="Họp",
            kind="briefing",
            starts_at=start,
            ends_at=start - dt.timedelta(minutes=30),
            place="P1",
            chair=world.chair,
        )
    assert not Meeting.objects.exists()


def test_agency_officer_cannot_plan_a_meeting(world, propaganda_access):
    start = timezone.now()
    with pytest.raises(PermissionDenied):
        services.meeting_plan(
            access=propaganda_access,
            title="Họp",
            kind="briefing",
            starts_at=start,
            ends_at=start + dt.timedelta(hours=1),
            place="P1",
            chair=world.chair,
        )


def test_new_meeting_proposes_obstacles_since_the_last_meeting_and_open_conclusions(
    world, secretariat_access, propaganda_access, meeting
):
    earlier = services.conclusion_add(
        access=secretariat_access, meeting=meeting, text="Sở Tài chính bố trí kinh phí"
    )
    services.conclusion_to_task(
        access=secretariat_access,
        conclusion=earlier,
        lead_agency=world.agencies["stc"],
        area=Area.FINANCE,
        phase=Phase.BEFORE,
    )
    task = planning_services.task_create(
        access=secretariat_access,
        fields=planning_services.TaskFields(
            title="In pano",
            lead_agency=world.agencies["btg"],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
            committee=world.committee,
        ),
    )
    update = planning_services.task_report_progress(
        access=propaganda_access,
        task=task,
        text="Đang in",
        percent=30,
        obstacle="Nhà in chưa nhận đặt hàng",
    )

    obstacles = list(
        selectors.proposed_obstacles(secretariat_access, world.committee, meeting.starts_at)
    )
    follow_ups = list(selectors.proposed_follow_ups(secretariat_access, world.committee))
    assert obstacles == [update]
    assert follow_ups == [earlier]

    start = timezone.now() + dt.timedelta(days=7)
    second = services.meeting_plan(
        access=secretariat_access,
        title="Phiên họp thứ tư",
        kind="subcommittee",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        place="P1",
        chair=world.chair,
        committee=world.committee,
        agenda=["Báo cáo chung"],
        proposed_obstacles=obstacles,
        proposed_conclusions=[],  # the follow-up is dropped
    )
    assert [(a.position, a.origin) for a in second.agenda.all()] == [
        (1, AgendaItem.Origin.MANUAL),
        (2, AgendaItem.Origin.OBSTACLE),
    ]
    assert "Nhà in chưa nhận đặt hàng" in second.agenda.get(position=2).title


def test_conclusions_are_numbered_per_meeting(secretariat_access, meeting):
    numbers = [
        services.conclusion_add(access=secretariat_access, meeting=meeting, text=t).number
        for t in ["Một", "Hai", "Ba"]
    ]
    assert numbers == [1, 2, 3]
    with pytest.raises(BusinessError, match="nhập nội dung kết luận"):
        services.conclusion_add(access=secretariat_access, meeting=meeting, text="   ")


def test_conclusion_becomes_a_task_once_linked_both_ways(world, leader_access, meeting):
    conclusion = services.conclusion_add(
        access=leader_access, meeting=meeting, text="Ban Tuyên giáo hoàn thành pano trước D-10"
    )
    task = services.conclusion_to_task(
        access=leader_access,
        conclusion=conclusion,
        lead_agency=world.agencies["btg"],
        coordinating_agencies=[world.agencies["svh"]],
        area=Area.PROPAGANDA,
        phase=Phase.BEFORE,
        deadline_offset_days=-10,
    )
    conclusion.refresh_from_db()
    assert conclusion.task == task
    assert task.conclusion == conclusion
    assert task.source == Task.Source.CONCLUSION
    assert task.committee == world.committee
    assert task.deadline == dt.date(2020, 10, 4)
    assert "Kết luận số 1" in task.source_text

    with pytest.raises(BusinessError, match="đã được giao thành nhiệm vụ"):
        services.conclusion_to_task(
            access=leader_access,
            conclusion=conclusion,
            lead_agency=world.agencies["stc"],
            area=Area.FINANCE,
            phase=Phase.BEFORE,
        )
    assert Task.objects.count() == 1


def test_bad_conclusion_task_leaves_the_conclusion_unlinked(world, leader_access, meeting):
    conclusion = services.conclusion_add(access=leader_access, meeting=meeting, text="Việc X")
    with pytest.raises(BusinessError):
        services.conclusion_to_task(
            access=leader_access,
            conclusion=conclusion,
            lead_agency=world.agencies["btg"],
            coordinating_agencies=[world.agencies["btg"]],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
        )
    conclusion.refresh_from_db()
    assert conclusion.task is None and not Task.objects.exists()


def test_recording_attendance_and_minutes_marks_the_meeting_held(
    world, secretariat_access, meeting
):
    services.meeting_record(
        access=secretariat_access,
        meeting=meeting,
        attendance={world.chair.pk: "present"},
        minutes="Tiểu ban nghe báo cáo tiến độ.",
    )
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.HELD
    assert meeting.attendance.get().status == Attendance.Status.PRESENT
    with pytest.raises(BusinessError, match="không hợp lệ"):
        services.meeting_record(
            access=secretariat_access,
            meeting=meeting,
            attendance={world.chair.pk: "maybe"},
            minutes="",
        )
    assert meeting.attendance.get().status == Attendance.Status.PRESENT


def test_notice_subject_names_the_chair_and_the_meeting(world, meeting):
    assert notices.notice_subject(meeting) == (
        "Kết luận của đồng chí Nguyễn Hữu Hải, Phó Chủ tịch Thường trực UBND tỉnh, Trưởng Tiểu "
        "ban tại phiên họp thứ ba Tiểu ban Tổ chức phục vụ Đại hội"
    )
    meeting.title = "Tiểu ban Văn kiện nghe báo cáo dự thảo"
    assert notices.meeting_phrase(meeting) == "cuộc họp tiểu ban Văn kiện nghe báo cáo dự thảo"


def test_notice_body_carries_the_conclusions_as_numbered_paragraphs(
    world, secretariat_access, meeting
):
    for text in ["Khẩn trương hoàn thiện kế hoạch chi tiết.", "Báo cáo trước ngày 12/11."]:
        services.conclusion_add(access=secretariat_access, meeting=meeting, text=text)
    body = notices.notice_body(meeting, "Văn phòng Tỉnh ủy")
    assert body[0].startswith(
        "Ngày 05/10/2020, tại Phòng họp số 1, Tỉnh ủy, đồng chí Nguyễn Hữu Hải"
    )
    assert body[2:4] == [
        "1. Khẩn trương hoàn thiện kế hoạch chi tiết.",
        "2. Báo cáo trước ngày 12/11.",
    ]
    assert body[-1].endswith("biết, thực hiện./.")


def test_cancelled_meeting_cannot_be_recorded(world, secretariat_access, meeting):
    services.meeting_cancel(access=secretariat_access, meeting=meeting)
    with pytest.raises(BusinessError, match="đã hủy"):
        services.meeting_record(
            access=secretariat_access, meeting=meeting, attendance={}, minutes=""
        )


def test_conclusion_rows_are_unique_per_meeting_number(secretariat_access, meeting):
    from django.db import IntegrityError, transaction

    services.conclusion_add(access=secretariat_access, meeting=meeting, text="Một")
    with pytest.raises(IntegrityError), transaction.atomic():
        Conclusion.objects.create(meeting=meeting, number=1, text="Trùng")


def test_meeting_documents_are_attached_all_or_none(world, secretariat_access, meeting):
    from django.core.files.uploadedfile import SimpleUploadedFile

    good = SimpleUploadedFile("du-thao.pdf", b"%PDF-1.4 du thao\n%%EOF")
    bad = SimpleUploadedFile("virus.exe", b"MZ")
    with pytest.raises(BusinessError, match="không đúng định dạng"):
        services.meeting_attach(access=secretariat_access, meeting=meeting, uploads=[good, bad])
    assert not meeting.attachments.exists()
    good.seek(0)
    services.meeting_attach(access=secretariat_access, meeting=meeting, uploads=[good])
    assert meeting.attachments.get().original_name == "du-thao.pdf"
