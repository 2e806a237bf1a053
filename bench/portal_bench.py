"""The public portal under load (issue 19): the article page from cache, and a comment spam burst.

    createdb -h 127.0.0.1 -U postgres daihoi_portal_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/daihoi_portal_bench \\
    REDIS_URL=redis://127.0.0.1:6379/7 DAIHOI_CACHE_PREFIX=portal-bench \\
        .venv/bin/python bench/portal_bench.py [--port 8107 --nginx-port 8117]

Applies migrations, makes one congress with a published article (through the services), starts
gunicorn (deploy/gunicorn.conf.py, 2 workers, DEBUG off) and measures:

1. the article page served from the shared cache: requests per second and errors with `wrk`
   (Debian's package; 2 threads, 32 connections, 10 s) against gunicorn alone, then with nginx in
   front (deploy/portal_cache.conf's micro-cache, as in production);
2. a burst of 500 comments within a minute from 50 client addresses (X-Forwarded-For from a
   trusted proxy): each sender opens the form (a new captcha), reads the picture's answer (here
   from the captcha store, as a person reads the picture) and posts; prints how many were taken,
   how many the per-address limit refused (429), and how many errors (anything else).
"""

import argparse
import http.client
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daihoi.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only")

import django  # noqa: E402

django.setup()

from captcha.models import CaptchaStore  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402

from daihoi.accounts.models import Role, User  # noqa: E402
from daihoi.ops.servers import stop, wait_until_up  # noqa: E402
from daihoi.organizations.models import Congress  # noqa: E402
from daihoi.organizations.permissions import Access  # noqa: E402
from daihoi.portal import services  # noqa: E402
from daihoi.portal.models import Article, Kind, ReaderComment  # noqa: E402

TITLE = "Khai mạc Đại hội đại biểu Đảng bộ tỉnh (bài đo tải)"


def article() -> Article:
    found = Article.objects.filter(title=TITLE).first()
    if found is not None:
        return found
    congress = Congress.objects.create(
        name="Đại hội đo tải cổng thông tin",
        organization="Đảng bộ đo tải",
        level=Congress.Level.PROVINCE,
        ordinal=15,
        term_start=2020,
        term_end=2025,
    )
    editor, _ = User.objects.get_or_create(username="bench-editor")
    access = Access(editor, congress, Role.EDITOR)
    category = services.category_save(access=access, name="Hoạt động Đại hội")
    body = "\n".join(f"Đoạn {n}: nội dung bài viết về phiên khai mạc Đại hội." for n in range(30))
    saved = services.article_save(
        access=access,
        fields=services.ArticleFields(
            kind=Kind.NEWS, title=TITLE, body=body, summary="Tóm tắt.", category=category
        ),
    )
    return services.article_publish(access=access, article=saved)


def start_gunicorn(port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "daihoi.settings",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "2",
        "GUNICORN_ACCESS_LOG": "",
        # The burst's senders come "through" a proxy on loopback that names their address.
        "DAIHOI_TRUSTED_PROXIES": "127.0.0.1",
        "DJANGO_SECURE_COOKIES": "0",
    }
    process = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "-c",
            "deploy/gunicorn.conf.py",
            "daihoi.wsgi",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    wait_until_up(f"http://127.0.0.1:{port}/healthz", process=process)
    return process


NGINX = """\
worker_processes 1;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    proxy_cache_path {folder}/cache levels=1:2 keys_zone=portal:10m max_size=200m inactive=10m;
    upstream daihoi_web {{ server 127.0.0.1:{upstream}; keepalive 16; }}
    server {{
        listen 127.0.0.1:{port};
        include {conf};
        location / {{
            proxy_pass http://daihoi_web;
            include {params};
        }}
    }}
}}
"""


