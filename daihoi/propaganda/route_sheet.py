"""A route's list as a spreadsheet: the same sheet for the page's download and the API's."""

from daihoi.core.spreadsheets import table_workbook
from daihoi.core.text import fold
from daihoi.organizations.permissions import Access

from . import selectors
from .models import Route

HEADER = [
    "TT",
    "Loại",
    "Vị trí",
    "Vĩ độ",
    "Kinh độ",
    "Số lượng",
    "Khẩu hiệu",
    "Đơn vị thực hiện",
    "Lắp đặt",
    "Tháo dỡ",
    "Trạng thái",
]


def route_workbook(access: Access, route: Route) -> tuple[bytes, str]:
    """The route's items (not cancelled) in the order they stand, and the file's name."""
    rows = [
        (
            n,
            item.get_kind_display(),
            item.location,
            float(item.latitude) if item.latitude is not None else None,
            float(item.longitude) if item.longitude is not None else None,
            item.quantity,
            item.slogan.text if item.slogan else "",
            item.agency.name,
            item.install_on,
            item.remove_on,
            item.get_state_display(),
        )
        for n, item in enumerate(selectors.route_items(access, route), start=1)
    ]
    content = table_workbook(
        "Danh sách",
        HEADER,
        rows,
        widths=(5, 14, 36, 11, 11, 10, 50, 30, 12, 12, 14),
        heading=[f"{access.congress.full_title}", f"Tuyến: {route.name}"],
        number_columns=(5,),
        totals_label="Tổng số lượng",
    )
    name = fold(route.name).replace(" ", "-")[:60] or "tuyen"
    return content, f"tuyen-truyen-{name}.xlsx"
