"""Demo drafts for comment, built through the consultation services.

Kon Tum's Tiểu ban Tổ chức phục vụ sends its draft working rule to its members and the draft plan
for serving the congress to the agencies that carry it out (the Hải Dương report tells of members
asked to keep commenting on the plan and send their views to the Văn phòng Tỉnh ủy); some have
answered, one comment still waits for the drafting unit, Sở Tài chính has not answered yet. The
city's Tiểu ban Văn kiện commented on its working rule and adopted it at its first session. Our
own words throughout. `day` counts days from today. Idempotent: looked up by (congress, title).
"""

import datetime as dt
from typing import TYPE_CHECKING

from django.utils import timezone

from daihoi.accounts.models import Role
from daihoi.consultation import permissions, services
from daihoi.consultation.models import Consultation, Draft, Recipient
from daihoi.organizations.permissions import Access

from .data import Record

if TYPE_CHECKING:
    from .loader import _CongressLoader

_KT_RULE_BODY = "\n".join(
    [
        (
            "Quy chế này quy định nguyên tắc, chế độ làm việc và trách nhiệm của các thành viên "
            "Tiểu ban Tổ chức phục vụ Đại hội đại biểu Đảng bộ tỉnh lần thứ XV."
        ),
        "Điều 1. Phạm vi, đối tượng",
        (
            "Quy chế áp dụng với Trưởng Tiểu ban, các Phó Trưởng Tiểu ban, các thành viên và bộ "
            "phận giúp việc của Tiểu ban."
        ),
        "Điều 2. Nguyên tắc làm việc",
        (
            "1. Tiểu ban làm việc theo chế độ tập thể, đồng thời đề cao trách nhiệm cá nhân của "
            "từng thành viên."
        ),
        (
            "2. Mỗi thành viên chịu trách nhiệm trước Trưởng Tiểu ban về phần việc được phân công "
            "và chỉ đạo cơ quan, đơn vị mình thực hiện."
        ),
        "Điều 3. Nhiệm vụ của các thành viên",
        (
            "1. Trưởng Tiểu ban chỉ đạo chung; Phó Trưởng Tiểu ban thường trực điều hành công việc "
            "hằng ngày."
        ),
        (
            "2. Các thành viên phụ trách tuyên truyền, cơ sở vật chất, hậu cần, khánh tiết, an "
            "ninh, y tế theo phân công."
        ),
        "Điều 4. Chế độ họp và báo cáo",
        (
            "Tiểu ban họp định kỳ mỗi tháng một lần; họp đột xuất khi Trưởng Tiểu ban triệu tập. "
            "Các thành viên báo cáo tiến độ về Văn phòng Tỉnh ủy trước ngày 25 hằng tháng."
        ),
        "Điều 5. Kinh phí và điều kiện làm việc",
        (
            "Kinh phí hoạt động của Tiểu ban bố trí trong kinh phí phục vụ Đại hội; Văn phòng Tỉnh "
            "ủy bảo đảm điều kiện làm việc."
        ),
    ]
)

_KT_PLAN_BODY = "\n".join(
    [
        (
            "Thực hiện sự chỉ đạo của Ban Thường vụ Tỉnh ủy, Tiểu ban Tổ chức phục vụ Đại hội xây "
            "dựng kế hoạch tổ chức phục vụ Đại hội như sau:"
        ),
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Bảo đảm các điều kiện tốt nhất về cơ sở vật chất, hậu cần, an ninh cho Đại hội.",
        "2. Phục vụ chu đáo, an toàn, tiết kiệm, đúng quy định.",
        "II. NỘI DUNG",
        (
            "1. Tuyên truyền về Đại hội trên báo, đài và trang thông tin điện tử; tuyên truyền trực"
            " quan trên các tuyến phố chính."
        ),
        (
            "2. Trang trí khánh tiết hội trường, chuẩn bị tài liệu và phương tiện làm việc cho đại "
            "biểu."
        ),
        (
            "3. Bảo đảm an ninh chính trị, trật tự an toàn xã hội, an toàn giao thông trong những "
            "ngày diễn ra Đại hội."
        ),
        "4. Chăm sóc sức khỏe, bảo đảm an toàn thực phẩm cho đại biểu.",
        "5. Bảo đảm cung cấp điện liên tục tại hội trường và nơi nghỉ của đại biểu.",
        "III. TỔ CHỨC THỰC HIỆN",
        (
            "Các cơ quan, đơn vị căn cứ nhiệm vụ được giao xây dựng kế hoạch chi tiết, gửi Văn "
            "phòng Tỉnh ủy tổng hợp."
        ),
    ]
)

