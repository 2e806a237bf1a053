"""Reads of the registry, already restricted to what the actor may see."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from daihoi.core.text import fold
from daihoi.organizations.permissions import Access

from . import permissions
from .models import Document


@dataclass
class DocumentFilters:
    q: str = ""
    kind: str = ""
    status: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def documents_visible_to(access: Access, filters: DocumentFilters) -> QuerySet[Document]:
    qs = Document.objects.filter(permissions.visible_q(access)).select_related(
        "issuer", "signer", "congress"
    )
    if filters.q:
        for word in fold(filters.q).split():
            qs = qs.filter(search_text__contains=word)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.date_from:
        qs = qs.filter(issued_on__gte=filters.date_from)
    if filters.date_to:
        qs = qs.filter(issued_on__lte=filters.date_to)
    return qs.order_by("-issued_on", "-number", "-id")
