"""The meeting list through the API, filtered as on the page (days, "mine"), in a fixed
number of queries; another congress's list is 404."""

import datetime as dt

from django.utils import timezone

from daihoi.meetings import services

from .helpers import ApiClient


def _meeting(access, world, title, day, **extra):
    starts = dt.datetime.combine(day, dt.time(8, 0), timezone.get_current_timezone())
    return services.meeting_plan(
        access=access,
        title=title,
        kind="subcommittee",
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=2),
        place="Hội trường Tỉnh ủy",
        chair=world.chair,
        **extra,
    )


def test_the_meeting_list_filters_by_days_and_by_mine_as_the_page(
    world, secretariat_access, django_assert_max_num_queries
):
    september = _meeting(secretariat_access, world, "Họp tháng Chín", dt.date(2020, 9, 15))
    october = _meeting(
        secretariat_access,
        world,
        "Họp tháng Mười",
        dt.date(2020, 10, 1),
        invited_agencies=[world.agencies["btg"]],
    )
    for day in range(2, 9):
        _meeting(secretariat_access, world, f"Họp giao ban {day}", dt.date(2020, 10, day))
    secretariat = ApiClient(world.users["secretariat"])
    path = f"/congresses/{world.congress.pk}/meetings/"

    def titles(client, **query):
        return {row["title"] for row in client.all(path, query)}

    assert titles(secretariat, date_from="2020-09-01", date_to="2020-09-30") == {september.title}
    assert october.title in titles(secretariat, date_from="2020-10-01", date_to="2020-10-01")
    assert len(titles(secretariat, date_from="2020-10-01")) == 8
    # The leader chairs them all (the chair is the leader's person); the secretariat none.
    assert len(titles(ApiClient(world.users["leader"]), mine="true")) == 9
    assert titles(secretariat, mine="true") == set()
    # The officer of an invited agency sees that meeting only.
    assert titles(ApiClient(world.users["officer"])) == {october.title}

    with django_assert_max_num_queries(8):
        response = secretariat.get(path, {"page_size": 50})
    assert response.status_code == 200 and len(response.json()["results"]) == 9

    assert secretariat.get(path, {"date_from": "31/02/2020"}).status_code == 400
    outsider = ApiClient(world.users["outsider"])
    assert outsider.get(path).status_code == 404