_CITY_RULE_BODY = "\n".join(
    [
        (
            "Quy chế quy định việc tổ chức, hoạt động của Tiểu ban Văn kiện Đại hội đại biểu Đảng "
            "bộ Thành phố lần thứ XXV."
        ),
        "Điều 1. Tổ chức của Tiểu ban",
        (
            "Tiểu ban gồm Trưởng Tiểu ban, Phó Trưởng Tiểu ban thường trực, Phó Trưởng Tiểu ban, "
            "các thành viên và Tổ giúp việc."
        ),
        "Điều 2. Nhiệm vụ của Tiểu ban",
        (
            "Chuẩn bị báo cáo chính trị và các văn kiện trình Đại hội, bảo đảm tiến độ và chất "
            "lượng."
        ),
        "Điều 3. Chế độ làm việc",
        "Tiểu ban làm việc theo chế độ tập thể; các thành viên làm việc kiêm nhiệm.",
        "Điều 4. Trách nhiệm của các bộ phận",
        (
            "Tổ giúp việc soạn thảo, tổng hợp; các khối ngành cung cấp số liệu, bảng biểu theo yêu "
            "cầu."
        ),
    ]
)

_CITY_RULE_FINAL = _CITY_RULE_BODY.replace(
    "Tổ giúp việc soạn thảo, tổng hợp; các khối ngành cung cấp số liệu, bảng biểu theo yêu cầu.",
    "1. Tổ giúp việc soạn thảo, tổng hợp các dự thảo; tổ biên tập chỉnh lý văn kiện; hai bộ "
    "phận không làm trùng phần việc của nhau.\n2. Các khối ngành hoàn thiện số liệu, bảng biểu "
    "cho báo cáo chính trị chậm nhất 10 ngày sau phiên họp thứ nhất của Tiểu ban.",
)

# answers: (agency key or person name, day, [(section label or None, text, resolution, reason)],
# agreed). A resolution of None leaves the comment waiting for the drafting unit.
CONSULTATIONS: dict[str, list[Record]] = {
    "kontum": [
        {
            "title": "Dự thảo Quy chế làm việc của Tiểu ban Tổ chức phục vụ Đại hội",
            "kind": "QC",
            "committee": "Tiểu ban Tổ chức phục vụ Đại hội",
            "drafter": "VPTU",
            "sent": -3,
            "deadline": 4,
            "body": _KT_RULE_BODY,
            "to_members": True,
            "agencies": [],
            "answers": [
                (
                    "Lê Thị Hồng Nhung",
                    -2,
                    [
                        (
                            "Điều 3",
                            "Đề nghị ghi rõ Ban Tuyên giáo Tỉnh ủy là đầu mối nội dung tuyên "
                            "truyền trên báo, đài để không trùng với Sở Thông tin và Truyền thông.",
                            "accepted",
                            "Bổ sung vào khoản 2 Điều 3.",
                        )
                    ],
                    False,
                ),
                (
                    "Phan Văn Thịnh",
                    -2,
                    [
                        (
                            "Điều 5",
                            "Nên tách kinh phí hoạt động của Tiểu ban thành một dự toán riêng.",
                            "explained",
                            "Kinh phí của Tiểu ban đã nằm trong dự toán phục vụ Đại hội do Sở "
                            "Tài chính tổng hợp; lập riêng sẽ trùng lặp.",
                        )
                    ],
                    False,
                ),
                ("Hồ Quang Vinh", -1, [], True),
                (
                    "Ngô Thị Bích Liên",
                    -1,
                    [
                        (
                            None,
                            "Trong tháng cuối trước Đại hội đề nghị báo cáo hằng tuần thay vì "
                            "hằng tháng.",
                            None,
                            "",
                        )
                    ],
                    False,
                ),
            ],
        },
        {
            "title": "Dự thảo Kế hoạch tổ chức phục vụ Đại hội đại biểu Đảng bộ tỉnh lần thứ XV",
            "kind": "KH",
            "committee": "Tiểu ban Tổ chức phục vụ Đại hội",
            "drafter": "VPTU",
            "sent": -2,
            "deadline": 5,
            "body": _KT_PLAN_BODY,
            "to_members": False,
            "agencies": [
                "BTGTU",
                "Sở TC",
                "Sở VHTTDL",
                "CA tỉnh",
                "Sở YT",
                "UBND TP Kon Tum",
                "Điện lực Kon Tum",
            ],
            "answers": [
                (
                    "BTGTU",
                    -1,
                    [
                        (
                            "II.1",
                            "Đề nghị mở chuyên mục về Đại hội trên Báo Kon Tum và Đài Phát thanh "
                            "- Truyền hình tỉnh từ hai tháng trước ngày khai mạc.",
                            None,
                            "",
                        )
                    ],
                    False,
                ),
                ("CA tỉnh", -1, [], True),
                (
                    "Sở YT",
                    -1,
                    [
                        (
                            "II.4",
                            "Bố trí hai tổ cấp cứu thường trực tại hội trường và một tổ tại nơi "
                            "nghỉ của đại biểu.",
                            "accepted",
                            "Đưa vào mục II.4 của kế hoạch.",
                        )
                    ],
                    False,
                ),
            ],
        },
    ],
    "thanhpho": [
        {
            "title": "Dự thảo Quy chế làm việc của Tiểu ban Văn kiện Đại hội lần thứ XXV",
            "kind": "QC",
            "committee": "Tiểu ban Văn kiện",
            "drafter": "VPTU",
            "sent": -36,
            "deadline": -33,
            "body": _CITY_RULE_BODY,
            "to_members": True,
            "agencies": [],
            "answers": [
                (
                    "Phạm Thị Thu Hiền",
                    -34,
                    [
                        (
                            "Điều 4",
                            "Cần làm rõ phần việc của Tổ giúp việc và tổ biên tập để không chồng "
                            "chéo, trùng lặp.",
                            "accepted",
                            "Tách thành khoản 1 Điều 4.",
                        )
                    ],
                    False,
                ),
                (
                    "Lê Văn Quyết",
                    -34,
                    [
                        (
                            "Điều 4",
                            "Số liệu của các khối ngành cần có hạn hoàn thành cụ thể.",
                            "accepted",
                            "Bổ sung khoản 2 Điều 4 với thời hạn cụ thể.",
                        )
                    ],
                    False,
                ),
                (
                    "Vũ Thị Hoa",
                    -33,
                    [
                        (
                            None,
                            "Đề nghị mời đại diện Mặt trận và các đoàn thể dự tất cả các phiên "
                            "họp của Tiểu ban.",
                            "explained",
                            "Mặt trận đã có đại diện là thành viên Tiểu ban; các đoàn thể được "
                            "mời khi bàn nội dung liên quan.",
                        )
                    ],
                    False,
                ),
            ],
            "adopt": (-32, _CITY_RULE_FINAL, "Thông qua tại phiên họp thứ nhất của Tiểu ban."),
        },
    ],
}


