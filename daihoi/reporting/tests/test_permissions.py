"""Fetch-and-authorise: another congress's or agency's object answers 404 like a missing one."""

import pytest
from django.http import Http404

from daihoi.accounts.models import Role
from daihoi.organizations.permissions import Access
from daihoi.reporting import permissions

from .helpers import officer, reporting_objects, secretariat

pytestmark = pytest.mark.django_db


def outsider(world) -> Access:
    return Access(world.users["outsider"], world.other, Role.AGENCY_OFFICER, world.other_agency.pk)


ACCESSORS = [
    (permissions.access_report_request, "request_id"),
    (permissions.access_submission, "submission_id"),
    (permissions.access_submission_file, "submission_file_id"),
    (permissions.access_explanation, "explanation_id"),
]


@pytest.mark.parametrize(("accessor", "key"), ACCESSORS)
def test_the_secretariat_and_the_agency_asked_reach_the_object(world, accessor, key):
    ids = reporting_objects(world)
    assert accessor(secretariat(world), ids[key]).pk == ids[key]
    assert accessor(officer(world), ids[key]).pk == ids[key]


@pytest.mark.parametrize(("accessor", "key"), ACCESSORS)
def test_an_officer_of_another_agency_gets_404(world, accessor, key):
    ids = reporting_objects(world)
    with pytest.raises(Http404):
        accessor(officer(world, "officer2"), ids[key])


@pytest.mark.parametrize(("accessor", "key"), ACCESSORS)
def test_an_officer_of_another_congress_gets_404(world, accessor, key):
    ids = reporting_objects(world)
    with pytest.raises(Http404):
        accessor(outsider(world), ids[key])


@pytest.mark.parametrize(("accessor", "key"), ACCESSORS)
def test_a_missing_object_gets_404(world, accessor, key):
    with pytest.raises(Http404):
        accessor(secretariat(world), 987654)
