import pytest
from django.urls import reverse

from daihoi.accounts.models import Role
from daihoi.core.exceptions import PermissionDenied
from daihoi.organizations.models import Committee, Membership, Person
from daihoi.organizations.permissions import Access

from .. import permissions, services
from ..models import GroupComment
from .helpers import as_delegate, political_report, record, secretariat, two_groups


@pytest.fixture
def setup(world):
    return political_report(world), two_groups(world)


def _secretary(world, groups, n: int) -> Access:
    member = Access(world.users["member"], world.congress, Role.MEMBER)
    return as_delegate(member, groups.secretaries[n].pk)


def test_the_secretary_of_group_one_records_for_it_and_not_for_group_two(world, setup):
    draft, groups = setup
    secretary = _secretary(world, groups, 0)
    record(secretary, groups.groups[0], draft, "Ý kiến của tổ 1")
    with pytest.raises(PermissionDenied):
        record(secretary, groups.groups[1], draft, "Ý kiến ghi hộ tổ 2")
    assert list(GroupComment.objects.values_list("group__name", flat=True)) == ["Tổ số 1"]
    assert list(permissions.secretary_groups(secretary)) == [groups.groups[0]]


def test_a_secretary_may_not_mark_comments(world, setup):
    draft, groups = setup
    secretary = _secretary(world, groups, 0)
    comment = record(secretary, groups.groups[0], draft, "Ý kiến")
    with pytest.raises(PermissionDenied):
        services.group_comment_resolve(
            access=secretary, comment=comment, resolution="accepted", reason=""
        )


def test_a_member_of_the_document_subcommittee_records_and_synthesises_for_every_group(
    world, setup
):
    draft, groups = setup
    person = Person.objects.create(congress=world.congress, full_name="Trần Văn Bình")
    committee = Committee.objects.create(
        congress=world.congress, kind=Committee.Kind.DOCUMENTS, name="Tiểu ban Văn kiện"
    )
    Membership.objects.create(committee=committee, person=person, role=Membership.Role.MEMBER)
    writer = Access(world.users["member"], world.congress, Role.MEMBER, person_id=person.pk)
    comment = record(writer, groups.groups[1], draft, "Ý kiến từ biên bản giấy")
    services.group_comment_resolve(access=writer, comment=comment, resolution="accepted", reason="")
    assert permissions.can_synthesise(writer)


def test_a_comment_of_another_congress_answers_404(world, client, setup):
    draft, groups = setup
    comment = record(secretariat(world), groups.groups[0], draft, "Ý kiến")
    client.force_login(world.users["outsider"])
    url = reverse(
        "discussion:comment-edit",
        kwargs={"congress_id": world.other.pk, "group_comment_id": comment.pk},
    )
    assert client.get(url).status_code == 404


def test_an_agency_officer_is_refused_the_group_page_with_the_reason(world, client, setup):
    draft, groups = setup
    client.force_login(world.users["officer"])
    url = reverse(
        "discussion:group-record",
        kwargs={"congress_id": world.congress.pk, "discussion_group_id": groups.groups[0].pk},
    )
    response = client.get(url)
    assert response.status_code == 403
    assert "thư ký của tổ" in response.content.decode()


def test_a_secretary_signed_in_as_a_delegate_records_for_the_group_from_the_phone_page(
    world, client, setup
):
    draft, groups = setup
    user = world.users["member"]
    from daihoi.organizations.models import Participation

    Participation.objects.filter(user=user, congress=world.congress).delete()
    Participation.objects.create(
        user=user, congress=world.congress, role=Role.DELEGATE, delegate=groups.secretaries[0]
    )
    client.force_login(user)
    overview = client.get(reverse("discussion:overview", kwargs={"congress_id": world.congress.pk}))
    assert overview.status_code == 200 and "Tổ số 1" in overview.content.decode()
    own = reverse(
        "discussion:group-record",
        kwargs={"congress_id": world.congress.pk, "discussion_group_id": groups.groups[0].pk},
    )
    response = client.post(f"{own}?du_thao={draft.pk}", {"text": "Ý kiến của tổ 1"})
    assert response.status_code == 302
    other = own.replace(f"/to/{groups.groups[0].pk}/", f"/to/{groups.groups[1].pk}/")
    assert client.post(f"{other}?du_thao={draft.pk}", {"text": "Ghi hộ"}).status_code == 403
    assert list(GroupComment.objects.values_list("group__name", flat=True)) == ["Tổ số 1"]
