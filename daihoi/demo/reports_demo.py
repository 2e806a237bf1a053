"""The two report requests of the reports, with the agencies' answers, built through the services.

The city's Tiểu ban Văn kiện asked each block for its figures for the political report two days
after its first session; Hà Nội's notice 540/TB-VP asked the departments for their results the
day after it was issued. Some agencies sent on time, one late, one was sent back, others have not
sent yet. `day` counts days from today. Idempotent: a request is looked up by (congress, title).
"""

import datetime as dt
from typing import TYPE_CHECKING

from django.db.models import Max
from django.utils import timezone

from daihoi.reporting import services
from daihoi.reporting.models import ColumnKind, ReportRequest, ReportSubmission

from .data import Record

if TYPE_CHECKING:
    from .loader import _CongressLoader

NUMBER, TEXT = ColumnKind.NUMBER, ColumnKind.TEXT


def _col(label: str, kind: str) -> dict[str, str]:
    return {"label": label, "kind": kind}


# (agency key, day sent, text, values) — then optionally ("return", day, comment).
CITY_FIGURES: Record = {
    "title": "Số liệu, bảng biểu của các khối ngành cho báo cáo chính trị Đại hội XXV",
    "created": -32,
    "deadline": -30,
    "instructions": (
        "Mỗi khối, ngành điền một dòng: chỉ tiêu chủ yếu của lĩnh vực mình, kết quả đầu nhiệm "
        "kỳ, ước thực hiện năm 2020 và mục tiêu Nghị quyết đã đề ra; gửi kèm bảng chi tiết nếu "
        "có. Số liệu dùng cho phần đánh giá nhiệm kỳ của dự thảo báo cáo chính trị."
    ),
    "columns": [
        _col("Khối, lĩnh vực", TEXT),
        _col("Chỉ tiêu chủ yếu", TEXT),
        _col("Đơn vị tính", TEXT),
        _col("Năm 2015", NUMBER),
        _col("Ước năm 2020", NUMBER),
        _col("Mục tiêu Nghị quyết", NUMBER),
    ],
    "agencies": [
        "VPTU",
        "BTCTU",
        "VP HĐND-UBND",
        "Phòng TC-KH",
        "Phòng VH-TT",
        "CA TP",
        "MTTQ TP",
        "Chi cục Thống kê",
    ],
    "answers": [
        (
            "Chi cục Thống kê",
            -31,
            "Số liệu kinh tế - xã hội cả nhiệm kỳ, bảng chi tiết gửi kèm.",
            ["Chính quyền", "Tốc độ tăng giá trị sản xuất bình quân", "%", "9,2", "10,1", "10"],
        ),
        (
            "VPTU",
            -30,
            "Số liệu xây dựng Đảng của khối Đảng.",
            ["Đảng", "Số đảng viên kết nạp mới", "người", "412", "2.150", "2.000"],
        ),
        (
            "BTCTU",
            -30,
            "Số liệu tổ chức cơ sở đảng.",
            ["Đảng", "Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ", "%", "86", "92", "90"],
        ),
        (
            "VP HĐND-UBND",
            -27,
            "Gửi chậm do chờ số liệu quyết toán ngân sách năm 2019.",
            ["Chính quyền", "Thu ngân sách trên địa bàn", "tỷ đồng", "1.240", "2.380", "2.200"],
        ),
        (
            "MTTQ TP",
            -29,
            "Số liệu của Mặt trận và 3 đoàn thể.",
            ["Mặt trận, đoàn thể", "Hộ gia đình văn hóa", "%", "88", "93", "92"],
            (
                "return",
                -28,
                "Còn thiếu số liệu cả nhiệm kỳ của Hội Nông dân và Hội Cựu chiến binh; "
                "đề nghị bổ sung rồi gửi lại.",
            ),
        ),
    ],
}

