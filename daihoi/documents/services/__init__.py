"""Every change to the document registries users cause. Keyword-only, explicit actor, atomic.

One module per subdomain; every service is re-exported here, so callers write
`from daihoi.documents import services; services.document_issue(...)`.
"""

from .files import (
    SCAN_TYPES,
    check_document_file,
    document_attach_scan,
    document_set_readers,
)
from .founding import (
    committee_register_founding_decision,
    committee_set_founding_decision,
)
from .incoming import (
    INCOMING_FIELDS,
    REGISTRAR_ONLY,
    incoming_delete,
    incoming_register,
    incoming_restore,
    incoming_share_with,
    incoming_update,
)
from .registry import (
    DRAFT_FIELDS,
    EDITABLE_FIELDS,
    ISSUED_IS_FINAL,
    MANAGERS_ONLY,
    document_correct_registration,
    document_create,
    document_delete,
    document_draft_replacement,
    document_issue,
    document_register,
    document_restore,
    document_store_pdf,
    document_update,
)

__all__ = [
    "DRAFT_FIELDS",
    "EDITABLE_FIELDS",
    "INCOMING_FIELDS",
    "ISSUED_IS_FINAL",
    "MANAGERS_ONLY",
    "REGISTRAR_ONLY",
    "SCAN_TYPES",
    "check_document_file",
    "committee_register_founding_decision",
    "committee_set_founding_decision",
    "document_attach_scan",
    "document_correct_registration",
    "document_create",
    "document_delete",
    "document_draft_replacement",
    "document_issue",
    "document_register",
    "document_restore",
    "document_set_readers",
    "document_store_pdf",
    "document_update",
    "incoming_delete",
    "incoming_register",
    "incoming_restore",
    "incoming_share_with",
    "incoming_update",
]
