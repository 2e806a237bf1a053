"""The delegate's ballot over HTTP: the page and the vote in a fixed, small number of queries,
the vote answered with the ballot's new state (HTMX) or a redirect (no scripts), and the
refusals shown in place."""

import pytest
from django.urls import reverse

from daihoi.core.exceptions import BusinessError
from daihoi.programme.tests.helpers import opening_session

from .. import services
from ..models import Motion, Participation, RollCallVote
from .helpers import check_in, motion, presidium, voter

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def _ballot(world, m: Motion) -> str:
    return reverse("voting:ballot", kwargs={"congress_id": world.congress.pk, "motion_id": m.pk})


@pytest.fixture
def ballot_world(delegate_world, client):
    """An open secret motion, the delegate checked in to its session and signed in."""
    session = opening_session(delegate_world)
    check_in(delegate_world, session, delegate_world.delegate)
    delegate_world.motion = motion(delegate_world, session, opened=True)
    client.force_login(delegate_world.users["delegate"])
    return delegate_world


def test_the_ballot_page_reads_in_a_fixed_number_of_queries(
    ballot_world, client, django_assert_max_num_queries
):
    # session, user, the delegate's participation with the congress, the motion with whether
    # the delegate has voted on it
    with django_assert_max_num_queries(4):
        response = client.get(_ballot(ballot_world, ballot_world.motion))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'hx-post="' in page and "Đồng chí biểu quyết" in page


def test_a_vote_from_the_page_is_answered_with_the_ballot_state_alone(
    ballot_world, client, django_assert_max_num_queries
):
    m = ballot_world.motion
    # session, user, participation, motion, presence; the vote's insert and counter (SQLite
    # opens and commits its transaction without a query of its own)
    with django_assert_max_num_queries(9):
        response = client.post(_ballot(ballot_world, m), {"choice": "no"}, **HTMX)
    fragment = response.content.decode()
    assert response.status_code == 200
    assert fragment.lstrip().startswith('<div id="ballot-state">')
    assert "Đã ghi nhận biểu quyết của đồng chí." in fragment
    assert "Đồng chí đã biểu quyết" in fragment and "<html" not in fragment
    m.refresh_from_db()
    assert (m.yes_count, m.no_count, m.abstain_count) == (0, 1, 0)
    assert not RollCallVote.objects.filter(motion=m).exists(), "a secret vote keeps no choice"

    again = client.post(_ballot(ballot_world, m), {"choice": "yes"}, **HTMX).content.decode()
    assert "chỉ biểu quyết một lần" in again and 'class="error"' in again
    m.refresh_from_db()
    assert (m.yes_count, m.no_count) == (0, 1)
    assert Participation.objects.filter(motion=m).count() == 1


def test_without_scripts_the_vote_redirects_to_the_ballot_with_a_message(ballot_world, client):
    m = ballot_world.motion
    url = _ballot(ballot_world, m)
    response = client.post(url, {"choice": "yes"})
    assert response.status_code == 302 and response["Location"] == url
    page = client.get(url).content.decode()
    assert "Đã ghi nhận biểu quyết của đồng chí." in page and "Đồng chí đã biểu quyết" in page
    refused = client.post(url, {"choice": "maybe"}, follow=True).content.decode()
    assert "Xin chọn Tán thành, Không tán thành hoặc Không biểu quyết." in refused
    m.refresh_from_db()
    assert m.voted_count == 1


def test_a_vote_sent_after_the_close_shows_the_result_and_counts_nothing(ballot_world, client):
    m = ballot_world.motion
    services.motion_close(access=presidium(ballot_world), motion=m)
    fragment = client.post(_ballot(ballot_world, m), {"choice": "yes"}, **HTMX).content.decode()
    assert "Biểu quyết đã kết thúc, không nhận thêm phiếu." in fragment
    assert "Biểu quyết đã kết thúc" in fragment and "Đồng chí không biểu quyết" in fragment
    assert Motion.objects.get(pk=m.pk).voted_count == 0
    assert not Participation.objects.filter(motion=m).exists()


def test_a_roll_call_ballot_shows_the_delegates_own_choice(delegate_world, client):
    session = opening_session(delegate_world)
    check_in(delegate_world, session, delegate_world.delegate)
    m = motion(delegate_world, session, roll_call=True, opened=True)
    client.force_login(delegate_world.users["delegate"])
    url = _ballot(delegate_world, m)
    fragment = client.post(url, {"choice": "abstain"}, **HTMX).content.decode()
    assert "Đồng chí đã chọn: <strong>Không biểu quyết</strong>" in fragment
    page = client.get(url).content.decode()
    assert "Đồng chí đã chọn: <strong>Không biểu quyết</strong>" in page


def test_a_draft_or_another_congress_motion_is_no_ballot(ballot_world, client):
    draft = motion(ballot_world, ballot_world.motion.session, title="Chưa mở")
    assert client.get(_ballot(ballot_world, draft)).status_code == 404
    assert client.post(_ballot(ballot_world, draft), {"choice": "yes"}, **HTMX).status_code == 404
    other = reverse(
        "voting:ballot",
        kwargs={"congress_id": ballot_world.other.pk, "motion_id": draft.pk},
    )
    assert client.get(other).status_code == 404


def test_a_motion_read_before_it_closed_counts_no_vote(ballot_world):
    """The service decides on the database's state, not on the copy it was given."""
    m = ballot_world.motion
    stale = Motion.objects.get(pk=m.pk)
    services.motion_close(access=presidium(ballot_world), motion=m)
    with pytest.raises(BusinessError, match="đã kết thúc"):
        services.vote_cast(
            access=voter(ballot_world, ballot_world.delegate), motion=stale, choice="yes"
        )
    assert not Participation.objects.filter(motion=m).exists()
    assert Motion.objects.get(pk=m.pk).voted_count == 0


def test_a_motion_read_before_it_opened_takes_the_vote(delegate_world):
    session = opening_session(delegate_world)
    check_in(delegate_world, session, delegate_world.delegate)
    draft = motion(delegate_world, session)
    services.motion_open(access=presidium(delegate_world), motion=draft)
    services.vote_cast(
        access=voter(delegate_world, delegate_world.delegate), motion=draft, choice="yes"
    )
    assert Motion.objects.get(pk=draft.pk).yes_count == 1
