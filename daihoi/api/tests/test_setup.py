"""The set-up through the API: the secretariat edits its congress, adds, edits and merges
agencies and keeps the groups of agencies, with the pages' forms and messages; other roles are
refused, another congress's objects are not found, a read-only token writes nothing."""

from daihoi.api.models import Scope
from daihoi.core.audit import history_of
from daihoi.organizations.models import Agency, AgencyGroup, Congress, Person
from daihoi.planning import services as planning_services
from daihoi.planning.models import Area, Phase, Task

from .helpers import ApiClient
from .table import CONGRESS_BODY


def test_the_secretariat_edits_the_congress_with_the_version_it_read(world):
    api = ApiClient(world.users["secretariat"])
    path = f"/congresses/{world.congress.pk}/"
    version = Congress.objects.get(pk=world.congress.pk).version
    edited = api.put(path, CONGRESS_BODY | {"venue": "Hội trường A", "version": version})
    assert edited.status_code == 200, edited.content
    assert edited.json()["venue"] == "Hội trường A"
    assert edited.json()["role"] == "secretariat"
    stale = api.put(path, CONGRESS_BODY | {"venue": "Hội trường B", "version": version})
    assert stale.status_code == 409
    backwards = api.put(path, CONGRESS_BODY | {"term_end": 2019})
    assert backwards.status_code == 400
    assert backwards.json()["errors"]["term_end"] == ["Năm kết thúc nhiệm kỳ phải sau năm bắt đầu."]
    congress = Congress.objects.get(pk=world.congress.pk)
    assert (congress.venue, congress.term_end) == ("Hội trường A", 2025)
    assert history_of(congress)[0].data.get("api_token") == api.token.prefix


def test_the_secretariat_adds_edits_and_merges_agencies(world, secretariat_access):
    api = ApiClient(world.users["secretariat"])
    base = f"/congresses/{world.congress.pk}/agencies/"
    vptu = world.agencies["vptu"].pk
    added = api.post(base, {"name": "Sở Nội vụ", "code": "snv", "parent": vptu})
    assert added.status_code == 201, added.content
    agency = added.json()
    assert (agency["code"], agency["parent_id"]) == ("SNV", world.agencies["vptu"].pk)
    twice = api.post(base, {"name": "Sở Nội vụ"})
    assert twice.status_code == 400 and "name" in twice.json()["errors"]
    version = Agency.objects.get(pk=agency["id"]).version
    renamed = api.put(f"{base}{agency['id']}/", {"name": "Sở Nội vụ tỉnh", "version": version})
    assert renamed.status_code == 200 and renamed.json()["name"] == "Sở Nội vụ tỉnh"
    own_parent = api.put(f"{base}{agency['id']}/", {"name": "Sở Nội vụ", "parent": agency["id"]})
    assert own_parent.status_code == 400 and "parent" in own_parent.json()["errors"]

    # A task of the duplicate moves to the agency kept.
    task = planning_services.task_create(
        access=secretariat_access,
        fields=planning_services.TaskFields(
            title="Rà soát hồ sơ nhân sự",
            lead_agency=Agency.objects.get(pk=agency["id"]),
            area=Area.PERSONNEL,
            phase=Phase.BEFORE,
        ),
    )
    into_itself = api.post(f"{base}{agency['id']}/merge/", {"target": agency["id"]})
    assert into_itself.status_code == 400 and "target" in into_itself.json()["errors"]
    merged = api.post(f"{base}{agency['id']}/merge/", {"target": world.agencies["vptu"].pk})
    assert merged.status_code == 200, merged.content
    assert merged.json()["id"] == world.agencies["vptu"].pk
    assert not Agency.objects.filter(pk=agency["id"]).exists()
    assert Task.objects.get(pk=task.pk).lead_agency_id == world.agencies["vptu"].pk


