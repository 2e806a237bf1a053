"""Agency sheets built in memory for the import tests (and the browser test)."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from daihoi.organizations.services.importing import COLUMNS


def agency_sheet(rows: list[tuple], name: str = "co-quan.xlsx") -> SimpleUploadedFile:
    """An XLSX with the template's header and `rows` (name, short name, code, parent, finance)."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(list(COLUMNS.values()))
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return SimpleUploadedFile(name, out.getvalue())


KON_TUM_ROWS = [
    ("Tỉnh ủy Kon Tum", "TU", "TU", "", ""),
    ("Văn phòng Tỉnh ủy Kon Tum", "VPTU KT", "VPTU", "TU", ""),
    ("Sở Tài chính tỉnh Kon Tum", "Sở TC", "STC", "", "x"),
    ("Huyện ủy Đắk Hà", "HU Đắk Hà", "HU", "Tỉnh ủy Kon Tum", ""),
]
