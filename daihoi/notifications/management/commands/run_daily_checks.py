import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from daihoi.notifications.reminders import daily_checks_run


class Command(BaseCommand):
    help = (
        "Nhắc hạn nhiệm vụ (trước 3 ngày, 1 ngày) và tổng hợp nhiệm vụ quá hạn theo đơn vị. "
        "Chạy mỗi ngày bằng cron; chạy lại trong cùng ngày không gửi trùng."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--date", help="Ngày kiểm tra, dạng YYYY-MM-DD (mặc định: hôm nay).")

    def handle(self, *args, date: str | None = None, **options) -> None:
        today = None
        if date:
            try:
                today = dt.date.fromisoformat(date)
            except ValueError:
                raise CommandError("Ngày không hợp lệ, dùng dạng YYYY-MM-DD.") from None
        result = daily_checks_run(today=today)
        self.stdout.write(
            f"{result.date.isoformat()}: {result.reminders} nhắc hạn, "
            f"{result.digests} thông báo quá hạn (thư gửi qua hàng đợi db_worker)."
        )
