"""A hotel's manifest for a night as a spreadsheet: the same sheet for the page's download and
the API's."""

import datetime as dt

from daihoi.core.spreadsheets import table_workbook
from daihoi.organizations.models import Congress

from .models import Hotel
from .selectors import RoomNight

HEADER = ["Phòng", "Dành cho", "STT", "Họ và tên", "Giới tính", "Đoàn đại biểu", "Điện thoại"]


def hotel_manifest_xlsx(
    congress: Congress, hotel: Hotel, night: dt.date | None, rooms: list[RoomNight]
) -> bytes:
    rows = [
        [
            r.room.number,
            r.room.get_gender_rule_display(),
            n,
            stay.delegate.full_name,
            stay.delegate.get_gender_display(),
            stay.delegate.delegation.name,
            stay.delegate.phone,
        ]
        for r in rooms
        for n, stay in enumerate(r.stays, start=1)
    ]
    when = night.strftime("%d/%m/%Y") if night else "cả kỳ Đại hội"
    return table_workbook(
        "Danh sách nghỉ",
        HEADER,
        rows,
        widths=[10, 14, 6, 30, 10, 36, 14],
        heading=[f"{hotel.name} — đêm {when}", congress.full_title],
    )


def file_name(hotel: Hotel, night: dt.date | None) -> str:
    stamp = night.strftime("%Y-%m-%d") if night else "ca-ky"
    return f"danh-sach-nghi-{hotel.pk}-{stamp}.xlsx"
