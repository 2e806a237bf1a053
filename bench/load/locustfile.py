"""Load on the demo data: a mix of pages and writes by the demo logins (locust).

Run through bench/load/run.sh (fresh PostgreSQL database, gunicorn 2 workers, 1 db_worker).
Each demo login signs in once and finds its congress and tasks once; the simulated users of one
login share that session, as tabs of one browser would (a login costs ~0.3 s of PBKDF2 on
purpose, which is not what is measured).
"""

import random
import re
import threading
from typing import Any

from locust import HttpUser, between, task

PASSWORD = "daihoi2025"
HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# Every page carries the token for HTMX requests (base.html's hx-headers).
PAGE_CSRF = re.compile(r'"X-CSRFToken": "([^"]+)"')
TASK_LINK = re.compile(r"/dai-hoi/(\d+)/nhiem-vu/(\d+)/")

# Per demo login: its session cookies and what discover() found (shared by its users).
_sessions: dict[str, dict[str, Any]] = {}
_lock = threading.Lock()
_login_locks: dict[str, threading.Lock] = {}


class DemoUser(HttpUser):
    abstract = True
    wait_time = between(0.5, 2.0)
    username = ""
    congress_id = 0
    task_ids: list[int]
    reportable: list[int]

    def on_start(self) -> None:
        # The first user of a login signs in while the others of that login wait, then reuse it.
        with _lock:
            login_lock = _login_locks.setdefault(self.username, threading.Lock())
        with login_lock:
            known = _sessions.get(self.username)
            if known is None:
                cookies = self.login()
                self.discover()
                known = _sessions[self.username] = {
                    "cookies": cookies,
                    "congress_id": self.congress_id,
                    "task_ids": self.task_ids,
                    "reportable": getattr(self, "reportable", self.task_ids),
                }
        self.client.cookies.update(known["cookies"])
        self.congress_id = known["congress_id"]
        self.task_ids = known["task_ids"]
        self.reportable = known["reportable"]

    def login(self) -> dict[str, str]:
        page = self.client.get("/tai-khoan/dang-nhap/", name="login form")
        token = CSRF.search(page.text)
        assert token, "no CSRF token on the login page"
        self.client.post(
            "/tai-khoan/dang-nhap/",
            {
                "username": self.username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": token.group(1),
            },
            name="login",
        )
        return {k: v for k, v in self.client.cookies.get_dict().items() if v is not None}

    def discover(self) -> None:
        """The demo congress this login works in and some of its tasks."""
        home = self.client.get("/", name="home")
        match = re.search(r"/dai-hoi/(\d+)/", home.text + home.url)
        assert match, f"{self.username}: no congress on the home page"
        self.congress_id = int(match.group(1))
        listing = self.client.get(self.start_list(), name="discover tasks")
        self.task_ids = sorted({int(t) for c, t in TASK_LINK.findall(listing.text)}) or [0]

    def start_list(self) -> str:
        return f"/dai-hoi/{self.congress_id}/nhiem-vu/"

    def base(self) -> str:
        return f"/dai-hoi/{self.congress_id}/"

    def open_task(self) -> None:
        task_id = random.choice(self.task_ids)
        self.client.get(f"{self.base()}nhiem-vu/{task_id}/", name="task detail")

    def post_form(self, path: str, fields: dict[str, str], name: str) -> None:
        """Posts a form as a browser would: every hidden field of the page (CSRF, versions,
        one-time tokens) plus the fields typed."""
        page = self.client.get(path, name=f"{name} (form)")
        hidden = dict(HIDDEN.findall(page.text))
        self.client.post(path, {**hidden, **fields}, name=name)


class Secretariat(DemoUser):
    weight = 3
    username = "vanphong"

    @task(4)
    def dashboard(self) -> None:
        self.client.get(self.base(), name="dashboard")
        self.client.get(f"{self.base()}bao-cao/bieu-do/", name="dashboard charts")

    @task(4)
    def task_list(self) -> None:
        self.client.get(f"{self.base()}nhiem-vu/", name="task list")

    @task(2)
    def filtered(self) -> None:
        self.client.get(f"{self.base()}nhiem-vu/?status=open_overdue", name="task list filtered")

    @task(2)
    def search(self) -> None:
        word = random.choice(["tuyen truyen", "khanh tiet", "an ninh", "van kien"])
        self.client.get(f"{self.base()}nhiem-vu/?q={word}", name="task search")

    @task(3)
    def detail(self) -> None:
        self.open_task()

    @task(1)
    def other_pages(self) -> None:
        for path, name in (
            ("ke-hoach/", "plans"),
            ("cuoc-hop/", "meetings"),
            ("van-ban/", "documents"),
        ):
            self.client.get(self.base() + path, name=name)

    @task(1)
    def notifications(self) -> None:
        self.client.get("/thong-bao/", name="notifications")


class AgencyOfficer(DemoUser):
    weight = 3
    username = "donvi"

    def start_list(self) -> str:
        return f"/dai-hoi/{self.congress_id}/don-vi-cua-toi/"

    def discover(self) -> None:
        """Keeps the inbox tasks this agency may report on (the ones it leads or coordinates)."""
        super().discover()
        reportable = []
        for task_id in self.task_ids[:3]:
            path = f"{self.base()}nhiem-vu/{task_id}/bao-cao/"
            with self.client.get(path, name="discover report forms", catch_response=True) as r:
                if r.status_code == 200:
                    reportable.append(task_id)
                r.success()
        self.reportable = reportable or self.task_ids

    @task(4)
    def inbox(self) -> None:
        self.client.get(f"{self.base()}don-vi-cua-toi/", name="agency inbox")

    @task(3)
    def detail(self) -> None:
        self.open_task()

    @task(2)
    def report_progress(self) -> None:
        """A write: a progress report on one of the agency's tasks (audit, notices, mail job)."""
        task_id = random.choice(self.reportable)
        self.post_form(
            f"{self.base()}nhiem-vu/{task_id}/bao-cao/",
            {
                "text": "Đã triển khai theo kế hoạch (kiểm tra tải)",
                "percent": str(random.randint(1, 9) * 10),
            },
            name="report progress",
        )

    @task(1)
    def notifications(self) -> None:
        self.client.get("/thong-bao/", name="notifications")
        self.client.get("/thong-bao/chua-doc/", name="unread badge")


class Leader(DemoUser):
    weight = 2
    username = "truongtieuban"

    @task(3)
    def dashboard(self) -> None:
        self.client.get(self.base(), name="dashboard")
        self.client.get(f"{self.base()}bao-cao/bieu-do/", name="dashboard charts")

    @task(3)
    def task_list(self) -> None:
        self.client.get(f"{self.base()}nhiem-vu/", name="task list")

    @task(2)
    def detail(self) -> None:
        self.open_task()

    @task(1)
    def mark_read(self) -> None:
        """A write: mark every notice read."""
        page = self.client.get("/thong-bao/", name="notifications")
        token = PAGE_CSRF.search(page.text)
        assert token, "no CSRF token on the notifications page"
        self.client.post(
            "/thong-bao/da-doc-tat-ca/",
            {"csrfmiddlewaretoken": token.group(1)},
            name="mark all read",
        )
