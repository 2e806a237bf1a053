"""Backup then restore into an empty database: same rows in every table, same files."""

import datetime as dt
import subprocess
import tarfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection

from daihoi.accounts.models import Role
from daihoi.ops.backups import (
    BackupError,
    create_backup,
    files_under,
    pg_environment,
    prune,
    restore_backup,
    row_counts,
    row_counts_django,
    sha256_of,
    target_config,
)
from daihoi.organizations.permissions import Access
from daihoi.planning import services
from daihoi.planning.models import Area, Phase
from daihoi.testing.factories import build_world


def checksums(root: Path) -> dict[str, str]:
    return {path.relative_to(root).as_posix(): sha256_of(path) for path in files_under(root)}


def fill(uploads: Path) -> None:
    world = build_world()
    secretariat = Access(world.users["secretariat"], world.congress, Role.SECRETARIAT)
    officer = Access(
        world.users["officer"], world.congress, Role.AGENCY_OFFICER, world.agencies["btg"].pk
    )
    task = services.task_create(
        access=secretariat,
        fields=services.TaskFields(
            title="Trang trí khánh tiết",
            lead_agency=world.agencies["btg"],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
        ),
    )
    services.task_report_progress(
        access=officer,
        task=task,
        text="Đang in",
        percent=30,
        attachments=[SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 tien do\n%%EOF")],
    )
    (uploads / "khac" / "sâu").mkdir(parents=True, exist_ok=True)
    (uploads / "khac" / "sâu" / "tệp.txt").write_text("Nội dung có dấu", encoding="utf-8")


@pytest.fixture
def empty_target(tmp_path):
    """A freshly created database of the same kind as the one under test."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    config = dict(connection.settings_dict)
    name = f"{config['NAME']}_restore"[:60]
    args, env = pg_environment({**config, "NAME": "postgres"})
    psql = ["psql", "--no-psqlrc", *args, "--command"]
    subprocess.run([*psql, f'DROP DATABASE IF EXISTS "{name}"'], env=env, check=True)
    subprocess.run([*psql, f'CREATE DATABASE "{name}"'], env=env, check=True)
    user = f"{config['USER']}@" if config.get("USER") else ""
    host = f"{config.get('HOST') or '127.0.0.1'}:{config.get('PORT') or 5432}"
    try:
        yield f"postgres://{user}{host}/{name}"
    finally:
        subprocess.run([*psql, f'DROP DATABASE IF EXISTS "{name}"'], env=env, check=False)


@pytest.mark.django_db(transaction=True)
def test_round_trip_keeps_every_row_and_file(tmp_path, settings, empty_target):
    uploads = tmp_path / "uploads"
    settings.MEDIA_ROOT = uploads
    fill(uploads)
    source_rows = row_counts_django()
    source_files = checksums(uploads)
    assert len(source_files) == 2 and source_rows["planning_task"] == 1

    backup = create_backup(tmp_path / "backups")
    assert backup.path.name.startswith("daihoi-") and backup.files == 2

    restored_uploads = tmp_path / "restored-uploads"
    result = restore_backup(backup.path, database_url=empty_target, upload_root=restored_uploads)
    assert result.files == 2
    assert row_counts(target_config(empty_target)) == source_rows
    assert checksums(restored_uploads) == source_files

    # A second restore would mix two states: the database is no longer empty.
    with pytest.raises(BackupError, match="không trống"):
        restore_backup(backup.path, database_url=empty_target, upload_root=restored_uploads)


@pytest.mark.django_db(transaction=True)
def test_a_changed_file_is_refused_before_anything_is_written(tmp_path, settings):
    uploads = tmp_path / "uploads"
    settings.MEDIA_ROOT = uploads
    (uploads / "a").mkdir(parents=True)
    (uploads / "a" / "x.pdf").write_bytes(b"%PDF-1.4 original\n%%EOF")
    backup = create_backup(tmp_path / "backups")
    tampered = tmp_path / "tampered.tar"
    with tarfile.open(backup.path) as source, tarfile.open(tampered, "w") as target:
        for member in source.getmembers():
            data = source.extractfile(member)
            if member.name == "uploads/a/x.pdf":
                import io

                body = b"%PDF-1.4 changed!\n%%EOF"
                member.size = len(body)
                data = io.BytesIO(body)
            target.addfile(member, data)
    target_db = tmp_path / "never.sqlite3"
    with pytest.raises(BackupError, match="SHA-256"):
        restore_backup(tampered, database_url=f"sqlite:///{target_db}", upload_root=tmp_path / "r")
    assert not target_db.exists() and not (tmp_path / "r").exists()


@pytest.mark.django_db(transaction=True)
def test_commands_back_up_and_restore(tmp_path, settings, capsys):
    settings.MEDIA_ROOT = tmp_path / "uploads"
    call_command("backup", "--output-dir", str(tmp_path / "b"))
    archive = next((tmp_path / "b").glob("daihoi-*.tar"))
    assert "Đã sao lưu" in capsys.readouterr().out
    if connection.vendor == "sqlite":
        call_command(
            "restore",
            str(archive),
            "--database-url",
            f"sqlite:///{tmp_path / 'r.sqlite3'}",
            "--upload-root",
            str(tmp_path / "ru"),
        )
        assert "số dòng khớp manifest" in capsys.readouterr().out


def test_retention_keeps_the_newest_of_each_recent_day_and_month(tmp_path):
    start = dt.datetime(2026, 1, 1, 2, 30)
    names = []
    for day in range(120):
        for hour in (2, 14):
            stamp = start + dt.timedelta(days=day, hours=hour - 2)
            names.append(f"daihoi-{stamp:%Y%m%d-%H%M%S}.tar")
    for name in names:
        (tmp_path / name).write_bytes(b"")
    deleted = prune(tmp_path, keep_daily=7, keep_monthly=3)
    kept = sorted(p.name for p in tmp_path.glob("*.tar"))
    # The last 7 days' evening backups, plus the newest of February and March (April's newest is
    # already one of the 7 days).
    assert len(kept) == 9 and len(deleted) == 240 - 9
    assert kept[-1] == "daihoi-20260430-143000.tar"
    assert "daihoi-20260228-143000.tar" in kept and "daihoi-20260331-143000.tar" in kept
