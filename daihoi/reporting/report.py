"""Báo cáo kết quả thực hiện nhiệm vụ phục vụ Đại hội: DOCX in the official layout, and XLSX."""

import datetime as dt

from openpyxl import Workbook

from daihoi.core.dates import format_date
from daihoi.core.exceptions import BusinessError
from daihoi.core.spreadsheets import DATE_FORMAT, header_row, safe_cell, set_widths, workbook_bytes
from daihoi.core.text import fold
from daihoi.documents import rendering
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
    agency = agencies.order_by("pk").first()
    if agency is None:
        raise BusinessError("Đại hội chưa có cơ quan, đơn vị nào để đứng tên báo cáo.")
    return agency


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


def report_document(access: Access, as_of: dt.date, issued_on: dt.date) -> Document:
    """An unsaved document: the report is printed from the live figures, not registered."""
    congress: Congress = access.congress
    issuer = issuing_agency(access)
    body = (
        f"Thực hiện kế hoạch tổ chức {congress.full_title}, {issuer.name} tổng hợp, báo cáo "
        f"kết quả thực hiện nhiệm vụ phục vụ Đại hội của các cơ quan, đơn vị như sau:"
    )
    return Document(
        congress=congress,
        kind=DocumentKind.BC,
        issuer=issuer,
        issuer_code=issuer.code or issuer.short_name,
        subject=subject(as_of),
        issued_on=issued_on,
        body=body,
        recipients="Thường trực Tỉnh ủy (b/c)\nCác Tiểu ban phục vụ Đại hội\nCác cơ quan, đơn vị",
        authority="T/M TIỂU BAN" if congress.document_rules == Congress.Rules.PARTY else "TL.",
        signer_title="TRƯỞNG TIỂU BAN"
        if congress.document_rules == Congress.Rules.PARTY
        else "CHÁNH VĂN PHÒNG",
    )


def render_docx(access: Access, data: Consolidated, issued_on: dt.date) -> bytes:
    document = report_document(access, data.as_of, issued_on)
    c = data.counts

    def sections(doc, rules) -> None:
        text = rendering.add_body_text
        text(doc, rules, "I. TÌNH HÌNH CHUNG", bold=True)
        text(doc, rules, summary_sentence(data))
        text(doc, rules, "1. Theo tình trạng thực hiện", bold=True)
        total = sum(n for _, _, n in data.classes)
        rows = [[str(i), label, str(n), _pct(n, total)] for i, (_, label, n) in enumerate(
            data.classes, start=1)]  # fmt: skip
        rows.append(["", "Cộng", str(total), "100" if total else "0"])
        rendering.add_table(
            doc,
            ["STT", "Tình trạng", "Số nhiệm vụ", "Tỷ lệ (%)"],
            rows,
            widths_mm=[14, 91, 30, 30],
            right_aligned={0, 2, 3},
            bold_rows={len(rows) - 1},
        )
        text(doc, rules, "2. Theo đơn vị chủ trì", bold=True)
        agency_rows = []
        for i, row in enumerate(data.by_agency, start=1):
            n = row.counts
            agency_rows.append([
                str(i), row.agency.name, str(sum(n[s] for s in (StatusClass.OPEN_ON_TIME,
                StatusClass.OPEN_OVERDUE, StatusClass.DONE_ON_TIME, StatusClass.DONE_LATE))),
                str(n[StatusClass.DONE_ON_TIME]), str(n[StatusClass.DONE_LATE]),
                str(n[StatusClass.OPEN_ON_TIME]), str(n[StatusClass.OPEN_OVERDUE]),
            ])  # fmt: skip
        if agency_rows:
            rendering.add_table(
                doc,
                [
                    "STT",
                    "Đơn vị chủ trì",
                    "Tổng số",
                    "Xong đúng hạn",
                    "Xong quá hạn",
                    "Đang làm trong hạn",
                    "Đang làm quá hạn",
                ],  # fmt: skip
                agency_rows,
                widths_mm=[11, 54, 18, 20, 20, 21, 21],
                right_aligned={0, 2, 3, 4, 5, 6},
                size=11,
            )
        else:
            text(doc, rules, "Chưa có nhiệm vụ nào được giao.", italic=True)
        text(doc, rules, "3. Theo lĩnh vực", bold=True)
        area_rows = [
            [str(i), a["label"], str(sum(a[s] for s in (StatusClass.OPEN_ON_TIME,
             StatusClass.OPEN_OVERDUE, StatusClass.DONE_ON_TIME, StatusClass.DONE_LATE))),
             str(a[StatusClass.DONE_ON_TIME] + a[StatusClass.DONE_LATE]),
             str(a[StatusClass.OPEN_ON_TIME]), str(a[StatusClass.OPEN_OVERDUE])]
            for i, a in enumerate(data.by_area, start=1)
        ]  # fmt: skip
        if area_rows:
            rendering.add_table(
                doc,
                ["STT", "Lĩnh vực", "Tổng số", "Hoàn thành", "Đang làm trong hạn", "Quá hạn"],
                area_rows,
                widths_mm=[12, 61, 20, 24, 26, 22],
                right_aligned={0, 2, 3, 4, 5},
                size=11,
            )
        else:
            text(doc, rules, "Chưa có nhiệm vụ nào được giao.", italic=True)

        text(doc, rules, f"II. NHIỆM VỤ QUÁ HẠN ({c[StatusClass.OPEN_OVERDUE]})", bold=True)
        if data.overdue:
            rendering.add_table(
                doc,
                ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Hạn", "Số ngày quá hạn"],
                [
                    [
                        str(i),
                        t.title,
                        t.lead_agency.name,
                        format_date(t.deadline),
                        str((data.as_of - t.deadline).days),
                    ]
                    for i, t in enumerate(data.overdue, start=1)
                ],  # fmt: skip
                widths_mm=[12, 68, 43, 22, 20],
                right_aligned={0, 4},
                size=11,
            )
        else:
            text(doc, rules, "Không có nhiệm vụ quá hạn.", italic=True)

        text(doc, rules, "III. KHÓ KHĂN, VƯỚNG MẮC CÁC ĐƠN VỊ NÊU", bold=True)
        if data.obstacles:
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
        else:
            text(doc, rules, "Không có vướng mắc nào đang chờ tháo gỡ.", italic=True)

        text(doc, rules, "IV. KẾT LUẬN CHƯA HOÀN THÀNH", bold=True)
        if data.open_conclusions:
            rendering.add_table(
                doc,
                ["STT", "Nội dung kết luận (nhiệm vụ)", "Cuộc họp", "Đơn vị chủ trì", "Hạn"],
                [
                    [
                        str(i),
                        t.title,
                        t.conclusion.meeting.title,
                        t.lead_agency.name,
                        format_date(t.deadline) or "—",
                    ]
                    for i, t in enumerate(data.open_conclusions, start=1)
                ],  # fmt: skip
                widths_mm=[12, 55, 40, 36, 22],
                right_aligned={0},
                size=11,
            )
        else:
            text(doc, rules, "Mọi kết luận đã giao đều đã hoàn thành.", italic=True)

        text(doc, rules, "V. ĐỀ XUẤT", bold=True)
        text(
            doc,
            rules,
            "Đề nghị các cơ quan, đơn vị có nhiệm vụ quá hạn khẩn trương hoàn thành, báo cáo "
            "kết quả và giải trình nguyên nhân chậm tiến độ; các Tiểu ban chỉ đạo tháo gỡ "
            "kịp thời các khó khăn, vướng mắc, bảo đảm Đại hội diễn ra đúng kế hoạch./.",
        )

    return rendering.render_docx(document, after_body=sections)


