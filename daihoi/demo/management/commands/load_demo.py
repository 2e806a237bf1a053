"""`manage.py load_demo [--reset]`: the five demo congresses and one login per role."""

from django.core.management.base import BaseCommand

from daihoi.demo import data
from daihoi.demo.loader import load_demo
from daihoi.planning.status import StatusClass

COUNT_LABELS = [
    ("agencies", "cơ quan"),
    ("people", "cán bộ"),
    ("committees", "tiểu ban/tổ"),
    ("memberships", "thành viên tiểu ban"),
    ("plans", "kế hoạch"),
    ("tasks", "nhiệm vụ"),
    ("updates", "báo cáo tiến độ"),
    ("open_obstacles", "vướng mắc chưa tháo gỡ"),
]
CREATED_LABELS = {
    "deleted congresses": "Đại hội mẫu cũ đã xóa",
    "congresses": "Đại hội",
    "agencies": "cơ quan",
    "people": "cán bộ",
    "committees": "tiểu ban/tổ",
    "memberships": "thành viên tiểu ban",
    "plans": "kế hoạch",
    "tasks": "nhiệm vụ",
    "meetings": "cuộc họp",
    "report requests": "yêu cầu báo cáo",
    "drafts for comment": "dự thảo lấy ý kiến",
    "estimates": "dự trù kinh phí",
    "users": "tài khoản",
    "retired users": "tài khoản cũ đã khóa",
    "participations": "phân quyền",
    "api records": "webhook",
}


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(str(x)) for x in column) for column in zip(headers, *rows, strict=False)]

    def line(cells):
        return "  ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    return [line(headers), "  ".join("-" * w for w in widths), *(line(r) for r in rows)]


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu: năm Đại hội, cơ quan, tiểu ban, kế hoạch, nhiệm vụ và tài khoản demo."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Xóa các Đại hội mẫu (giữ tài khoản) rồi nạp lại với ngày tháng tính từ hôm nay.",
        )

    def handle(self, *args, reset: bool = False, **options):
        result = load_demo(reset=reset)
        out = self.stdout
        if result.created:
            made = ", ".join(
                f"{result.created[what]} {label}"
                for what, label in CREATED_LABELS.items()
                if what in result.created
            )
            out.write(self.style.SUCCESS(f"Đã nạp dữ liệu mẫu ({made})."))
        else:
            out.write(self.style.SUCCESS("Dữ liệu mẫu đã có sẵn, không có gì mới cần tạo."))
        out.write("")
        for summary in result.congresses:
            out.write(self.style.MIGRATE_HEADING(summary.title))
            out.write("  " + ", ".join(f"{summary.counts[k]} {label}" for k, label in COUNT_LABELS))
            statuses = ", ".join(
                f"{StatusClass(s).label.lower()}: {summary.statuses[s]}" for s in StatusClass.values
            )
            out.write(f"  {statuses}")
            out.write(
                f"  chờ xác nhận: {summary.statuses['awaiting']}, "
                f"đến hạn trong 7 ngày: {summary.statuses['due_7_days']}"
            )
        out.write("")
        out.write(self.style.MIGRATE_HEADING(f"Tài khoản demo (mật khẩu chung: {data.PASSWORD})"))
        rows = [[u["username"], data.PASSWORD, u["role_label"], u["where"]] for u in data.USERS]
        for line in _table(["Tên đăng nhập", "Mật khẩu", "Vai trò", "Đại hội / cơ quan"], rows):
            out.write(line)
