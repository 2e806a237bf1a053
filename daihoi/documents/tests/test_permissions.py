import pytest
from django.http import Http404

from daihoi.accounts.models import Role
from daihoi.documents import services
from daihoi.documents.permissions import access_document
from daihoi.organizations.permissions import Access

from .conftest import ISSUED_ON


def test_access_document_answers_404_for_another_congress(world, make_draft):
    document = make_draft()
    outsider = Access(world.users["outsider"], world.other, Role.AGENCY_OFFICER)
    with pytest.raises(Http404):
        access_document(outsider, document.pk)


def test_access_document_answers_404_for_a_document_not_sent_to_the_agency(
    world, make_draft, secretariat_access, finance_access
):
    issued = services.document_issue(
        access=secretariat_access, document=make_draft(), issued_on=ISSUED_ON
    )
    with pytest.raises(Http404):
        access_document(finance_access, issued.pk)


def test_access_document_answers_404_for_a_draft_even_to_its_recipient(
    make_draft, propaganda_access
):
    with pytest.raises(Http404):
        access_document(propaganda_access, make_draft().pk)


def test_access_document_answers_404_for_a_missing_document(secretariat_access):
    with pytest.raises(Http404):
        access_document(secretariat_access, 999_999)


def test_access_document_gives_an_issued_document_to_its_recipient_agency(
    make_draft, secretariat_access, propaganda_access
):
    issued = services.document_issue(
        access=secretariat_access, document=make_draft(), issued_on=ISSUED_ON
    )
    assert access_document(propaganda_access, issued.pk) == issued
