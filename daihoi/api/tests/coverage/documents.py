"""Văn bản: the registry (drafts, issuing, registering, replacing, scans, secrecy), the register
of documents received, and a committee's founding decision."""

from . import C, Target

D = C + "/documents/{document_id}"
I = C + "/incoming/{incoming_id}"  # noqa: E741

COVERAGE: dict[str, Target] = {
    "document-list": (("get", C + "/documents/"),),
    "document-create": (("post", C + "/documents/"),),
    "document-register": (("post", C + "/documents/register/"),),
    "document-detail": (("get", D + "/"), ("get", D + "/history/")),
    "document-edit": (("put", D + "/"),),
    "document-issue": (("post", D + "/issue/"),),
    "document-replace": (("post", D + "/replace/"),),
    "document-docx": (("get", D + "/docx/"),),
    "document-pdf": (("get", D + "/pdf/"),),
    "document-delete": (("delete", D + "/"),),
    "document-scan": (("get", D + "/scan/"),),
    "document-attach-scan": (("post", D + "/scan/"),),
    "document-readers": (("post", D + "/readers/"),),
    "incoming-list": (("get", C + "/incoming/"),),
    "incoming-export": (("get", C + "/incoming/export/"),),
    "incoming-register": (("post", C + "/incoming/register/"),),
    "incoming-detail": (("get", I + "/"), ("get", I + "/history/")),
    "incoming-edit": (("put", I + "/"), ("post", I + "/file/")),
    "incoming-file": (("get", I + "/file/"),),
    "incoming-delete": (("delete", I + "/"),),
    "committee-founding": (("post", C + "/committees/{committee_id}/founding-decision/"),),
}
