import pytest
from django.http import Http404

from daihoi.organizations.models import Committee, Person
from daihoi.organizations.permissions import (
    access_agency,
    access_committee,
    access_congress,
    access_person,
    congresses_for,
)


def test_access_agency_returns_an_agency_of_the_congress(world, propaganda_access):
    agency = world.agencies["vptu"]
    assert access_agency(propaganda_access, agency.pk) == agency


def test_access_agency_answers_404_for_another_congresss_agency_and_a_missing_one(
    world, secretariat_access
):
    with pytest.raises(Http404):
        access_agency(secretariat_access, world.other_agency.pk)
    with pytest.raises(Http404):
        access_agency(secretariat_access, 999_999)


def test_access_person_answers_404_for_another_congresss_person(world, secretariat_access):
    assert access_person(secretariat_access, world.chair.pk) == world.chair
    stranger = Person.objects.create(congress=world.other, full_name="Người tỉnh khác")
    with pytest.raises(Http404):
        access_person(secretariat_access, stranger.pk)


def test_access_committee_fetches_the_members_and_answers_404_for_another_congress(
    world, propaganda_access, django_assert_num_queries
):
    # The committee with its parent and founding decision, the members, their supervised agencies.
    with django_assert_num_queries(3):
        committee = access_committee(propaganda_access, world.committee.pk)
        assert [m.person.full_name for m in committee.memberships.all()] == ["Nguyễn Hữu Hải"]
    elsewhere = Committee.objects.create(
        congress=world.other, kind=Committee.Kind.SERVICE, name="Tiểu ban tỉnh khác"
    )
    with pytest.raises(Http404):
        access_committee(propaganda_access, elsewhere.pk)


def test_access_congress_answers_404_to_a_user_of_another_congress(world):
    with pytest.raises(Http404):
        access_congress(world.users["outsider"], world.congress.pk)


def test_congresses_for_lists_only_the_users_congresses(world):
    assert list(congresses_for(world.users["officer"])) == [world.congress]
    assert set(congresses_for(world.admin)) == {world.congress, world.other}
