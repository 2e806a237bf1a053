"""Two finance officers editing one norm: the second save is refused and shown the change."""

import pytest
from django.test import Client

from daihoi.accounts.models import Role
from daihoi.budget import services
from daihoi.budget.models import Norm
from daihoi.organizations.models import Participation
from daihoi.testing.conflicts import CONFLICT, edit_meanwhile, two_editors
from daihoi.testing.factories import UserFactory

from .helpers import accesses, make_norm

pytestmark = pytest.mark.django_db


def test_a_stale_norm_form_is_refused_shows_the_change_then_saves_knowingly(world, client):
    norm = make_norm(world)
    client.force_login(world.users["officer2"])
    url = f"/dai-hoi/{world.congress.pk}/kinh-phi/dinh-muc/{norm.pk}/sua/"
    data = {
        "code": "DM01",
        "name": norm.name,
        "category": norm.category,
        "unit": norm.unit,
        "max_unit_price": "250.000",
        "legal_basis": norm.legal_basis,
    }
    stale, again = edit_meanwhile(
        client,
        url,
        data,
        lambda: services.norm_update(
            access=accesses(world)["finance"], norm=norm, max_unit_price=180_000
        ),
        lambda: Norm.objects.get(pk=norm.pk).max_unit_price == 180_000,
    )
    body = stale.content.decode()
    assert stale.status_code == 200 and CONFLICT in body and "200000 → 180000" in body
    assert again.status_code == 302
    assert Norm.objects.get(pk=norm.pk).max_unit_price == 250_000


def _two_officers_of_ban_tuyen_giao(world) -> tuple[Client, Client]:
    colleague = UserFactory.create(username="officer-btg-2")
    Participation.objects.create(
        user=colleague,
        congress=world.congress,
        role=Role.AGENCY_OFFICER,
        agency=world.agencies["btg"],
    )
    mine, theirs = Client(), Client()
    mine.force_login(world.users["officer"])
    theirs.force_login(colleague)
    return mine, theirs


def test_a_stale_estimate_form_is_refused_shows_the_change_then_saves_knowingly(world):
    estimate = services.estimate_create(
        access=accesses(world)["btg"], title="Dự trù kinh phí tuyên truyền"
    )
    mine, theirs = _two_officers_of_ban_tuyen_giao(world)
    url = f"/dai-hoi/{world.congress.pk}/kinh-phi/du-tru/{estimate.pk}/sua/"
    two_editors(url, mine, theirs, estimate, "title")


def test_a_stale_estimate_line_form_is_refused_shows_the_change_then_saves_knowingly(world):
    estimate = services.estimate_create(
        access=accesses(world)["btg"], title="Dự trù kinh phí tuyên truyền"
    )
    line = services.estimate_line_add(
        access=accesses(world)["btg"],
        estimate=estimate,
        content="In pano",
        unit="tấm",
        quantity=10,
        unit_price=150_000,
    )
    mine, theirs = _two_officers_of_ban_tuyen_giao(world)
    url = f"/dai-hoi/{world.congress.pk}/kinh-phi/du-tru/{estimate.pk}/khoan/{line.pk}/sua/"
    two_editors(url, mine, theirs, line, "content")
