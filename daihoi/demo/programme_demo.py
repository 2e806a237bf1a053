"""Kon Tum's congress programme and running script, built through the programme services: three
days from the preparatory session to the closing, in our own words, published as two releases
(the second moves the central leader's speech), so the page shows a current and a replaced one.

Idempotent: nothing is created when the congress already has a session.
"""

import datetime as dt
from typing import TYPE_CHECKING

from django.utils import timezone

from daihoi.programme import services
from daihoi.programme.models import Cue, Session

if TYPE_CHECKING:
    from .loader import _CongressLoader

K = Session.Kind
HOST = "Người dẫn chương trình"
SOUND = "Bộ phận âm thanh, ánh sáng"
PRESIDIUM = (
    "Đồng chí Bí thư Tỉnh ủy\nĐồng chí Phó Bí thư Thường trực Tỉnh ủy\nĐồng chí Chủ tịch UBND tỉnh"
)
SECRETARIES = "Đồng chí Chánh Văn phòng Tỉnh ủy\nĐồng chí Phó Trưởng Ban Tổ chức Tỉnh ủy"

# A cue: (time or "", kind, actor, text, note); an item: (time, minutes, title, presenter, cues);
# a session: (day from opening, kind, title, start, end, items).
CueSpec = tuple[str, str, str, str, str]
ItemSpec = tuple[str, int, str, str, list[CueSpec]]
SESSIONS: list[tuple[int, str, str, tuple[int, int], tuple[int, int], list[ItemSpec]]] = [
    (
        0,
        K.PREPARATORY,
        "Phiên trù bị",
        (8, 0),
        (11, 0),
        [
            (
                "08:00",
                5,
                "Chào cờ",
                "",
                [
                    (
                        "08:00",
                        Cue.Kind.SPEECH,
                        HOST,
                        "Kính mời các đồng chí đại biểu đứng nghiêm làm lễ chào cờ.",
                        "",
                    ),
                    (
                        "",
                        Cue.Kind.FLAG,
                        SOUND,
                        "Quốc ca, Quốc tế ca",
                        "Nhạc nền, không hát; tắt đèn khán phòng 50%",
                    ),
                ],
            ),
            (
                "08:05",
                30,
                "Bầu Đoàn Chủ tịch, Đoàn Thư ký và Ban Thẩm tra tư cách đại biểu",
                "Đồng chí Phó Bí thư Thường trực Tỉnh ủy",
                [],
            ),
            (
                "08:35",
                20,
                "Thông qua chương trình làm việc và quy chế làm việc của Đại hội",
                "Đoàn Chủ tịch",
                [],
            ),
            (
                "09:00",
                120,
                "Thảo luận tại tổ dự thảo Báo cáo chính trị",
                "Các tổ trưởng tổ thảo luận",
                [],
            ),
        ],
    ),
    (
        1,
        K.OPENING,
        "Phiên khai mạc",
        (7, 30),
        (11, 30),
        [
            (
                "07:30",
                15,
                "Đón tiếp đại biểu; chương trình văn nghệ chào mừng Đại hội",
                "Ban Tổ chức",
                [
                    (
                        "07:30",
                        Cue.Kind.MUSIC,
                        SOUND,
                        "Nhạc không lời đón đại biểu",
                        "Âm lượng nhỏ, dừng khi văn nghệ bắt đầu",
                    ),
                    (
                        "07:35",
                        Cue.Kind.ACTION,
                        "Đoàn nghệ thuật tỉnh",
                        "Liên khúc ca ngợi Đảng, Bác Hồ và quê hương Kon Tum",
                        "10 phút",
                    ),
                ],
            ),
            (
                "07:45",
                5,
                "Chào cờ",
                "",
                [
                    (
                        "07:45",
                        Cue.Kind.SPEECH,
                        HOST,
                        "Kính mời toàn thể Đại hội đứng nghiêm làm lễ chào cờ.",
                        "",
                    ),
                    (
                        "",
                        Cue.Kind.FLAG,
                        SOUND,
                        "Quốc ca, Quốc tế ca",
                        "Bật nhạc khi người dẫn dứt lời",
                    ),
                ],
            ),
            (
                "07:50",
                10,
                "Tuyên bố lý do, giới thiệu đại biểu",
                HOST,
                [
                    (
                        "07:50",
                        Cue.Kind.SPEECH,
                        HOST,
                        "Giới thiệu đại biểu Trung ương, khách mời và nguyên lãnh đạo tỉnh.",
                        "Máy quay hướng về hàng ghế khách mời",
                    ),
                ],
            ),
            (
                "08:00",
                15,
                "Diễn văn khai mạc Đại hội",
                "Đồng chí Bí thư Tỉnh ủy",
                [
                    (
                        "08:00",
                        Cue.Kind.SPEECH,
                        HOST,
                        "Kính mời đồng chí Bí thư Tỉnh ủy đọc diễn văn khai mạc Đại hội.",
                        "",
                    ),
                    ("", Cue.Kind.LIGHT, SOUND, "Ánh sáng tập trung bục phát biểu", ""),
                ],
            ),
            (
                "08:15",
                10,
                "Phim tài liệu về thành tựu của tỉnh nhiệm kỳ qua",
                "",
                [
                    (
                        "08:15",
                        Cue.Kind.FILM,
                        "Bộ phận kỹ thuật",
                        "Chiếu phim tài liệu trên màn hình chính",
                        "Thời lượng 9 phút; tắt đèn khán phòng",
                    ),
                ],
            ),
            (
                "08:25",
                45,
                "Báo cáo chính trị của Ban Chấp hành Đảng bộ tỉnh",
                "Đồng chí Phó Bí thư Thường trực Tỉnh ủy",
                [],
            ),
            (
                "09:30",
                30,
                "Phát biểu chỉ đạo của đồng chí đại diện lãnh đạo Trung ương",
                "Đại diện lãnh đạo Trung ương",
                [
                    (
                        "09:30",
                        Cue.Kind.SPEECH,
                        HOST,
                        "Kính mời đồng chí đại diện lãnh đạo Trung ương phát biểu chỉ đạo Đại hội.",
                        "",
                    ),
                ],
            ),
            ("10:00", 90, "Tham luận của các đoàn đại biểu", "Đoàn Chủ tịch điều hành", []),
        ],
    ),
    (
        1,
        K.WORKING,
        "Phiên làm việc thứ nhất",
        (14, 0),
        (17, 0),
        [
            (
                "14:00",
                90,
                "Thảo luận tại hội trường các dự thảo văn kiện",
                "Đoàn Chủ tịch điều hành",
                [],
            ),
            (
                "15:30",
                20,
                "Báo cáo thẩm tra tư cách đại biểu",
                "Trưởng Ban Thẩm tra tư cách đại biểu",
                [],
            ),
        ],
    ),
    (
        2,
        K.WORKING,
        "Phiên bầu cử",
        (7, 30),
        (11, 30),
        [
            (
                "07:30",
                60,
                "Bầu Ban Chấp hành Đảng bộ tỉnh khóa mới",
                "Đoàn Chủ tịch; Ban Kiểm phiếu",
                [],
            ),
            (
                "08:30",
                60,
                "Bầu đoàn đại biểu dự Đại hội toàn quốc",
                "Đoàn Chủ tịch; Ban Kiểm phiếu",
                [],
            ),
        ],
    ),
    (
        2,
        K.CLOSING,
        "Phiên bế mạc",
        (14, 0),
        (16, 30),
        [
            ("14:00", 20, "Công bố kết quả bầu cử", "Trưởng Ban Kiểm phiếu", []),
            ("14:20", 20, "Thông qua Nghị quyết Đại hội", "Đoàn Thư ký", []),
            ("14:40", 15, "Diễn văn bế mạc", "Đồng chí Bí thư Tỉnh ủy khóa mới", []),
            (
                "14:55",
                5,
                "Chào cờ bế mạc",
                "",
                [
                    ("14:55", Cue.Kind.FLAG, SOUND, "Quốc ca, Quốc tế ca", ""),
                ],
            ),
        ],
    ),
]


