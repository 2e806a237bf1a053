"""Agency groups: kept by the secretariat, chosen as one wherever several agencies are chosen,
and expanded to one row per member agency when tasks, invitations or requests are written."""

import datetime as dt

import pytest

from daihoi.core.audit import history_of
from daihoi.core.dates import today
from daihoi.core.exceptions import BusinessError
from daihoi.meetings.models import Meeting
from daihoi.organizations.forms import AgenciesOrGroupsField, CongressScopedForm
from daihoi.organizations.models import AgencyGroup, AgencyGroupAction
from daihoi.organizations.services.groups import group_create, group_delete, group_update
from daihoi.planning.models import Task, TaskAssignment
from daihoi.reporting.models import ReportRequest


@pytest.fixture
def departments(world, secretariat_access) -> AgencyGroup:
    a = world.agencies
    return group_create(
        access=secretariat_access,
        name="Các sở, ban, ngành tỉnh",
        agencies=[a["stc"], a["svh"], a["ca"]],
    )


def test_a_group_is_created_edited_and_deleted_with_its_history(world, secretariat_access):
    group = group_create(
        access=secretariat_access, name="Các ban Đảng", agencies=[world.agencies["btg"]]
    )
    group_update(
        access=secretariat_access,
        group=group,
        name="Các ban Đảng Tỉnh ủy",
        agencies=[world.agencies["btg"], world.agencies["vptu"]],
    )
    entry = history_of(group)[0]
    assert entry.action == AgencyGroupAction.UPDATED
    assert ["Tên nhóm", "Các ban Đảng", "Các ban Đảng Tỉnh ủy"] in entry.changes
    group_delete(access=secretariat_access, group=group)
    assert not AgencyGroup.objects.exists()


@pytest.mark.parametrize(
    ("name", "keys", "message"),
    [
        ("các sở, ban, ngành tỉnh", ["btg"], "Đã có nhóm"),
        ("Nhóm trống", [], "ít nhất một cơ quan"),
    ],
)
def test_a_bad_group_is_refused_in_vietnamese(
    world, secretariat_access, departments, name, keys, message
):
    with pytest.raises(BusinessError, match=message):
        group_create(
            access=secretariat_access, name=name, agencies=[world.agencies[k] for k in keys]
        )
    assert AgencyGroup.objects.count() == 1


def test_an_agency_of_another_congress_cannot_join_a_group(world, secretariat_access):
    with pytest.raises(BusinessError, match="không thuộc Đại hội này"):
        group_create(access=secretariat_access, name="Nhóm lạ", agencies=[world.other_agency])


class _Form(CongressScopedForm):
    agencies = AgenciesOrGroupsField(label="Cơ quan", required=False)


def test_the_chooser_expands_a_group_and_refuses_another_congress_group(world, departments):
    form = _Form(
        {"agencies": [f"g{departments.pk}", world.agencies["btg"].pk]}, congress=world.congress
    )
    assert form.is_valid(), form.errors
    chosen = form.cleaned_data["agencies"]
    assert {a.pk for a in chosen} == {world.agencies[k].pk for k in ("stc", "svh", "ca", "btg")}
    assert chosen.explicit == {world.agencies["btg"].pk}
    elsewhere = AgencyGroup.objects.create(congress=world.other, name="Nhóm tỉnh khác")
    form = _Form({"agencies": [f"g{elsewhere.pk}"]}, congress=world.congress)
    assert not form.is_valid()
    assert "không còn trong Đại hội này" in str(form.errors)


def test_the_chooser_offers_groups_first_with_their_size(world, departments):
    html = str(_Form(congress=world.congress)["agencies"])
    assert "Các sở, ban, ngành tỉnh (3 cơ quan, đơn vị)" in html
    assert html.index("Các sở, ban, ngành tỉnh") < html.index("Ban Tuyên giáo Tỉnh ủy")


def test_a_task_coordinated_by_a_group_gets_one_row_per_member_but_not_its_lead(
    world, client, departments
):
    client.force_login(world.users["secretariat"])
    response = client.post(
        f"/dai-hoi/{world.congress.pk}/nhiem-vu/them/",
        {
            "title": "Bảo đảm an ninh, trật tự khu vực Đại hội",
            "lead_agency": world.agencies["ca"].pk,
            "coordinating_agencies": [f"g{departments.pk}"],
            "area": "security",
            "phase": "during",
            "deadline": "30/09/2020",
        },
    )
    assert response.status_code == 302
    task = Task.objects.get()
    rows = set(TaskAssignment.objects.filter(task=task).values_list("agency_id", "role"))
    a, role = world.agencies, TaskAssignment.Role
    assert rows == {
        (a["ca"].pk, role.LEAD),
        (a["stc"].pk, role.COORDINATE),
        (a["svh"].pk, role.COORDINATE),
    }


def test_a_meeting_invites_every_member_of_a_group(world, client, departments):
    client.force_login(world.users["secretariat"])
    response = client.post(
        f"/dai-hoi/{world.congress.pk}/cuoc-hop/them/",
        {
            "title": "Họp các sở, ngành về hậu cần Đại hội",
            "kind": "briefing",
            "date": "05/10/2020",
            "start_time": "14:00",
            "end_time": "16:30",
            "place": "Phòng họp Văn phòng Tỉnh ủy",
            "chair": world.chair.pk,
            "invited_agencies": [f"g{departments.pk}"],
        },
    )
    assert response.status_code == 302
    invited = set(Meeting.objects.get().invited_agencies.values_list("pk", flat=True))
    assert invited == {world.agencies[k].pk for k in ("stc", "svh", "ca")}


def test_a_report_request_to_a_group_asks_each_member(world, client, departments):
    client.force_login(world.users["secretariat"])
    response = client.post(
        f"/dai-hoi/{world.congress.pk}/bao-cao/yeu-cau/them/",
        {
            "title": "Báo cáo công tác chuẩn bị hậu cần",
            "deadline": (today() + dt.timedelta(days=7)).strftime("%d/%m/%Y"),
            "agencies": [f"g{departments.pk}"],
        },
    )
    assert response.status_code == 302
    request = ReportRequest.objects.get()
    asked = set(request.submissions.values_list("agency_id", flat=True))
    assert asked == {world.agencies[k].pk for k in ("stc", "svh", "ca")}


def test_the_group_pages_create_and_list_a_group(world, client):
    client.force_login(world.users["secretariat"])
    base = f"/dai-hoi/{world.congress.pk}/thiet-lap/nhom/"
    response = client.post(
        base + "them/",
        {"name": "Các cơ quan báo chí", "agencies": [world.agencies["btg"].pk]},
    )
    assert response.status_code == 302
    assert "Các cơ quan báo chí" in client.get(base).content.decode()
    response = client.post(base + "them/", {"name": "Nhóm trống"})
    assert response.status_code == 200 and AgencyGroup.objects.count() == 1


def test_a_document_addressed_to_a_group_reaches_each_member(world, departments):
    from daihoi.documents.forms import DocumentForm

    field = DocumentForm(congress=world.congress).fields["recipient_agencies"]
    chosen = field.clean([f"g{departments.pk}"])
    assert {a.pk for a in chosen} == {world.agencies[k].pk for k in ("stc", "svh", "ca")}
