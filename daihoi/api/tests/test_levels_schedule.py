"""The parent's side through the API: the schedule of the congresses below, its deadlines per
level, a new congress below and the link to the congress above; the pages' rules and messages."""

import datetime as dt

from daihoi.api.models import Scope
from daihoi.levels.models import LevelDeadline, ScheduleEntry
from daihoi.levels.tests.helpers import build_tree
from daihoi.organizations.models import Congress

from .helpers import ApiClient


def test_the_secretariat_keeps_the_schedule_of_a_congress_below_with_its_version(world):
    child_id = build_tree(world)["child_id"]
    secretariat = ApiClient(world.users["secretariat"])
    base = f"/congresses/{world.congress.pk}/schedule-below/"

    read = secretariat.get(base)
    assert read.status_code == 200, read.content
    [row] = read.json()["rows"]
    assert row["congress_id"] == child_id and row["planned_date"] == "2020-07-15"
    assert row["state"] == "not_started" and row["deadline"]["deadline"] == "2020-08-31"
    assert {c["state"]: c["count"] for c in read.json()["counts"]}["not_started"] == 1
    assert [a["id"] for a in read.json()["ancestors"]] == [world.national.pk]

    body = {"state": "held", "planned_date": "15/07/2020", "version": row["version"]}
    missing = secretariat.put(f"{base}{child_id}/", body)
    assert missing.status_code == 400
    assert missing.json()["errors"]["held_date"] == ["Đại hội đã tổ chức cần ghi ngày tổ chức."]

    saved = secretariat.put(f"{base}{child_id}/", body | {"held_date": "2020-07-16"})
    assert saved.status_code == 200, saved.content
    assert saved.json()["state"] == "held" and saved.json()["held_date"] == "2020-07-16"
    assert saved.json()["version"] == row["version"] + 1
    stale = secretariat.put(f"{base}{child_id}/", body | {"held_date": "17/07/2020"})
    assert stale.status_code == 409
    assert ScheduleEntry.objects.get(congress_id=child_id).held_date == dt.date(2020, 7, 16)

    leader = ApiClient(world.users["leader"])
    assert leader.get(base).status_code == 200
    refused = leader.put(f"{base}{child_id}/", {"state": "preparing"})
    assert refused.status_code == 403
    assert ApiClient(world.users["officer"]).get(base).status_code == 403
    assert (
        ApiClient(world.users["secretariat"], scope=Scope.READ)
        .put(f"{base}{child_id}/", {"state": "preparing"})
        .status_code
        == 403
    )
    # The congress beside cannot reach the district through its own congress.
    sibling = ApiClient(world.users["sibling"])
    beside = f"/congresses/{world.other.pk}/schedule-below/{child_id}/"
    assert sibling.put(beside, {"state": "preparing"}).status_code == 404
    # The national congress reads the district below but keeps only its direct subordinates.
    parent = ApiClient(world.users["parent"])
    further = parent.put(
        f"/congresses/{world.national.pk}/schedule-below/{child_id}/", {"state": "held"}
    )
    assert further.status_code == 403
    assert further.json()["detail"] == (
        "Lịch của Đại hội này do Đại hội cấp trên trực tiếp của nó quản lý."
    )
    assert ScheduleEntry.objects.get(congress_id=child_id).state == "held"


