"""For cron: `manage.py clean_staged_uploads` (hourly); running it again is safe.

It also forgets one-time form tokens older than a day (`core.once`)."""

from django.core.management.base import BaseCommand

from daihoi.core.once import clean_old
from daihoi.core.staging import clean_expired


class Command(BaseCommand):
    help = "Xóa các tệp đính kèm tạm đã hết hạn (của những biểu mẫu không được gửi lại)."

    def handle(self, *args, **options):
        removed = clean_expired()
        self.stdout.write(f"Đã xóa {removed} tệp đính kèm tạm hết hạn.")
        forgotten = clean_old()
        self.stdout.write(f"Đã xóa {forgotten} mã biểu mẫu đã gửi quá một ngày.")
