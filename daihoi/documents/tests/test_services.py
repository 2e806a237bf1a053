import datetime as dt
import threading

import pytest
from django.db import connection, connections

from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.documents import services
from daihoi.documents.models import Document, DocumentAction, NumberSequence
from daihoi.documents.symbols import compose_symbol, number_line

from .conftest import ISSUED_ON

# Symbols -----------------------------------------------------------------------------------------


def test_state_symbol_puts_the_type_code_before_the_issuer_code():
    assert compose_symbol(rules="state", kind="TB", number=540, issuer_code="VP") == "540/TB-VP"
    assert compose_symbol(rules="state", kind="KH", number=268, issuer_code="UBND") == (
        "268/KH-UBND"
    )


def test_state_cong_van_has_no_type_code_but_the_superior_and_drafting_codes():
    symbol = compose_symbol(
        rules="state", kind="CV", number=1234, issuer_code="VP", superior_code="UBND"
    )
    assert symbol == "1234/UBND-VP"


def test_party_symbol_joins_number_and_type_with_a_hyphen():
    assert compose_symbol(rules="party", kind="TB", number=540, issuer_code="TU") == "540-TB/TU"
    assert compose_symbol(rules="party", kind="QyĐ", number=3, issuer_code="TU") == "03-QĐi/TU"


def test_numbers_below_ten_get_a_leading_zero():
    assert compose_symbol(rules="state", kind="TB", number=5, issuer_code="VP") == "05/TB-VP"


def test_number_line_has_a_colon_in_state_documents_only():
    assert number_line(rules="state", symbol="540/TB-VP") == "Số: 540/TB-VP"
    assert number_line(rules="party", symbol="540-TB/TU") == "Số 540-TB/TU"


# Drafts and issuance -----------------------------------------------------------------------------


def test_a_new_document_is_a_draft_without_number(make_draft):
    document = make_draft()
    assert document.status == Document.Status.DRAFT
    assert document.number is None and document.symbol == ""
    assert history_of(document).get().action == DocumentAction.DRAFTED


def test_issuing_numbers_the_document_per_office_kind_and_year(
    world, make_draft, secretariat_access, party_office
):
    first = services.document_issue(
        access=secretariat_access, document=make_draft(), issued_on=ISSUED_ON
    )
    second = services.document_issue(
        access=secretariat_access, document=make_draft(), issued_on=ISSUED_ON
    )
    other_kind = services.document_issue(
        access=secretariat_access, document=make_draft(kind="KH"), issued_on=ISSUED_ON
    )
    next_year = services.document_issue(
        access=secretariat_access, document=make_draft(), issued_on=dt.date(2021, 1, 4)
    )
    other_office = services.document_issue(
        access=secretariat_access,
        document=make_draft(issuer=world.agencies["btg"]),
        issued_on=ISSUED_ON,
    )
    assert (first.number, second.number) == (1, 2)
    assert (other_kind.number, next_year.number, other_office.number) == (1, 1, 1)
    assert first.symbol == "01-TB/VPTU" and second.symbol == "02-TB/VPTU"
    assert other_office.symbol == "01-TB/BTGTU"
    assert first.status == Document.Status.ISSUED and str(first.docx.name).endswith(".docx")
    issued = history_of(first).filter(action=DocumentAction.ISSUED).get()
    assert issued.actor == secretariat_access.user


def test_issuing_without_a_signer_is_refused_and_nothing_is_numbered(
    make_draft, secretariat_access
):
    document = make_draft(signer=None)
    with pytest.raises(BusinessError, match="Chưa có người ký"):
        services.document_issue(access=secretariat_access, document=document)
    document.refresh_from_db()
    assert document.status == Document.Status.DRAFT and document.number is None
    assert not NumberSequence.objects.exists()


def test_an_issued_document_cannot_be_edited(make_draft, secretariat_access):
    document = services.document_issue(access=secretariat_access, document=make_draft())
    with pytest.raises(BusinessError, match="không được sửa; hãy ban hành văn bản thay thế"):
        services.document_update(access=secretariat_access, document=document, subject="Sửa")
    document.refresh_from_db()
    assert document.subject.startswith("Kết luận")


def test_issuing_twice_is_refused(make_draft, secretariat_access):
    document = services.document_issue(access=secretariat_access, document=make_draft())
    with pytest.raises(BusinessError, match="đã được ban hành"):
        services.document_issue(access=secretariat_access, document=document)
    assert Document.objects.get().number == 1


def test_a_draft_can_be_edited(make_draft, secretariat_access, world):
    document = make_draft()
    services.document_update(
        access=secretariat_access,
        document=document,
        subject="Trích yếu mới",
        recipient_agencies=[world.agencies["stc"]],
    )
    document.refresh_from_db()
    assert document.subject == "Trích yếu mới"
    assert list(document.recipient_agencies.all()) == [world.agencies["stc"]]
    assert "trich yeu moi" in document.search_text


