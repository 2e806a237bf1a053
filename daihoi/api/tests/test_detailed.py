"""A task's detailed plan through the API: the lead's officer writes its works and sends it, the
leader returns it with a comment, then approves it, and the works' progress moves the task's;
the pages' messages; another agency and another congress do not see it."""

import datetime as dt

from daihoi.api.models import Scope
from daihoi.planning import services
from daihoi.planning.models import Area, DetailedPlanItem, Phase, Task

from .helpers import ApiClient

WORK = {"title": "Treo pano", "method": "Thuê đơn vị thi công", "deadline": "2020-09-01"}


def _task(world, secretariat_access) -> Task:
    return services.task_create(
        access=secretariat_access,
        fields=services.TaskFields(
            title="Trang trí đường phố",
            lead_agency=world.agencies["btg"],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
        ),
    )


def test_the_lead_writes_sends_and_the_leader_returns_then_approves(
    world, secretariat_access, django_assert_max_num_queries
):
    task = _task(world, secretariat_access)
    officer = ApiClient(world.users["officer"])
    leader = ApiClient(world.users["leader"])
    base = f"/congresses/{world.congress.pk}"
    plan = f"{base}/tasks/{task.pk}/detailed-plan/"
    assert officer.get(plan).json() == {
        "task_id": task.pk,
        "status": None,
        "submitted_at": None,
        "reviewed_at": None,
        "return_comment": "",
        "items": [],
    }
    backwards = officer.post(plan + "items/", WORK | {"start_date": "02/09/2020"})
    assert backwards.status_code == 400
    assert backwards.json()["errors"]["deadline"] == [
        "Hạn hoàn thành không được trước ngày bắt đầu."
    ]
    first = officer.post(plan + "items/", WORK)
    assert first.status_code == 201, first.content
    second = officer.post(plan + "items/", WORK | {"title": "Dựng cổng chào"})
    item = f"{base}/detailed-items/{first.json()['id']}/"
    edited = officer.put(item, WORK | {"responsible": "Phòng Tuyên truyền"})
    assert edited.status_code == 200 and edited.json()["responsible"] == "Phòng Tuyên truyền"
    assert officer.delete(f"{base}/detailed-items/{second.json()['id']}/").status_code == 204
    assert leader.post(plan + "items/", WORK).status_code == 403

    sent = officer.post(plan + "send/")
    assert sent.status_code == 200 and sent.json()["status"] == "submitted"
    locked = officer.put(item, WORK)
    assert locked.status_code == 400
    silent = leader.post(plan + "review/", {"decision": "return"})
    assert silent.status_code == 400
    assert silent.json()["errors"]["comment"] == [
        "Khi trả lại kế hoạch chi tiết phải ghi rõ ý kiến."
    ]
    assert officer.post(plan + "review/", {"decision": "approve"}).status_code == 403
    returned = leader.post(plan + "review/", {"decision": "return", "comment": "Thêm mốc"})
    assert returned.status_code == 200 and returned.json()["return_comment"] == "Thêm mốc"

    assert officer.put(item, WORK | {"start_date": "2020-08-01"}).status_code == 200
    assert officer.post(plan + "send/").json()["status"] == "submitted"
    approved = leader.post(plan + "review/", {"decision": "approve"})
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    moved = officer.post(item + "progress/", {"progress": 60})
    assert moved.status_code == 200 and moved.json()["progress"] == 60
    assert Task.objects.get(pk=task.pk).progress == 60
    out_of_range = officer.post(item + "progress/", {"progress": 130})
    assert out_of_range.status_code == 400 and "progress" in out_of_range.json()["errors"]

    for n in range(3):
        DetailedPlanItem.objects.create(
            plan=task.detailed_plan,
            position=n + 2,
            title=f"Việc {n}",
            method="-",
            deadline="2020-09-01",
        )
    with django_assert_max_num_queries(10):
        read = leader.get(plan)
    assert len(read.json()["items"]) == 4


def test_another_agency_and_congress_do_not_see_it_and_a_reader_writes_nothing(
    world, secretariat_access
):
    task = _task(world, secretariat_access)
    plan = f"/congresses/{world.congress.pk}/tasks/{task.pk}/detailed-plan/"
    assert ApiClient(world.users["officer2"]).get(plan).status_code == 404
    assert ApiClient(world.users["officer2"]).post(plan + "items/", WORK).status_code == 404
    other = f"/congresses/{world.other.pk}/tasks/{task.pk}/detailed-plan/"
    assert ApiClient(world.users["outsider"]).get(other).status_code == 404
    reader = ApiClient(world.users["officer"], scope=Scope.READ)
    assert reader.get(plan).status_code == 200
    assert reader.post(plan + "items/", WORK).status_code == 403
    refused = ApiClient(world.users["secretariat"]).post(plan + "items/", WORK)
    assert refused.status_code == 403
    assert refused.json()["detail"] == (
        "Chỉ cán bộ của đơn vị chủ trì mới lập kế hoạch chi tiết cho nhiệm vụ này."
    )
    assert not DetailedPlanItem.objects.filter(plan__task=task).exists()


def test_the_list_shows_where_each_plan_stands(
    world, secretariat_access, django_assert_max_num_queries
):
    sent, fresh = _task(world, secretariat_access), _task(world, secretariat_access)
    # The secretariat asked for this one's plan by a date now past; none was written.
    Task.objects.filter(pk=fresh.pk).update(detailed_plan_due=dt.date(2020, 1, 1))
    officer = ApiClient(world.users["officer"])
    base = f"/congresses/{world.congress.pk}"
    officer.post(f"{base}/tasks/{sent.pk}/detailed-plan/items/", WORK)
    assert officer.post(f"{base}/tasks/{sent.pk}/detailed-plan/send/").status_code == 200
    leader = ApiClient(world.users["leader"])
    with django_assert_max_num_queries(6):
        rows = leader.all(f"{base}/detailed-plans/")
    states = {r["task_id"]: (r["status"], r["late"]) for r in rows}
    assert states == {sent.pk: ("submitted", False), fresh.pk: (None, True)}
    waiting = leader.all(f"{base}/detailed-plans/", {"state": "submitted"})
    assert [r["task_id"] for r in waiting] == [sent.pk]
    wrong = leader.get(f"{base}/detailed-plans/", {"state": "lost"})
    assert wrong.status_code == 400 and "state" in wrong.json()["errors"]
    assert ApiClient(world.users["officer2"]).all(f"{base}/detailed-plans/") == []