def _time(text: str) -> dt.time | None:
    return dt.datetime.strptime(text, "%H:%M").time() if text else None


def load_programme(loader: "_CongressLoader") -> int:
    """Creates Kon Tum's programme when missing; returns how many sessions were created."""
    congress = loader.congress
    if loader.spec["key"] != "kontum" or congress.opening_date is None:
        return 0
    if Session.objects.filter(congress=congress).exists():
        return 0
    access = loader.secretariat
    speech = None
    for offset, kind, title, start, end, items in SESSIONS:
        day = congress.opening_date + dt.timedelta(days=offset)

        def at(hour_minute: tuple[int, int], day: dt.date = day) -> dt.datetime:
            return timezone.make_aware(dt.datetime.combine(day, dt.time(*hour_minute)))

        session = services.session_create(
            access=access,
            fields=services.SessionFields(
                kind=kind,
                title=title,
                starts_at=at(start),
                ends_at=at(end),
                place="Hội trường Trung tâm Hội nghị tỉnh Kon Tum",
                presidium=PRESIDIUM if kind != K.PREPARATORY else "",
                secretaries=SECRETARIES if kind != K.PREPARATORY else "",
            ),
        )
        for time, minutes, item_title, presenter, cues in items:
            item = services.item_save(
                access=access,
                session=session,
                fields=services.ItemFields(
                    title=item_title, starts_at=_time(time), minutes=minutes, presenter=presenter
                ),
            )
            if item_title.startswith("Phát biểu chỉ đạo"):
                speech = item
            for cue_time, cue_kind, actor, text, note in cues:
                services.cue_save(
                    access=access,
                    item=item,
                    fields=services.CueFields(
                        actor=actor, text=text, kind=cue_kind, at=_time(cue_time), note=note
                    ),
                )
    services.programme_publish(access=access, note="Bản trình Ban Thường vụ Tỉnh ủy")
    if speech is not None:
        services.item_move(access=access, item=speech, step=-1)
        report = speech.session.items.get(title__startswith="Báo cáo chính trị")
        for item, moved_to in [(speech, dt.time(8, 25)), (report, dt.time(8, 55))]:
            services.item_save(
                access=access,
                session=speech.session,
                item=item,
                fields=services.ItemFields(
                    title=item.title,
                    starts_at=moved_to,
                    minutes=item.minutes,
                    presenter=item.presenter,
                ),
            )
        services.programme_publish(
            access=access,
            note="Phát biểu chỉ đạo của Trung ương trước Báo cáo chính trị, theo lịch công tác",
        )
    return len(SESSIONS)
