"""Demo meetings: a held meeting with its conclusions, tasks and notice, and an upcoming one.

Written in our own words from what the reports describe; dates are relative to today.
Idempotent: a meeting is looked up by (congress, title) and left alone when it exists.
"""

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from daihoi.meetings import services
from daihoi.meetings.models import Attendance, Meeting
from daihoi.planning.models import Phase

if TYPE_CHECKING:
    from .loader import _CongressLoader

# Each meeting's spec: the keys below, values of mixed kinds (see the comments).
KON_TUM: dict[str, dict[str, Any]] = {
    "held": {
        "title": "Phiên họp Tiểu ban Tổ chức phục vụ đánh giá Kế hoạch 06 và Kế hoạch 09",
        "days_ago": 12,
        "place": "Phòng họp số 2, Văn phòng Tỉnh ủy",
        "agencies": ["BTGTU", "Sở TC", "Sở VHTTDL", "VPTU", "Báo Kon Tum", "UBND TP Kon Tum"],
        "agenda": [
            "Đánh giá kết quả thực hiện Kế hoạch 06 về tuyên truyền Đại hội",
            "Đánh giá việc bảo đảm cơ sở vật chất theo Kế hoạch 09",
            "Phân công nhiệm vụ thời gian tới",
        ],
        "minutes": (
            "Các thành viên báo cáo tiến độ tuyên truyền và chuẩn bị cơ sở vật chất; một số "
            "cơ quan chưa có kế hoạch riêng cụ thể hóa Kế hoạch 06. Tiểu ban thảo luận giải "
            "pháp cho các việc còn chậm."
        ),
        "conclusions": [
            # (text, task: (lead, coordinating, area, days from today) or None)
            (
                "Các cơ quan, đơn vị chưa có kế hoạch riêng khẩn trương ban hành kế hoạch cụ thể "
                "hóa Kế hoạch 06 của Tiểu ban tại cơ quan, đơn vị mình.",
                None,
            ),
            (
                "Thành ủy, UBND thành phố Kon Tum chỉ đạo vệ sinh môi trường, chỉnh trang đô thị "
                "các tuyến phố quanh hội trường Đại hội.",
                ("UBND TP Kon Tum", ["Sở XD"], "logistics", 20),
            ),
            (
                "Sở Văn hóa, Thể thao và Du lịch hoàn thành chương trình văn nghệ chào mừng, tổng "
                "duyệt trước khai mạc ít nhất 5 ngày.",
                ("Sở VHTTDL", ["BTGTU"], "culture", 35),
            ),
            (
                "Các thành viên Tiểu ban báo cáo ngay vướng mắc phát sinh về Tiểu ban qua hệ "
                "thống để được tháo gỡ kịp thời.",
                None,
            ),
        ],
        "notice_signer": "Nguyễn Hữu Hải",
    },
    "upcoming": {
        "title": "Phiên họp Tiểu ban kiểm điểm công tác chuẩn bị hội trường và đón tiếp đại biểu",
        "days_ahead": 5,
        "place": "Hội trường Tỉnh ủy Kon Tum",
        "agencies": ["VPTU", "CA tỉnh", "Sở YT", "Sở GTVT", "Điện lực Kon Tum"],
        "agenda": [
            "Kiểm tra hệ thống âm thanh, ánh sáng, màn hình hội trường",
            "Phương án đưa đón, ăn nghỉ của đại biểu",
            "Phương án y tế, an ninh trong những ngày diễn ra Đại hội",
        ],
    },
}


def _at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def load_kontum_meetings(loader: "_CongressLoader") -> int:
    """Creates the Kon Tum demo meetings if missing; returns how many were created."""
    congress, agencies, people = loader.congress, loader.agencies, loader.people
    access = loader.secretariat
    committee = next(iter(loader.committees.values()))
    chair = people["Nguyễn Hữu Hải"]
    created = 0

    spec = KON_TUM["held"]
    if not Meeting.objects.filter(congress=congress, title=spec["title"]).exists():
        start = _at(loader.today - dt.timedelta(days=spec["days_ago"]), 8)
        meeting = services.meeting_plan(
            access=access,
            title=spec["title"],
            kind=Meeting.Kind.SUBCOMMITTEE,
            starts_at=start,
            ends_at=start + dt.timedelta(hours=3),
            place=spec["place"],
            chair=chair,
            committee=committee,
            invited_agencies=[agencies[k] for k in spec["agencies"]],
            agenda=spec["agenda"],
        )
        present = {chair.pk: Attendance.Status.PRESENT}
        for person in people.values():
            if person.agency_id in {agencies[k].pk for k in spec["agencies"]}:
                present[person.pk] = Attendance.Status.PRESENT
        services.meeting_record(
            access=access, meeting=meeting, attendance=present, minutes=spec["minutes"]
        )
        for text, task in spec["conclusions"]:
            conclusion = services.conclusion_add(access=access, meeting=meeting, text=text)
            if task:
                lead, partners, area, days = task
                services.conclusion_to_task(
                    access=access,
                    conclusion=conclusion,
                    lead_agency=agencies[lead],
                    coordinating_agencies=[agencies[k] for k in partners],
                    area=area,
                    phase=Phase.BEFORE,
                    deadline=loader.today + dt.timedelta(days=days),
                )
        services.meeting_issue_notice(
            access=access,
            meeting=meeting,
            issuer=agencies["VPTU"],
            signer=people[spec["notice_signer"]],
            signer_title="Trưởng Tiểu ban",
            authority="T/M TIỂU BAN",
            recipients="- Các thành viên Tiểu ban;\n- Các cơ quan, đơn vị liên quan;\n- Lưu: VT.",
        )
        created += 1

    spec = KON_TUM["upcoming"]
    if not Meeting.objects.filter(congress=congress, title=spec["title"]).exists():
        start = _at(loader.today + dt.timedelta(days=spec["days_ahead"]), 14)
        meeting = services.meeting_plan(
            access=access,
            title=spec["title"],
            kind=Meeting.Kind.SUBCOMMITTEE,
            starts_at=start,
            ends_at=start + dt.timedelta(hours=2),
            place=spec["place"],
            chair=chair,
            committee=committee,
            invited_agencies=[agencies[k] for k in spec["agencies"]],
            agenda=spec["agenda"],
        )
        services.meeting_issue_invitation(
            access=access,
            meeting=meeting,
            issuer=agencies["VPTU"],
            signer=chair,
            signer_title="Trưởng Tiểu ban",
            authority="T/M TIỂU BAN",
            recipients="- Như thành phần mời;\n- Lưu: VT.",
        )
        created += 1
    return created
