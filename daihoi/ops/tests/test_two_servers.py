"""Two gunicorn servers behind Debian's nginx on loopback share PostgreSQL, Redis and the
upload folder: a session, an upload and the login throttle work across both."""

import os
import uuid

import pytest
from django.db import connection

from daihoi.ops.servers import nginx_binary, stop
from daihoi.ops.smoke import check, server_env, start_cluster
from daihoi.ops.smoke_data import attachment_of, make_scenario

pytestmark = pytest.mark.postgres


def database_url() -> str:
    config = connection.settings_dict
    user = config.get("USER") or ""
    password = f":{config['PASSWORD']}" if config.get("PASSWORD") else ""
    credentials = f"{user}{password}@" if user else ""
    host = config.get("HOST") or "127.0.0.1"
    return f"postgres://{credentials}{host}:{config.get('PORT') or 5432}/{config['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_session_upload_and_throttle_work_across_two_servers(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("Several web servers share PostgreSQL (DATABASE_URL), not a SQLite file")
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        pytest.skip("REDIS_URL not set: sessions would stay in each server's memory")
    if nginx_binary() is None:
        pytest.skip("nginx is not installed (make system-deps installs nginx-light)")
    scenario = make_scenario()
    env = server_env(database_url(), redis_url, tmp_path / "uploads", f"t2-{uuid.uuid4().hex[:8]}")
    cluster = start_cluster(tmp_path, env)
    try:
        shown = check(cluster, scenario, attachment_of)
    finally:
        for process in cluster.processes:
            stop(process)
    assert len(shown) == 3
