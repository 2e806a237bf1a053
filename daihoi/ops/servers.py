"""Starting real servers on loopback for the smoke test, the load test and the benchmarks:
free ports, gunicorn with deploy/gunicorn.conf.py, nginx with a generated configuration."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GUNICORN_CONF = ROOT / "deploy" / "gunicorn.conf.py"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, timeout: float = 60.0, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server exited with code {process.returncode} before {url}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


def start_gunicorn(
    port: int, env: dict[str, str], *, workers: int = 2, log: Path | None = None
) -> subprocess.Popen:
    """gunicorn with the production configuration on 127.0.0.1:`port`, waited for."""
    full_env = {
        **os.environ,
        # The production settings, even when called from the tests (which set settings_test).
        "DJANGO_SETTINGS_MODULE": "daihoi.settings",
        **env,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": str(workers),
        "GUNICORN_ACCESS_LOG": "",
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    output = log.open("ab") if log else subprocess.DEVNULL
    process = subprocess.Popen(
        [str(gunicorn), "-c", str(GUNICORN_CONF), "daihoi.wsgi"],
        cwd=ROOT,
        env=full_env,
        stdout=output,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_until_up(f"http://127.0.0.1:{port}/healthz", process=process)
    except RuntimeError:
        stop(process)
        raise
    return process


def stop(process: subprocess.Popen, timeout: float = 20.0) -> None:
    """Ends the process we started (and its children, in its own session)."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(5)


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).exists()), None
    )


NGINX_CONF = """\
worker_processes 1;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log {folder}/access.log;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    client_max_body_size 50m;
    upstream daihoi_web {{
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://daihoi_web;
            include {params};
        }}
    }}
}}
"""


def start_nginx(folder: Path, port: int, upstream_ports: list[int]) -> subprocess.Popen:
    """Debian's nginx as a round-robin load balancer on 127.0.0.1:`port`, with the project's
    proxy parameters (deploy/daihoi_proxy_params) and every file in `folder`."""
    binary = nginx_binary()
    if binary is None:
        raise RuntimeError("nginx is not installed (apt-get install nginx-light)")
    folder.mkdir(parents=True, exist_ok=True)
    servers = "\n".join(f"        server 127.0.0.1:{p};" for p in upstream_ports)
    conf = folder / "nginx.conf"
    conf.write_text(
        NGINX_CONF.format(
            folder=folder,
            servers=servers,
            port=port,
            params=ROOT / "deploy" / "daihoi_proxy_params",
        )
    )
    process = subprocess.Popen(
        [binary, "-c", str(conf), "-p", str(folder), "-e", str(folder / "error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_until_up(f"http://127.0.0.1:{port}/healthz", timeout=20, process=process)
    except RuntimeError:
        stop(process)
        raise
    return process
