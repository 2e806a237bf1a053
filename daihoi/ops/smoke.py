"""Two web servers behind nginx on loopback, sharing PostgreSQL, Redis and the upload folder:
a session, an upload and the login throttle work across both.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/daihoi_smoke \\
    REDIS_URL=redis://127.0.0.1:6379/3 .venv/bin/python -m daihoi.ops.smoke

(deploy/smoke_two_servers.sh does the same.)

The test daihoi/ops/tests/test_two_servers.py runs the same check against the test database.
"""

import http.cookiejar
import re
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from .servers import free_port, start_gunicorn, start_nginx, stop

LOGIN = "/tai-khoan/dang-nhap/"


@dataclass
class Browser:
    """A client with its own cookies; cookies are per host, so they go to every port alike."""

    jar: http.cookiejar.CookieJar = field(default_factory=http.cookiejar.CookieJar)

    def __post_init__(self) -> None:
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )

    def request(
        self, port: int, path: str, data: bytes | None = None, headers: dict | None = None
    ) -> tuple[int, bytes, dict[str, str]]:
        req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data)
        for key, value in (headers or {}).items():
            req.add_header(key, value)
        try:
            with self.opener.open(req, timeout=30) as response:
                return response.status, response.read(), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read(), dict(error.headers)

    def csrf(self, port: int, path: str) -> str:
        status, body, _ = self.request(port, path)
        match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        if status != 200 or match is None:
            raise AssertionError(f"no form at {path} on port {port} ({status})")
        return match.group(1).decode()

    def post(self, port: int, path: str, fields: dict[str, str], form_path: str | None = None):
        token = self.csrf(port, form_path or path)
        data = urllib.parse.urlencode({**fields, "csrfmiddlewaretoken": token}).encode()
        return self.request(port, path, data)

    def post_file(
        self, port: int, path: str, fields: dict[str, str], file_field: str, name: str, body: bytes
    ):
        token = self.csrf(port, path)
        boundary = uuid.uuid4().hex
        parts = []
        for key, value in {**fields, "csrfmiddlewaretoken": token}.items():
            head = f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n'
            parts.append(f"{head}{value}\r\n".encode())
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; '
            f'filename="{name}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
            + body
            + b"\r\n"
        )
        parts.append(f"--{boundary}--\r\n".encode())
        content_type = f"multipart/form-data; boundary={boundary}"
        return self.request(port, path, b"".join(parts), {"Content-Type": content_type})


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def error_text(body: bytes) -> str:
    """The form's error line of a page, for an assertion message."""
    match = re.search(rb'class="[^"]*error[^"]*"[^>]*>(.*?)<', body, re.S)
    return match.group(1).decode(errors="replace").strip() if match else body[:300].decode()


@dataclass
class Cluster:
    web: list[int]
    balancer: int
    processes: list


def start_cluster(folder: Path, env: dict[str, str]) -> Cluster:
    """Two gunicorn instances (2 workers each) and nginx in front, all on 127.0.0.1."""
    processes = []
    try:
        web = []
        for i in range(2):
            port = free_port()
            processes.append(start_gunicorn(port, env, workers=2, log=folder / f"web{i}.log"))
            web.append(port)
        balancer = free_port()
        processes.append(start_nginx(folder / "nginx", balancer, web))
    except BaseException:
        for process in processes:
            stop(process)
        raise
    return Cluster(web=web, balancer=balancer, processes=processes)


def server_env(database_url: str, redis_url: str, uploads: Path, prefix: str) -> dict[str, str]:
    return {
        "DJANGO_DEBUG": "0",
        # Plain HTTP on loopback: cookies without the Secure flag.
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_SECRET_KEY": f"smoke-{prefix}-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "DAIHOI_CACHE_PREFIX": prefix,
        "DAIHOI_UPLOAD_ROOT": str(uploads),
        "DAIHOI_TRUSTED_PROXIES": "127.0.0.1",
        "DAIHOI_LOGIN_FAILURE_LIMIT": "5",
        "DJANGO_LOG_LEVEL": "ERROR",
    }


@dataclass(frozen=True)
class Scenario:
    """What the check needs in the database: an agency officer and a task their agency leads."""

    username: str
    password: str
    congress_id: int
    task_id: int
    victim: str  # an account the throttle check locks