HA_NOI_RESULTS: Record = {
    "title": "Báo cáo kết quả thực hiện nhiệm vụ phục vụ Đại hội đại biểu toàn quốc lần thứ XIII",
    "created": -5,
    "deadline": -4,
    "instructions": (
        "Theo Thông báo số 540/TB-VP: các sở, ban, ngành được giao nhiệm vụ tại Kế hoạch số "
        "268/KH-UBND báo cáo việc đã làm, việc đang làm, khó khăn và đề xuất; nêu tên đồng chí "
        "lãnh đạo trực tiếp phụ trách nhiệm vụ phục vụ Đại hội."
    ),
    "columns": [],
    "agencies": [
        "Sở TC",
        "Sở VHTT",
        "Sở TTTT",
        "Sở YT",
        "Sở GTVT",
        "Sở XD",
        "Sở CT",
        "CA TP",
        "BTL Thủ đô",
        "BDVTU",
        "BTGTU",
        "MTTQ TP",
    ],
    "answers": [
        (
            "CA TP",
            -4,
            "Đã xây dựng phương án bảo vệ các địa điểm phục vụ Đại hội và tuyến đường "
            "đón đưa đại biểu; lãnh đạo phụ trách: đồng chí Lưu Văn Thạch.",
            [],
        ),
        (
            "Sở VHTT",
            -4,
            "Đã duyệt mẫu trang trí, cổ động trực quan; đang dàn dựng chương trình "
            "nghệ thuật chào mừng. Lãnh đạo phụ trách: đồng chí Nguyễn Thị Kim Dung.",
            [],
        ),
        ("Sở TTTT", -4, "Đã hướng dẫn các cơ quan báo chí Thủ đô mở chuyên mục về Đại hội.", []),
        ("BDVTU", -5, "Đã xin ý kiến Ban Dân vận Trung ương về việc phục vụ Đại hội.", []),
        ("Sở YT", -2, "Gửi chậm: đã lập phương án y tế và bố trí 4 tổ cấp cứu tại chỗ.", []),
        (
            "Sở GTVT",
            -4,
            "Đã có phương án phân luồng giao thông.",
            [],
            ("return", -3, "Chưa nêu kết quả thực hiện và lãnh đạo phụ trách; đề nghị bổ sung."),
        ),
    ],
}

REQUESTS: dict[str, list[Record]] = {"thanhpho": [CITY_FIGURES], "hanoi": [HA_NOI_RESULTS]}


def _at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def _last_history_id() -> int:
    return ReportSubmission.history.model.objects.aggregate(m=Max("history_id"))["m"] or 0


def load_report_requests(loader: "_CongressLoader") -> int:
    created = 0
    for spec in REQUESTS.get(loader.spec["key"], []):
        if not ReportRequest.objects.filter(congress=loader.congress, title=spec["title"]).exists():
            _load_request(loader, spec)
            created += 1
    return created


def _day(loader: "_CongressLoader", days: int) -> dt.date:
    return loader.today + dt.timedelta(days=days)


def _load_request(loader: "_CongressLoader", spec: Record) -> None:
    deadline = _day(loader, spec["deadline"])
    # Asked for back then: made today with a deadline still ahead, then dated as the story says.
    request = services.report_request_create(
        access=loader.secretariat,
        title=spec["title"],
        deadline=max(deadline, loader.today),
        agencies=[loader.agencies[k] for k in spec["agencies"]],
        instructions=spec["instructions"],
        columns=spec["columns"],
    )
    asked = _at(_day(loader, spec["created"]), 17)
    ReportRequest.objects.filter(pk=request.pk).update(deadline=deadline, created_at=asked)
    loader._stamp_audit(asked)
    submissions = {s.agency_id: s for s in request.submissions.all()}
    for answer in spec["answers"]:
        key, days, text, values = answer[:4]
        submission = submissions[loader.agencies[key].pk]
        sent = _at(_day(loader, days), 10)
        mark = _last_history_id()
        submission = services.submission_submit(
            access=loader._officer(key), submission=submission, text=text, values=values
        )
        _date(submission, mark, sent, submitted=True)
        loader._stamp_audit(sent)
        if len(answer) > 4:
            _, back_days, comment = answer[4]
            back = _at(_day(loader, back_days), 15)
            mark = _last_history_id()
            services.submission_return(
                access=loader.secretariat, submission=submission, comment=comment
            )
            _date(submission, mark, back, submitted=False)
            loader._stamp_audit(back)


def _date(submission: ReportSubmission, mark: int, when: dt.datetime, *, submitted: bool) -> None:
    """The service stamps today; the story says when it happened."""
    if submitted:
        ReportSubmission.objects.filter(pk=submission.pk).update(
            submitted_on=when.date(), submitted_at=when
        )
    fields = {"submitted_on": when.date(), "submitted_at": when} if submitted else {}
    ReportSubmission.history.model.objects.filter(history_id__gt=mark, id=submission.pk).update(
        history_date=when, **fields
    )