def test_issuing_a_replacement_supersedes_the_replaced_document(make_draft, secretariat_access):
    old = services.document_issue(access=secretariat_access, document=make_draft())
    new = services.document_issue(
        access=secretariat_access, document=make_draft(replaces=old, subject="Thay thế")
    )
    old.refresh_from_db()
    assert old.status == Document.Status.SUPERSEDED and new.replaces == old
    superseded = history_of(old)[0]
    assert superseded.action == DocumentAction.SUPERSEDED
    assert superseded.data["by"] == new.symbol
    with pytest.raises(BusinessError, match="đang có hiệu lực"):
        make_draft(replaces=old)


def test_issuer_without_a_code_cannot_issue(make_draft, secretariat_access, world):
    document = make_draft(issuer=world.agencies["stc"])
    with pytest.raises(BusinessError, match="chưa có ký hiệu"):
        services.document_issue(access=secretariat_access, document=document)


def test_state_office_issues_state_symbols(world, make_draft, secretariat_access, state_office):
    notice = services.document_issue(
        access=secretariat_access, document=make_draft(issuer=state_office), issued_on=ISSUED_ON
    )
    letter = services.document_issue(
        access=secretariat_access,
        document=make_draft(issuer=state_office, kind="CV"),
        issued_on=ISSUED_ON,
    )
    assert notice.symbol == "01/TB-VP"
    assert letter.symbol == "01/UBND-VP"


# Registration of documents numbered elsewhere --------------------------------------------------


def test_a_document_numbered_elsewhere_is_registered_with_its_number(
    world, secretariat_access, state_office
):
    plan = services.document_register(
        access=secretariat_access,
        kind="KH",
        issuer=state_office.parent,
        number=268,
        issued_on=dt.date(2019, 8, 8),
        subject="Phục vụ Đại hội",
    )
    assert plan.symbol == "268/KH-UBND" and plan.status == Document.Status.ISSUED
    assert plan.origin == Document.Origin.REGISTERED


def test_a_registered_number_already_used_is_refused_and_nothing_saved(
    world, secretariat_access, make_draft, party_office
):
    issued = services.document_issue(
        access=secretariat_access, document=make_draft(), issued_on=ISSUED_ON
    )
    with pytest.raises(BusinessError, match="Số 01 đã được dùng cho một thông báo khác"):
        services.document_register(
            access=secretariat_access,
            kind="TB",
            issuer=party_office,
            number=1,
            issued_on=dt.date(2020, 12, 1),
            subject="Trùng số",
            recipient_agencies=[world.agencies["btg"]],
        )
    assert list(Document.objects.all()) == [issued]


def test_issuance_continues_after_the_highest_registered_number(
    make_draft, secretariat_access, party_office
):
    services.document_register(
        access=secretariat_access,
        kind="TB",
        issuer=party_office,
        number=7,
        issued_on=dt.date(2020, 9, 1),
        subject="Vào sổ",
    )
    issued = services.document_issue(
        access=secretariat_access, document=make_draft(), issued_on=ISSUED_ON
    )
    assert issued.number == 8


# Permissions -------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["propaganda_access", "finance_access"])
def test_agency_officers_cannot_draft_or_issue(request, who, make_draft, world, party_office):
    access = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        make_draft(access=access)
    draft = make_draft()
    with pytest.raises(PermissionDenied):
        services.document_issue(access=access, document=draft)


def test_committee_leaders_issue_documents(make_draft, leader_access):
    document = services.document_issue(access=leader_access, document=make_draft())
    assert document.number == 1


def test_agency_of_another_congress_cannot_receive_a_document(make_draft, world):
    with pytest.raises(BusinessError, match="không thuộc Đại hội này"):
        make_draft(recipient_agencies=[world.other_agency])
    assert not Document.objects.exists()


# Concurrency -------------------------------------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_issuances_get_different_consecutive_numbers(
    world, secretariat_access, leader_access, make_draft
):
    if connection.vendor != "postgresql":
        pytest.skip("Row locks (SELECT … FOR UPDATE) are only meaningful on PostgreSQL")
    drafts = [make_draft(), make_draft(access=leader_access)]
    barrier = threading.Barrier(2)
    results, errors = [], []

    def issue(access, document):
        try:
            barrier.wait()
            results.append(
                services.document_issue(access=access, document=document, issued_on=ISSUED_ON)
            )
        except Exception as error:  # noqa: BLE001 — reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=issue, args=(secretariat_access, drafts[0])),
        threading.Thread(target=issue, args=(leader_access, drafts[1])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(d.number or 0 for d in results) == [1, 2]
    assert NumberSequence.objects.get().last_number == 2
