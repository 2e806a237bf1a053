from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from daihoi.organizations.models import Agency, Area, Committee, Membership, Person


def _url(name: str, world, *args: int) -> str:
    return reverse(f"organizations:{name}", args=[world.congress.pk, *args])


def test_the_secretariat_founds_a_committee_and_adds_a_member_with_duties(world, client):
    client.force_login(world.users["secretariat"])
    response = client.post(
        _url("committee-create", world),
        {
            "kind": Committee.Kind.WORKING_GROUP,
            "name": "Tổ trang trí khánh tiết",
            "parent": world.committee.pk,
            "functions": "Giúp Tiểu ban chỉ đạo trang trí.",
            "duties": "Trang trí hội trường\nPano tuyến phố",
        },
    )
    group = Committee.objects.get(name="Tổ trang trí khánh tiết")
    assert response.status_code == 302 and group.parent == world.committee
    person = Person.objects.create(congress=world.congress, full_name="Võ Minh Trí")
    response = client.post(
        _url("membership-add", world, group.pk),
        {
            "person": person.pk,
            "role": Membership.Role.GROUP_LEADER,
            "duties": "Điều hành tổ",
            "areas": [Area.CEREMONY],
            "supervised_agencies": [world.agencies["svh"].pk],
        },
    )
    assert response.status_code == 302
    page = client.get(_url("committee-detail", world, group.pk)).content.decode()
    assert "Võ Minh Trí" in page and "Điều hành tổ" in page and "Khánh tiết, trang trí" in page
    assert "Thêm thành viên" in page  # the history and the edit links are shown to the manager


def test_a_circular_parent_is_shown_on_the_form_and_nothing_is_saved(world, client):
    group = Committee.objects.create(
        congress=world.congress,
        kind=Committee.Kind.WORKING_GROUP,
        name="Tổ A",
        parent=world.committee,
    )
    client.force_login(world.users["secretariat"])
    response = client.post(
        _url("committee-edit", world, world.committee.pk),
        {"kind": world.committee.kind, "name": world.committee.name, "parent": group.pk},
    )
    assert response.status_code == 200
    assert "vòng lặp" in response.content.decode()
    world.committee.refresh_from_db()
    assert world.committee.parent is None


def test_a_blank_committee_name_and_an_unknown_person_get_vietnamese_messages(world, client):
    client.force_login(world.users["secretariat"])
    response = client.post(_url("committee-create", world), {"kind": "service", "name": ""})
    assert "Trường này là bắt buộc" in response.content.decode()
    response = client.post(
        _url("membership-add", world, world.committee.pk), {"person": 999999, "role": "member"}
    )
    assert response.status_code == 200
    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()
    assert Committee.objects.filter(congress=world.congress).count() == 1
    assert world.committee.memberships.count() == 1


def test_a_member_of_another_committee_answers_404(world, client):
    other = Committee.objects.create(
        congress=world.congress, kind=Committee.Kind.PERSONNEL, name="Tiểu ban Nhân sự"
    )
    membership = world.committee.memberships.get()
    client.force_login(world.users["secretariat"])
    assert client.get(_url("membership-edit", world, other.pk, membership.pk)).status_code == 404
    response = client.post(_url("membership-remove", world, other.pk, membership.pk))
    assert response.status_code == 404
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_an_officer_of_agency_a_gets_404_for_agency_bs_leader_page(world, client):
    leader = Person.objects.create(
        congress=world.congress, full_name="Phạm Minh Đức", agency=world.agencies["stc"]
    )
    client.force_login(world.users["officer"])  # Ban Tuyên giáo
    url = _url("leader-edit", world, world.agencies["stc"].pk)
    assert client.get(url).status_code == 404
    assert client.post(url, {"leader": leader.pk}).status_code == 404
    assert Agency.objects.get(pk=world.agencies["stc"].pk).leader_in_charge is None


def test_an_officer_names_their_agencys_leader_from_its_own_people(world, client):
    own = Person.objects.create(
        congress=world.congress, full_name="Phạm Minh Đức", agency=world.agencies["btg"]
    )
    Person.objects.create(
        congress=world.congress, full_name="Người sở khác", agency=world.agencies["stc"]
    )
    client.force_login(world.users["officer"])
    url = _url("leader-edit", world, world.agencies["btg"].pk)
    page = client.get(url).content.decode()
    assert "Phạm Minh Đức" in page and "Người sở khác" not in page
    response = client.post(url, {"leader": own.pk, "focal_people": [own.pk]})
    assert response.status_code == 302
    assert Agency.objects.get(pk=world.agencies["btg"].pk).leader_in_charge == own
    # Back on the page, its history says who named whom.
    page = client.get(url).content.decode()
    assert "Phân công lãnh đạo phụ trách, cán bộ đầu mối" in page and "→ Phạm Minh Đức" in page


def test_the_leader_form_refuses_neither_and_both(world, client):
    own = Person.objects.create(
        congress=world.congress, full_name="Phạm Minh Đức", agency=world.agencies["btg"]
    )
    client.force_login(world.users["secretariat"])
    url = _url("leader-edit", world, world.agencies["btg"].pk)
    assert "Chọn đồng chí lãnh đạo" in client.post(url, {"leader": ""}).content.decode()
    response = client.post(url, {"leader": own.pk, "new_leader_name": "Người mới"})
    assert "không cả hai" in response.content.decode()
    assert not Person.objects.filter(full_name="Người mới").exists()


def _people(world, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        agency = Agency.objects.create(congress=world.congress, name=f"Huyện ủy số {i}")
        person = Person.objects.create(
            congress=world.congress, full_name=f"Cán bộ {i}", agency=agency
        )
        agency.leader_in_charge = person
        agency.save()
        agency.focal_people.set([person])


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_the_people_and_leader_lists_read_in_fixed_queries(world, client):
    client.force_login(world.users["secretariat"])
    _people(world, 2)
    few = [_queries(client, _url(name, world)) for name in ("person-list", "leader-list")]
    _people(world, 18, start=2)
    many = [_queries(client, _url(name, world)) for name in ("person-list", "leader-list")]
    assert few == many


def test_the_leader_list_shows_the_agencies_without_a_leader_first(world, client):
    _people(world, 1)
    client.force_login(world.users["secretariat"])
    page = client.get(_url("leader-list", world)).content.decode()
    assert "5 cơ quan chưa phân công" in page
    assert page.index("Ban Tuyên giáo") < page.index("Huyện ủy số 0")
    missing = client.get(_url("leader-list", world) + "?chua=1").content.decode()
    assert "Huyện ủy số 0" not in missing
