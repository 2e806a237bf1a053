from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from daihoi.ops.backups import BackupError, create_backup, prune


class Command(BaseCommand):
    help = (
        "Sao lưu cơ sở dữ liệu (pg_dump dạng custom, hoặc bản sao SQLite) và thư mục tệp tải lên "
        "vào một tệp .tar có manifest mã SHA-256."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output-dir",
            type=Path,
            default=Path(settings.VAR_DIR) / "backups",
            help="thư mục chứa bản sao lưu (mặc định var/backups)",
        )
        parser.add_argument("--keep-daily", type=int, default=0, help="giữ N ngày gần nhất")
        parser.add_argument("--keep-monthly", type=int, default=0, help="giữ N tháng gần nhất")

    def handle(self, *args, **options) -> None:
        try:
            result = create_backup(options["output_dir"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Đã sao lưu: {result.path} ({result.tables} bảng, {result.files} tệp, "
            f"{result.bytes / 1e6:.1f} MB)"
        )
        if options["keep_daily"] or options["keep_monthly"]:
            for path in prune(
                options["output_dir"], options["keep_daily"], options["keep_monthly"]
            ):
                self.stdout.write(f"Đã xóa bản cũ: {path.name}")
