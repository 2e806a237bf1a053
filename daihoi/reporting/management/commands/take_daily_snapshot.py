"""For cron: `manage.py take_daily_snapshot` once a day (late evening); running it again is safe."""

from django.core.management.base import BaseCommand

from daihoi.reporting.tasks import take_daily_snapshot, take_snapshots


class Command(BaseCommand):
    help = "Ghi số liệu nhiệm vụ trong ngày của mỗi Đại hội (một dòng mỗi Đại hội mỗi ngày)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true", help="Đưa vào hàng đợi thay vì chạy ngay."
        )

    def handle(self, *args, enqueue: bool = False, **options):
        if enqueue:
            result = take_daily_snapshot.enqueue()
            self.stdout.write(f"Đã đưa vào hàng đợi: {result.id}")
            return
        taken = take_snapshots()
        self.stdout.write(f"Đã ghi số liệu của {taken} Đại hội.")
