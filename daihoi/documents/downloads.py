"""What the registers give as files, shared by the pages and the API: a document's stored
file (never cached when secret) and the register of documents received as a workbook."""

from typing import Any

from django.db.models import QuerySet
from django.http import FileResponse, HttpResponse

from daihoi.core.dates import today as local_today
from daihoi.core.spreadsheets import table_workbook
from daihoi.core.uploads import XLSX_CONTENT_TYPE
from daihoi.core.views import content_file, stored_file
from daihoi.organizations.models import Congress

from .models import IncomingDocument

INCOMING_COLUMNS = [
    "Số đến",
    "Ngày đến",
    "Số, ký hiệu",
    "Ngày ban hành",
    "Cơ quan ban hành",
    "Trích yếu",
    "Độ khẩn",
    "Độ mật",
]
MAX_EXPORT_ROWS = 5000


def document_file(stored: Any, name: str, secret: bool) -> FileResponse:
    """A document's file under its user-given name; a secret document's file is never kept by
    a browser or a proxy cache."""
    response = stored_file(stored, name or None)
    if secret:
        response["Cache-Control"] = "no-store"
        response["Pragma"] = "no-cache"
    return response


def incoming_workbook(congress: Congress, documents: QuerySet[IncomingDocument]) -> HttpResponse:
    """The register as listed (the caller's rows, filtered and ordered) in XLSX."""
    today = local_today()
    content = table_workbook(
        "Sổ văn bản đến",
        INCOMING_COLUMNS,
        (
            [
                d.arrival_number,
                d.received_on,
                d.sender_symbol,
                d.issued_on,
                d.issuer_label,
                d.subject,
                d.get_urgency_display(),
                d.get_confidentiality_display(),
            ]
            for d in documents[:MAX_EXPORT_ROWS]
        ),
        widths=[8, 12, 18, 12, 30, 60, 12, 10],
        heading=[f"Sổ văn bản đến — {congress.full_title}", f"Ngày xuất {today:%d/%m/%Y}"],
    )
    return content_file(content, XLSX_CONTENT_TYPE, f"so-van-ban-den-{today:%Y%m%d}.xlsx")