def start_nginx(folder: Path, port: int, upstream: int) -> subprocess.Popen:
    folder.mkdir(parents=True, exist_ok=True)
    params = str(ROOT / "deploy" / "daihoi_proxy_params")
    portal = (ROOT / "deploy" / "portal_cache.conf").read_text()
    (folder / "portal_cache.conf").write_text(
        portal.replace("/etc/nginx/daihoi_proxy_params", params)
    )
    conf = folder / "nginx.conf"
    conf.write_text(
        NGINX.format(
            folder=folder,
            port=port,
            upstream=upstream,
            conf=folder / "portal_cache.conf",
            params=params,
        )
    )
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    process = subprocess.Popen(
        [binary, "-c", str(conf), "-p", str(folder), "-e", str(folder / "error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    wait_until_up(f"http://127.0.0.1:{port}/healthz", timeout=20, process=process)
    return process


def run_wrk(url: str, seconds: int) -> str:
    if shutil.which("wrk") is None:
        return "wrk is not installed (apt-get install wrk)"
    out = subprocess.run(
        ["wrk", "-t2", "-c32", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    total = re.search(r"(\d+) requests in", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    p50 = re.search(r"50%\s+(\S+)", out)
    p99 = re.search(r"99%\s+(\S+)", out)
    return (
        f"{rate.group(1) if rate else '?'} req/s, {total.group(1) if total else '?'} requests, "
        f"p50 {p50.group(1) if p50 else '?'}, p99 {p99.group(1) if p99 else '?'}, "
        f"non-2xx {non2xx.group(1) if non2xx else 0}, socket errors: "
        f"{errors.group(1) if errors else 'none'}"
    )


CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
KEY = re.compile(r'name="captcha_0" value="([^"]+)"')


def one_comment(port: int, path: str, address: str, n: int) -> int:
    """Opens the form and posts one comment as the client `address`; the answer's status."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers={"X-Forwarded-For": address})
        response = conn.getresponse()
        html = response.read().decode()
        if response.status != 200:
            return response.status
        cookie = response.getheader("Set-Cookie", "").split(";", 1)[0]
        key = KEY.search(html).group(1)  # type: ignore[union-attr]
        answer = CaptchaStore.objects.get(hashkey=key).response
        body = (
            f"csrfmiddlewaretoken={CSRF.search(html).group(1)}"  # type: ignore[union-attr]
            f"&name=Ban+doc+{n}&email=bandoc{n}%40example.vn&title=Y+kien+{n}"
            f"&content=Noi+dung+y+kien+so+{n}&captcha_0={key}&captcha_1={answer}"
        )
        conn.request(
            "POST",
            path,
            body=body,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": cookie,
                "X-Forwarded-For": address,
                "Referer": f"http://127.0.0.1:{port}{path}",
            },
        )
        answer_response = conn.getresponse()
        answer_response.read()
        return answer_response.status
    finally:
        conn.close()


def burst(port: int, path: str, total: int = 500, addresses: int = 50, threads: int = 10) -> None:
    statuses: Counter[int] = Counter()
    lock = threading.Lock()
    jobs = [(f"198.51.100.{n % addresses + 1}", n) for n in range(total)]
    started = time.monotonic()

    def work() -> None:
        while True:
            with lock:
                if not jobs:
                    return
                address, n = jobs.pop()
            try:
                status = one_comment(port, path, address, n)
            except Exception as error:  # a refused connection is an error too
                status = -1
                print("error:", error)
            with lock:
                statuses[status] += 1

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    took = time.monotonic() - started
    taken, limited = statuses.pop(302, 0), statuses.pop(429, 0)
    print(
        f"burst: {total} comments from {addresses} addresses in {took:.1f} s: {taken} taken "
        f"(held for moderation), {limited} refused by the per-address limit (429), "
        f"errors: {sum(statuses.values())} {dict(statuses) or ''}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=8107)
    parser.add_argument("--nginx-port", type=int, default=8117)
    parser.add_argument("--seconds", type=int, default=10)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    found = article()
    cache.clear()
    ReaderComment.objects.filter(article=found).delete()
    path = f"/cong-thong-tin/{found.congress_id}/bai-viet/{found.pk}/"
    gunicorn = start_gunicorn(args.port)
    folder = Path(tempfile.mkdtemp(prefix="portal-nginx-"))
    # nginx's workers (an unprivileged user when started as root) write their buffers here.
    folder.chmod(0o755)
    nginx = None
    try:
        url = f"http://127.0.0.1:{args.port}{path}"
        wait_until_up(url)
        print(f"article page, gunicorn alone (2 workers):  {run_wrk(url, args.seconds)}")
        nginx = start_nginx(folder, args.nginx_port, args.port)
        front = f"http://127.0.0.1:{args.nginx_port}{path}"
        wait_until_up(front)
        print(f"article page, nginx micro-cache in front:  {run_wrk(front, args.seconds)}")
        burst(args.port, path + "binh-luan/")
    except Exception:
        log = folder / "error.log"
        print(log.read_text()[-2000:] if log.exists() else "no nginx log")
        raise
    finally:
        if nginx is not None:
            stop(nginx)
        stop(gunicorn)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
