"""Kon Tum's list of speakers at the opening session (tham luận of the delegations): registrations
from the delegates' paper forms, two approved, one delivered; and two for the hall discussion of
the working session. Built through the speeches services."""

from typing import TYPE_CHECKING

from daihoi.delegates.models import Delegate
from daihoi.programme.models import Session
from daihoi.speeches import services
from daihoi.speeches.models import Speech

if TYPE_CHECKING:
    from .loader import _CongressLoader

# (session title, item title, topic, summary)
REGISTRATIONS = [
    (
        "Phiên khai mạc",
        "Tham luận của các đoàn đại biểu",
        "Phát triển vùng sâm Ngọc Linh thành ngành kinh tế mũi nhọn",
        "Kết quả bảo tồn, nhân giống và trồng sâm dưới tán rừng nhiệm kỳ qua; đề xuất quy hoạch "
        "vùng trồng tập trung, truy xuất nguồn gốc và liên kết với doanh nghiệp chế biến.",
    ),
    (
        "Phiên khai mạc",
        "Tham luận của các đoàn đại biểu",
        "Giảm nghèo bền vững ở các xã đặc biệt khó khăn",
        "Kinh nghiệm giao khoán bảo vệ rừng gắn với sinh kế; kiến nghị ưu tiên vốn cho đường "
        "giao thông liên thôn và trường bán trú.",
    ),
    (
        "Phiên khai mạc",
        "Tham luận của các đoàn đại biểu",
        "Xây dựng Đảng ở cơ sở vùng đồng bào dân tộc thiểu số",
        "Công tác phát triển đảng viên là người dân tộc thiểu số, già làng, người có uy tín; "
        "giải pháp xóa thôn chưa có tổ chức đảng.",
    ),
    (
        "Phiên khai mạc",
        "Tham luận của các đoàn đại biểu",
        "Chuyển đổi số trong cải cách hành chính cấp huyện",
        "Kết quả dịch vụ công trực tuyến; đề xuất đào tạo cán bộ xã và phủ sóng vùng lõm.",
    ),
    (
        "Phiên làm việc thứ nhất",
        "Thảo luận tại hội trường các dự thảo văn kiện",
        "Góp ý chỉ tiêu tỷ lệ che phủ rừng trong dự thảo Báo cáo chính trị",
        "Đề nghị giữ chỉ tiêu trên 62% và bổ sung giải pháp phòng cháy rừng mùa khô.",
    ),
    (
        "Phiên làm việc thứ nhất",
        "Thảo luận tại hội trường các dự thảo văn kiện",
        "Phát triển du lịch cộng đồng gắn với văn hóa cồng chiêng",
        "Đề nghị đưa làng văn hóa Kon K'Tu, Kon Klor vào nhóm sản phẩm du lịch trọng điểm.",
    ),
]


def load_speeches(loader: "_CongressLoader") -> int:
    """Registers Kon Tum's speakers when none are; returns how many were registered."""
    congress = loader.congress
    if loader.spec["key"] != "kontum" or Speech.objects.filter(congress=congress).exists():
        return 0
    delegates = list(
        Delegate.objects.filter(
            congress=congress, is_active=True, kind=Delegate.Kind.OFFICIAL
        ).order_by("delegation__order", "pk")[: len(REGISTRATIONS)]
    )
    sessions = {s.title: s for s in Session.objects.filter(congress=congress)}
    if len(delegates) < len(REGISTRATIONS) or not sessions:
        return 0
    access = loader.secretariat
    made: list[Speech] = []
    for delegate, (session_title, item_title, topic, summary) in zip(
        delegates, REGISTRATIONS, strict=True
    ):
        session = sessions[session_title]
        made.append(
            services.speech_register(
                access=access,
                session=session,
                delegate=delegate,
                fields=services.SpeechFields(
                    topic=topic,
                    summary=summary,
                    item=session.items.filter(title=item_title).first(),
                ),
            )
        )
    first, second = made[0], made[1]
    for speech in (first, second):
        services.speech_approve(access=access, speech=speech)
    services.speech_call_next(access=access, session=first.session)
    services.speech_deliver(access=access, speech=first, minutes=9)
    return len(made)
