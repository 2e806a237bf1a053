"""deploy/production.env.example is complete and passes `manage.py check --deploy`."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "deploy" / "production.env.example"


def production_env() -> dict[str, str]:
    values = {}
    for line in EXAMPLE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key] = value
    return values


def test_the_example_lists_every_setting_the_settings_read():
    source = (ROOT / "daihoi" / "settings.py").read_text(encoding="utf-8")
    read = set(re.findall(r'(?:environ(?:\.get)?\(|environ\[|env_\w+\()\s*"([A-Z0-9_]+)"', source))
    read.add("DATABASE_URL")  # dj_database_url.config() reads it
    assert read, "no setting found: the pattern no longer matches settings.py"
    missing = read - set(production_env())
    assert not missing, f"add to deploy/production.env.example: {sorted(missing)}"


def test_check_deploy_reports_no_issue_with_the_production_env(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DAIHOI_"))}
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    env.update(production_env())
    env.update(
        DJANGO_SETTINGS_MODULE="daihoi.settings",
        DAIHOI_VAR_DIR=str(tmp_path),
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
        DAIHOI_UPLOAD_ROOT=str(tmp_path / "uploads"),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output, output
