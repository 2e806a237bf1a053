"""Kon Tum's agencies' detailed plans under the propaganda plan (Kế hoạch 06), built through the
services: the Tiểu ban asked each lead agency for its detailed plan 15 days ago; Ban Tuyên giáo's
for its inspection round was approved and is under way, the culture department's came back with
comments, the radio and television station's awaits approval, and Ban Tuyên giáo is still
drafting the one for after the congress. The others have sent nothing: late.

Days count from today; a work's deadline counts back from its task's. Idempotent: a task that
already has a detailed plan is left alone.
"""

import datetime as dt
from typing import TYPE_CHECKING

from django.utils import timezone

from daihoi.planning import services
from daihoi.planning.models import DetailedPlan, Task

from .data import Record

if TYPE_CHECKING:
    from .loader import _CongressLoader

PLAN_DUE = -15  # the plan's due date for detailed plans, in days from today


def _work(title: str, method: str, responsible: str, before_task: int, days: int = 10) -> Record:
    """A work due `before_task` days before its task's deadline, lasting `days`."""
    return {
        "title": title,
        "method": method,
        "responsible": responsible,
        "before_task": before_task,
        "days": days,
    }


KON_TUM_PLANS: list[Record] = [
    {
        "task": "Kiểm tra, đôn đốc các cơ quan, đơn vị triển khai Kế hoạch 06",
        "agency": "BTGTU",
        "works": [
            _work(
                "Lập danh sách đơn vị chưa có kế hoạch cụ thể hóa, gửi văn bản nhắc",
                "Rà soát báo cáo của các đơn vị; văn bản đôn đốc của Ban Tuyên giáo",
                "Phòng Tuyên truyền",
                15,
            ),
            _work(
                "Làm việc trực tiếp với các huyện ủy, thành ủy về tuyên truyền trực quan",
                "Tổ công tác đi kiểm tra tại chỗ, lập biên bản từng nơi",
                "Đ/c Phó Trưởng Ban phụ trách, 2 chuyên viên",
                3,
                14,
            ),
            _work(
                "Tổng hợp kết quả kiểm tra, báo cáo Tiểu ban",
                "Báo cáo bằng văn bản, kèm danh sách việc còn tồn đọng",
                "Phòng Tuyên truyền",
                0,
                4,
            ),
        ],
        "sent": -20,
        "review": ("approve", -18, "Đồng ý; chú ý các huyện vùng sâu."),
        "progress": [100, 60, 30],
    },
    {
        "task": "Xây dựng kế hoạch cụ thể hóa Kế hoạch 06 tại Sở Văn hóa, Thể thao và Du lịch",
        "agency": "Sở VHTTDL",
        "works": [
            _work(
                "Dự thảo kế hoạch tuyên truyền cổ động trực quan của Sở",
                "Phòng Văn hóa dự thảo, lấy ý kiến các đơn vị thuộc Sở",
                "Phòng Quản lý văn hóa",
                4,
            ),
            _work(
                "Trình Giám đốc Sở ký ban hành",
                "Văn bản trình kèm dự thảo đã tiếp thu ý kiến",
                "Văn phòng Sở",
                0,
                3,
            ),
        ],
        "sent": -12,
        "review": (
            "return",
            -10,
            "Bổ sung mốc kiểm tra pano, khẩu hiệu tại các huyện và ghi rõ người phụ trách "
            "từng việc.",
        ),
    },
    {
        "task": "Xây dựng phóng sự tuyên truyền về Đại hội Đảng bộ tỉnh lần thứ XV",
        "agency": "Đài PT-TH tỉnh",
        "own_due": 3,  # the station asked for more time: its own due date
        "works": [
            _work(
                "Xây dựng kịch bản phóng sự về thành tựu nhiệm kỳ",
                "Biên tập viên viết kịch bản, Ban Tuyên giáo góp ý",
                "Phòng Thời sự",
                10,
            ),
            _work(
                "Quay, dựng phóng sự tại các huyện",
                "Ba kíp quay đi cơ sở; dựng tại Đài",
                "Phòng Thời sự, Phòng Kỹ thuật",
                2,
                12,
            ),
            _work(
                "Phát sóng trên kênh truyền hình và trang tin điện tử của Đài",
                "Phát trong chương trình thời sự tối, đăng lại trên trang tin",
                "Ban Biên tập",
                0,
                2,
            ),
        ],
        "sent": -1,
    },
    {
        "task": "Tuyên truyền kết quả và Nghị quyết Đại hội sau khi bế mạc",
        "agency": "BTGTU",
        "works": [
            _work(
                "Biên soạn tài liệu tuyên truyền Nghị quyết Đại hội",
                "Tổ biên soạn của Ban; in và phát cho báo cáo viên",
                "Phòng Lý luận chính trị",
                20,
            ),
        ],
    },
]


def load_detailed_plans(loader: "_CongressLoader") -> int:
    """Returns how many detailed plans it created."""
    if loader.spec["key"] != "kontum":
        return 0
    today = loader.today
    plan = loader.plans["kh06"]
    if plan.detailed_plan_due is None:
        services.plan_update(
            access=loader.secretariat,
            plan=plan,
            detailed_plan_due=today + dt.timedelta(days=PLAN_DUE),
        )
        loader._stamp_audit(_at(today + dt.timedelta(days=PLAN_DUE - 10), 9))
    created = 0
    for spec in KON_TUM_PLANS:
        task = Task.objects.filter(congress=loader.congress, title=spec["task"]).first()
        if task is None or DetailedPlan.objects.filter(task=task).exists():
            continue
        _write(loader, task, spec)
        created += 1
    return created


def _at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _day(loader: "_CongressLoader", days: int) -> dt.date:
    return loader.today + dt.timedelta(days=days)


def _write(loader: "_CongressLoader", task: Task, spec: Record) -> None:
    officer = loader._officer(spec["agency"])
    if "own_due" in spec:
        Task.objects.filter(pk=task.pk).update(detailed_plan_due=_day(loader, spec["own_due"]))
    deadline = task.deadline or _day(loader, 60)
    items = []
    for work in spec["works"]:
        end = deadline - dt.timedelta(days=work["before_task"])
        items.append(
            services.detailed_item_add(
                access=officer,
                task=task,
                fields=services.ItemFields(
                    title=work["title"],
                    method=work["method"],
                    responsible=work["responsible"],
                    start_date=end - dt.timedelta(days=work["days"]),
                    deadline=end,
                ),
            )
        )
    sent = spec.get("sent")
    loader._stamp_audit(_at(_day(loader, (sent or 0) - 2), 10))
    if sent is None:
        return
    detailed = services.detailed_plan_submit(access=officer, task=task)
    DetailedPlan.objects.filter(pk=detailed.pk).update(
        first_submitted_on=_day(loader, sent), submitted_at=_at(_day(loader, sent), 15)
    )
    loader._stamp_audit(_at(_day(loader, sent), 15))
    if "review" not in spec:
        return
    decision, day, comment = spec["review"]
    if decision == "approve":
        services.detailed_plan_approve(access=loader.acceptor, task=task, comment=comment)
    else:
        services.detailed_plan_return(access=loader.acceptor, task=task, comment=comment)
    DetailedPlan.objects.filter(pk=detailed.pk).update(reviewed_at=_at(_day(loader, day), 9))
    loader._stamp_audit(_at(_day(loader, day), 9))
    for item, percent in zip(items, spec.get("progress", []), strict=False):
        services.detailed_item_report_progress(access=officer, item=item, progress=percent)
    loader._stamp_audit(_at(_day(loader, -1), 16))
