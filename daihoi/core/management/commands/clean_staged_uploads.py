"""For cron: `manage.py clean_staged_uploads` (hourly); running it again is safe."""

from django.core.management.base import BaseCommand

from daihoi.core.staging import clean_expired


class Command(BaseCommand):
    help = "Xóa các tệp đính kèm tạm đã hết hạn (của những biểu mẫu không được gửi lại)."

    def handle(self, *args, **options):
        removed = clean_expired()
        self.stdout.write(f"Đã xóa {removed} tệp đính kèm tạm hết hạn.")
