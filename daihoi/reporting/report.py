"""Báo cáo kết quả thực hiện nhiệm vụ phục vụ Đại hội: DOCX in the official layout, and XLSX."""

import datetime as dt
from collections.abc import Mapping
from typing import Any

from openpyxl import Workbook

from daihoi.core.dates import format_date
from daihoi.core.exceptions import BusinessError
from daihoi.core.spreadsheets import (
    DATE_FORMAT,
    append_row,
    header_row,
    safe_cell,
    set_widths,
    workbook_bytes,
)
from daihoi.core.text import fold
from daihoi.documents import rendering
from daihoi.documents.layout import Layout
from daihoi.documents.models import Document, DocumentKind
from daihoi.organizations.models import Agency, Congress
from daihoi.organizations.permissions import Access
from daihoi.planning.status import StatusClass

from .selectors import Consolidated

TITLE = "Kết quả thực hiện nhiệm vụ phục vụ Đại hội"


def subject(as_of: dt.date) -> str:
    return f"{TITLE} (tính đến ngày {format_date(as_of)})"


def issuing_agency(access: Access) -> Agency:
    """The secretariat's own agency when it has one, else the congress's Văn phòng."""
    agencies = Agency.objects.filter(congress=access.congress).select_related("parent")
    if access.agency_id is not None:
        own = agencies.filter(pk=access.agency_id).first()
        if own is not None:
            return own
    for agency in agencies.order_by("pk"):
        if fold(agency.name).startswith("van phong"):
            return agency
    first = agencies.order_by("pk").first()
    if first is None:
        raise BusinessError("Đại hội chưa có cơ quan, đơn vị nào để đứng tên báo cáo.")
    return first


def days_late(as_of: dt.date, deadline: dt.date | None) -> int:
    """Days past the deadline; an overdue task always has one."""
    return (as_of - deadline).days if deadline else 0


def _pct(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}" if whole else "0"


def summary_sentence(data: Consolidated) -> str:
    c = data.counts
    halted = c[StatusClass.PAUSED] + c[StatusClass.CANCELLED]
    text = (
        f"Tính đến ngày {format_date(data.as_of)}, tổng số nhiệm vụ được giao là {c['total']}; "
        f"đã hoàn thành {c['done']} nhiệm vụ (đúng hạn {c[StatusClass.DONE_ON_TIME]}, quá hạn "
        f"{c[StatusClass.DONE_LATE]}); đang thực hiện {c['open']} nhiệm vụ (trong hạn "
        f"{c[StatusClass.OPEN_ON_TIME]}, quá hạn {c[StatusClass.OPEN_OVERDUE]})"
    )
    if halted:
        text += f"; tạm dừng, hủy {halted} nhiệm vụ"
    return text + f". Tỷ lệ hoàn thành đạt {c['completion_rate']}%."


def unsaved_report(
    access: Access, issuer: Agency, *, subject: str, issued_on: dt.date, body: str, recipients: str
) -> Document:
    """A report (BC) in `issuer`'s name, printed from live data and not registered: signed for
    the committee in a Party layout, by the head of office otherwise."""
    party = issuer.layout == Congress.Rules.PARTY
    return Document(
        congress=access.congress,
        kind=DocumentKind.BC,
        issuer=issuer,
        issuer_code=issuer.code or issuer.short_name,
        subject=subject,
        issued_on=issued_on,
        body=body,
        recipients=recipients,
        authority="T/M TIỂU BAN" if party else "TL.",
        signer_title="TRƯỞNG TIỂU BAN" if party else "CHÁNH VĂN PHÒNG",
    )


def report_document(access: Access, as_of: dt.date, issued_on: dt.date) -> Document:
    """An unsaved document: the report is printed from the live figures, not registered."""
    issuer = issuing_agency(access)
    return unsaved_report(
        access,
        issuer,
        subject=subject(as_of),
        issued_on=issued_on,
        body=(
            f"Thực hiện kế hoạch tổ chức {access.congress.full_title}, {issuer.name} tổng hợp, "
            "báo cáo kết quả thực hiện nhiệm vụ phục vụ Đại hội của các cơ quan, đơn vị như sau:"
        ),
        recipients="Thường trực Tỉnh ủy (b/c)\nCác Tiểu ban phục vụ Đại hội\nCác cơ quan, đơn vị",
    )


