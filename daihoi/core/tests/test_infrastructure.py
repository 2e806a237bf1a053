"""The shared parts: Redis is the cache when REDIS_URL is set; DATABASE_URL picks the database."""

import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL not set: local-memory cache")
def test_redis_is_the_shared_cache_when_configured():
    assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    cache.set("daihoi-probe", {"đại hội": 15}, 30)
    assert cache.get("daihoi-probe") == {"đại hội": 15}
    from django_redis import get_redis_connection  # noqa: F401 - import proves the client is there

    cache.delete("daihoi-probe")


@pytest.mark.django_db
def test_database_backend_matches_database_url():
    expected = (
        "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    )
    assert connection.vendor == expected


def test_production_settings_refuse_to_start_without_a_secret_key():
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env["DJANGO_SETTINGS_MODULE"] = "daihoi.settings"
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_defaults_are_safe():
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env |= {"DJANGO_SETTINGS_MODULE": "daihoi.settings", "DJANGO_SECRET_KEY": "x" * 50}
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.TIME_ZONE, "
        "s.LANGUAGE_CODE)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "True", "True", "Asia/Ho_Chi_Minh", "vi"]


def test_hsts_and_the_https_redirect_are_off_by_default_and_set_from_the_environment():
    import subprocess
    import sys

    base = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    base |= {"DJANGO_SETTINGS_MODULE": "daihoi.settings", "DJANGO_SECRET_KEY": "x" * 50}
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
        "s.SECURE_HSTS_PRELOAD)"
    )
    asked = {
        "DJANGO_SSL_REDIRECT": "1",
        "DJANGO_HSTS_SECONDS": "31536000",
        "DJANGO_HSTS_INCLUDE_SUBDOMAINS": "true",
        "DJANGO_HSTS_PRELOAD": "yes",
    }
    answers = [
        subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        ).stdout.split()
        for env in (base, base | asked)
    ]
    assert answers == [["False", "0", "False", "False"], ["True", "31536000", "True", "True"]]


def test_with_hsts_set_a_https_answer_carries_it_and_plain_http_is_redirected(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/tai-khoan/dang-nhap/").status_code == 301
    secure = client.get("/tai-khoan/dang-nhap/", secure=True)
    assert secure["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "script-src 'self'" in secure["Content-Security-Policy"]
