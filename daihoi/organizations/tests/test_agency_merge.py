"""Merging a duplicate agency keeps everything that pointed at it; refused into itself, across
congresses, or when both hold a row that may exist only once."""

import pytest

from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError
from daihoi.organizations.models import Agency, AgencyAction, AgencyGroup, Person
from daihoi.organizations.services.merging import (
    MERGED_RELATIONS,
    agency_merge,
    agency_relations,
    relation_label,
)
from daihoi.planning import services as planning
from daihoi.planning.models import Area, Phase, Task, TaskAssignment
from daihoi.reporting.tests.helpers import make_request
from daihoi.tests.test_permission_matrix import build_objects


def test_every_relation_to_agency_has_a_merge_rule():
    """A model that gains a foreign key to Agency must say what a merge does with it: add a line
    to MERGED_RELATIONS in organizations/services/merging.py."""
    found = {relation_label(rel) for rel in agency_relations()}
    assert found - set(MERGED_RELATIONS) == set(), "add these to MERGED_RELATIONS"
    assert set(MERGED_RELATIONS) - found == set(), "these relations no longer exist"


def _pointing_at(agency: Agency) -> dict[str, int]:
    counts = {}
    for rel in agency_relations():
        n = rel.related_model._base_manager.filter(**{rel.field.name: agency}).count()
        if n:
            counts[relation_label(rel)] = n
    return counts


def test_a_merge_moves_every_row_pointing_at_the_duplicate(world, secretariat_access):
    build_objects(world)  # tasks, progress, invitations, documents, reports, estimates of btg
    duplicate = world.agencies["btg"]
    Person.objects.create(congress=world.congress, full_name="Lê Văn A", agency=duplicate)
    AgencyGroup.objects.create(congress=world.congress, name="Các cơ quan tham mưu").agencies.add(
        duplicate
    )
    Agency.objects.create(congress=world.congress, name="Trung tâm Báo chí", parent=duplicate)
    kept = Agency.objects.create(
        congress=world.congress, name="Ban Tuyên giáo và Dân vận Tỉnh ủy", short_name="BTGDV"
    )
    before = _pointing_at(duplicate)
    # Rows of most kinds point at the duplicate, so the merge is really exercised.
    assert len(before) >= 15, before
    merged = agency_merge(access=secretariat_access, source=duplicate, target=kept)
    assert not Agency.objects.filter(pk=duplicate.pk).exists()
    after = _pointing_at(merged)
    for label, count in before.items():
        assert after.get(label, 0) >= count, label
    assert merged.code == "BTGTU" and merged.is_issuer  # blanks taken from the duplicate
    officer = world.users["officer"].participations.get()
    assert officer.agency == merged
    entry = history_of(merged)[0]
    assert entry.action == AgencyAction.MERGED and entry.data["merged"] == duplicate.name


def test_a_task_given_to_both_keeps_one_assignment_the_lead_one(world, secretariat_access):
    duplicate, kept = world.agencies["btg"], world.agencies["svh"]
    task = planning.task_create(
        access=secretariat_access,
        fields=planning.TaskFields(
            title="Trang trí khánh tiết",
            lead_agency=duplicate,
            coordinating_agencies=(kept,),
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
        ),
    )
    agency_merge(access=secretariat_access, source=duplicate, target=kept)
    rows = list(TaskAssignment.objects.filter(task=task).values_list("agency_id", "role"))
    assert rows == [(kept.pk, TaskAssignment.Role.LEAD)]
    assert Task.objects.get(pk=task.pk).lead_agency == kept


def test_a_merge_into_itself_is_refused(world, secretariat_access):
    agency = world.agencies["btg"]
    with pytest.raises(BusinessError, match="chính nó"):
        agency_merge(access=secretariat_access, source=agency, target=agency)


def test_a_merge_across_congresses_is_refused_and_nothing_moves(world, secretariat_access):
    with pytest.raises(BusinessError, match="cùng một Đại hội"):
        agency_merge(
            access=secretariat_access, source=world.agencies["stc"], target=world.other_agency
        )
    assert Agency.objects.filter(pk=world.agencies["stc"].pk).exists()


def test_two_answers_to_one_report_request_refuse_the_merge(world, secretariat_access):
    make_request(world, agencies=("btg", "svh"))
    with pytest.raises(BusinessError, match="báo cáo gửi theo cùng một yêu cầu"):
        agency_merge(
            access=secretariat_access, source=world.agencies["btg"], target=world.agencies["svh"]
        )
    assert Agency.objects.filter(pk=world.agencies["btg"].pk).exists()


def test_a_kept_agency_below_the_duplicate_takes_its_parent_without_a_cycle(
    world, secretariat_access
):
    top = Agency.objects.create(congress=world.congress, name="Tỉnh ủy")
    duplicate = Agency.objects.create(congress=world.congress, name="Ban TG", parent=top)
    middle = Agency.objects.create(congress=world.congress, name="Phòng A", parent=duplicate)
    kept = Agency.objects.create(congress=world.congress, name="Tổ B", parent=middle)
    agency_merge(access=secretariat_access, source=duplicate, target=kept)
    kept.refresh_from_db()
    middle.refresh_from_db()
    assert kept.parent == top and middle.parent == kept


def test_the_merge_page_refuses_a_merge_into_itself_in_vietnamese(world, client):
    client.force_login(world.users["secretariat"])
    agency = world.agencies["ca"]
    url = f"/dai-hoi/{world.congress.pk}/thiet-lap/co-quan/{agency.pk}/gop/"
    response = client.post(url, {"target": agency.pk})
    assert response.status_code == 200
    assert "Không thể gộp một cơ quan vào chính nó." in response.content.decode()
    response = client.post(url, {"target": world.agencies["svh"].pk})
    assert response.status_code == 302
    assert not Agency.objects.filter(pk=agency.pk).exists()


def test_an_officer_cannot_merge_agencies(world, client):
    client.force_login(world.users["officer"])
    agency = world.agencies["ca"]
    url = f"/dai-hoi/{world.congress.pk}/thiet-lap/co-quan/{agency.pk}/gop/"
    assert client.post(url, {"target": world.agencies["svh"].pk}).status_code == 403
    assert Agency.objects.filter(pk=agency.pk).exists()