# The DOCX: one function per section of the report ------------------------------------------------

# The four classes counted as "given and alive" in the tables by agency and by area.
LIVE_CLASSES = (
    StatusClass.OPEN_ON_TIME,
    StatusClass.OPEN_OVERDUE,
    StatusClass.DONE_ON_TIME,
    StatusClass.DONE_LATE,
)
NO_TASKS = "Chưa có nhiệm vụ nào được giao."


def _live(counts: Mapping[str, int]) -> str:
    return str(sum(counts[s] for s in LIVE_CLASSES))


def _status_table(doc: Any, data: Consolidated) -> None:
    total = sum(n for _, _, n in data.classes)
    rows = [
        [str(i), label, str(n), _pct(n, total)]
        for i, (_, label, n) in enumerate(data.classes, start=1)
    ]
    rows.append(["", "Cộng", str(total), "100" if total else "0"])
    rendering.add_table(
        doc,
        ["STT", "Tình trạng", "Số nhiệm vụ", "Tỷ lệ (%)"],
        rows,
        widths_mm=[14, 91, 30, 30],
        right_aligned={0, 2, 3},
        bold_rows={len(rows) - 1},
    )


def _agency_table(doc: Any, rules: Layout, data: Consolidated) -> None:
    rows = [
        [
            str(i),
            row.agency.name,
            _live(row.counts),
            str(row.counts[StatusClass.DONE_ON_TIME]),
            str(row.counts[StatusClass.DONE_LATE]),
            str(row.counts[StatusClass.OPEN_ON_TIME]),
            str(row.counts[StatusClass.OPEN_OVERDUE]),
        ]
        for i, row in enumerate(data.by_agency, start=1)
    ]
    if not rows:
        rendering.add_body_text(doc, rules, NO_TASKS, italic=True)
        return
    header = ["STT", "Đơn vị chủ trì", "Tổng số", "Xong đúng hạn", "Xong quá hạn"]
    header += ["Đang làm trong hạn", "Đang làm quá hạn"]
    rendering.add_table(
        doc,
        header,
        rows,
        widths_mm=[11, 54, 18, 20, 20, 21, 21],
        right_aligned={0, 2, 3, 4, 5, 6},
        size=11,
    )


def _area_table(doc: Any, rules: Layout, data: Consolidated) -> None:
    rows = [
        [
            str(i),
            area["label"],
            _live(area),
            str(area[StatusClass.DONE_ON_TIME] + area[StatusClass.DONE_LATE]),
            str(area[StatusClass.OPEN_ON_TIME]),
            str(area[StatusClass.OPEN_OVERDUE]),
        ]
        for i, area in enumerate(data.by_area, start=1)
    ]
    if not rows:
        rendering.add_body_text(doc, rules, NO_TASKS, italic=True)
        return
    rendering.add_table(
        doc,
        ["STT", "Lĩnh vực", "Tổng số", "Hoàn thành", "Đang làm trong hạn", "Quá hạn"],
        rows,
        widths_mm=[12, 61, 20, 24, 26, 22],
        right_aligned={0, 2, 3, 4, 5},
        size=11,
    )


def _general(doc: Any, rules: Layout, data: Consolidated) -> None:
    text = rendering.add_body_text
    text(doc, rules, "I. TÌNH HÌNH CHUNG", bold=True)
    text(doc, rules, summary_sentence(data))
    text(doc, rules, "1. Theo tình trạng thực hiện", bold=True)
    _status_table(doc, data)
    text(doc, rules, "2. Theo đơn vị chủ trì", bold=True)
    _agency_table(doc, rules, data)
    text(doc, rules, "3. Theo lĩnh vực", bold=True)
    _area_table(doc, rules, data)


