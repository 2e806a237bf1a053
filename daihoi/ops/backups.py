"""Backup and restore: the database (pg_dump custom format, or SQLite's online backup) and the
uploaded files in one tar archive with a manifest of SHA-256 checksums and row counts.

Django's dumpdata/loaddata is not used: it fails on the history tables and is slow.
"""

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import dj_database_url
from django.conf import settings
from django.db import connection
from django.utils import timezone

MANIFEST = "manifest.json"
FORMAT = 1


class BackupError(Exception):
    pass


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def files_under(root: Path) -> Iterator[Path]:
    if root.is_dir():
        for path in sorted(root.rglob("*")):
            if path.is_file() and not path.is_symlink():
                yield path


def row_counts_django() -> dict[str, int]:
    """Rows in every table of the configured database."""
    counts = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


# --- the database ------------------------------------------------------------------------------


def pg_environment(config: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    """Connection arguments for pg_dump/pg_restore/psql; the password goes in PGPASSWORD."""
    args = ["--dbname", config["NAME"]]
    if config.get("HOST"):
        args += ["--host", str(config["HOST"])]
    if config.get("PORT"):
        args += ["--port", str(config["PORT"])]
    if config.get("USER"):
        args += ["--username", str(config["USER"])]
    env = dict(os.environ)
    if config.get("PASSWORD"):
        env["PGPASSWORD"] = str(config["PASSWORD"])
    return args, env


def dump_database(folder: Path) -> tuple[str, str]:
    """Writes the configured database into `folder`; returns (vendor, file name)."""
    if connection.vendor == "postgresql":
        args, env = pg_environment(connection.settings_dict)
        target = folder / "database.dump"
        command = ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file"]
        run([*command, str(target), *args], env)
        return "postgresql", target.name
    if connection.vendor == "sqlite":
        target = folder / "database.sqlite3"
        connection.ensure_connection()
        # The online backup API copies a consistent snapshot while others keep writing.
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()
        return "sqlite", target.name
    raise BackupError(f"cơ sở dữ liệu {connection.vendor} chưa được hỗ trợ")


def run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} thất bại: {result.stderr.strip()[:2000]}")


# --- backup ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupResult:
    path: Path
    files: int
    tables: int
    bytes: int


def create_backup(output_dir: Path, *, now: dt.datetime | None = None) -> BackupResult:
    """One archive `daihoi-YYYYMMDD-HHMMSS.tar` in `output_dir`, written under a temporary name
    and renamed when complete, so a half-written archive is never taken for a backup."""
    now = now or timezone.now()
    output_dir.mkdir(parents=True, exist_ok=True)
    name = f"daihoi-{now.astimezone(dt.UTC):%Y%m%d-%H%M%S}.tar"
    uploads = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="daihoi-backup-") as work:
        folder = Path(work)
        counts = row_counts_django()
        vendor, database_file = dump_database(folder)
        checksums = {database_file: sha256_of(folder / database_file)}
        upload_files = list(files_under(uploads))
        for path in upload_files:
            checksums[f"uploads/{path.relative_to(uploads).as_posix()}"] = sha256_of(path)
        manifest = {
            "format": FORMAT,
            "created_at": now.isoformat(),
            "database": {"vendor": vendor, "file": database_file},
            "row_counts": counts,
            "sha256": checksums,
        }
        partial = output_dir / f".{name}.partial"
        with tarfile.open(partial, "w") as archive:
            data = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            info.mtime = int(now.timestamp())
            archive.addfile(info, io.BytesIO(data))
            archive.add(folder / database_file, arcname=database_file)
            for path in upload_files:
                archive.add(path, arcname=f"uploads/{path.relative_to(uploads).as_posix()}")
        final = output_dir / name
        partial.rename(final)
    return BackupResult(final, len(upload_files), len(counts), final.stat().st_size)


def prune(output_dir: Path, keep_daily: int, keep_monthly: int) -> list[Path]:
    """Keeps the newest archive of each of the last `keep_daily` days and of each of the last
    `keep_monthly` months; deletes the other archives. Returns what was deleted."""
    archives = sorted(output_dir.glob("daihoi-????????-??????.tar"), reverse=True)
    keep: set[Path] = set()
    days: dict[str, Path] = {}
    months: dict[str, Path] = {}
    for path in archives:  # newest first: the first seen of a day/month is its newest
        stamp = path.name[len("daihoi-") : len("daihoi-") + 8]
        days.setdefault(stamp, path)
        months.setdefault(stamp[:6], path)
    keep.update(list(days.values())[:keep_daily])
    keep.update(list(months.values())[:keep_monthly])
    deleted = [path for path in archives if path not in keep]
    for path in deleted:
        path.unlink()
    return deleted


# --- restore -----------------------------------------------------------------------------------


