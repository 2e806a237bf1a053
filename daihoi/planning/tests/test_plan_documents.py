"""Plans are entered in the registry of official documents as KH documents."""

import datetime as dt
from typing import Any

import pytest

from daihoi.core.exceptions import BusinessError
from daihoi.documents.models import Document
from daihoi.planning import services
from daihoi.planning.models import Plan


def _create(access, **fields):
    values: dict[str, Any] = {
        "number": 6,
        "issuer_code": "BTGTU",
        "issued_on": dt.date(2020, 3, 2),
        "subject": "Tuyên truyền Đại hội",
    }
    values.update(fields)
    return services.plan_create(access=access, **values)


def test_a_plan_of_an_agency_is_registered_as_a_kh_document(world, secretariat_access):
    plan = _create(secretariat_access, issuer=world.agencies["btg"])
    document = plan.document
    assert document.kind == "KH" and document.status == Document.Status.ISSUED
    assert document.symbol == plan.symbol == "06-KH/BTGTU"
    assert document.issuer == world.agencies["btg"] and document.subject == plan.subject


def test_a_plan_named_only_by_code_takes_the_agency_bearing_that_code(world, secretariat_access):
    plan = _create(secretariat_access, issuer_code="btgtu")
    assert plan.issuer == world.agencies["btg"]
    assert plan.document.issuer == world.agencies["btg"]


def test_a_plan_keeps_the_code_its_symbol_prints(world, secretariat_access):
    plan = _create(secretariat_access, issuer=world.agencies["vptu"], issuer_code="TBPV")
    assert plan.document.symbol == "06-KH/TBPV" and plan.document.issuer_code == "TBPV"


def test_a_plan_without_a_known_agency_stays_outside_the_registry(world, secretariat_access):
    plan = _create(secretariat_access, issuer_code="KHONGCO")
    assert plan.document is None and not Document.objects.exists()


def test_editing_a_plan_corrects_its_registry_entry(world, secretariat_access):
    plan = _create(secretariat_access, issuer=world.agencies["btg"])
    services.plan_update(
        access=secretariat_access, plan=plan, number=7, subject="Tuyên truyền, cổ động"
    )
    document = Document.objects.get()
    assert (document.number, document.symbol) == (7, "07-KH/BTGTU")
    assert document.subject == "Tuyên truyền, cổ động"


def test_a_plan_number_already_in_the_registry_is_refused_and_nothing_saved(
    world, secretariat_access
):
    _create(secretariat_access, issuer=world.agencies["btg"])
    with pytest.raises(BusinessError, match="Số 06 đã được dùng cho một kế hoạch khác"):
        _create(secretariat_access, issuer=world.agencies["btg"], issuer_code="BTG2")
    assert not Plan.objects.filter(issuer_code="BTG2").exists()
    assert Document.objects.count() == 1


def test_plan_page_links_to_its_document(world, secretariat_access, client):
    plan = _create(secretariat_access, issuer=world.agencies["btg"])
    client.force_login(world.users["secretariat"])
    response = client.get(f"/dai-hoi/{world.congress.pk}/ke-hoach/{plan.pk}/")
    assert f"/dai-hoi/{world.congress.pk}/van-ban/{plan.document_id}/" in response.content.decode()
