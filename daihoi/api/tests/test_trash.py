"""The recycle bin through the API: the secretariat lists the deleted records of each kind and
restores one through its app's own service (audited with the token); the others are refused,
another congress's record is no object."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from daihoi.api.models import Scope
from daihoi.core.models import AuditEntry
from daihoi.organizations.models import Participation
from daihoi.planning import services
from daihoi.planning.models import Area, Phase, Task

from .helpers import ApiClient

pytestmark = pytest.mark.django_db


def _binned_task(world, secretariat_access, title: str = "In pano tuyên truyền") -> Task:
    task = services.task_create(
        access=secretariat_access,
        fields=services.TaskFields(
            title=title,
            lead_agency=world.agencies["btg"],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
            deadline=dt.date(2020, 9, 30),
        ),
    )
    return services.task_delete(access=secretariat_access, task=task, reason="Nhập trùng")


def test_the_secretariat_restores_a_deleted_task(world, secretariat_access):
    task = _binned_task(world, secretariat_access)
    secretariat = ApiClient(world.users["secretariat"])
    c = f"/congresses/{world.congress.pk}/trash/"

    kinds = {k["key"]: k for k in secretariat.get(c).json()}
    assert kinds["task"] == {"key": "task", "label": "Nhiệm vụ", "count": 1}
    rows = secretariat.all(c + "task/")
    assert [(r["id"], r["description"]) for r in rows] == [(task.pk, "In pano tuyên truyền")]
    assert rows[0]["deleted_by"] == world.users["secretariat"].display_name

    restored = secretariat.post(f"{c}task/{task.pk}/restore/")
    assert restored.status_code == 200, restored.content
    assert restored.json()["deleted_at"] is None
    assert Task.objects.filter(pk=task.pk).exists()
    entry = AuditEntry.objects.filter(object_id=task.pk, action="task.restored").get()
    assert entry.data.get("api_token") == secretariat.token.prefix
    assert secretariat.all(c + "task/") == []
    again = secretariat.post(f"{c}task/{task.pk}/restore/")
    assert again.status_code == 404


def test_only_the_secretariat_uses_the_trash_and_others_see_no_record(world, secretariat_access):
    task = _binned_task(world, secretariat_access)
    c = f"/congresses/{world.congress.pk}/trash/"
    leader = ApiClient(world.users["leader"]).post(f"{c}task/{task.pk}/restore/")
    assert leader.status_code == 403
    assert leader.json()["detail"].startswith("Chỉ Thường trực / Văn phòng")
    assert ApiClient(world.users["officer"]).get(c + "task/").status_code == 403
    read_only = ApiClient(world.users["secretariat"], scope=Scope.READ)
    assert read_only.get(c + "task/").status_code == 200
    assert read_only.post(f"{c}task/{task.pk}/restore/").status_code == 403
    # An unknown kind of record answers 404, as the page.
    assert ApiClient(world.users["secretariat"]).get(c + "ghi-chu/").status_code == 404
    # The secretariat of the other congress: this congress's record is no object to them.
    Participation.objects.filter(user=world.users["outsider"]).update(role="secretariat")
    other = f"/congresses/{world.other.pk}/trash/task/{task.pk}/restore/"
    assert ApiClient(world.users["outsider"]).post(other).status_code == 404
    assert not Task.objects.filter(pk=task.pk).exists()


def test_a_kind_of_the_trash_is_listed_in_the_same_number_of_queries(
    world, secretariat_access, django_assert_max_num_queries
):
    _binned_task(world, secretariat_access)
    secretariat = ApiClient(world.users["secretariat"])
    path = f"/congresses/{world.congress.pk}/trash/task/"

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert secretariat.get(path).status_code == 200
        return len(queries)

    count()  # the token's first use is recorded once
    few = count()
    for number in range(4):
        _binned_task(world, secretariat_access, f"Nhiệm vụ trùng số {number}")
    assert count() == few
    with django_assert_max_num_queries(few):
        secretariat.get(path)
    assert len(secretariat.all(path)) == 5
