"""Two people editing one plan: the second save is refused and shown what the first changed."""

import pytest

from daihoi.planning import services
from daihoi.planning.models import Plan
from daihoi.testing.conflicts import CONFLICT, edit_meanwhile

pytestmark = pytest.mark.django_db


def test_a_stale_plan_form_is_refused_shows_the_change_then_saves_knowingly(
    world, client, secretariat_access
):
    plan = Plan.objects.get()
    client.force_login(world.users["secretariat"])
    url = f"/dai-hoi/{world.congress.pk}/ke-hoach/{plan.pk}/sua/"
    data = {
        "number": plan.number,
        "issuer_code": plan.issuer_code,
        "issued_on": plan.issued_on.strftime("%d/%m/%Y"),
        "subject": "Kế hoạch tổ chức Đại hội (sửa lần 2)",
    }
    stale, again = edit_meanwhile(
        client,
        url,
        data,
        lambda: services.plan_update(
            access=secretariat_access, plan=plan, subject="Kế hoạch phục vụ Đại hội (bản mới)"
        ),
        lambda: Plan.objects.get().subject == "Kế hoạch phục vụ Đại hội (bản mới)",
    )
    body = stale.content.decode()
    assert stale.status_code == 200 and CONFLICT in body
    assert "Kế hoạch phục vụ Đại hội (bản mới)" in body  # what the other person wrote
    assert "Kế hoạch tổ chức Đại hội (sửa lần 2)" in body  # what this person typed, kept
    assert again.status_code == 302
    plan = Plan.objects.get()
    assert plan.subject == "Kế hoạch tổ chức Đại hội (sửa lần 2)" and plan.version == 3
