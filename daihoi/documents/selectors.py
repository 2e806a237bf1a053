"""Reads of the registry, already restricted to what the actor may see."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

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


def document_for(access: Access, document_id: int) -> Document:
    """The document if the actor may read it; 404 otherwise, so its existence does not leak."""
    document = (
        Document.objects.select_related(
            "issuer__parent", "signer", "congress", "replaces", "created_by"
        )
        .filter(pk=document_id, congress=access.congress)
        .first()
    )
    if document is None or not permissions.can_view(access, document):
        raise Http404
    return document
