"""Reads of the registry, already restricted to what the actor may see."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from daihoi.accounts.models import User
from daihoi.core.text import fold
from daihoi.organizations.models import Congress
from daihoi.organizations.permissions import WORKSPACE_ROLES, Access

from .models import Document, IncomingDocument


@dataclass
class DocumentFilters:
    q: str = ""
    kind: str = ""
    status: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def documents_visible_to(access: Access, filters: DocumentFilters) -> QuerySet[Document]:
    qs = Document.objects.visible_to(access).select_related("issuer", "signer", "congress")
    qs = _matching(qs, filters.q)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.status:
        qs = qs.filter(status=filters.status)
    qs = _dated(qs, "issued_on", filters.date_from, filters.date_to)
    return qs.order_by("-issued_on", "-number", "-id")


def _matching[Q: QuerySet](qs: Q, text: str) -> Q:
    """Rows whose folded search text holds every word of `text` (diacritics ignored)."""
    for word in fold(text).split():
        qs = qs.filter(search_text__contains=word)
    return qs


def _dated[Q: QuerySet](qs: Q, field: str, start: dt.date | None, end: dt.date | None) -> Q:
    """Rows whose date `field` falls between `start` and `end` (either may be open)."""
    if start:
        qs = qs.filter(**{f"{field}__gte": start})
    if end:
        qs = qs.filter(**{f"{field}__lte": end})
    return qs


def congress_users(congress: Congress) -> QuerySet[User]:
    """The users working in the congress: who may be named on a secret document."""
    return (
        User.objects.filter(
            participations__congress=congress, participations__role__in=WORKSPACE_ROLES
        )
        .distinct()
        .order_by("full_name", "username")
    )


@dataclass
class IncomingFilters:
    q: str = ""
    confidentiality: str = ""
    urgency: str = ""
    agency_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def incoming_visible_to(access: Access, filters: IncomingFilters) -> QuerySet[IncomingDocument]:
    """The register of documents received as the actor may read it, newest arrivals first."""
    qs = IncomingDocument.objects.visible_to(access).select_related("issuer_agency")
    qs = _matching(qs, filters.q)
    if filters.confidentiality:
        qs = qs.filter(confidentiality=filters.confidentiality)
    if filters.urgency:
        qs = qs.filter(urgency=filters.urgency)
    if filters.agency_id:
        qs = qs.filter(handling_agencies=filters.agency_id)
    qs = _dated(qs, "received_on", filters.date_from, filters.date_to)
    return qs.order_by("-year", "-arrival_number")