def check(cluster: Cluster, scenario: Scenario, attachment_of) -> list[str]:
    """Runs the three checks; returns what was shown (raises AssertionError on a failure).
    `attachment_of(task_id, filename)` finds the stored attachment's id in the database."""
    a, b = cluster.web
    shown = []

    # 1. A session made on A is valid on B and through nginx.
    browser = Browser()
    status, body, _ = browser.post(
        a, LOGIN, {"username": scenario.username, "password": scenario.password}
    )
    assert status == 302, f"login on server A answered {status}: {error_text(body)}"
    inbox = f"/dai-hoi/{scenario.congress_id}/don-vi-cua-toi/"
    for port in (b, cluster.balancer, cluster.balancer):
        status, _, _ = browser.request(port, inbox)
        assert status == 200, f"the session from A is not valid on port {port} ({status})"
    shown.append(
        f"session: logged in on :{a}, inbox 200 on :{b} and through nginx :{cluster.balancer}"
    )

    # 2. An upload through A is downloadable through B.
    body = b"%PDF-1.4 smoke \n%%EOF" + uuid.uuid4().hex.encode()
    report = f"/dai-hoi/{scenario.congress_id}/nhiem-vu/{scenario.task_id}/bao-cao/"
    filename = f"bao-cao-{uuid.uuid4().hex[:8]}.pdf"
    status, _, _ = browser.post_file(
        a, report, {"text": "Đã in xong pano", "percent": "60"}, "attachments", filename, body
    )
    assert status == 302, f"the progress report with a file answered {status} on A"
    attachment_id = attachment_of(scenario.task_id, filename)
    status, downloaded, _ = browser.request(
        b, f"/dai-hoi/{scenario.congress_id}/tep/{attachment_id}/"
    )
    assert status == 200 and downloaded == body, f"download on B answered {status}"
    shown.append(f"upload: stored through :{a}, the same {len(body)} bytes downloaded from :{b}")

    # 3. The login throttle counts wrong passwords on both servers together: the limit is 5, so
    # four alternate between A and B and the fifth, on either, locks the account on all.
    guesser = Browser()
    for i in range(4):
        port = (a, b)[i % 2]
        fields = {"username": scenario.victim, "password": f"sai{i}"}
        status, _, _ = guesser.post(port, LOGIN, fields)
        assert status == 200, f"wrong password {i + 1} answered {status} on :{port}"
    fields = {"username": scenario.victim, "password": "sai"}
    statuses = [guesser.post(port, LOGIN, fields, LOGIN)[0] for port in (a, b, cluster.balancer)]
    assert statuses == [429, 429, 429], f"after 4 wrong passwords on A and B: {statuses}"
    shown.append(f"throttle: 4 wrong passwords alternating :{a}/:{b}, then 429 on A, B and nginx")
    return shown


def main() -> None:  # pragma: no cover - the test drives check() directly
    import os

    import django

    database_url = os.environ.get("DATABASE_URL", "")
    redis_url = os.environ.get("REDIS_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")) or not redis_url:
        raise SystemExit(
            "Cần DATABASE_URL (PostgreSQL) và REDIS_URL: các máy chủ web dùng chung chúng."
        )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daihoi.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "smoke-setup-only")
    django.setup()
    from django.core.management import call_command

    from .smoke_data import attachment_of, make_scenario

    call_command("migrate", verbosity=0)
    # A previous run locked the loopback address (every client here is 127.0.0.1).
    call_command("axes_reset_ip", "127.0.0.1", verbosity=0)
    scenario = make_scenario()
    prefix = f"smoke-{uuid.uuid4().hex[:8]}"
    with tempfile.TemporaryDirectory(prefix="daihoi-smoke-") as work:
        folder = Path(work)
        env = server_env(database_url, redis_url, folder / "uploads", prefix)
        cluster = start_cluster(folder, env)
        try:
            for line in check(cluster, scenario, attachment_of):
                print("OK", line)
        finally:
            for process in cluster.processes:
                stop(process)
    print("Hai máy chủ web sau nginx: phiên, tệp tải lên và giới hạn đăng nhập dùng chung — đạt.")


if __name__ == "__main__":
    main()
