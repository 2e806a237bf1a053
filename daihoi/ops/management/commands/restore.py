from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from daihoi.ops.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Khôi phục một bản sao lưu vào cơ sở dữ liệu TRỐNG (mới tạo) và thư mục tệp tải lên; "
        "kiểm tra mã SHA-256 của mọi tệp trước khi ghi."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--database-url", help="khôi phục vào cơ sở dữ liệu này thay vì DATABASE_URL"
        )
        parser.add_argument("--upload-root", type=Path, help="thay cho DAIHOI_UPLOAD_ROOT")

    def handle(self, *args, **options) -> None:
        try:
            result = restore_backup(
                options["archive"],
                database_url=options["database_url"],
                upload_root=options["upload_root"],
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Đã khôi phục {result.tables} bảng (số dòng khớp manifest) và {result.files} tệp."
        )