def test_the_secretariat_keeps_groups_of_agencies(world, django_assert_max_num_queries):
    api = ApiClient(world.users["secretariat"])
    base = f"/congresses/{world.congress.pk}/agency-groups/"
    empty = api.post(base, {"name": "Các sở", "agencies": []})
    assert empty.status_code == 400 and "agencies" in empty.json()["errors"]
    foreign = api.post(base, {"name": "Các sở", "agencies": [world.other_agency.pk]})
    assert foreign.status_code == 400 and "agencies" in foreign.json()["errors"]
    made = api.post(
        base, {"name": "Các sở", "agencies": [world.agencies["svh"].pk, world.agencies["stc"].pk]}
    )
    assert made.status_code == 201, made.content
    group = made.json()
    assert sorted(group["agency_ids"]) == sorted(
        [world.agencies["svh"].pk, world.agencies["stc"].pk]
    )
    edited = api.put(
        f"{base}{group['id']}/",
        {"name": "Các sở, ngành", "agencies": [world.agencies["svh"].pk], "version": 1},
    )
    assert edited.status_code == 200 and edited.json()["agency_ids"] == [world.agencies["svh"].pk]
    one = [world.agencies["svh"].pk]
    stale = api.put(f"{base}{group['id']}/", {"name": "Sở", "agencies": one, "version": 1})
    assert stale.status_code == 409
    for n in range(5):
        AgencyGroup.objects.create(congress=world.congress, name=f"Nhóm {n}").agencies.set(
            [world.agencies["btg"], world.agencies["ca"]]
        )
    with django_assert_max_num_queries(8):
        rows = api.all(base)
    assert len(rows) == 6
    assert api.delete(f"{base}{group['id']}/").status_code == 204
    assert not AgencyGroup.objects.filter(pk=group["id"]).exists()


def test_others_are_refused_and_another_congress_is_not_found(world):
    officer = ApiClient(world.users["officer"])
    congress = f"/congresses/{world.congress.pk}/"
    refused = officer.post(f"{congress}agencies/", {"name": "Sở Nội vụ"})
    assert refused.status_code == 403
    assert refused.json()["detail"] == "Chỉ Thường trực / Văn phòng mới được thiết lập Đại hội."
    assert officer.get(f"{congress}agency-groups/").status_code == 403
    assert officer.put(congress, CONGRESS_BODY).status_code == 403

    secretariat = ApiClient(world.users["secretariat"])
    other = f"/congresses/{world.other.pk}/"
    assert secretariat.put(other, CONGRESS_BODY).status_code == 404
    assert secretariat.post(f"{other}agencies/", {"name": "Sở Nội vụ"}).status_code == 404
    outside = secretariat.put(
        f"{congress}agencies/{world.other_agency.pk}/", {"name": "Sở Tài chính mới"}
    )
    assert outside.status_code == 404
    merge_out = secretariat.post(
        f"{congress}agencies/{world.agencies['ca'].pk}/merge/", {"target": world.other_agency.pk}
    )
    assert merge_out.status_code == 400 and "target" in merge_out.json()["errors"]

    reader = ApiClient(world.users["secretariat"], scope=Scope.READ)
    assert reader.post(f"{congress}agencies/", {"name": "Sở Nội vụ"}).status_code == 403
    assert reader.put(congress, CONGRESS_BODY).status_code == 403
    assert not Agency.objects.filter(name="Sở Nội vụ").exists()
    assert Agency.objects.filter(pk=world.other_agency.pk, name="Sở Tài chính").exists()


def test_an_agency_names_its_leader_and_focal_officers(world, django_assert_max_num_queries):
    btg = world.agencies["btg"]
    own = Person.objects.create(congress=world.congress, full_name="Lê Thị Đầu Mối", agency=btg)
    elsewhere = Person.objects.create(
        congress=world.congress, full_name="Phạm Văn Khác", agency=world.agencies["svh"]
    )
    officer = ApiClient(world.users["officer"])
    path = f"/congresses/{world.congress.pk}/leaders/{btg.pk}/"
    neither = officer.put(path, {"focal_people": [own.pk]})
    assert neither.status_code == 400 and "leader" in neither.json()["errors"]
    wrong = officer.put(path, {"leader": own.pk, "focal_people": [elsewhere.pk]})
    assert wrong.status_code == 400 and "focal_people" in wrong.json()["errors"]
    named = officer.put(
        path,
        {
            "new_leader_name": "Trần Văn Phụ Trách",
            "new_leader_titles": "Phó Trưởng ban",
            "focal_people": [own.pk],
        },
    )
    assert named.status_code == 200, named.content
    body = named.json()
    assert body["leader"]["full_name"] == "Trần Văn Phụ Trách"
    assert [p["id"] for p in body["focal_people"]] == [own.pk]
    leader = Agency.objects.get(pk=btg.pk).leader_in_charge
    assert leader is not None and leader.agency_id == btg.pk
    assert history_of(btg)[0].data.get("api_token") == officer.token.prefix

    # Another agency's officer does not see it; the secretariat lists who still lacks one.
    other = ApiClient(world.users["officer2"])
    assert other.get(path).status_code == 404
    assert officer.get(f"/congresses/{world.congress.pk}/leaders/").status_code == 403
    secretariat = ApiClient(world.users["secretariat"])
    with django_assert_max_num_queries(8):
        rows = secretariat.all(f"/congresses/{world.congress.pk}/leaders/")
    assert {r["agency_id"] for r in rows} == set(
        Agency.objects.filter(congress=world.congress).values_list("pk", flat=True)
    )
    missing = secretariat.all(f"/congresses/{world.congress.pk}/leaders/", {"missing": "true"})
    assert btg.pk not in {r["agency_id"] for r in missing} and missing
    reader = ApiClient(world.users["secretariat"], scope=Scope.READ)
    assert reader.put(path, {"leader": own.pk}).status_code == 403


