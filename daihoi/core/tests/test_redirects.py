"""Every return-to address goes through core.views.safe_url: same-site only, never a 500."""

import datetime as dt
import random

import pytest
from django.test import RequestFactory

from daihoi.core.views import safe_url
from daihoi.notifications.models import Kind, Notification
from daihoi.planning import services
from daihoi.planning.models import Area, Phase, ProgressUpdate

FALLBACK = "/an-toan/"
FIXED_BAD = [
    "https://evil.example/",
    "http://evil.example",
    "//evil.example",
    "///evil.example",
    "\\\\evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "/ok\x00",
    "/ok\r\nSet-Cookie: a=b",
    "/" + "a" * 5000,
    "https:evil.example",
    "ftp://evil.example/",
    "http://testserver@evil.example/",
]


def generated_bad(rng: random.Random, n: int) -> list[str]:
    hosts = ["evil.example", "127.0.0.1:1", "xn--80ak6aa92e.com", "ví-dụ.vn"]
    prefixes = ["http://", "https://", "//", "\\\\", "/\\", "javascript:", "data:", "vbscript:"]
    odd = ["\x00", "\r", "\n", "\t", "\x0b", "\u2028", "\ufeff", "\x7f"]
    values = []
    for _ in range(n):
        value = rng.choice(prefixes) + rng.choice(hosts) + "/" + rng.choice(odd) * rng.randint(0, 3)
        if rng.random() < 0.3:
            value = rng.choice(odd) + value
        values.append(value)
    return values


def test_safe_url_keeps_same_site_paths_and_refuses_everything_else():
    request = RequestFactory().get("/")
    assert safe_url(request, "/dai-hoi/1/", FALLBACK) == "/dai-hoi/1/"
    assert (
        safe_url(request, "http://testserver/dai-hoi/1/", FALLBACK)
        == "http://testserver/dai-hoi/1/"
    )
    assert (
        safe_url(request, "", FALLBACK) == FALLBACK
        and safe_url(request, None, FALLBACK) == FALLBACK
    )
    for value in FIXED_BAD + generated_bad(random.Random(4), 400):
        assert safe_url(request, value, FALLBACK) == FALLBACK, repr(value)


@pytest.mark.django_db
def test_a_bad_next_after_resolving_an_obstacle_lands_on_the_dashboard_never_a_500(
    world, client, propaganda_access, secretariat_access
):
    task = services.task_create(
        access=secretariat_access,
        fields=services.TaskFields(
            title="Trang trí",
            lead_agency=world.agencies["btg"],
            area=Area.CEREMONY,
            phase=Phase.BEFORE,
            deadline=dt.date(2020, 10, 1),
        ),
    )
    client.force_login(world.users["leader"])
    dashboard = f"/dai-hoi/{world.congress.pk}/"
    for value in FIXED_BAD + generated_bad(random.Random(5), 20):
        update = services.task_report_progress(
            access=propaganda_access, task=task, text="Đang làm", percent=50, obstacle="Thiếu cờ"
        )
        response = client.post(
            f"/dai-hoi/{world.congress.pk}/vuong-mac/{update.pk}/thao-go/", {"next": value}
        )
        assert response.status_code == 302, repr(value)
        assert response["Location"] == dashboard, repr(value)
        assert ProgressUpdate.objects.get(pk=update.pk).obstacle_resolved


@pytest.mark.django_db
def test_a_notification_whose_stored_link_points_away_opens_the_list(world, client):
    client.force_login(world.users["officer"])
    # PostgreSQL stores no NUL, so that one is only ever a posted value.
    for i, link in enumerate(v for v in FIXED_BAD if len(v) <= 500 and "\x00" not in v):
        notice = Notification.objects.create(
            recipient=world.users["officer"],
            congress=world.congress,
            kind=Kind.TASK_ASSIGNED,
            title="Thông báo",
            dedupe_key=f"bad:{i}",
            link=link,
        )
        response = client.post(f"/thong-bao/{notice.pk}/")
        assert response.status_code == 302 and response["Location"] == "/thong-bao/", repr(link)
