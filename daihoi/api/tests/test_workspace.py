"""'Hôm nay' and 'Trách nhiệm của tôi' through the API: the same boards as the pages, each
role its own, read in a fixed number of queries; another congress answers 404."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext

from daihoi.core.dates import today as local_today
from daihoi.organizations.models import Area
from daihoi.testing.factories import TaskFactory

from .helpers import ApiClient


def _awaiting(world, n: int) -> None:
    for i in range(n):
        TaskFactory.create(
            lead_agency=world.agencies["btg"],
            committee=world.committee,
            area=Area.LOGISTICS,
            deadline=local_today() + dt.timedelta(days=3),
            reported_complete_on=local_today(),
            title=f"Chờ xác nhận {i}",
        )


def test_the_secretariats_today_counts_what_awaits_acceptance_as_the_page(world, client):
    _awaiting(world, 2)
    api = ApiClient(world.users["secretariat"])
    board = api.get(f"/congresses/{world.congress.pk}/today/").json()
    assert board["role"] == "secretariat"
    figures = {f["label"]: f for f in board["figures"]}
    assert figures["Chờ xác nhận hoàn thành"]["count"] == 2
    assert board["leaderless"]["count"] == 5
    assert {t["title"] for t in board["tasks"]} == {"Chờ xác nhận 0", "Chờ xác nhận 1"}
    assert board["committees"][0]["committee_id"] == world.committee.pk
    # The figure's address is the list page showing exactly those rows.
    client.force_login(world.users["secretariat"])
    listed = client.get(figures["Chờ xác nhận hoàn thành"]["url"])
    assert listed.status_code == 200


def test_an_officer_gets_the_officers_board_and_another_congress_is_404(world):
    _awaiting(world, 1)
    api = ApiClient(world.users["officer"])
    board = api.get(f"/congresses/{world.congress.pk}/today/").json()
    assert board["role"] == "officer"
    assert "Đến hạn trong 7 ngày" in {f["label"] for f in board["figures"]}
    outsider = ApiClient(world.users["outsider"])
    assert outsider.get(f"/congresses/{world.congress.pk}/today/").status_code == 404
    assert outsider.get(f"/congresses/{world.congress.pk}/my-duties/").status_code == 404


def test_a_committee_head_reads_their_duties_and_the_tasks_that_follow(world):
    membership = world.committee.memberships.get(person=world.chair)
    membership.duties = "Chỉ đạo chung công tác phục vụ"
    membership.areas = [Area.LOGISTICS]
    membership.save()
    membership.supervised_agencies.set([world.agencies["ca"]])
    _awaiting(world, 1)
    TaskFactory.create(lead_agency=world.agencies["btg"], title="Việc không liên quan")
    api = ApiClient(world.users["leader"])
    mine = api.get(f"/congresses/{world.congress.pk}/my-duties/").json()
    assert mine["memberships"][0]["duties"] == "Chỉ đạo chung công tác phục vụ"
    assert mine["memberships"][0]["supervised_agency_ids"] == [world.agencies["ca"].pk]
    titles = {t["title"] for s in mine["sections"] for t in s["tasks"]}
    assert titles == {"Chờ xác nhận 0"}
    # An account without a person has no duties: empty, not an error.
    member = ApiClient(world.users["member"]).get(f"/congresses/{world.congress.pk}/my-duties/")
    assert member.status_code == 200 and member.json()["sections"] == []


def test_both_boards_read_in_a_fixed_number_of_queries(world):
    api = ApiClient(world.users["leader"])
    membership = world.committee.memberships.get(person=world.chair)
    membership.areas = [Area.LOGISTICS]
    membership.save()
    _awaiting(world, 2)

    def queries(path: str) -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert api.get(f"/congresses/{world.congress.pk}/{path}/").status_code == 200
        return len(ctx.captured_queries)

    queries("today")  # the token's first use of the minute also notes when it was used
    few = {path: queries(path) for path in ("today", "my-duties")}
    _awaiting(world, 15)
    assert {path: queries(path) for path in ("today", "my-duties")} == few