def test_the_secretariat_keeps_the_issuing_offices(world, django_assert_max_num_queries):
    api = ApiClient(world.users["secretariat"])
    base = f"/congresses/{world.congress.pk}/issuers/"
    codeless = api.post(base, {"name": "Tiểu ban Văn kiện", "code": "", "layout": "party"})
    assert codeless.status_code == 400 and "code" in codeless.json()["errors"]
    wrong_layout = api.post(base, {"name": "Tiểu ban Văn kiện", "code": "TBVK", "layout": "x"})
    assert wrong_layout.status_code == 400 and "layout" in wrong_layout.json()["errors"]
    made = api.post(
        base,
        {
            "name": "Tiểu ban Văn kiện",
            "code": "tbvk",
            "layout": "party",
            "committee": world.committee.pk,
        },
    )
    assert made.status_code == 201, made.content
    issuer = made.json()
    assert (issuer["code"], issuer["committee_id"]) == ("TBVK", world.committee.pk)
    # An agency becomes an issuer through its edit; before that it is not one.
    ca = world.agencies["ca"]
    assert api.get(f"{base}{ca.pk}/").status_code == 404
    version = Agency.objects.get(pk=ca.pk).version
    became = api.put(
        f"{base}{ca.pk}/",
        {"name": "Công an tỉnh", "code": "CAT", "layout": "state", "version": version},
    )
    assert became.status_code == 200, became.content
    assert api.get(f"{base}{ca.pk}/").json()["layout"] == "state"
    stale = api.put(
        f"{base}{ca.pk}/", {"name": "Công an", "code": "CA", "layout": "state", "version": version}
    )
    assert stale.status_code == 409
    with django_assert_max_num_queries(6):
        rows = api.all(base)
    assert {issuer["id"], ca.pk} <= {r["id"] for r in rows}

    officer = ApiClient(world.users["officer"])
    assert officer.get(base).status_code == 403
    refused = officer.post(base, {"name": "Ban Tuyên giáo", "code": "BTG", "layout": "party"})
    assert refused.status_code == 403
    other = f"/congresses/{world.other.pk}/issuers/"
    assert api.post(other, {"name": "Sở", "code": "S", "layout": "party"}).status_code == 404
    assert api.get(f"{base}{world.other_agency.pk}/").status_code == 404


def test_a_secretariat_starts_a_new_congress_and_runs_it(world):
    api = ApiClient(world.users["secretariat"])
    backwards = api.post(
        "/congresses/",
        CONGRESS_BODY | {"opening_date": "2025-10-10", "closing_date": "2025-10-08"},
    )
    assert backwards.status_code == 400
    assert backwards.json()["errors"]["closing_date"] == [
        "Ngày bế mạc không được trước ngày khai mạc."
    ]
    made = api.post("/congresses/", CONGRESS_BODY | {"name": "Đại hội nhiệm kỳ mới"})
    assert made.status_code == 201, made.content
    assert made.json()["role"] == "secretariat"
    assert api.get(f"/congresses/{made.json()['id']}/agencies/").status_code == 200
    officer = ApiClient(world.users["officer"])
    refused = officer.post("/congresses/", CONGRESS_BODY | {"name": "Của tôi"})
    assert refused.status_code == 403
    reader = ApiClient(world.users["secretariat"], scope=Scope.READ)
    assert reader.post("/congresses/", CONGRESS_BODY | {"name": "Chỉ đọc"}).status_code == 403
    assert not Congress.objects.filter(name__in=["Của tôi", "Chỉ đọc"]).exists()
