"""Browser tests drive Debian's Chromium through Playwright against the live test server."""

import os
import shutil
import threading

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from pytest_django.live_server_helper import LiveServer

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the test
# itself are still synchronous and safe here. Set only for the browser tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("DAIHOI_CHROMIUM", "/usr/bin/chromium")


class OneRequestAtATime(StaticFilesHandler):
    """The live server answers Chromium's parallel requests (a page and the fragments it loads)
    in threads, and on the in-memory SQLite test database every thread shares one connection:
    two requests' transactions would interleave on it (one's rollback undoing the other's
    session write, say). Requests are therefore answered one at a time; on PostgreSQL each
    thread has its own connection and the lock costs only a little parallelism."""

    _lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self._lock:
            return super().__call__(environ, start_response)


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, with `OneRequestAtATime` in front of the application."""
    addr = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(addr, start=False)
    server.thread.static_handler = OneRequestAtATime
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.skip(f"Chromium không có tại {CHROMIUM}: chạy `make test` để cài gói chromium.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


def _open(browser, width: int, height: int):
    """A page that records what the Content-Security-Policy refused; every browser test
    fails when anything was refused (an inline script, style or handler slipped in)."""
    context = browser.new_context(locale="vi-VN", viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(15000)
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return context, page, refused


@pytest.fixture
def page(browser):
    context, page, refused = _open(browser, 1280, 900)
    yield page
    context.close()
    assert refused == [], "Content-Security-Policy refused: " + "; ".join(refused)


@pytest.fixture
def phone_page(browser):
    context, page, refused = _open(browser, 375, 740)
    yield page
    context.close()
    assert refused == [], "Content-Security-Policy refused: " + "; ".join(refused)


def login(page, live_server, username: str, password: str) -> None:
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")


def logout(page) -> None:
    page.click("text=Đăng xuất")
    page.wait_for_load_state("networkidle")


def replace_slip_password(page, slip_password: str, new_password: str) -> None:
    """After signing in with a login slip's password: the form the delegate is sent to."""
    page.fill("input[name=old_password]", slip_password)
    page.fill("input[name=new_password1]", new_password)
    page.fill("input[name=new_password2]", new_password)
    page.click("button:has-text('Đổi mật khẩu')")
    page.wait_for_load_state("networkidle")
