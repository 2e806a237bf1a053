"""The minutes of the count (biên bản kiểm phiếu) as DOCX, in the Party layout of the documents
app: the board as issuer under the congress's Party organisation, the figures, the table of
votes, who is elected, a tie or a shortfall for the congress to decide, the board's signature.

Before the count is final the title says it is provisional, so a draft printed for checking is
never taken for the minutes.
"""

import datetime as dt

from django.utils import timezone

from daihoi.documents import rendering
from daihoi.documents.models import Document, DocumentKind
from daihoi.organizations.models import Agency, Congress

from .counting import Tally
from .models import BoardMember, Election, Station

HEADER = ["STT", "Họ và tên", "Số phiếu", "Tỷ lệ so với phiếu hợp lệ", "Tỷ lệ so với số triệu tập"]


def minutes_document(election: Election, tally: Tally, today: dt.date) -> Document:
    congress: Congress = election.congress
    superior = Agency(congress=congress, name=congress.organization, code="")
    board = Agency(
        congress=congress,
        name="Ban Kiểm phiếu",
        code="BKP",
        layout=Congress.Rules.PARTY,
        parent=superior,
    )
    subject = f"Kiểm phiếu {election.title[:1].lower()}{election.title[1:]}"
    if not tally.final:
        subject += " (tạm tính, chưa kiểm xong)"
    return Document(
        congress=congress,
        kind=DocumentKind.BB,
        issuer=board,
        issuer_code="BKP",
        subject=subject,
        issued_on=today,
        body="",
        recipients="Đoàn Chủ tịch Đại hội\nLưu Ban Kiểm phiếu",
        authority="T/M BAN KIỂM PHIẾU",
        signer_title="TRƯỞNG BAN",
    )


def _opening(election: Election, board: list[BoardMember], now: dt.datetime) -> list[str]:
    congress = election.congress
    place = f", tại {congress.venue}" if congress.venue else ""
    lines = [
        f"Hồi {now:%H} giờ {now:%M} phút, ngày {now:%d/%m/%Y}{place}, Ban Kiểm phiếu "
        f"{congress.full_title} đã tiến hành kiểm phiếu {election.title[:1].lower()}"
        f"{election.title[1:]}.",
    ]
    for station in Station:
        names = [m.user.display_name for m in board if m.station == station]
        if names:
            lines.append(f"{station.label} nhập phiếu: đồng chí {', '.join(names)}.")
    lines.append(
        "Mỗi phiếu được hai tổ nhập độc lập và đối chiếu từng phiếu; phiếu có chênh lệch được "
        "hai tổ kiểm và nhập lại. Kết quả như sau:"
    )
    return lines


def _figures(election: Election, tally: Tally) -> list[str]:
    collected = tally.collected if tally.collected is not None else "chưa xác định"
    lines = [
        f"1. Số lượng cần bầu: {election.seats}; số người trong danh sách bầu cử: "
        f"{len(tally.lines)}.",
        f"2. Số đại biểu được triệu tập: {election.summoned}"
        + (
            f" (trừ {election.excused} đồng chí vắng mặt suốt thời gian Đại hội theo Quy chế, "
            f"còn {election.base})."
            if election.excused
            else "."
        ),
        f"3. Số phiếu phát ra: {tally.issued}.",
        f"4. Số phiếu thu vào: {collected}.",
        f"5. Số phiếu hợp lệ: {tally.valid}.",
        f"6. Số phiếu không hợp lệ: {tally.invalid}" + (":" if tally.invalid_by_reason else "."),
    ]
    lines += [f"- {label}: {n} phiếu;" for label, n in tally.invalid_reasons]
    if not tally.final:
        lines.append(
            f"Đã đối chiếu khớp {tally.agreed} phiếu; kết quả dưới đây là tạm tính trên số phiếu "
            "này."
        )
    return lines


def _decision(tally: Tally) -> list[str]:
    lines = []
    if tally.elected:
        lines.append(
            "Căn cứ Điều lệ Đảng và Quy chế bầu cử trong Đảng, các đồng chí có số phiếu bầu quá "
            "một nửa so với số đại biểu được triệu tập, theo thứ tự số phiếu từ cao xuống thấp, "
            "trúng cử gồm: "
            + "; ".join(f"{line.full_name} ({line.votes} phiếu)" for line in tally.elected)
            + "."
        )
    else:
        lines.append("Không có đồng chí nào đạt số phiếu bầu quá một nửa.")
    if tally.tied:
        lines.append(
            f"Các đồng chí {', '.join(line.full_name for line in tally.tied)} có số phiếu bằng "
            f"nhau ({tally.tied[0].votes} phiếu) ở cuối danh sách trúng cử, nhiều hơn số "
            f"lượng còn lại ({tally.tied_seats}): đề nghị Đại hội bầu tiếp trong số các đồng chí "
            "này."
        )
    elif tally.short:
        lines.append(
            f"Số người trúng cử còn thiếu {tally.short} so với số lượng cần bầu: Đại hội xem xét, "
            "quyết định việc bầu tiếp."
        )
    lines.append(
        "Biên bản được lập xong và đọc lại cho các thành viên Ban Kiểm phiếu cùng nghe, nhất "
        "trí ký tên./."
    )
    return lines


def minutes_docx(election: Election, tally: Tally, board: list[BoardMember]) -> bytes:
    now = timezone.localtime()
    document = minutes_document(election, tally, now.date())

    def content(doc, rules) -> None:
        for text in _opening(election, board, now) + _figures(election, tally):
            rendering.add_body_text(doc, rules, text)
        rendering.add_body_text(doc, rules, "7. Số phiếu bầu của từng đồng chí:", bold=True)
        rendering.add_table(
            doc,
            HEADER,
            [
                [str(line.position), line.full_name, str(line.votes), line.of_valid, line.of_base]
                for line in tally.lines
            ],
            widths_mm=[12, 63, 22, 34, 34],
            right_aligned={2, 3, 4},
        )
        for text in _decision(tally):
            rendering.add_body_text(doc, rules, text)

    return rendering.render_docx(document, after_body=content)


def minutes_filename(election: Election, suffix: str) -> str:
    return f"bien-ban-kiem-phieu-{election.pk}.{suffix}"
