"""Every page a demo user can reach by following links answers without a server error."""

import re
from collections import deque
from urllib.parse import urldefrag, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from daihoi.demo import data
from daihoi.demo.loader import load_demo
from daihoi.demo.reset import reset_demo

HREF = re.compile(r'href="([^"#][^"]*)"')
# Links that leave the workspace or change state on GET are not followed.
SKIP = re.compile(r"^/(static|quan-tri|tai-khoan/dang-xuat)/|\.(ics|docx|xlsx|pdf|png|jpg)(\?|$)")
MAX_PAGES_PER_USER = 400


def _links(html: str) -> list[str]:
    found = []
    for raw in HREF.findall(html):
        url = urldefrag(raw.replace("&amp;", "&"))[0]
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not url.startswith("/") or SKIP.search(url):
            continue
        found.append(url)
    return found


def _crawl(client: Client) -> tuple[int, list[str]]:
    """Breadth-first from the home page; returns pages seen and the URLs that answered 5xx
    (or a page without the Content-Security-Policy)."""
    seen = {"/"}
    queue = deque(["/"])
    failures = []
    while queue and len(seen) <= MAX_PAGES_PER_USER:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code >= 500:
            failures.append(f"{url} → {response.status_code}")
            continue
        if response.status_code in (301, 302, 303) and response["Location"] not in seen:
            seen.add(response["Location"])
            queue.append(response["Location"])
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        if "script-src 'self'" not in response.get("Content-Security-Policy", ""):
            failures.append(f"{url} → no Content-Security-Policy")
        for link in _links(response.content.decode()):
            # Lists are followed to their first pages only: page 40 of a list is like page 2.
            if re.search(r"[?&]page=([3-9]|\d\d)", link):
                continue
            if link not in seen:
                seen.add(link)
                queue.append(link)
    return len(seen), failures


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for the crawls of this module and removed again afterwards."""
    with django_db_blocker.unblock():
        load_demo()
    yield
    with django_db_blocker.unblock():
        reset_demo()
        get_user_model().objects.filter(username__in=[u["username"] for u in data.USERS]).delete()


@pytest.mark.django_db
@pytest.mark.parametrize("username", [u["username"] for u in data.USERS])
def test_every_page_reachable_from_the_menus_answers_without_a_server_error(demo, username):
    client = Client(raise_request_exception=False)
    client.force_login(get_user_model().objects.get(username=username))
    pages, failures = _crawl(client)
    assert failures == []
    assert pages > 1
