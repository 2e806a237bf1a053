"""Fetch-and-authorise: another congress's or another agency's object answers 404."""

import pytest
from django.http import Http404

from daihoi.organizations.models import Agency
from daihoi.organizations.permissions import ADMIN, Access
from daihoi.testing.factories import CongressFactory

from .. import permissions, services
from ..models import Estimate, Norm
from .helpers import accesses, approved_estimate_with_spending

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_congress_estimate(world) -> Estimate:
    congress = CongressFactory.create(ordinal=16)
    agency = Agency.objects.create(congress=congress, name="Ban Tuyên giáo khóa sau")
    return Estimate.objects.create(congress=congress, agency=agency, title="Dự trù khác")


def test_access_estimate_answers_404_for_another_congresss_estimate(world, other_congress_estimate):
    admin = Access(world.admin, world.congress, ADMIN)
    with pytest.raises(Http404):
        permissions.access_estimate(admin, other_congress_estimate.pk)


def test_access_estimate_answers_404_for_another_agencys_draft_and_missing_ids(world):
    a = accesses(world)
    draft = services.estimate_create(access=a["btg"], title="Dự trù tuyên truyền")
    assert permissions.access_estimate(a["btg"], draft.pk) == draft
    with pytest.raises(Http404):
        permissions.access_estimate(a["finance"], draft.pk)
    with pytest.raises(Http404):
        permissions.access_estimate(a["btg"], draft.pk + 1000)


def test_access_line_answers_404_for_a_line_of_another_estimate(world):
    made = approved_estimate_with_spending(world)
    a = accesses(world)
    own = services.estimate_create(access=a["finance"], title="Dự trù của Sở Tài chính")
    estimate = permissions.access_estimate(a["btg"], made["estimate_id"])
    assert permissions.access_line(a["btg"], estimate, made["line_id"]).pk == made["line_id"]
    with pytest.raises(Http404):
        permissions.access_line(a["finance"], own, made["line_id"])


def test_access_norm_answers_404_for_another_congresss_norm(world):
    congress = CongressFactory.create(ordinal=16)
    norm = Norm.objects.create(
        congress=congress, code="DM01", name="Bồi dưỡng", unit="người", max_unit_price=1
    )
    with pytest.raises(Http404):
        permissions.access_norm(accesses(world)["finance"], norm.pk)


def test_access_spending_attachment_answers_404_outside_the_estimates_readers(world):
    made = approved_estimate_with_spending(world)
    a = accesses(world)
    attachment_id = made["spending_attachment_id"]
    assert permissions.access_spending_attachment(a["btg"], attachment_id).pk == attachment_id
    outsider = Access(
        world.users["member"], world.congress, a["btg"].role, world.agencies["svh"].pk
    )
    with pytest.raises(Http404):
        permissions.access_spending_attachment(outsider, attachment_id)