def _at(loader: "_CongressLoader", days: int, hour: int) -> dt.datetime:
    day = loader.today + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def load_consultations(loader: "_CongressLoader") -> int:
    created = 0
    for spec in CONSULTATIONS.get(loader.spec["key"], []):
        if not Consultation.objects.filter(congress=loader.congress, title=spec["title"]).exists():
            _load(loader, spec)
            created += 1
    return created


def _answerer(loader: "_CongressLoader", who: str) -> Access:
    """An agency's officer; for a person, their own login or the secretariat entering it."""
    if who in loader.agencies:
        return loader._officer(who)
    person = loader.people[who]
    return Access(loader.users["vanphong"], loader.congress, Role.SECRETARIAT, person_id=person.pk)


def _load(loader: "_CongressLoader", spec: Record) -> None:
    committee = loader.committees[spec["committee"]]
    # Sent back then: made today with a deadline still ahead, then dated as the story says.
    consultation = services.consultation_send(
        access=loader.secretariat,
        title=spec["title"],
        kind=spec["kind"],
        drafting_agency=loader.agencies[spec["drafter"]],
        committee=committee,
        deadline=loader.today + dt.timedelta(days=max(spec["deadline"], 0)),
        body=spec["body"],
        send_to=services.SendTo(
            agencies=[loader.agencies[k] for k in spec["agencies"]],
            committees=[committee] if spec["to_members"] else [],
        ),
    )
    sent = _at(loader, spec["sent"], 9)
    draft = services.current_draft(consultation)
    loader._stamp_audit(sent)
    for who, day, comments, agreed in spec["answers"]:
        access = _answerer(loader, who)
        sections = {s.label: s.pk for s in draft.sections.all()}
        given = services.comments_submit(
            access=access,
            draft=draft,
            entries=[
                services.Entry(sections[label] if label else None, text)
                for label, text, *_ in comments
            ],
            agreed=agreed,
        )
        when = _at(loader, day, 15)
        recipient = permissions.own_recipient(access, draft)
        assert recipient is not None
        Recipient.objects.filter(pk=recipient.pk).update(answered_at=when)
        loader._stamp_audit(when)
        for comment, (_, _, resolution, reason) in zip(given, comments, strict=True):
            if resolution:
                services.comment_resolve(
                    access=loader.secretariat, comment=comment, resolution=resolution, reason=reason
                )
        loader._stamp_audit(when + dt.timedelta(hours=2))
    Draft.objects.filter(pk=draft.pk).update(
        deadline=loader.today + dt.timedelta(days=spec["deadline"])
    )
    Consultation.objects.filter(pk=consultation.pk).update(created_at=sent)
    Draft.objects.filter(pk=draft.pk).update(created_at=sent)
    if "adopt" in spec:
        day, body, note = spec["adopt"]
        final = services.consultation_adopt(
            access=loader.secretariat, consultation=consultation, body=body, note=note
        )
        adopted = _at(loader, day, 16)
        Consultation.objects.filter(pk=consultation.pk).update(adopted_at=adopted)
        Draft.objects.filter(pk=final.pk).update(created_at=adopted)
        loader._stamp_audit(adopted)
