"""Guidance down the tree through the API: written, its tasks added and edited with their
version, sent to a level and delivered by the worker as tasks of the congress below, which
reads what it received; a report asked of the congresses below. The pages' rules and messages."""

import pytest

from daihoi.levels.models import GuidanceRecipient
from daihoi.levels.tests.helpers import build_tree, guidance_objects
from daihoi.planning.models import Task
from daihoi.reporting.models import ReportRequest
from daihoi.testing.mail import run_worker

from .helpers import ApiClient


@pytest.mark.django_db(transaction=True)
def test_a_guidance_is_written_sent_to_a_level_and_delivered_below(world):
    build_tree(world)
    guidance_objects(world)  # the district's office and the national congress's
    secretariat = ApiClient(world.users["secretariat"])
    base = f"/congresses/{world.congress.pk}/guidances/"

    created = secretariat.post(base, {"kind": "guidance", "title": "Hướng dẫn bảo đảm an ninh"})
    assert created.status_code == 201, created.content
    guidance = created.json()["id"]
    empty = secretariat.post(f"{base}{guidance}/send/", {"level": "district"})
    assert empty.status_code == 400
    assert empty.json()["detail"] == "Hướng dẫn chưa có nhiệm vụ nào để giao."

    wrong = secretariat.post(
        f"{base}{guidance}/items/", {"title": "X", "area": "propaganda", "deadline": "mai"}
    )
    assert wrong.status_code == 400 and "deadline" in wrong.json()["errors"]
    item = secretariat.post(
        f"{base}{guidance}/items/",
        {"title": "Rà soát phương án bảo vệ", "area": "propaganda", "deadline": "D-30"},
    )
    assert item.status_code == 201, item.content
    assert item.json()["offset_days"] == -30
    item_path = f"{base}{guidance}/items/{item.json()['id']}/"
    body = {"title": "Rà soát, diễn tập phương án bảo vệ", "area": "propaganda"}
    edited = secretariat.put(item_path, body | {"version": item.json()["version"]})
    assert edited.status_code == 200 and edited.json()["revision"] == 2
    stale = secretariat.put(item_path, body | {"version": item.json()["version"]})
    assert stale.status_code == 409

    no_one = secretariat.post(f"{base}{guidance}/send/", {})
    assert no_one.json()["errors"]["__all__"] == ["Chọn một cấp hoặc ít nhất một Đại hội cấp dưới."]
    assert (
        ApiClient(world.users["leader"])
        .post(f"{base}{guidance}/send/", {"level": "district"})
        .status_code
        == 403
    )
    sent = secretariat.post(f"{base}{guidance}/send/", {"level": "district"})
    assert sent.status_code == 202, sent.content
    run_worker()
    progress = secretariat.get(f"{base}{guidance}/sends/{sent.json()['id']}/").json()
    assert progress["done"] == progress["total"] == 1
    task = Task.objects.get(congress=world.district, title="Rà soát, diễn tập phương án bảo vệ")
    detail = secretariat.get(f"{base}{guidance}/").json()
    assert [i["title"] for i in detail["items"]] == [task.title]
    recipients = secretariat.all(f"{base}{guidance}/recipients/")
    assert [r["congress"]["id"] for r in recipients] == [world.district.pk]
    assert recipients[0]["task_count"] == 1 and recipients[0]["done_count"] == 0
    again = secretariat.post(f"{base}{guidance}/send/", {"congresses": [world.district.pk]})
    assert (
        again.status_code == 400
        and "không gửi lại lần hai" in again.json()["errors"]["congress_ids"][0]
    )

    # The congress beside sees nothing of it, through its own congress or the world's.
    sibling = ApiClient(world.users["sibling"])
    assert sibling.get(f"/congresses/{world.other.pk}/guidances/{guidance}/").status_code == 404
    assert sibling.get(f"{base}{guidance}/").status_code == 404
    assert ApiClient(world.users["member"]).get(f"{base}{guidance}/").status_code == 404


def test_the_congress_below_reads_the_guidance_it_received(world):
    build_tree(world)
    recipient_id = guidance_objects(world)["recipient_id"]
    base = f"/congresses/{world.congress.pk}/guidances-received/"
    secretariat = ApiClient(world.users["secretariat"])
    [received] = secretariat.all(base)
    assert received["id"] == recipient_id and received["congress"]["id"] == world.national.pk
    assert received["task_count"] == 1
    detail = secretariat.get(f"{base}{recipient_id}/").json()
    assert [t["item_title"] for t in detail["tasks"]] == ["Treo băng rôn chào mừng"]
    # An officer of an agency that leads none of its tasks sees the guidance, not the tasks.
    lead = Task.objects.get(pk=detail["tasks"][0]["task_id"]).lead_agency_id
    officer = next(
        k for k in ("officer", "officer2") if world.users[k].participations.get().agency_id != lead
    )
    assert ApiClient(world.users[officer]).get(f"{base}{recipient_id}/").json()["tasks"] == []
    assert ApiClient(world.users[officer]).get(base).status_code == 403
    sibling = ApiClient(world.users["sibling"])
    assert (
        sibling.get(f"/congresses/{world.other.pk}/guidances-received/{recipient_id}/").status_code
        == 404
    )
    assert GuidanceRecipient.objects.filter(congress=world.other).count() == 0


