"""An agency's inbox and counts, the timelines and the congress's new dates through the API:
the planning pages' rules and messages."""

import datetime as dt

from daihoi.planning import services as planning_services
from daihoi.planning.models import Area, Phase, Task
from daihoi.reporting.tests.helpers import secretariat as secretariat_of

from .helpers import ApiClient


def _task(world, title: str, agency: str, **extra) -> Task:
    fields = {
        "title": title,
        "lead_agency": world.agencies[agency],
        "area": Area.PROPAGANDA,
        "phase": Phase.BEFORE,
        "deadline": dt.date(2020, 9, 30),
    } | extra
    return planning_services.task_create(
        access=secretariat_of(world), fields=planning_services.TaskFields(**fields)
    )


def test_an_officer_reads_their_agency_s_inbox_and_counts_and_no_other_agency_s(world):
    own = _task(world, "In pano cổ động", "btg", key_item=True)
    _task(world, "Phát thanh lưu động", "btg")
    _task(world, "Trang trí hội trường", "vptu", coordinating_agencies=[world.agencies["btg"]])
    theirs = _task(world, "Bố trí xe đưa đón", "svh")
    base = f"/congresses/{world.congress.pk}"
    officer = ApiClient(world.users["officer"])

    rows = officer.all(base + "/inbox/")
    assert {r["title"] for r in rows} == {
        "In pano cổ động",
        "Phát thanh lưu động",
        "Trang trí hội trường",
    }
    assert {r["role"] for r in rows} == {"lead", "coordinate"}
    key = officer.all(base + "/inbox/", {"key": "true"})
    assert [r["task_id"] for r in key] == [own.pk]
    assert officer.get(base + "/inbox/", {"agency": world.agencies["svh"].pk}).status_code == 404

    leader = ApiClient(world.users["leader"])
    asked = leader.get(base + "/inbox/")
    assert asked.status_code == 400 and "agency" in asked.json()["errors"]
    theirs_rows = leader.all(base + "/inbox/", {"agency": world.agencies["svh"].pk})
    assert [r["task_id"] for r in theirs_rows] == [theirs.pk]

    counts = officer.get(base + "/agency-tasks/").json()
    assert [r["agency"]["id"] for r in counts] == [world.agencies["btg"].pk]
    detail = officer.get(f"{base}/agency-tasks/{world.agencies['btg'].pk}/").json()
    assert detail["role_counts"] == {"lead": 2, "coordinate": 1}
    other = officer.get(f"{base}/agency-tasks/{world.agencies['svh'].pk}/")
    assert other.status_code == 404
    assert len(ApiClient(world.users["secretariat"]).get(base + "/agency-tasks/").json()) == 3
    assert ApiClient(world.users["outsider"]).get(base + "/inbox/").status_code == 404


def test_the_timelines_of_a_plan_and_a_committee_group_their_tasks_by_phase(world):
    in_plan = _task(world, "In pano cổ động", "btg", plan=world.plan)
    hall = _task(
        world, "Trang trí hội trường", "vptu", committee=world.committee, phase=Phase.DURING
    )
    base = f"/congresses/{world.congress.pk}"
    secretariat = ApiClient(world.users["secretariat"])
    plan = secretariat.get(f"{base}/plans/{world.plan.pk}/timeline/").json()
    assert plan["total"] == 1 and plan["opening_date"] == "2020-10-14"
    assert [(p["phase"], [r["task_id"] for r in p["rows"]]) for p in plan["phases"]] == [
        ("before", [in_plan.pk])
    ]
    committee = secretariat.get(f"{base}/committees/{world.committee.pk}/timeline/").json()
    by_phase = {p["phase"]: [r["task_id"] for r in p["rows"]] for p in committee["phases"]}
    assert by_phase["during"] == [hall.pk]
    other = f"/congresses/{world.other.pk}/plans/{world.plan.pk}/timeline/"
    assert ApiClient(world.users["outsider"]).get(other).status_code == 404


def test_the_secretariat_moves_the_congress_dates_and_relative_deadlines_follow(world):
    relative = _task(world, "Tổng duyệt", "vptu", deadline=None, deadline_offset_days=-2)
    path = f"/congresses/{world.congress.pk}/schedule/"
    refused = ApiClient(world.users["officer"]).post(path, {"opening_date": "21/10/2020"})
    assert refused.status_code == 403
    assert refused.json()["detail"] == "Chỉ Thường trực / Văn phòng mới được đổi ngày Đại hội."
    secretariat = ApiClient(world.users["secretariat"])
    wrong = secretariat.post(path, {"opening_date": "21/10/2020", "closing_date": "20/10/2020"})
    assert wrong.status_code == 400
    assert wrong.json()["errors"]["closing_date"] == ["Ngày bế mạc không được trước ngày khai mạc."]
    moved = secretariat.post(path, {"opening_date": "21/10/2020", "closing_date": "23/10/2020"})
    assert moved.status_code == 200, moved.content
    assert moved.json() == {"opening_date": "2020-10-21", "closing_date": "2020-10-23", "moved": 1}
    relative.refresh_from_db()
    assert relative.deadline == dt.date(2020, 10, 19)


def test_the_inbox_takes_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    for n in range(6):
        _task(world, f"Nhiệm vụ tuyên truyền {n}", "btg")
    officer = ApiClient(world.users["officer"])
    with django_assert_max_num_queries(7):
        response = officer.get(f"/congresses/{world.congress.pk}/inbox/")
    assert response.status_code == 200 and len(response.json()["results"]) == 6
