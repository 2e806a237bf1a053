"""Setting up an election, the two stations' entry and its reconciliation, on the database."""

import pytest

from daihoi.core.exceptions import BusinessError, PermissionDenied

from .. import selectors, services
from ..counting import State
from ..models import Election, Entry
from .helpers import (
    NAMES,
    election_with_board,
    enter_both,
    ids,
    secretariat,
    station_a,
    station_b,
)

pytestmark = pytest.mark.django_db


def test_the_ballot_lists_the_candidates_in_vietnamese_order_of_their_given_names(world):
    election = election_with_board(world)
    assert [c.full_name for c in selectors.candidates_of(election)] == [
        "Nguyễn Văn An",
        "Trần Thị Bình",
        "Lê Văn Cường",
        "Phạm Đức Dũng",
    ]


def test_two_stations_entering_the_same_ballot_number_count_it_once(world):
    election = election_with_board(world)
    entry, ballot = services.ballot_enter(
        access=station_a(world), election=election, number=1, crossed=ids(election, "Cường", "Dũng")
    )
    assert ballot.state is State.WAITING
    entry, ballot = services.ballot_enter(
        access=station_b(world), election=election, number=1, crossed=ids(election, "Cường", "Dũng")
    )
    assert ballot.state is State.AGREED
    tally = selectors.tally_of(election)
    assert (tally.entered, tally.agreed, tally.valid) == (1, 1, 1)
    assert [line.votes for line in tally.lines] == [1, 1, 0, 0]


def test_a_station_entering_a_ballot_number_a_second_time_is_refused_with_a_clear_message(world):
    election = election_with_board(world)
    services.ballot_enter(access=station_a(world), election=election, number=4, crossed=[])
    with pytest.raises(BusinessError, match="Tổ A đã nhập phiếu số 4"):
        services.ballot_enter(
            access=station_a(world), election=election, number=4, crossed=ids(election, "An")
        )
    assert Entry.objects.filter(election=election).count() == 1


def test_a_mismatch_is_flagged_both_stations_enter_again_and_the_later_pair_decides(world):
    election = election_with_board(world)
    services.ballot_enter(
        access=station_a(world), election=election, number=2, crossed=ids(election, "Bình", "Dũng")
    )
    _, ballot = services.ballot_enter(
        access=station_b(world), election=election, number=2, crossed=ids(election, "Cường", "Dũng")
    )
    assert ballot.state is State.MISMATCH
    assert selectors.tally_of(election).mismatched == [2]
    assert selectors.tally_of(election).agreed == 0
    # Both re-enter, after checking the paper: the second round agrees.
    _, ballot = services.ballot_enter(
        access=station_b(world), election=election, number=2, crossed=ids(election, "Bình", "Dũng")
    )
    assert ballot.state is State.WAITING and ballot.round == 1
    with pytest.raises(BusinessError, match="Tổ B đã nhập phiếu số 2"):
        services.ballot_enter(access=station_b(world), election=election, number=2, crossed=[])
    _, ballot = services.ballot_enter(
        access=station_a(world), election=election, number=2, crossed=ids(election, "Bình", "Dũng")
    )
    assert ballot.state is State.AGREED
    tally = selectors.tally_of(election)
    assert (tally.agreed, tally.valid, tally.mismatched) == (1, 1, [])
    assert [line.votes for line in tally.lines] == [1, 0, 1, 0]  # An and Cường left


def test_the_names_crossed_decide_validity_and_the_boards_finding_overrides_them(world):
    election = election_with_board(world)
    enter_both(world, election, 1, "Dũng")  # three names left for two seats
    enter_both(world, election, 2, "An", "Bình", "Cường", "Dũng")
    enter_both(world, election, 3, "An", "Bình", reason="marked")
    tally = selectors.tally_of(election)
    assert tally.valid == 0
    assert tally.invalid_by_reason == {"too_many": 1, "all_crossed": 1, "marked": 1}
    assert not Entry.objects.get(election=election, number=3, station="A").crossed.exists()


def test_the_count_is_final_once_every_collected_ballot_is_reconciled(world):
    election = election_with_board(world, collected=3)
    enter_both(world, election, 1, "Cường", "Dũng")
    enter_both(world, election, 2, "Bình", "Dũng")
    assert not selectors.tally_of(election).final
    enter_both(world, election, 3, "Cường", "Dũng")
    tally = selectors.tally_of(election)
    assert tally.final
    with pytest.raises(BusinessError, match="từ 1 đến 3"):
        services.ballot_enter(access=station_a(world), election=election, number=4, crossed=[])


def test_only_the_counting_board_enters_ballots(world):
    election = election_with_board(world)
    with pytest.raises(PermissionDenied, match="Ban Kiểm phiếu"):
        services.ballot_enter(access=secretariat(world), election=election, number=1, crossed=[])


def test_the_list_and_the_seats_are_fixed_once_a_ballot_is_entered(world):
    election = election_with_board(world)
    services.ballot_enter(access=station_a(world), election=election, number=1, crossed=[])
    fields = services.ElectionFields(
        title=election.title,
        seats=3,
        summoned=12,
        excused=5,
        issued=10,
        collected=10,
        candidates=NAMES,
    )
    with pytest.raises(BusinessError, match="Đã có phiếu được nhập"):
        services.election_update(access=secretariat(world), election=election, fields=fields)
    # The figures may still be corrected.
    fixed = services.election_update(
        access=secretariat(world),
        election=election,
        fields=services.ElectionFields(**{**fields.__dict__, "seats": 2, "collected": 9}),
    )
    assert fixed.collected == 9


def test_ballots_collected_may_not_exceed_those_issued(world):
    with pytest.raises(BusinessError, match="không được nhiều hơn số phiếu phát ra"):
        election_with_board(world, issued=10, collected=11)
    assert not Election.objects.exists()


def test_no_ballot_record_refers_to_a_delegate_or_a_person(world):
    """A ballot is its number and marks; the only user an entry names is the board member."""
    for model in (Election, Entry):
        related = {
            f.related_model._meta.label
            for f in model._meta.get_fields()
            if f.is_relation and f.related_model is not None
        }
        assert not any(
            label.startswith(("delegates.", "organizations.Person")) for label in related
        )
