import pytest

from daihoi.meetings import services
from daihoi.meetings.models import Meeting
from daihoi.organizations.permissions import ADMIN, Access
from daihoi.planning.models import Task

pytestmark = pytest.mark.django_db


def url(world, path=""):
    return f"/dai-hoi/{world.congress.pk}/cuoc-hop/{path}"


def meeting_form(world, **overrides):
    data = {
        "title": "Họp giao ban công tác phục vụ",
        "kind": "briefing",
        "committee": world.committee.pk,
        "date": "05/10/2020",
        "start_time": "14:00",
        "end_time": "16:30",
        "place": "Phòng họp Văn phòng Tỉnh ủy",
        "chair": world.chair.pk,
        "invited_agencies": [world.agencies["btg"].pk],
        "agenda": "Nghe báo cáo tiến độ\nBàn trang trí",
    }
    data.update(overrides)
    return data


def test_secretariat_plans_a_meeting_from_the_form(world, client):
    client.force_login(world.users["secretariat"])
    response = client.post(url(world, "them/"), meeting_form(world))
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert [a.title for a in meeting.agenda.all()] == ["Nghe báo cáo tiến độ", "Bàn trang trí"]
    assert meeting.starts_at.hour == 7  # 14:00 in Asia/Ho_Chi_Minh is 07:00 UTC


def test_meeting_ending_before_it_starts_gets_a_vietnamese_error(world, client):
    client.force_login(world.users["secretariat"])
    response = client.post(url(world, "them/"), meeting_form(world, end_time="13:00"))
    assert "Giờ kết thúc phải sau giờ bắt đầu" in response.content.decode()
    assert not Meeting.objects.exists()


def test_conclusions_are_added_with_htmx_and_shown_in_the_partial(world, client, meeting):
    client.force_login(world.users["leader"])
    response = client.post(
        url(world, f"{meeting.pk}/ket-luan/"),
        {"text": "Hoàn thiện phương án an ninh"},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert "Hoàn thiện phương án an ninh" in body
    assert "<html" not in body


def test_a_conclusion_turned_into_a_task_twice_gets_a_clear_message(
    world, client, meeting, leader_access
):
    conclusion = services.conclusion_add(access=leader_access, meeting=meeting, text="In tài liệu")
    client.force_login(world.users["leader"])
    form = {
        "title": "In tài liệu Đại hội",
        "lead_agency": world.agencies["vptu"].pk,
        "deadline": "D-3",
        "area": "logistics",
        "phase": "before",
    }
    path = url(world, f"{meeting.pk}/ket-luan/{conclusion.pk}/giao-viec/")
    assert client.post(path, form).status_code == 302
    response = client.post(path, form, follow=True)
    assert "đã được giao thành nhiệm vụ" in response.content.decode()
    assert Task.objects.count() == 1


def test_record_page_saves_attendance_and_minutes(world, client, meeting):
    client.force_login(world.users["secretariat"])
    response = client.post(
        url(world, f"{meeting.pk}/dien-bien/"),
        {f"p{world.chair.pk}": "present", "minutes": "Thống nhất các nội dung."},
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.HELD and meeting.minutes == "Thống nhất các nội dung."


def test_officer_sees_only_meetings_their_agency_is_invited_to(world, client, meeting):
    client.force_login(world.users["officer"])
    assert meeting.title in client.get(url(world)).content.decode()
    client.force_login(world.users["officer2"])
    services.meeting_update(
        access=Access(world.admin, world.congress, ADMIN),
        meeting=meeting,
        title=meeting.title,
        kind=meeting.kind,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        place=meeting.place,
        chair=meeting.chair,
        invited_agencies=[world.agencies["btg"]],
    )
    assert meeting.title not in client.get(url(world)).content.decode()
    assert client.get(url(world, f"{meeting.pk}/")).status_code == 404


@pytest.mark.parametrize("rows", [2, 20])
def test_meeting_list_query_count_does_not_grow(
    world, client, secretariat_access, rows, django_assert_max_num_queries
):
    import datetime as dt

    from django.utils import timezone

    for i in range(rows):
        start = timezone.now() + dt.timedelta(days=i)
        services.meeting_plan(
            access=secretariat_access,
            title=f"Họp {i}",
            kind="briefing",
            starts_at=start,
            ends_at=start + dt.timedelta(hours=1),
            place="P",
            chair=world.chair,
            committee=world.committee,
        )
    client.force_login(world.users["secretariat"])
    with django_assert_max_num_queries(6):
        assert client.get(url(world)).status_code == 200


def test_an_attach_button_pressed_twice_attaches_the_files_once(world, client, meeting):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from daihoi.meetings.models import MeetingAttachment

    client.force_login(world.users["secretariat"])
    url = f"/dai-hoi/{world.congress.pk}/cuoc-hop/{meeting.pk}/tai-lieu/"
    for _ in range(2):
        upload = SimpleUploadedFile(
            "chuong-trinh.pdf", b"%PDF-1.4 chuong trinh\n%%EOF", "application/pdf"
        )
        response = client.post(url, {"files": [upload], "_once": "feedc0de" * 4}, follow=True)
        assert response.status_code == 200
    assert MeetingAttachment.objects.filter(meeting=meeting).count() == 1
    assert "không tạo thêm bản sao" in response.content.decode()
