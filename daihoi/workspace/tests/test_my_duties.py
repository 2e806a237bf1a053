""" "Trách nhiệm của tôi": a person's memberships, duties and the tasks that follow from them."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from daihoi.core.dates import today as local_today
from daihoi.organizations.models import Area, Membership, Participation, Person
from daihoi.organizations.permissions import access_congress
from daihoi.testing.factories import TaskFactory
from daihoi.workspace.duties import my_duties

pytestmark = pytest.mark.django_db


def _url(world) -> str:
    return reverse("workspace:my-duties", args=[world.congress.pk])


@pytest.fixture
def duties(world):
    """The chair heads the committee, supervises logistics and the provincial police."""
    membership = world.committee.memberships.get(person=world.chair)
    membership.duties = "Chỉ đạo chung công tác phục vụ\nTrực tiếp theo dõi an ninh trật tự"
    membership.areas = [Area.LOGISTICS]
    membership.save()
    membership.supervised_agencies.set([world.agencies["ca"]])
    return membership


def _tasks(world, n: int, prefix: str) -> None:
    day = local_today() + dt.timedelta(days=10)
    btg, ca = world.agencies["btg"], world.agencies["ca"]
    for i in range(n):
        TaskFactory.create(
            lead_agency=btg, area=Area.LOGISTICS, deadline=day, title=f"{prefix} hậu cần {i}"
        )
        TaskFactory.create(lead_agency=ca, title=f"{prefix} công an {i}", deadline=day)
        TaskFactory.create(
            lead_agency=btg, leader_in_charge=world.chair, title=f"{prefix} phụ trách {i}"
        )
        TaskFactory.create(
            lead_agency=btg,
            committee=world.committee,
            reported_complete_on=local_today(),
            title=f"{prefix} chờ xác nhận {i}",
        )


def test_a_committee_head_sees_duties_and_the_tasks_that_follow(world, duties, client):
    _tasks(world, 1, "Việc")
    TaskFactory.create(lead_agency=world.agencies["btg"], title="Việc không liên quan")
    TaskFactory.create(
        lead_agency=world.agencies["btg"],
        area=Area.LOGISTICS,
        reported_complete_on=local_today(),
        accepted=True,
        title="Việc đã xong",
    )
    client.force_login(world.users["leader"])
    page = client.get(_url(world)).content.decode()
    assert "Trực tiếp theo dõi an ninh trật tự" in page
    assert "Hậu cần, cơ sở vật chất" in page and "Theo dõi: CA" in page
    for title in ["Việc hậu cần 0", "Việc công an 0", "Việc phụ trách 0", "Việc chờ xác nhận 0"]:
        assert title in page
    assert "Việc không liên quan" not in page and "Việc đã xong" not in page


def test_the_tasks_are_read_through_the_users_own_visibility(world, duties):
    """An agency officer who is also a member sees only their agency's tasks among them."""
    officer = Person.objects.create(congress=world.congress, full_name="Cán bộ Ban Tuyên giáo")
    Membership.objects.create(
        committee=world.committee,
        person=officer,
        role=Membership.Role.MEMBER,
        areas=[Area.LOGISTICS],
    )
    Participation.objects.filter(user=world.users["officer"]).update(person=officer)
    _tasks(world, 1, "Việc")
    TaskFactory.create(
        lead_agency=world.agencies["ca"], area=Area.LOGISTICS, title="Hậu cần của Công an"
    )
    access = access_congress(world.users["officer"], world.congress.pk)
    result = my_duties(access, local_today())
    # A member (not a leader) accepts nothing: no such section.
    in_charge, watched = result.sections
    assert [t.title for t, _ in watched.rows] == ["Việc hậu cần 0"]
    assert in_charge.rows == []


def test_an_account_without_a_person_is_told_so(world, client):
    client.force_login(world.users["member"])
    assert "chưa gắn với một cán bộ" in client.get(_url(world)).content.decode()


def test_the_page_reads_in_a_fixed_number_of_queries(world, duties, client):
    client.force_login(world.users["leader"])
    _tasks(world, 2, "Ít")

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(_url(world)).status_code == 200
        return len(ctx.captured_queries)

    few = queries()
    _tasks(world, 18, "Nhiều")
    assert queries() == few


def test_the_menu_leads_a_person_to_their_duties(world, client):
    client.force_login(world.users["leader"])
    page = client.get(reverse("workspace:today", args=[world.congress.pk])).content.decode()
    assert f'href="{_url(world)}"' in page and "Trách nhiệm của tôi" in page


def test_the_secretariats_today_counts_the_agencies_without_a_leader(world, client):
    agency = world.agencies["btg"]
    agency.leader_in_charge = Person.objects.create(congress=world.congress, full_name="Lãnh đạo")
    agency.save()
    client.force_login(world.users["secretariat"])
    board = client.get(reverse("workspace:today", args=[world.congress.pk])).context["board"]
    assert board.leaderless.count == 4  # five agencies, one has named its leader
    listed = client.get(board.leaderless.url).context["agencies"]
    assert len(listed) == 4 and agency not in listed