def render_xlsx(data: Consolidated) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tổng hợp"
    sheet.append([safe_cell(f"Báo cáo {TITLE.lower()}")])
    sheet.append([f"Tính đến ngày {format_date(data.as_of)}"])
    sheet.append([summary_sentence(data)])
    sheet.append([])
    header_row(sheet, ["Tình trạng", "Số nhiệm vụ"])
    for _, label, n in data.classes:
        sheet.append([label, n])
    sheet.append(["Tạm dừng", data.counts[StatusClass.PAUSED]])
    sheet.append(["Hủy", data.counts[StatusClass.CANCELLED]])
    sheet.append(["Tổng số", data.counts["total"]])
    set_widths(sheet, [40, 16])

    classes = [StatusClass.DONE_ON_TIME, StatusClass.DONE_LATE, StatusClass.OPEN_ON_TIME,
               StatusClass.OPEN_OVERDUE]  # fmt: skip
    agencies = workbook.create_sheet("Theo đơn vị")
    header_row(
        agencies, ["Đơn vị chủ trì", *(str(s.label) for s in classes), "Tỷ lệ hoàn thành (%)"]
    )
    for row in data.by_agency:
        agencies.append([safe_cell(row.agency.name), *(row.counts[s] for s in classes),
                         row.completion_rate])  # fmt: skip
    set_widths(agencies, [44, 16, 16, 16, 16, 16])

    areas = workbook.create_sheet("Theo lĩnh vực")
    header_row(areas, ["Lĩnh vực", *(str(s.label) for s in classes)])
    for a in data.by_area:
        areas.append([str(a["label"]), *(a[s] for s in classes)])
    set_widths(areas, [36, 16, 16, 16, 16])

    overdue = workbook.create_sheet("Quá hạn")
    header_row(overdue, ["Nhiệm vụ", "Đơn vị chủ trì", "Hạn", "Số ngày quá hạn", "Tiến độ (%)"])
    for t in data.overdue:
        overdue.append([safe_cell(t.title), safe_cell(t.lead_agency.name), t.deadline,
                        (data.as_of - t.deadline).days, t.progress])  # fmt: skip
        overdue.cell(overdue.max_row, 3).number_format = DATE_FORMAT
    set_widths(overdue, [60, 36, 12, 14, 12])

    obstacles = workbook.create_sheet("Vướng mắc")
    header_row(obstacles, ["Khó khăn, vướng mắc", "Đơn vị", "Nhiệm vụ", "Ngày nêu"])
    for u in data.obstacles:
        obstacles.append([safe_cell(u.obstacle), safe_cell(u.agency.name), safe_cell(u.task.title),
                          format_date(u.created_at.date())])  # fmt: skip
    set_widths(obstacles, [60, 30, 50, 12])

    conclusions = workbook.create_sheet("Kết luận chưa xong")
    header_row(conclusions, ["Nhiệm vụ theo kết luận", "Cuộc họp", "Đơn vị chủ trì", "Hạn"])
    for t in data.open_conclusions:
        conclusions.append([safe_cell(t.title), safe_cell(t.conclusion.meeting.title),
                            safe_cell(t.lead_agency.name), t.deadline])  # fmt: skip
        conclusions.cell(conclusions.max_row, 4).number_format = DATE_FORMAT
    set_widths(conclusions, [56, 40, 30, 12])
    return workbook_bytes(workbook)


def filename(as_of: dt.date, suffix: str) -> str:
    return f"bao-cao-ket-qua-nhiem-vu-{as_of:%Y%m%d}.{suffix}"
