"""The notification centre, the badge and the preferences page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from daihoi.notifications.models import Kind, Notification, NotificationPreference

pytestmark = pytest.mark.django_db


def add(world, user_key="officer", n=1, **fields):
    return [
        Notification.objects.create(
            recipient=world.users[user_key],
            congress=world.congress,
            kind=Kind.TASK_ASSIGNED,
            title=f"Nhiệm vụ mới số {i}",
            body="Nội dung",
            dedupe_key=f"t:{user_key}:{i}",
            link=f"/dai-hoi/{world.congress.pk}/",
            **fields,
        )
        for i in range(n)
    ]


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx)


def test_the_centre_lists_only_my_notifications_newest_first(world, client):
    add(world, n=2)
    add(world, "officer2")
    client.force_login(world.users["officer"])
    body = client.get("/thong-bao/").content.decode()
    assert body.index("Nhiệm vụ mới số 1") < body.index("Nhiệm vụ mới số 0")
    assert body.count("Nhiệm vụ mới số") == 2


def test_the_centre_is_paginated_and_filters_unread(world, client):
    rows = add(world, n=25)
    Notification.objects.filter(pk=rows[0].pk).update(read_at=rows[0].created_at)
    client.force_login(world.users["officer"])
    assert "Trang 1 / 2" in client.get("/thong-bao/").content.decode()
    page = client.get("/thong-bao/?chua-doc=1&page=2").context["page"]
    assert page.paginator.count == 24


def test_marking_one_read_by_htmx_returns_the_row_and_the_new_badge(world, client):
    first, _ = add(world, n=2)
    client.force_login(world.users["officer"])
    response = client.post(f"/thong-bao/{first.pk}/da-doc/", headers={"HX-Request": "true"})
    body = response.content.decode()
    assert f'id="notice-{first.pk}"' in body and "read" in body
    assert 'id="unread-badge"' in body and 'hx-swap-oob="true"' in body and ">1</span>" in body
    first.refresh_from_db()
    assert first.read_at is not None


def test_marking_all_read_and_opening_a_notice(world, client):
    rows = add(world, n=3)
    client.force_login(world.users["officer"])
    assert client.get(f"/thong-bao/{rows[0].pk}/").status_code == 405  # a GET marks nothing
    assert Notification.objects.filter(read_at__isnull=True).count() == 3
    response = client.post(f"/thong-bao/{rows[0].pk}/")
    assert response.status_code == 302 and response["Location"] == rows[0].link
    assert Notification.objects.filter(read_at__isnull=True).count() == 2
    client.post("/thong-bao/da-doc-tat-ca/")
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_another_users_notification_answers_404_and_stays_unread(world, client):
    (theirs,) = add(world, "officer2")
    client.force_login(world.users["officer"])
    assert client.post(f"/thong-bao/{theirs.pk}/").status_code == 404
    assert client.post(f"/thong-bao/{theirs.pk}/da-doc/").status_code == 404
    client.post("/thong-bao/da-doc-tat-ca/")
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_the_header_badge_loads_the_count_then_pages_show_it_from_the_cache(world, client):
    add(world, n=3)
    client.force_login(world.users["officer"])
    dashboard = f"/dai-hoi/{world.congress.pk}/"
    assert 'hx-get="/thong-bao/chua-doc/"' in client.get(dashboard).content.decode()
    badge = client.get("/thong-bao/chua-doc/").content.decode()
    assert ">3</span>" in badge
    assert ">3</span>" in client.get(dashboard).content.decode()
    # Reading a notice drops the cached count.
    newest = Notification.objects.first()
    assert newest is not None
    client.post(f"/thong-bao/{newest.pk}/da-doc/")
    assert 'hx-get="/thong-bao/chua-doc/"' in client.get(dashboard).content.decode()


def test_the_header_count_costs_a_page_no_query(world, client):
    client.force_login(world.users["officer"])
    dashboard = f"/dai-hoi/{world.congress.pk}/"
    client.get(dashboard)
    cold = queries(client, dashboard)  # the badge is loaded afterwards by HTMX
    assert queries(client, "/thong-bao/chua-doc/") <= 3  # session, user, one count
    warm = queries(client, dashboard)
    assert warm == cold


def test_the_centre_costs_the_same_queries_for_few_and_many_rows(world, client):
    client.force_login(world.users["officer"])
    add(world, n=2)
    few = queries(client, "/thong-bao/")
    Notification.objects.all().delete()
    add(world, n=20)
    many = queries(client, "/thong-bao/")
    assert few == many <= 5


def test_preferences_default_to_email_and_can_be_set_to_in_app_only(world, client):
    client.force_login(world.users["officer"])
    response = client.get("/thong-bao/cai-dat/")
    assert response.context["form"].initial == {"channel": "email"}
    assert "Chỉ thông báo trong hệ thống" in response.content.decode()
    response = client.post("/thong-bao/cai-dat/", {"channel": "in_app"}, follow=True)
    assert "Đã lưu cách nhận thông báo." in response.content.decode()
    assert NotificationPreference.objects.get(user=world.users["officer"]).channel == "in_app"
    assert client.post("/thong-bao/cai-dat/", {"channel": "fax"}).status_code == 200
    assert NotificationPreference.objects.get(user=world.users["officer"]).channel == "in_app"


def test_pages_ask_for_login(client):
    for url in ["/thong-bao/", "/thong-bao/cai-dat/", "/thong-bao/chua-doc/"]:
        assert client.get(url).status_code == 302