def test_the_congresses_below_are_asked_for_a_report(world):
    build_tree(world)
    guidance_objects(world)
    secretariat = ApiClient(world.users["secretariat"])
    path = f"/congresses/{world.congress.pk}/report-requests-below/"
    body = {
        "title": "Báo cáo tiến độ đại hội",
        "deadline": "31/12/2099",
        "columns": "Số chi bộ | số",
    }
    nobody = secretariat.post(path, body)
    assert nobody.status_code == 400
    assert nobody.json()["errors"]["__all__"] == ["Chọn một cấp hoặc ít nhất một Đại hội cấp dưới."]
    asked = secretariat.post(path, body | {"congresses": [world.district.pk]})
    assert asked.status_code == 201, asked.content
    request = ReportRequest.objects.get(pk=asked.json()["id"])
    assert list(request.congress_recipients.values_list("congress_id", flat=True)) == [
        world.district.pk
    ]
    assert (
        ApiClient(world.users["leader"]).post(path, body | {"level": "district"}).status_code == 403
    )
    sibling = ApiClient(world.users["sibling"])
    beside = f"/congresses/{world.other.pk}/report-requests-below/"
    refused = sibling.post(beside, body | {"congresses": [world.district.pk]})
    assert refused.status_code == 400 and "congresses" in refused.json()["errors"]


def test_the_guidance_list_takes_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    from daihoi.accounts.models import Role
    from daihoi.levels import services
    from daihoi.organizations.permissions import Access

    build_tree(world)
    acting = Access(world.users["secretariat"], world.congress, Role.SECRETARIAT)
    for i in range(5):
        services.guidance_create(access=acting, kind="guidance", title=f"Hướng dẫn số {i}")
    client = ApiClient(world.users["secretariat"])
    with django_assert_max_num_queries(8):
        response = client.get(f"/congresses/{world.congress.pk}/guidances/")
    assert response.status_code == 200 and len(response.json()["results"]) == 5


def test_the_received_list_takes_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    from daihoi.accounts.models import Role
    from daihoi.levels import services
    from daihoi.organizations.permissions import Access
    from daihoi.planning.models import Area

    build_tree(world)
    guidance_objects(world)
    national = Access(world.users["parent"], world.national, Role.SECRETARIAT)
    for i in range(4):
        guidance = services.guidance_create(access=national, kind="guidance", title=f"Số {i}")
        services.guidance_item_add(
            access=national,
            guidance=guidance,
            fields=services.ItemFields(title=f"Nhiệm vụ {i}", area=Area.PROPAGANDA),
        )
        send = services.guidance_send(
            access=national, guidance=guidance, congress_ids=[world.congress.pk]
        )
        services.deliver(send.pk)
    client = ApiClient(world.users["secretariat"])
    with django_assert_max_num_queries(8):
        response = client.get(f"/congresses/{world.congress.pk}/guidances-received/")
    assert response.status_code == 200 and len(response.json()["results"]) == 5


def test_the_recipients_list_takes_a_fixed_number_of_queries(world, django_assert_max_num_queries):
    import datetime as dt

    from daihoi.accounts.models import Role
    from daihoi.levels import services
    from daihoi.organizations.models import Agency, Congress
    from daihoi.organizations.permissions import Access
    from daihoi.planning.models import Area

    build_tree(world)
    acting = Access(world.users["secretariat"], world.congress, Role.SECRETARIAT)
    below = []
    for i in range(4):
        child = services.subordinate_create(
            access=acting,
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
        Agency.objects.create(congress=child, name="Văn phòng Huyện ủy", is_issuer=True)
        below.append(child.pk)
    guidance = services.guidance_create(access=acting, kind="guidance", title="Hướng dẫn chung")
    services.guidance_item_add(
        access=acting,
        guidance=guidance,
        fields=services.ItemFields(title="Treo khẩu hiệu", area=Area.PROPAGANDA),
    )
    services.deliver(
        services.guidance_send(access=acting, guidance=guidance, congress_ids=below).pk
    )
    client = ApiClient(world.users["secretariat"])
    path = f"/congresses/{world.congress.pk}/guidances/{guidance.pk}/recipients/"
    with django_assert_max_num_queries(8):
        response = client.get(path)
    assert response.status_code == 200
    assert sorted(r["congress"]["id"] for r in response.json()["results"]) == below
    assert {r["task_count"] for r in response.json()["results"]} == {1}