def _overdue(doc: Any, rules: Layout, data: Consolidated) -> None:
    heading = f"II. NHIỆM VỤ QUÁ HẠN ({data.counts[StatusClass.OPEN_OVERDUE]})"
    rendering.add_body_text(doc, rules, heading, bold=True)
    if not data.overdue:
        rendering.add_body_text(doc, rules, "Không có nhiệm vụ quá hạn.", italic=True)
        return
    rows = [
        [
            str(i),
            t.title,
            t.lead_agency.name,
            format_date(t.deadline),
            str(days_late(data.as_of, t.deadline)),
        ]
        for i, t in enumerate(data.overdue, start=1)
    ]
    rendering.add_table(
        doc,
        ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Hạn", "Số ngày quá hạn"],
        rows,
        widths_mm=[12, 68, 43, 22, 20],
        right_aligned={0, 4},
        size=11,
    )


def _obstacles(doc: Any, rules: Layout, data: Consolidated) -> None:
    rendering.add_body_text(doc, rules, "III. KHÓ KHĂN, VƯỚNG MẮC CÁC ĐƠN VỊ NÊU", bold=True)
    if not data.obstacles:
        text = "Không có vướng mắc nào đang chờ tháo gỡ."
        rendering.add_body_text(doc, rules, text, italic=True)
        return
    rendering.add_table(
        doc,
        ["STT", "Khó khăn, vướng mắc", "Đơn vị", "Nhiệm vụ"],
        [
            [str(i), u.obstacle, u.agency.name, u.task.title]
            for i, u in enumerate(data.obstacles, start=1)
        ],
        widths_mm=[12, 65, 38, 50],
        right_aligned={0},
        size=11,
    )


def _open_conclusions(doc: Any, rules: Layout, data: Consolidated) -> None:
    rendering.add_body_text(doc, rules, "IV. KẾT LUẬN CHƯA HOÀN THÀNH", bold=True)
    if not data.open_conclusions:
        text = "Mọi kết luận đã giao đều đã hoàn thành."
        rendering.add_body_text(doc, rules, text, italic=True)
        return
    rows = [
        [
            str(i),
            t.title,
            t.conclusion.meeting.title,
            t.lead_agency.name,
            format_date(t.deadline) or "—",
        ]
        for i, t in enumerate(data.open_conclusions, start=1)
    ]
    rendering.add_table(
        doc,
        ["STT", "Nội dung kết luận (nhiệm vụ)", "Cuộc họp", "Đơn vị chủ trì", "Hạn"],
        rows,
        widths_mm=[12, 55, 40, 36, 22],
        right_aligned={0},
        size=11,
    )


PROPOSAL = (
    "Đề nghị các cơ quan, đơn vị có nhiệm vụ quá hạn khẩn trương hoàn thành, báo cáo "
    "kết quả và giải trình nguyên nhân chậm tiến độ; các Tiểu ban chỉ đạo tháo gỡ "
    "kịp thời các khó khăn, vướng mắc, bảo đảm Đại hội diễn ra đúng kế hoạch./."
)


def _proposals(doc: Any, rules: Layout) -> None:
    rendering.add_body_text(doc, rules, "V. ĐỀ XUẤT", bold=True)
    rendering.add_body_text(doc, rules, PROPOSAL)


def render_docx(access: Access, data: Consolidated, issued_on: dt.date) -> bytes:
    """The report in the official layout: the five sections between body and signature."""

    def sections(doc: Any, rules: Layout) -> None:
        _general(doc, rules, data)
        _overdue(doc, rules, data)
        _obstacles(doc, rules, data)
        _open_conclusions(doc, rules, data)
        _proposals(doc, rules)

    document = report_document(access, data.as_of, issued_on)
    return rendering.render_docx(document, after_body=sections)


# The XLSX: one sheet per table -------------------------------------------------------------------

XLSX_CLASSES = (
    StatusClass.DONE_ON_TIME,
    StatusClass.DONE_LATE,
    StatusClass.OPEN_ON_TIME,
    StatusClass.OPEN_OVERDUE,
)


