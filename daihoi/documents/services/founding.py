"""A committee's founding decision: a registered QĐ chosen or entered from its page."""

import datetime as dt

from django.db import transaction

from daihoi.core.audit import changes_since, record, snapshot
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require, require_same_congress
from daihoi.organizations.models import Agency, Committee, CommitteeAction, Person
from daihoi.organizations.permissions import Access, can_manage_committees

from ..models import (
    Document,
    DocumentKind,
)
from .registry import document_register


def _check_founding(access: Access, committee: Committee, document: Document) -> None:
    require(
        can_manage_committees(access),
        "Chỉ Thường trực / Văn phòng mới được gắn quyết định thành lập tiểu ban.",
    )
    require_same_congress(access.congress, committee, document)
    if document.kind != DocumentKind.QD:
        raise BusinessError(
            f"Quyết định thành lập phải là một Quyết định; {document} là "
            f"{document.kind_label.lower()}.",
            field="document",
        )
    if not document.is_issued:
        raise BusinessError(
            "Chỉ gắn được quyết định đã ban hành hoặc đã vào sổ, còn hiệu lực.", field="document"
        )


@transaction.atomic
def committee_set_founding_decision(
    *, access: Access, committee: Committee, document: Document
) -> Committee:
    """Links the committee to its founding decision, a QĐ already in the registry."""
    _check_founding(access, committee, document)
    committee = (
        Committee.objects.select_for_update(of=("self",))
        .select_related("founding_document")
        .get(pk=committee.pk)
    )
    before = snapshot(committee, ["founding_document"])
    committee.founding_document = document
    changes = changes_since(committee, before)
    if changes:
        committee.save(update_fields=["founding_document"])
        record(access, CommitteeAction.FOUNDING_DECISION_SET, committee, changes=changes)
    return committee


@transaction.atomic
def committee_register_founding_decision(
    *,
    access: Access,
    committee: Committee,
    issuer: Agency,
    number: int,
    issued_on: dt.date,
    subject: str,
    issuer_code: str = "",
    signer: Person | None = None,
) -> Committee:
    """Enters a founding decision signed on paper in the registry (a QĐ, `document_register`)
    and links the committee to it, in one transaction."""
    require(
        can_manage_committees(access),
        "Chỉ Thường trực / Văn phòng mới được gắn quyết định thành lập tiểu ban.",
    )
    document = document_register(
        access=access,
        kind=DocumentKind.QD,
        issuer=issuer,
        number=number,
        issued_on=issued_on,
        subject=subject,
        issuer_code=issuer_code,
        signer=signer,
    )
    return committee_set_founding_decision(access=access, committee=committee, document=document)
