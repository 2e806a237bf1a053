import datetime as dt

from django.core.management.base import BaseCommand, CommandParser

from daihoi.api.receivers import overdue_events


class Command(BaseCommand):
    help = "Báo cho các webhook những nhiệm vụ trở thành quá hạn trong ngày (chạy hằng ngày)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", type=dt.date.fromisoformat, default=None)

    def handle(self, *args: object, date: dt.date | None = None, **options: object) -> None:
        sent = overdue_events(date)
        self.stdout.write(f"Đã xếp {sent} lượt gửi webhook cho nhiệm vụ quá hạn.")
