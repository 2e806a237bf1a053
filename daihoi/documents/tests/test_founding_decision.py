"""A committee's founding decision is a QĐ of the registry: chosen there, or registered now."""

import datetime as dt

import pytest
from django.urls import reverse

from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.documents import services
from daihoi.documents.models import Document, DocumentKind
from daihoi.organizations.models import CommitteeAction


def _registered(access, world, kind=DocumentKind.QD, number=120) -> Document:
    return services.document_register(
        access=access,
        kind=kind,
        issuer=world.agencies["vptu"],
        number=number,
        issued_on=dt.date(2020, 4, 6),
        subject="Về việc thành lập Tiểu ban Tổ chức phục vụ Đại hội",
    )


def test_a_registered_decision_is_linked_and_the_change_audited(world, secretariat_access):
    decision = _registered(secretariat_access, world)
    committee = services.committee_set_founding_decision(
        access=secretariat_access, committee=world.committee, document=decision
    )
    assert committee.founding_document == decision
    entry = history_of(world.committee).get(action=CommitteeAction.FOUNDING_DECISION_SET)
    assert entry.data["changes"][0][2] == str(decision)


def test_a_decision_signed_on_paper_is_registered_and_linked_in_one_step(world, secretariat_access):
    committee = services.committee_register_founding_decision(
        access=secretariat_access,
        committee=world.committee,
        issuer=world.agencies["vptu"],
        number=57,
        issued_on=dt.date(2020, 3, 10),
        subject="Về việc thành lập Tiểu ban",
        issuer_code="TU",
    )
    decision = committee.founding_document
    assert decision is not None
    assert decision.kind == DocumentKind.QD and decision.is_registered
    assert decision.symbol.startswith("57")


def test_another_kind_or_a_taken_number_is_refused_and_nothing_linked(world, secretariat_access):
    notice = _registered(secretariat_access, world, kind=DocumentKind.TB, number=3)
    with pytest.raises(BusinessError, match="phải là một Quyết định"):
        services.committee_set_founding_decision(
            access=secretariat_access, committee=world.committee, document=notice
        )
    _registered(secretariat_access, world, number=57)
    with pytest.raises(BusinessError, match="đã được dùng"):
        services.committee_register_founding_decision(
            access=secretariat_access,
            committee=world.committee,
            issuer=world.agencies["vptu"],
            number=57,
            issued_on=dt.date(2020, 5, 10),
            subject="Trùng số",
        )
    world.committee.refresh_from_db()
    assert world.committee.founding_document is None
    assert not Document.objects.filter(subject="Trùng số").exists()


def test_a_committee_leader_cannot_change_the_founding_decision(
    world, secretariat_access, leader_access
):
    decision = _registered(secretariat_access, world)
    with pytest.raises(PermissionDenied):
        services.committee_set_founding_decision(
            access=leader_access, committee=world.committee, document=decision
        )


def _url(world) -> str:
    return reverse("documents:committee-founding", args=[world.congress.pk, world.committee.pk])


def test_the_form_registers_a_new_decision_and_the_committee_page_links_it(world, client):
    client.force_login(world.users["secretariat"])
    response = client.post(
        _url(world),
        {
            "issuer": world.agencies["vptu"].pk,
            "number": "88",
            "issued_on": "02/03/2020",
            "subject": "Về việc thành lập Tiểu ban Tổ chức phục vụ Đại hội",
        },
    )
    assert response.status_code == 302
    page = client.get(
        reverse("organizations:committee-detail", args=[world.congress.pk, world.committee.pk])
    ).content.decode()
    decision = Document.objects.get(number=88)
    assert reverse("documents:document-detail", args=[world.congress.pk, decision.pk]) in page


def test_the_form_refuses_both_paths_and_an_incomplete_new_decision(
    world, client, secretariat_access
):
    decision = _registered(secretariat_access, world)
    client.force_login(world.users["secretariat"])
    both = client.post(_url(world), {"document": decision.pk, "number": "5"}).content.decode()
    assert "không cả hai" in both
    partial = client.post(_url(world), {"number": "5"}).content.decode()
    assert "Cần nhập để vào sổ quyết định mới" in partial
    world.committee.refresh_from_db()
    assert world.committee.founding_document is None
