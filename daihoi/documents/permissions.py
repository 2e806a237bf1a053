"""Who may read, draft and issue official documents. Services call these; views gate on them.

What a user may read of the registry and of the register of documents received is one rule
each, on the querysets: `Document.objects.visible_to(access)` and
`IncomingDocument.objects.visible_to(access)` (both keep secret documents to the people named).
"""

from daihoi.core.views import first_or_404
from daihoi.organizations.permissions import Access

from .models import Document, IncomingDocument


def can_draft(access: Access) -> bool:
    """The secretariat and the committee leaders prepare and issue the congress's documents."""
    return access.can_accept


def can_issue(access: Access) -> bool:
    return access.can_accept


def can_register_incoming(access: Access) -> bool:
    """The secretariat keeps the register of documents received."""
    return access.can_manage


def can_mark_secret(document: Document) -> bool:
    """A draft, a document registered from paper, or one already secret (its readers change);
    not an ordinary document issued here, which has already gone out (mails, meeting pages)."""
    return document.is_draft or document.is_registered or document.is_secret


def can_view(access: Access, document: Document) -> bool:
    """The object-level form of `Document.objects.visible_to(access)` (one query)."""
    return Document.objects.visible_to(access).filter(pk=document.pk).exists()


def access_document(access: Access, document_id: int) -> Document:
    """The document if the actor may read it; 404 alike for missing, not yours and secret."""
    return first_or_404(
        Document.objects.visible_to(access)
        .select_related("issuer__parent", "signer", "congress", "replaces", "created_by")
        .filter(pk=document_id)
    )


def access_incoming(access: Access, document_id: int) -> IncomingDocument:
    """A document received if the actor may read it; 404 alike for missing, not yours and
    secret."""
    return first_or_404(
        IncomingDocument.objects.visible_to(access)
        .select_related("issuer_agency", "created_by")
        .filter(pk=document_id)
    )
