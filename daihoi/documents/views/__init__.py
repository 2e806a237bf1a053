"""The documents app's views: the registry of documents issued, and the register of documents
received (with committee founding decisions)."""

from .incoming import (
    committee_founding,
    incoming_delete,
    incoming_detail,
    incoming_edit,
    incoming_export,
    incoming_file,
    incoming_list,
    incoming_register,
)
from .registry import (
    document_attach_scan,
    document_create,
    document_delete,
    document_detail,
    document_docx,
    document_edit,
    document_issue,
    document_list,
    document_pdf,
    document_readers,
    document_register,
    document_replace,
    document_scan,
)

__all__ = [
    "committee_founding",
    "document_attach_scan",
    "document_create",
    "document_delete",
    "document_detail",
    "document_docx",
    "document_edit",
    "document_issue",
    "document_list",
    "document_pdf",
    "document_readers",
    "document_register",
    "document_replace",
    "document_scan",
    "incoming_delete",
    "incoming_detail",
    "incoming_edit",
    "incoming_export",
    "incoming_file",
    "incoming_list",
    "incoming_register",
]