def verify(archive_path: Path, folder: Path) -> dict[str, Any]:
    """Extracts the archive into `folder` and checks every file against the manifest: nothing
    missing, nothing extra, every checksum equal. Raises BackupError otherwise."""
    with tarfile.open(archive_path, "r") as archive:
        archive.extractall(folder, filter="data")
    manifest_path = folder / MANIFEST
    if not manifest_path.is_file():
        raise BackupError("tệp sao lưu không có manifest.json")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise BackupError(f"định dạng sao lưu {manifest.get('format')} không được hỗ trợ")
    expected: dict[str, str] = manifest["sha256"]
    present = {
        path.relative_to(folder).as_posix() for path in files_under(folder) if path != manifest_path
    }
    if missing := sorted(set(expected) - present):
        raise BackupError(f"thiếu tệp trong bản sao lưu: {', '.join(missing[:10])}")
    if extra := sorted(present - set(expected)):
        raise BackupError(f"tệp lạ trong bản sao lưu: {', '.join(extra[:10])}")
    bad = [name for name, digest in expected.items() if sha256_of(folder / name) != digest]
    if bad:
        raise BackupError(f"sai mã kiểm tra SHA-256: {', '.join(sorted(bad)[:10])}")
    return manifest


def target_config(database_url: str | None) -> dict[str, Any]:
    if database_url:
        return dict(dj_database_url.parse(database_url))
    return dict(connection.settings_dict)


def engine_vendor(config: dict[str, Any]) -> str:
    engine = config["ENGINE"]
    if "postgresql" in engine:
        return "postgresql"
    if "sqlite3" in engine:
        return "sqlite"
    raise BackupError(f"cơ sở dữ liệu {engine} chưa được hỗ trợ")


def table_names(config: dict[str, Any]) -> list[str]:
    """Tables in the target database, read with a connection of its own."""
    if engine_vendor(config) == "sqlite":
        path = Path(config["NAME"])
        if not path.exists():
            return []
        with sqlite3.connect(path) as db:
            rows = db.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            ).fetchall()
        db.close()
        return [row[0] for row in rows]
    args, env = pg_environment(config)
    result = subprocess.run(
        [
            "psql",
            "--no-psqlrc",
            "--tuples-only",
            "--no-align",
            *args,
            "--command",
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()",
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BackupError(f"psql thất bại: {result.stderr.strip()[:2000]}")
    return [line for line in result.stdout.splitlines() if line.strip()]


def row_counts(config: dict[str, Any]) -> dict[str, int]:
    """Rows in every table of the target database (for the check after a restore)."""
    tables = table_names(config)
    if engine_vendor(config) == "sqlite":
        with sqlite3.connect(config["NAME"]) as db:
            counts = {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
        db.close()
        return counts
    args, env = pg_environment(config)
    if not tables:
        return {}
    query = " UNION ALL ".join(f"SELECT '{t}', COUNT(*) FROM \"{t}\"" for t in tables)
    result = subprocess.run(
        [
            "psql",
            "--no-psqlrc",
            "--tuples-only",
            "--no-align",
            "--field-separator=\t",
            *args,
            "--command",
            query,
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BackupError(f"psql thất bại: {result.stderr.strip()[:2000]}")
    return {
        name: int(count)
        for name, count in (line.split("\t") for line in result.stdout.splitlines() if line)
    }


@dataclass(frozen=True)
class RestoreResult:
    tables: int
    files: int


def restore_backup(
    archive_path: Path, *, database_url: str | None = None, upload_root: Path | None = None
) -> RestoreResult:
    """Restores into an EMPTY database (the configured one, or `database_url`) and the upload
    folder, after checking every checksum. Refuses a database that already has tables."""
    config = target_config(database_url)
    uploads = Path(upload_root or settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="daihoi-restore-") as work:
        folder = Path(work)
        manifest = verify(archive_path, folder)
        vendor = engine_vendor(config)
        if manifest["database"]["vendor"] != vendor:
            raise BackupError(
                f"bản sao lưu của {manifest['database']['vendor']} không khôi phục vào {vendor}"
            )
        if existing := table_names(config):
            raise BackupError(
                f"cơ sở dữ liệu đích không trống ({len(existing)} bảng): hãy khôi phục vào một "
                "cơ sở dữ liệu mới tạo"
            )
        clashes = [
            name
            for name in manifest["sha256"]
            if name.startswith("uploads/")
            and (uploads / name.removeprefix("uploads/")).exists()
            and sha256_of(uploads / name.removeprefix("uploads/")) != manifest["sha256"][name]
        ]
        if clashes:
            raise BackupError(f"thư mục tệp tải lên đã có tệp khác cùng tên: {clashes[:5]}")
        source = folder / manifest["database"]["file"]
        if vendor == "postgresql":
            args, env = pg_environment(config)
            run(
                [
                    "pg_restore",
                    "--no-owner",
                    "--no-privileges",
                    "--exit-on-error",
                    "--single-transaction",
                    *args,
                    str(source),
                ],
                env,
            )
        else:
            target = Path(config["NAME"])
            target.parent.mkdir(parents=True, exist_ok=True)
            with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
                src.backup(dst)
            src.close()
            dst.close()
        files = 0
        for name in manifest["sha256"]:
            if name.startswith("uploads/"):
                destination = uploads / name.removeprefix("uploads/")
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(folder / name, destination)
                files += 1
        restored = row_counts(config)
        if restored != manifest["row_counts"]:
            differ = sorted(
                t
                for t in set(restored) | set(manifest["row_counts"])
                if restored.get(t) != manifest["row_counts"].get(t)
            )
            raise BackupError(f"số dòng sau khi khôi phục khác bản sao lưu: {differ[:10]}")
    return RestoreResult(tables=len(restored), files=files)