def test_a_congress_below_is_created_with_the_pages_messages(world):
    build_tree(world)
    secretariat = ApiClient(world.users["secretariat"])
    path = f"/congresses/{world.congress.pk}/subordinates/"
    body = {
        "name": "Đại hội đại biểu Đảng bộ huyện Sa Thầy",
        "organization": "Đảng bộ huyện Sa Thầy",
        "level": "district",
        "ordinal": 17,
        "term_start": 2020,
        "term_end": 2025,
        "planned_date": "01/08/2020",
        "is_pilot": True,
    }
    created = secretariat.post(path, body)
    assert created.status_code == 201, created.content
    child = Congress.objects.get(pk=created.json()["id"])
    assert child.parent_id == world.congress.pk and child.schedule_entry.is_pilot
    again = secretariat.post(path, body)
    assert again.status_code == 400
    assert again.json()["errors"]["name"] == ["Đã có Đại hội cấp dưới cùng tên."]
    backwards = secretariat.post(path, body | {"name": "Khác", "term_end": 2019})
    assert backwards.json()["errors"]["term_end"] == ["Năm cuối nhiệm kỳ phải sau năm đầu."]
    assert ApiClient(world.users["leader"]).post(path, body).status_code == 403
    sibling = ApiClient(world.users["sibling"])
    assert sibling.post(path, body | {"name": "Đại hội khác"}).status_code == 404
    assert Congress.objects.filter(parent=world.congress).count() == 2


def test_deadlines_per_level_are_set_read_and_removed(world):
    deadline_id = build_tree(world)["deadline_id"]
    secretariat = ApiClient(world.users["secretariat"])
    path = f"/congresses/{world.congress.pk}/level-deadlines/"
    assert [d["id"] for d in secretariat.get(path).json()] == [deadline_id]

    moved = secretariat.post(path, {"level": "district", "deadline": "15/08/2020", "text": "X"})
    assert moved.status_code == 200, moved.content
    assert moved.json()["id"] == deadline_id and moved.json()["deadline"] == "2020-08-15"
    above = secretariat.post(path, {"level": "national", "deadline": "15/08/2020"})
    assert above.status_code == 400 and "level" in above.json()["errors"]

    assert ApiClient(world.users["leader"]).delete(f"{path}{deadline_id}/").status_code == 403
    sibling = ApiClient(world.users["sibling"])
    other = f"/congresses/{world.other.pk}/level-deadlines/{deadline_id}/"
    assert sibling.delete(other).status_code == 404
    assert secretariat.delete(f"{path}{deadline_id}/").status_code == 204
    assert not LevelDeadline.objects.filter(pk=deadline_id).exists()
    assert secretariat.delete(f"{path}{deadline_id}/").status_code == 404


def test_only_the_administrator_sets_the_congress_above(world):
    build_tree(world)
    path = f"/congresses/{world.congress.pk}/parent/"
    refused = ApiClient(world.users["secretariat"]).put(path, {"parent": None})
    assert refused.status_code == 403
    assert refused.json()["detail"] == "Chỉ Quản trị hệ thống mới được đặt Đại hội cấp trên."
    admin = ApiClient(world.admin)
    loop = admin.put(f"/congresses/{world.national.pk}/parent/", {"parent": world.district.pk})
    assert loop.status_code == 400
    root = admin.put(path, {"parent": None})
    assert root.status_code == 200, root.content
    assert root.json()["parent_id"] is None
    assert Congress.objects.get(pk=world.congress.pk).parent_id is None
    assert admin.put(path, {"parent": world.national.pk}).json()["parent_id"] == world.national.pk


def test_the_schedule_takes_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    import datetime as dt

    from daihoi.accounts.models import Role
    from daihoi.levels import services
    from daihoi.organizations.permissions import Access

    build_tree(world)
    secretariat = Access(world.users["secretariat"], world.congress, Role.SECRETARIAT)
    for i in range(5):
        services.subordinate_create(
            access=secretariat,
            fields=services.SubordinateFields(
                name=f"Đại hội Đảng bộ huyện số {i}",
                organization=f"Đảng bộ huyện số {i}",
                level=Congress.Level.DISTRICT,
                ordinal=10,
                term_start=2020,
                term_end=2025,
                planned_date=dt.date(2020, 6, 1 + i),
            ),
        )
    client = ApiClient(world.users["secretariat"])
    with django_assert_max_num_queries(12):
        response = client.get(f"/congresses/{world.congress.pk}/schedule-below/")
    assert response.status_code == 200 and len(response.json()["rows"]) == 6