def _summary_sheet(workbook: Workbook, data: Consolidated) -> None:
    sheet = workbook.active
    sheet.title = "Tổng hợp"
    append_row(sheet, [safe_cell(f"Báo cáo {TITLE.lower()}")])
    append_row(sheet, [f"Tính đến ngày {format_date(data.as_of)}"])
    append_row(sheet, [summary_sentence(data)])
    append_row(sheet, [])
    header_row(sheet, ["Tình trạng", "Số nhiệm vụ"])
    for _, label, n in data.classes:
        append_row(sheet, [label, n])
    append_row(sheet, ["Tạm dừng", data.counts[StatusClass.PAUSED]])
    append_row(sheet, ["Hủy", data.counts[StatusClass.CANCELLED]])
    append_row(sheet, ["Tổng số", data.counts["total"]])
    set_widths(sheet, [40, 16])


def _agency_sheet(workbook: Workbook, data: Consolidated) -> None:
    sheet = workbook.create_sheet("Theo đơn vị")
    labels = [str(s.label) for s in XLSX_CLASSES]
    header_row(sheet, ["Đơn vị chủ trì", *labels, "Tỷ lệ hoàn thành (%)"])
    for row in data.by_agency:
        counts = [row.counts[s] for s in XLSX_CLASSES]
        append_row(sheet, [safe_cell(row.agency.name), *counts, row.completion_rate])
    set_widths(sheet, [44, 16, 16, 16, 16, 16])


def _area_sheet(workbook: Workbook, data: Consolidated) -> None:
    sheet = workbook.create_sheet("Theo lĩnh vực")
    header_row(sheet, ["Lĩnh vực", *(str(s.label) for s in XLSX_CLASSES)])
    for a in data.by_area:
        append_row(sheet, [str(a["label"]), *(a[s] for s in XLSX_CLASSES)])
    set_widths(sheet, [36, 16, 16, 16, 16])


def _overdue_sheet(workbook: Workbook, data: Consolidated) -> None:
    sheet = workbook.create_sheet("Quá hạn")
    header_row(sheet, ["Nhiệm vụ", "Đơn vị chủ trì", "Hạn", "Số ngày quá hạn", "Tiến độ (%)"])
    for t in data.overdue:
        title, agency = safe_cell(t.title), safe_cell(t.lead_agency.name)
        append_row(
            sheet, [title, agency, t.deadline, days_late(data.as_of, t.deadline), t.progress]
        )
        sheet.cell(sheet.max_row, 3).number_format = DATE_FORMAT
    set_widths(sheet, [60, 36, 12, 14, 12])


def _obstacle_sheet(workbook: Workbook, data: Consolidated) -> None:
    sheet = workbook.create_sheet("Vướng mắc")
    header_row(sheet, ["Khó khăn, vướng mắc", "Đơn vị", "Nhiệm vụ", "Ngày nêu"])
    for u in data.obstacles:
        cells = [safe_cell(u.obstacle), safe_cell(u.agency.name), safe_cell(u.task.title)]
        append_row(sheet, [*cells, format_date(u.created_at.date())])
    set_widths(sheet, [60, 30, 50, 12])


def _conclusion_sheet(workbook: Workbook, data: Consolidated) -> None:
    sheet = workbook.create_sheet("Kết luận chưa xong")
    header_row(sheet, ["Nhiệm vụ theo kết luận", "Cuộc họp", "Đơn vị chủ trì", "Hạn"])
    for t in data.open_conclusions:
        meeting, agency = safe_cell(t.conclusion.meeting.title), safe_cell(t.lead_agency.name)
        append_row(sheet, [safe_cell(t.title), meeting, agency, t.deadline])
        sheet.cell(sheet.max_row, 4).number_format = DATE_FORMAT
    set_widths(sheet, [56, 40, 30, 12])


def render_xlsx(data: Consolidated) -> bytes:
    workbook = Workbook()
    _summary_sheet(workbook, data)
    _agency_sheet(workbook, data)
    _area_sheet(workbook, data)
    _overdue_sheet(workbook, data)
    _obstacle_sheet(workbook, data)
    _conclusion_sheet(workbook, data)
    return workbook_bytes(workbook)


def filename(as_of: dt.date, suffix: str) -> str:
    return f"bao-cao-ket-qua-nhiem-vu-{as_of:%Y%m%d}.{suffix}"
