"""Two finance officers editing one norm: the second save is refused and shown the change."""

import pytest

from daihoi.budget import services
from daihoi.budget.models import Norm
from daihoi.testing.conflicts import CONFLICT, edit_meanwhile

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
