"""Pausing, cancelling and resuming a task, and the trash for tasks and progress reports,
through the API: the secretariat's, as on the task page."""

from daihoi.api.models import Scope
from daihoi.planning import services
from daihoi.planning.models import Area, Phase, Plan, ProgressUpdate, Task

from .helpers import ApiClient


def _task(world, secretariat_access, plan=None):
    return services.task_create(
        access=secretariat_access,
        fields=services.TaskFields(
            title="Trang trí khánh tiết hội trường",
            lead_agency=world.agencies["btg"],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
            plan=plan,
        ),
    )


def test_the_secretariat_pauses_resumes_and_cancels_a_task(world, secretariat_access):
    task = _task(world, secretariat_access)
    secretariat = ApiClient(world.users["secretariat"])
    path = f"/congresses/{world.congress.pk}/tasks/{task.pk}/"

    wrong = secretariat.post(path + "halt/", {"state": "stopped"})
    assert wrong.status_code == 400 and list(wrong.json()["errors"]) == ["state"]
    leader = ApiClient(world.users["leader"])
    refused = leader.post(path + "halt/", {"state": "paused"})
    assert refused.status_code == 403
    assert refused.json()["detail"] == (
        "Chỉ Thường trực / Văn phòng mới được tạm dừng hoặc hủy nhiệm vụ."
    )
    paused = secretariat.post(path + "halt/", {"state": "paused", "reason": "Chờ kinh phí"})
    assert paused.status_code == 200, paused.content
    assert paused.json()["paused"] is True
    resumed = secretariat.post(path + "halt/", {"state": "active"})
    assert resumed.json()["paused"] is False and resumed.json()["cancelled"] is False
    cancelled = secretariat.post(path + "halt/", {"state": "cancelled", "reason": "Không cần"})
    assert cancelled.json()["cancelled"] is True
    assert (
        ApiClient(world.users["officer2"]).post(path + "halt/", {"state": "active"}).status_code
        == 404
    )


def test_tasks_and_progress_reports_go_to_the_trash(world, secretariat_access, propaganda_access):
    task = _task(world, secretariat_access)
    update = services.task_report_progress(
        access=propaganda_access, task=task, text="Đang làm", percent=20
    )
    base = f"/congresses/{world.congress.pk}"
    officer = ApiClient(world.users["officer"])
    assert officer.get(f"{base}/progress/{update.pk}/").json()["text"] == "Đang làm"
    assert officer.delete(f"{base}/progress/{update.pk}/").status_code == 403
    secretariat = ApiClient(world.users["secretariat"])
    assert secretariat.delete(f"{base}/progress/{update.pk}/").status_code == 204
    assert not ProgressUpdate.objects.filter(pk=update.pk).exists()

    reader = ApiClient(world.users["secretariat"], scope=Scope.READ)
    assert reader.delete(f"{base}/tasks/{task.pk}/").status_code == 403
    outsider = ApiClient(world.users["outsider"])
    assert outsider.delete(f"/congresses/{world.other.pk}/tasks/{task.pk}/").status_code == 404
    assert officer.delete(f"{base}/tasks/{task.pk}/").status_code == 403
    assert secretariat.delete(f"{base}/tasks/{task.pk}/?reason=Trùng").status_code == 204
    assert secretariat.get(f"{base}/tasks/{task.pk}/").status_code == 404
    assert not Task.objects.filter(pk=task.pk).exists()


def test_the_secretariat_edits_a_plan_and_a_plan_with_tasks_stays(world, secretariat_access):
    secretariat = ApiClient(world.users["secretariat"])
    base = f"/congresses/{world.congress.pk}/plans/"
    body = {"number": 268, "issuer_code": "UBND", "issued_on": "08/08/2019", "subject": "Phục vụ"}
    plan = secretariat.post(base, body).json()
    path = f"{base}{plan['id']}/"
    assert ApiClient(world.users["leader"]).put(path, body).status_code == 403
    stale = secretariat.put(path, body | {"subject": "Mới", "version": plan["version"] - 1})
    assert stale.status_code == 409
    bad = secretariat.put(path, body | {"issued_on": "31/02/2019"})
    assert bad.status_code == 400 and "issued_on" in bad.json()["errors"]
    edited = secretariat.put(
        path, body | {"subject": "Phục vụ Đại hội Đảng bộ tỉnh", "version": plan["version"]}
    )
    assert edited.status_code == 200, edited.content
    assert edited.json()["subject"] == "Phục vụ Đại hội Đảng bộ tỉnh"

    task = _task(world, secretariat_access, plan=Plan.objects.get(pk=plan["id"]))
    kept = secretariat.delete(path)
    assert kept.status_code == 400 and kept.json()["detail"]
    services.task_delete(access=secretariat_access, task=task)
    assert secretariat.delete(path).status_code == 204
    assert secretariat.get(path).status_code == 404
