"""One notion of a session: each programme session has its check-in session, and who is
summoned to it and present at it are named once (`selectors.summoned_delegates`…)."""

import datetime as dt

import pytest

from daihoi.delegates.models import CongressSession, Delegate
from daihoi.delegates.services.checkin import check_in_by_name
from daihoi.delegates.services.checkin import session_create as gate_session_create
from daihoi.delegates.services.roster import delegate_replace
from daihoi.delegates.tests.helpers import make_delegate

from .. import selectors, services
from ..models import Session
from .helpers import at, opening_session, secretariat

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(delegate_world):
    """The shared world with its delegate (`world.delegate`, user "daibieu")."""
    return delegate_world


def _working_session(world, title: str = "Phiên làm việc thứ nhất") -> Session:
    day = world.congress.opening_date
    return services.session_create(
        access=secretariat(world),
        fields=services.SessionFields(
            kind=Session.Kind.WORKING, title=title, starts_at=at(day, 14), ends_at=at(day, 17)
        ),
    )


def _roster(world):
    access = secretariat(world)
    return {
        "official": make_delegate(access, full_name="Nguyễn Văn Thắng", birth_year=1970),
        "alternate": make_delegate(
            access, full_name="Trần Thị Mai", birth_year=1974, kind=Delegate.Kind.ALTERNATE
        ),
        "guest": make_delegate(
            access, full_name="Lê Văn Khách", birth_year=None, kind=Delegate.Kind.GUEST
        ),
    }


def test_a_new_programme_session_gets_its_own_check_in_session_named_after_it(world):
    session = opening_session(world)
    assert session.checkin_session.name == "Phiên khai mạc"
    assert session.checkin_session.starts_at == session.starts_at
    assert session.checkin_session.congress_id == world.congress.pk


def test_a_programme_session_adopts_the_gates_sitting_of_the_same_name(world):
    gate = gate_session_create(
        access=secretariat(world), name="Phiên khai mạc", starts_at=at(dt.date(2020, 10, 14), 7)
    )
    session = opening_session(world)
    assert session.checkin_session_id == gate.pk
    assert CongressSession.objects.filter(congress=world.congress).count() == 1


def test_two_sessions_of_one_title_get_two_check_in_sessions_told_apart_by_the_hour(world):
    first = _working_session(world, "Thảo luận tổ")
    day = world.congress.opening_date + dt.timedelta(days=1)
    second = services.session_create(
        access=secretariat(world),
        fields=services.SessionFields(
            kind=Session.Kind.WORKING,
            title="Thảo luận tổ",
            starts_at=at(day, 8),
            ends_at=at(day, 11),
        ),
    )
    assert first.checkin_session_id != second.checkin_session_id
    assert second.checkin_session.name == "Thảo luận tổ (15/10 08:00)"


def test_editing_a_session_renames_and_moves_its_check_in_session(world):
    session = opening_session(world)
    day = world.congress.opening_date
    services.session_update(
        access=secretariat(world),
        session=session,
        fields=services.SessionFields(
            kind=session.kind,
            title="Phiên khai mạc Đại hội",
            starts_at=at(day, 8),
            ends_at=at(day, 11),
        ),
    )
    checkin = CongressSession.objects.get(pk=session.checkin_session_id)
    assert (checkin.name, checkin.starts_at) == ("Phiên khai mạc Đại hội", at(day, 8))


def test_deleting_a_session_keeps_its_check_in_session_only_when_someone_checked_in(world):
    roster = _roster(world)
    empty, used = _working_session(world, "Phiên A"), opening_session(world)
    check_in_by_name(
        access=secretariat(world), session=used.checkin_session, delegate=roster["official"]
    )
    services.session_delete(access=secretariat(world), session=empty)
    services.session_delete(access=secretariat(world), session=used)
    assert not CongressSession.objects.filter(pk=empty.checkin_session_id).exists()
    assert CongressSession.objects.filter(pk=used.checkin_session_id).exists()


def test_the_opening_summons_guests_and_a_working_session_official_delegates_only(world):
    roster = _roster(world)
    opening, working = opening_session(world), _working_session(world)
    assert opening.audience == Session.Audience.DELEGATES_AND_GUESTS
    assert set(selectors.summoned_delegates(opening)) == {
        roster["official"],
        roster["guest"],
        world.delegate,
    }
    assert set(selectors.summoned_delegates(working)) == {roster["official"], world.delegate}
    assert not selectors.is_summoned(roster["guest"], working)
    assert selectors.is_summoned(roster["guest"], opening)
    assert not selectors.is_summoned(roster["alternate"], opening)


def test_a_replaced_delegate_is_no_longer_summoned_and_the_alternate_who_took_the_seat_is(world):
    roster = _roster(world)
    working = _working_session(world)
    delegate_replace(
        access=secretariat(world),
        delegate=roster["official"],
        substitute=roster["alternate"],
        reason="Chuyển công tác",
        decided_on=dt.date(2020, 10, 1),
    )
    roster["official"].refresh_from_db()
    roster["alternate"].refresh_from_db()
    assert set(selectors.summoned_delegates(working)) == {roster["alternate"], world.delegate}
    assert not selectors.is_summoned(roster["official"], working)
    assert selectors.is_summoned(roster["alternate"], working)
    assert list(selectors.sessions_summoning(roster["official"])) == []
    assert list(selectors.sessions_summoning(roster["alternate"])) == [working]


def test_present_delegates_are_the_summoned_ones_checked_in_to_that_session(world):
    roster = _roster(world)
    opening, working = opening_session(world), _working_session(world)
    for delegate in (roster["official"], roster["guest"]):
        check_in_by_name(
            access=secretariat(world), session=opening.checkin_session, delegate=delegate
        )
    check_in_by_name(
        access=secretariat(world), session=working.checkin_session, delegate=roster["guest"]
    )
    assert set(selectors.present_delegates(opening)) == {roster["official"], roster["guest"]}
    # The guest came to the working session's door, but is not summoned to it.
    assert list(selectors.present_delegates(working)) == []


def test_a_delegate_of_another_congress_is_not_summoned(world):
    working = _working_session(world)
    stranger = Delegate(congress=world.other, kind=Delegate.Kind.OFFICIAL, is_active=True)
    assert not selectors.is_summoned(stranger, working)
