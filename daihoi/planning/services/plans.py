"""Plans: registering, editing, and their entry in the registry of official documents."""

import datetime as dt
from typing import Any

from django.db import IntegrityError, transaction

from daihoi.core.audit import changes_since, record, snapshot
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require, require_same_congress
from daihoi.core.versioning import check_version
from daihoi.documents import services as document_services
from daihoi.documents.models import Document, DocumentKind
from daihoi.organizations.models import Agency, Committee
from daihoi.organizations.permissions import Access

from ..models import Plan, PlanAction

# What people edit on a plan (PlanForm's fields).
PLAN_FIELDS = [
    "number",
    "issuer_code",
    "issuer",
    "issued_on",
    "subject",
    "committee",
    "parent",
    "detailed_plan_due",
]


def _plan_document_issuer(plan: Plan) -> Agency | None:
    """The agency under which the plan is entered in the registry of official documents.

    The registry numbers documents per issuing agency. A plan names that agency, or only the
    code printed in its symbol; then the congress's agency bearing that code is the issuer and
    becomes the plan's issuer too. The plan's code stays what its symbol prints, even when it
    differs from the agency's own code (a subcommittee's plan issued under the Tỉnh ủy reads
    "06-KH/TBPV"), so the registered document carries the plan's code. A plan whose agency
    cannot be found stays outside the registry until one is chosen.
    """
    if plan.issuer is not None:
        return plan.issuer
    matches = list(Agency.objects.filter(congress=plan.congress, code__iexact=plan.issuer_code)[:2])
    if len(matches) == 1:
        plan.issuer = matches[0]
        return matches[0]
    return None


def _sync_plan_document(access: Access, plan: Plan) -> None:
    """Registers the plan as a KH document, or corrects its registry entry after an edit."""
    issuer = _plan_document_issuer(plan)
    if issuer is None:
        return
    if plan.document is None:
        plan.document = document_services.document_register(
            access=access,
            kind=DocumentKind.KH,
            issuer=issuer,
            number=plan.number,
            issued_on=plan.issued_on,
            subject=plan.subject,
            issuer_code=plan.issuer_code,
        )
    elif plan.document.origin == Document.Origin.REGISTERED:
        document_services.document_correct_registration(
            access=access,
            document=plan.document,
            issuer=issuer,
            number=plan.number,
            issued_on=plan.issued_on,
            subject=plan.subject,
            issuer_code=plan.issuer_code,
        )


def _save_numbered(access: Access, plan: Plan) -> None:
    """Saves the plan with its registry document; another plan that took the number since the
    checks (the unique constraint is the guard) refuses it on the number field."""
    _sync_plan_document(access, plan)
    try:
        with transaction.atomic():
            plan.save()
    except IntegrityError:
        raise BusinessError(
            f"Số {plan.number} đã được dùng trong năm {plan.issued_on.year}.", field="number"
        ) from None


@transaction.atomic
def plan_create(
    *,
    access: Access,
    number: int,
    issuer_code: str,
    issued_on: dt.date,
    subject: str,
    issuer: Agency | None = None,
    committee: Committee | None = None,
    parent: Plan | None = None,
    detailed_plan_due: dt.date | None = None,
) -> Plan:
    require(access.can_manage)
    congress = access.congress
    require_same_congress(congress, issuer, committee, parent)
    issuer_code = issuer_code.strip().upper()
    if Plan.objects.filter(
        congress=congress, issuer_code=issuer_code, year=issued_on.year, number=number
    ).exists():
        raise BusinessError(
            f"Số {number} đã được {issuer_code} dùng cho một kế hoạch khác trong năm "
            f"{issued_on.year}.",
            field="number",
        )
    plan = Plan(
        congress=congress,
        number=number,
        issuer_code=issuer_code,
        issued_on=issued_on,
        subject=subject.strip(),
        issuer=issuer,
        committee=committee,
        parent=parent,
        detailed_plan_due=detailed_plan_due,
    )
    _save_numbered(access, plan)
    record(access, PlanAction.CREATED, plan, data={"symbol": plan.symbol})
    return plan


@transaction.atomic
def plan_update(
    *, access: Access, plan: Plan, expected_version: int | None = None, **fields: Any
) -> Plan:
    """Locks the plan row, checks nobody saved it since the form was opened (its version),
    then checks the number is free and applies the edit."""
    require(access.can_manage and plan.congress_id == access.congress.pk)
    plan = (
        Plan.objects.select_related("congress", "document")
        .select_for_update(of=("self",))
        .get(pk=plan.pk)
    )
    check_version(plan, expected_version, "Kế hoạch")
    before = snapshot(plan, PLAN_FIELDS)
    require_same_congress(
        access.congress, fields.get("issuer"), fields.get("committee"), fields.get("parent")
    )
    if fields.get("parent") is not None and fields["parent"].pk == plan.pk:
        raise BusinessError("Kế hoạch không thể cụ thể hóa chính nó.", field="parent")
    for name, value in fields.items():
        setattr(plan, name, value)
    plan.issuer_code = plan.issuer_code.strip().upper()
    duplicate = (
        Plan.objects.filter(
            congress=plan.congress,
            issuer_code=plan.issuer_code,
            year=plan.issued_on.year,
            number=plan.number,
        )
        .exclude(pk=plan.pk)
        .exists()
    )
    if duplicate:
        raise BusinessError(
            f"Số {plan.number} đã được {plan.issuer_code} dùng trong năm {plan.issued_on.year}.",
            field="number",
        )
    _save_numbered(access, plan)
    record(access, PlanAction.UPDATED, plan, changes=changes_since(plan, before))
    return plan
