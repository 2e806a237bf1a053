"""The task list near its SQL: keyset pages, counts from the summary, cached filter options."""

import datetime as dt
import re

import pytest

from daihoi.core.dates import today as local_today
from daihoi.organizations.models import Agency
from daihoi.planning import services
from daihoi.planning.models import Area, Phase, Task
from daihoi.planning.selectors import KEY_FIRST
from daihoi.testing.factories import TaskFactory

pytestmark = pytest.mark.django_db


def list_url(world, query=""):
    return f"/dai-hoi/{world.congress.pk}/nhiem-vu/{query}"


def many_tasks(world, n=70):
    today = local_today()
    for i in range(n):
        TaskFactory.create(
            lead_agency=world.agencies["btg" if i % 2 else "stc"],
            title=f"Nhiệm vụ {i:03d}",
            key_item=i % 7 == 0,
            area=Area.PROPAGANDA if i % 3 else Area.FINANCE,
            deadline=None if i % 5 == 0 else today + dt.timedelta(days=(i * 13) % 40 - 20),
        )


def test_following_next_walks_every_task_once_in_list_order_by_keyset(
    world, client, django_assert_max_num_queries
):
    many_tasks(world)
    expected = list(
        Task.objects.filter(congress=world.congress)
        .order_by(*KEY_FIRST)
        .values_list("pk", flat=True)
    )
    client.force_login(world.users["secretariat"])
    seen, url, pages = [], list_url(world), 0
    while url:
        with django_assert_max_num_queries(12):
            response = client.get(url)
        pages += 1
        seen += [task.pk for task, _ in response.context["rows"]]
        found = re.search(r'href="(\?[^"]*after=[^"]*)"', response.content.decode())
        url = list_url(world, found.group(1).replace("&amp;", "&")) if found else ""
        if url:
            assert "after=" in url
    assert pages == 3
    assert seen == expected


def test_following_previous_from_the_last_page_shows_each_page_again_by_keyset(world, client):
    many_tasks(world, 130)
    client.force_login(world.users["secretariat"])

    def walk(url: str, pattern: str) -> list[list[int]]:
        pages = []
        while url:
            response = client.get(url)
            pages.append([task.pk for task, _ in response.context["rows"]])
            found = re.search(pattern, response.content.decode())
            url = list_url(world, found.group(1).replace("&amp;", "&")) if found else ""
        return pages

    forward = walk(list_url(world), r'href="(\?[^"]*after=[^"]*)"')
    assert len(forward) == 6
    last = client.get(list_url(world, "?page=6")).content.decode()
    found = re.search(r'href="(\?[^"]*page=5[^"]*)"', last)
    assert found
    back_link = found.group(1)
    assert "before=" in back_link  # page 5 is reached by keyset, not by OFFSET
    backward = walk(
        list_url(world, back_link.replace("&amp;", "&")), r'href="(\?[^"]*before=[^"]*)"'
    )
    # Pages 5, 4, 3 and 2 by "before" cursors; page 2's link to page 1 carries none.
    assert backward == forward[4:0:-1]


def test_a_keyset_page_shows_the_same_rows_as_the_offset_page(world, client):
    many_tasks(world)
    client.force_login(world.users["secretariat"])
    first = client.get(list_url(world))
    cursor = first.context["next_cursor"]
    by_keyset = client.get(list_url(world, f"?page=2&after={cursor}"))
    by_offset = client.get(list_url(world, "?page=2"))
    assert [t.pk for t, _ in by_keyset.context["rows"]] == [
        t.pk for t, _ in by_offset.context["rows"]
    ]
    # A malformed cursor falls back to the offset page.
    assert client.get(list_url(world, "?page=2&after=x.y")).status_code == 200


def test_the_list_counts_come_from_the_summary_and_follow_each_write(
    world, client, secretariat_access
):
    many_tasks(world, 30)
    client.force_login(world.users["secretariat"])
    query = "?status=open_overdue&area=propaganda"
    live = Task.objects.filter(congress=world.congress)

    def shown():
        return client.get(list_url(world, query)).context["page"].paginator.count

    def direct():
        from daihoi.planning.status import status_q

        return live.filter(status_q("open_overdue", local_today()), area="propaganda").count()

    assert shown() == direct() > 0
    services.task_create(
        access=secretariat_access,
        fields=services.TaskFields(
            title="Quá hạn mới",
            lead_agency=world.agencies["btg"],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
            deadline=local_today() - dt.timedelta(days=2),
        ),
    )
    overdue = live.get(title="Quá hạn mới")
    assert shown() == direct()
    dashboard = client.get(f"/dai-hoi/{world.congress.pk}/")
    before = dashboard.context["counts"]["open_overdue"]
    services.task_set_halt(access=secretariat_access, task=overdue, state="paused")
    assert shown() == direct()
    after = client.get(f"/dai-hoi/{world.congress.pk}/").context["counts"]["open_overdue"]
    assert after == before - 1


def test_filter_options_are_the_congress_own_and_a_new_agency_shows_at_once(
    world, client, django_assert_max_num_queries
):
    client.force_login(world.users["secretariat"])
    client.get(list_url(world))  # caches the options
    other = Agency.objects.create(congress=world.other, name="Sở của Đại hội khác")
    page = client.get(list_url(world)).content.decode()
    assert "Sở của Đại hội khác" not in page
    assert "Văn phòng Tỉnh ủy" in page
    Agency.objects.create(congress=world.congress, name="Sở Ngoại vụ")
    assert "Sở Ngoại vụ" in client.get(list_url(world)).content.decode()
    agency = world.agencies["svh"]
    agency.name = "Sở Văn hóa và Thể thao"
    agency.save()
    assert "Sở Văn hóa và Thể thao" in client.get(list_url(world)).content.decode()
    assert other.pk
    with django_assert_max_num_queries(6):  # the options come from the cache
        client.get(list_url(world))


def test_the_chosen_filter_option_stays_selected(world, client):
    client.force_login(world.users["secretariat"])
    agency = world.agencies["stc"]
    page = client.get(list_url(world, f"?agency={agency.pk}&area=finance")).content.decode()
    assert f'<option value="{agency.pk}" selected>' in page
    assert '<option value="finance" selected>' in page
