"""Meetings through the API: planned, edited with a version, recorded (who came, the minutes),
concluded, a conclusion given as a task; the pages' forms and messages."""

from daihoi.meetings.models import AgencyAttendance, Attendance, Meeting
from daihoi.organizations.models import Person
from daihoi.planning.models import Task

from .helpers import ApiClient


def _body(world, **changes):
    return {
        "title": "Họp Tiểu ban Tổ chức phục vụ Đại hội",
        "kind": "subcommittee",
        "date": "15/09/2020",
        "start_time": "08:00",
        "end_time": "10:30",
        "place": "Hội trường Tỉnh ủy",
        "chair": world.chair.pk,
        "invited_agencies": [str(world.agencies["btg"].pk)],
    } | changes


def test_a_leader_plans_records_and_concludes_a_meeting_and_tasks_a_conclusion(world):
    leader = ApiClient(world.users["leader"])
    base = f"/congresses/{world.congress.pk}/meetings/"
    guest = Person.objects.create(
        congress=world.congress, full_name="Trần Văn Khách", agency=world.agencies["btg"]
    )
    planned = leader.post(base, _body(world, invited_people=[guest.pk]))
    assert planned.status_code == 201, planned.content
    meeting = planned.json()
    assert meeting["invited_people"] == [guest.pk] and meeting["status"] == "planned"
    path = f"{base}{meeting['id']}/"

    stale = leader.put(path, _body(world, place="Phòng họp số 2", version=meeting["version"] - 1))
    assert stale.status_code == 409
    moved = leader.put(path, _body(world, place="Phòng họp số 2", version=meeting["version"]))
    assert moved.status_code == 200, moved.content
    assert moved.json()["place"] == "Phòng họp số 2"

    btg = world.agencies["btg"].pk
    unnamed = leader.post(
        path + "record/", {"minutes": "Đã họp.", "agencies": {btg: {"status": "represented"}}}
    )
    assert unnamed.status_code == 400
    assert unnamed.json()["errors"][f"agency_{btg}_representative"] == [
        "Ghi họ tên người được Ban Tuyên giáo Tỉnh ủy ủy quyền dự họp."
    ]
    recorded = leader.post(
        path + "record/",
        {
            "minutes": "Thống nhất kế hoạch tuyên truyền.",
            "attendance": {guest.pk: "absent"},
            "agencies": {
                btg: {
                    "status": "represented",
                    "representative": "Lê Thị Ủy Quyền",
                    "representative_title": "Phó Trưởng ban",
                }
            },
        },
    )
    assert recorded.status_code == 200, recorded.content
    assert recorded.json()["status"] == "held"
    assert dict(
        Attendance.objects.filter(meeting_id=meeting["id"]).values_list("person_id", "status")
    ) == {world.chair.pk: "present", guest.pk: "absent"}
    presence = AgencyAttendance.objects.get(meeting_id=meeting["id"], agency_id=btg)
    assert presence.representative == "Lê Thị Ủy Quyền"

    assert leader.post(path + "conclusions/", {"text": " "}).status_code == 400
    concluded = leader.post(path + "conclusions/", {"text": "Ban Tuyên giáo in pano cổ động"})
    assert concluded.status_code == 201, concluded.content
    tasked = leader.post(
        f"{path}conclusions/{concluded.json()['id']}/task/",
        {"title": "In pano cổ động", "lead_agency": btg, "area": "propaganda", "phase": "before"},
    )
    assert tasked.status_code == 201, tasked.content
    assert Task.objects.get(pk=tasked.json()["id"]).conclusion.pk == concluded.json()["id"]
    detail = leader.get(path).json()
    assert detail["conclusions"][0]["task_id"] == tasked.json()["id"]


def test_a_meeting_refused_in_the_pages_words_and_not_saved(world):
    leader = ApiClient(world.users["leader"])
    base = f"/congresses/{world.congress.pk}/meetings/"
    backwards = leader.post(base, _body(world, start_time="10:00", end_time="09:00"))
    assert backwards.status_code == 400
    assert backwards.json()["errors"]["end_time"] == ["Giờ kết thúc phải sau giờ bắt đầu."]
    assert not Meeting.objects.exists()


def test_an_officer_may_read_an_invitation_but_not_run_the_meeting(world):
    made = ApiClient(world.users["secretariat"]).post(
        f"/congresses/{world.congress.pk}/meetings/", _body(world)
    )
    path = f"/congresses/{world.congress.pk}/meetings/{made.json()['id']}/"
    officer = ApiClient(world.users["officer"])
    assert officer.get(path).status_code == 200
    assert officer.post(path + "record/", {"minutes": "Chen ngang"}).status_code == 403
    assert (
        ApiClient(world.users["officer2"]).post(path + "conclusions/", {"text": "x"}).status_code
        == 404
    )
    assert Meeting.objects.get(pk=made.json()["id"]).minutes == ""
