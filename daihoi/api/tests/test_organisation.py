"""People, committees and members through the API: the secretariat adds and edits them with
the pages' forms and messages; a stale version is a conflict; other roles only read."""

from daihoi.organizations.models import Committee, Membership, Person

from .helpers import ApiClient


def test_the_secretariat_adds_a_person_and_a_committee_and_seats_and_removes_a_member(world):
    api = ApiClient(world.users["secretariat"])
    base = f"/congresses/{world.congress.pk}"
    added = api.post(
        f"{base}/people/",
        {
            "full_name": "Hoàng Thị Thư Ký",
            "titles": "Chuyên viên",
            "agency": world.agencies["vptu"].pk,
        },
    )
    assert added.status_code == 201, added.content
    person = added.json()
    renamed = api.put(
        f"{base}/people/{person['id']}/",
        {
            "full_name": "Hoàng Thị Thư",
            "titles": "Phó Chánh Văn phòng",
            "version": person["version"],
        },
    )
    assert renamed.status_code == 200, renamed.content
    stale = api.put(
        f"{base}/people/{person['id']}/",
        {"full_name": "Hoàng Thư", "version": person["version"]},
    )
    assert stale.status_code == 409
    assert Person.objects.get(pk=person["id"]).full_name == "Hoàng Thị Thư"

    founded = api.post(f"{base}/committees/", {"kind": "working_group", "name": "Tổ thư ký"})
    assert founded.status_code == 201, founded.content
    committee = founded.json()
    members = f"{base}/committees/{committee['id']}/members/"
    seated = api.post(
        members,
        {
            "person": person["id"],
            "role": "head",
            "areas": ["propaganda"],
            "supervised_agencies": [world.agencies["btg"].pk],
        },
    )
    assert seated.status_code == 201, seated.content
    assert seated.json()["supervised_agency_ids"] == [world.agencies["btg"].pk]
    second_head = api.post(members, {"person": world.chair.pk, "role": "head"})
    assert second_head.status_code == 400
    assert second_head.json()["errors"]
    membership_id = seated.json()["id"]
    changed = api.put(f"{members}{membership_id}/", {"role": "member", "duties": "Ghi biên bản"})
    assert changed.status_code == 200 and changed.json()["role"] == "member"
    assert api.get(f"{base}/committees/{committee['id']}/").json()["memberships"][0]["duties"] == (
        "Ghi biên bản"
    )
    assert api.delete(f"{members}{membership_id}/").status_code == 204
    assert not Membership.objects.filter(pk=membership_id).exists()


def test_refusals_name_the_field_in_the_pages_words(world):
    api = ApiClient(world.users["secretariat"])
    base = f"/congresses/{world.congress.pk}"
    nameless = api.post(f"{base}/people/", {"full_name": "   "})
    assert nameless.status_code == 400 and "full_name" in nameless.json()["errors"]
    wrong_kind = api.post(f"{base}/committees/", {"kind": "club", "name": "Câu lạc bộ"})
    assert wrong_kind.status_code == 400 and "kind" in wrong_kind.json()["errors"]
    foreign = api.post(
        f"{base}/committees/{world.committee.pk}/members/",
        {
            "person": Person.objects.create(congress=world.other, full_name="Người ngoài").pk,
            "role": "member",
        },
    )
    assert foreign.status_code == 400 and "person" in foreign.json()["errors"]
    assert not Committee.objects.filter(name="Câu lạc bộ").exists()


def test_an_officer_reads_people_and_committees_but_changes_nothing(world):
    officer = ApiClient(world.users["officer"])
    base = f"/congresses/{world.congress.pk}"
    assert officer.get(f"{base}/people/{world.chair.pk}/").status_code == 200
    refused = officer.put(f"{base}/people/{world.chair.pk}/", {"full_name": "Đổi tên"})
    assert refused.status_code == 403
    assert refused.json()["detail"] == "Chỉ Thường trực / Văn phòng mới được thêm, sửa cán bộ."
    membership = world.committee.memberships.get()
    path = f"{base}/committees/{world.committee.pk}/members/{membership.pk}/"
    assert officer.delete(path).status_code == 403
    assert Membership.objects.filter(pk=membership.pk).exists()
