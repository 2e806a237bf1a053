"""The command line: python -m daihoi.extraction [--today YYYY-MM-DD] FILE|-."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
TEXT = (
    "Sáng 2/10, đồng chí Phan Quốc Bảo, Bí thư Huyện ủy chủ trì cuộc họp. Đồng chí yêu cầu "
    "Ban Tuyên giáo Huyện ủy hoàn thành đề cương tuyên truyền trước ngày 15/10."
)


def cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "-m", "daihoi.extraction", *args],
        input=stdin,
        capture_output=True,
        cwd=REPO,
        env=env,
        timeout=120,
    )


def test_cli_prints_one_json_object_for_a_file(tmp_path: Path) -> None:
    f = tmp_path / "thong-bao.txt"
    f.write_text(TEXT, encoding="utf-8")
    r = cli(str(f))
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["meeting"]["chair"] == "Phan Quốc Bảo"
    assert data["meeting"]["date"] is None  # no year anywhere, no --today
    assert [(a["agency"], a["role"]) for a in data["assignments"]] == [
        ("Ban Tuyên giáo Huyện ủy", "lead")
    ]


def test_cli_today_gives_the_year_and_stdin_dash_is_read() -> None:
    r = cli("--today", "2025-10-05", "-", stdin=TEXT.encode("utf-8"))
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["meeting"]["date"] == "2025-10-02"
    assert data["assignments"][0]["deadline"] == "2025-10-15"


def test_cli_missing_file_gives_a_vietnamese_message_and_non_zero_exit(tmp_path: Path) -> None:
    r = cli(str(tmp_path / "khong-co.txt"))
    assert r.returncode != 0
    assert r.stdout == b""
    assert "không tìm thấy tệp" in r.stderr.decode("utf-8")


def test_cli_directory_and_bad_today_are_refused(tmp_path: Path) -> None:
    r = cli(str(tmp_path))
    assert r.returncode != 0
    assert "thư mục" in r.stderr.decode("utf-8")
    r = cli("--today", "hôm nay", "-", stdin=b"")
    assert r.returncode != 0
    assert "YYYY-MM-DD" in r.stderr.decode("utf-8")


def test_cli_binary_empty_and_foreign_files_give_valid_json(tmp_path: Path) -> None:
    samples = {
        "nhi-phan.txt": bytes(range(256)) * 40,
        "rong.txt": b"",
        "tieng-anh.txt": b"The committee asked the finance office to report.",
        "latin1.txt": "Sở Tài chính bố trí kinh phí".encode("cp1258", errors="replace"),
    }
    for name, data in samples.items():
        f = tmp_path / name
        f.write_bytes(data)
        r = cli(str(f))
        assert r.returncode == 0, (name, r.stderr)
        out = json.loads(r.stdout)
        assert set(out) == {"meeting", "assignments"}


def test_the_package_does_not_import_django() -> None:
    code = (
        "import sys, daihoi.extraction, daihoi.extraction.__main__; "
        "daihoi.extraction.extract('Sở Tài chính chủ động bố trí kinh phí phục vụ Đại hội.'); "
        "assert 'django' not in sys.modules, 'django imported'"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    r = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True)
    assert r.returncode == 0, r.stderr.decode()
