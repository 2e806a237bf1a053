"""Plans: numbering per issuer and year, and the symbol the congress's document rules give."""

import datetime as dt

import pytest

from daihoi.core.exceptions import BusinessError
from daihoi.planning import services
from daihoi.planning.models import Plan

pytestmark = pytest.mark.django_db


def test_plan_number_cannot_be_reused_by_the_same_issuer_in_the_same_year(
    world, secretariat_access
):
    services.plan_create(
        access=secretariat_access,
        number=268,
        issuer_code="ubnd",
        issued_on=dt.date(2019, 8, 8),
        subject="Phục vụ Đại hội",
    )
    with pytest.raises(BusinessError, match="đã được UBND dùng"):
        services.plan_create(
            access=secretariat_access,
            number=268,
            issuer_code="UBND",
            issued_on=dt.date(2019, 12, 1),
            subject="Khác",
        )
    # Another year or another issuer may use the number.
    services.plan_create(
        access=secretariat_access,
        number=268,
        issuer_code="UBND",
        issued_on=dt.date(2020, 1, 2),
        subject="Năm sau",
    )
    services.plan_create(
        access=secretariat_access,
        number=268,
        issuer_code="TU",
        issued_on=dt.date(2019, 8, 8),
        subject="Cơ quan khác",
    )
    assert Plan.objects.filter(number=268).count() == 3


def test_plan_symbol_follows_the_congress_document_rules(world, secretariat_access):
    plan = services.plan_create(
        access=secretariat_access,
        number=9,
        issuer_code="TU",
        issued_on=dt.date(2020, 3, 1),
        subject="Tuyên truyền",
    )
    assert plan.symbol == "09-KH/TU"
    world.congress.document_rules = "state"
    world.congress.save()
    plan.refresh_from_db()
    assert plan.symbol == "09/KH-TU"
