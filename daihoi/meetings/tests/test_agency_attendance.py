"""An invited agency attends in person, through a representative (ủy quyền), or not at all."""

import pytest

from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError
from daihoi.meetings import services
from daihoi.meetings.models import AgencyAttendance, Meeting, MeetingAction
from daihoi.meetings.services import AgencyPresence

pytestmark = pytest.mark.django_db


def url(world, path=""):
    return f"/dai-hoi/{world.congress.pk}/cuoc-hop/{path}"


def test_agency_represented_by_a_named_person_is_recorded_and_shown(
    world, secretariat_access, meeting
):
    btg, stc = world.agencies["btg"], world.agencies["stc"]
    services.meeting_record(
        access=secretariat_access,
        meeting=meeting,
        attendance={world.chair.pk: "present"},
        agencies={
            btg.pk: AgencyPresence(
                AgencyAttendance.Status.REPRESENTED, " Lê Văn  Bình ", "Phó Trưởng ban"
            ),
            stc.pk: AgencyPresence(AgencyAttendance.Status.EXCUSED, "ignored", "ignored"),
        },
        minutes="Đã họp.",
    )
    rows = {row.agency: row for row in AgencyAttendance.objects.filter(meeting=meeting)}
    assert rows[btg].describe() == "Ủy quyền: Lê Văn Bình, Phó Trưởng ban"
    assert rows[stc].describe() == "Vắng có lý do" and rows[stc].representative == ""
    entry = history_of(meeting)[0]
    assert entry.action == MeetingAction.RECORDED
    assert entry.data["represented"] == [f"{btg.pk}: Ủy quyền: Lê Văn Bình, Phó Trưởng ban"]


def test_representation_without_a_name_is_refused_and_nothing_is_recorded(
    world, secretariat_access, meeting
):
    btg = world.agencies["btg"]
    with pytest.raises(BusinessError, match="Ghi họ tên người được Ban Tuyên giáo") as refused:
        services.meeting_record(
            access=secretariat_access,
            meeting=meeting,
            attendance={},
            agencies={btg.pk: AgencyPresence(AgencyAttendance.Status.REPRESENTED, "  ")},
            minutes="",
        )
    assert refused.value.field == f"agency_{btg.pk}_representative"
    meeting.refresh_from_db()
    assert meeting.is_planned and not AgencyAttendance.objects.exists()


def test_an_agency_not_invited_cannot_be_recorded(world, secretariat_access, meeting):
    with pytest.raises(BusinessError, match="không được mời"):
        services.meeting_record(
            access=secretariat_access,
            meeting=meeting,
            attendance={},
            agencies={world.agencies["ca"].pk: AgencyPresence(AgencyAttendance.Status.PRESENT)},
            minutes="",
        )
    assert not AgencyAttendance.objects.exists()


def test_record_page_records_a_representative_and_the_meeting_shows_it(
    world, client, meeting, django_assert_max_num_queries
):
    btg, stc = world.agencies["btg"], world.agencies["stc"]
    client.force_login(world.users["secretariat"])
    form = client.get(url(world, f"{meeting.pk}/dien-bien/")).content.decode()
    assert "Cơ quan, đơn vị được mời" in form and "Ủy quyền" in form
    response = client.post(
        url(world, f"{meeting.pk}/dien-bien/"),
        {
            f"p{world.chair.pk}": "present",
            f"agency_{btg.pk}": "represented",
            f"agency_{btg.pk}_representative": "Lê Văn Bình",
            f"agency_{btg.pk}_representative_title": "Phó Trưởng ban",
            f"agency_{stc.pk}": "present",
            "minutes": "Tiểu ban nghe báo cáo.",
        },
    )
    assert response.status_code == 302
    assert Meeting.objects.get().status == Meeting.Status.HELD
    with django_assert_max_num_queries(16):
        page = client.get(url(world, f"{meeting.pk}/")).content.decode()
    assert "Ủy quyền: Lê Văn Bình, Phó Trưởng ban" in page
    again = client.get(url(world, f"{meeting.pk}/dien-bien/")).content.decode()
    assert 'value="Lê Văn Bình"' in again


def test_record_page_without_the_representatives_name_shows_the_message(world, client, meeting):
    btg = world.agencies["btg"]
    client.force_login(world.users["secretariat"])
    response = client.post(
        url(world, f"{meeting.pk}/dien-bien/"),
        {
            f"p{world.chair.pk}": "present",
            f"agency_{btg.pk}": "represented",
            f"agency_{world.agencies['stc'].pk}": "present",
        },
    )
    assert response.status_code == 200
    assert "Ghi họ tên người được Ban Tuyên giáo Tỉnh ủy ủy quyền dự họp." in (
        response.content.decode()
    )
    assert Meeting.objects.get().is_planned


def test_meeting_detail_query_count_does_not_grow_with_attendance(
    world, client, secretariat_access, meeting, django_assert_max_num_queries
):
    from daihoi.organizations.models import Agency

    client.force_login(world.users["secretariat"])
    with django_assert_max_num_queries(16) as few:
        client.get(url(world, f"{meeting.pk}/"))
    extra = Agency.objects.bulk_create(
        Agency(congress=world.congress, name=f"Sở ngành số {n}") for n in range(15)
    )
    meeting.invited_agencies.add(*extra)
    services.meeting_record(
        access=secretariat_access,
        meeting=meeting,
        attendance={world.chair.pk: "present"},
        agencies={
            a.pk: AgencyPresence(AgencyAttendance.Status.REPRESENTED, f"Người dự {n}")
            for n, a in enumerate(extra)
        },
        minutes="",
    )
    services.conclusion_add(access=secretariat_access, meeting=meeting, text="Một việc.")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url(world, f"{meeting.pk}/"))


def test_record_page_query_count_does_not_grow_with_invited_agencies(
    world, client, meeting, django_assert_max_num_queries
):
    from daihoi.organizations.models import Agency, Person

    client.force_login(world.users["secretariat"])
    page = url(world, f"{meeting.pk}/dien-bien/")
    with django_assert_max_num_queries(14) as few:
        client.get(page)
    extra = Agency.objects.bulk_create(
        Agency(congress=world.congress, name=f"Sở ngành số {n}") for n in range(10)
    )
    Person.objects.bulk_create(
        Person(congress=world.congress, full_name=f"Lãnh đạo số {n}", agency=a)
        for n, a in enumerate(extra)
    )
    meeting.invited_agencies.add(*extra)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(page)
    assert "Sở ngành số 9" in response.content.decode()
