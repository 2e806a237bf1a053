"""The blank sheet to fill in, with example rows, the lists of areas and phases, and notes."""

import datetime as dt

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from daihoi.core.spreadsheets import append_row, header_row, set_widths, workbook_bytes
from daihoi.organizations.models import Agency, Congress
from daihoi.planning.models import Area, Phase

from .. import task_sheet
from .reading import MAX_ROWS


def template_xlsx(congress: Congress, today: dt.date) -> bytes:
    """The sheet to fill: the export's own columns, example rows dated within the congress's
    preparation, and lists for area and phase."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Nhiệm vụ"
    header_row(sheet, task_sheet.LABELS)
    agencies = list(
        Agency.objects.filter(congress=congress).order_by("pk").values_list("name", flat=True)[:3]
    )
    for row in task_sheet.example_rows(congress, agencies, today):
        append_row(sheet, row)
    set_widths(sheet, task_sheet.WIDTHS)
    lists = workbook.create_sheet("Danh mục")
    append_row(lists, ["Lĩnh vực", "Giai đoạn"])
    areas = [str(a.label) for a in Area]
    phases = [str(p.label) for p in Phase]
    for i in range(max(len(areas), len(phases))):
        append_row(
            lists, [areas[i] if i < len(areas) else None, phases[i] if i < len(phases) else None]
        )
    keys = [c.key for c in task_sheet.COLUMNS]
    for key, values, letter in (("area", areas, "A"), ("phase", phases, "B")):
        column = get_column_letter(keys.index(key) + 1)
        validation = DataValidation(
            type="list", formula1=f"'Danh mục'!${letter}$2:${letter}${len(values) + 1}"
        )
        validation.error = "Chọn trong danh mục"
        sheet.add_data_validation(validation)
        validation.add(f"{column}2:{column}{MAX_ROWS + 1}")
    notes = workbook.create_sheet("Hướng dẫn")
    for line in [
        "Mỗi dòng một nhiệm vụ; dòng tiêu đề cột giữ nguyên (cùng các cột với tệp Xuất Excel).",
        "Cột “Mã nhiệm vụ”: để trống khi thêm nhiệm vụ mới; giữ mã của tệp xuất để sửa"
        " nhiệm vụ đó.",
        "Đơn vị ghi tên đầy đủ hoặc tên viết tắt như trong danh mục cơ quan, đơn vị.",
        "Nhiều đơn vị phối hợp cách nhau bằng dấu chấm phẩy (;).",
        "Kế hoạch ghi số, ký hiệu như 06-KH/TU; để trống nếu không thuộc kế hoạch nào.",
        "Ngày ghi dd/mm/yyyy hoặc định dạng ngày của Excel; hạn có thể ghi theo ngày khai mạc"
        " như D-30.",
        "Các cột Tiến độ, Tình trạng, Ngày báo cáo hoàn thành chỉ để xem, không được nhập.",
        "Không dùng công thức; nếu có dòng sai, không nhiệm vụ nào được lưu.",
    ]:
        append_row(notes, [line])
    notes.column_dimensions["A"].width = 100
    return workbook_bytes(workbook)
