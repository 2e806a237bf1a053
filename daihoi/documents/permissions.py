"""Who may read, draft and issue official documents. Services call these; views gate on them."""

from django.db.models import Q
from django.http import Http404

from daihoi.organizations.permissions import Access

from .models import Document


def can_draft(access: Access) -> bool:
    """The secretariat and the committee leaders prepare and issue the congress's documents."""
    return access.can_accept


def can_issue(access: Access) -> bool:
    return access.can_accept


def visible_q(access: Access) -> Q:
    """Members see their whole congress; an agency officer sees what was sent to the agency."""
    q = Q(congress=access.congress)
    if access.sees_whole_congress:
        return q
    if access.agency_id is None:
        return q & Q(pk__in=[])
    return q & Q(
        status__in=[Document.Status.ISSUED, Document.Status.SUPERSEDED],
        pk__in=Document.recipient_agencies.through.objects.filter(
            agency_id=access.agency_id
        ).values("document_id"),
    )


def can_view(access: Access, document: Document) -> bool:
    if document.congress_id != access.congress.pk:
        return False
    if access.sees_whole_congress:
        return True
    if document.is_draft or access.agency_id is None:
        return False
    return document.recipient_agencies.filter(pk=access.agency_id).exists()


def access_document(access: Access, document_id: int) -> Document:
    """The document if the actor may read it; 404 alike for missing and not yours."""
    document = (
        Document.objects.select_related(
            "issuer__parent", "signer", "congress", "replaces", "created_by"
        )
        .filter(pk=document_id, congress=access.congress)
        .first()
    )
    if document is None or not can_view(access, document):
        raise Http404
    return document
