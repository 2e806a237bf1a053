"""The count against ballots counted by hand: invalid ones, the more-than-half base, a tie."""

from daihoi.ballots.collation import sorted_names
from daihoi.ballots.counting import Reading, State, count, reconcile
from daihoi.ballots.models import InvalidReason

AN, BINH, CUONG, DUNG = 1, 2, 3, 4
CANDIDATES = [
    (AN, 1, "Nguyễn Văn An"),
    (BINH, 2, "Trần Thị Bình"),
    (CUONG, 3, "Lê Văn Cường"),
    (DUNG, 4, "Phạm Đức Dũng"),
]


def agreed(number: int, crossed: set[int], reason: str = "") -> list[Reading]:
    return [Reading(s, number, 0, reason, frozenset(crossed)) for s in ("A", "B")]


# Ten ballots, two seats. By hand: valid 1, 2, 3, 4, 8, 9, 10 (seven); invalid 5 (three names
# left), 6 (every name crossed), 7 (torn). Names left: An on 1, 2, 3, 8 = 4; Bình on 1, 3, 9,
# 10 = 4; Cường on 2, 4, 9 = 3; Dũng on 8, 10 = 2.
TEN_BALLOTS = [
    *agreed(1, {CUONG, DUNG}),
    *agreed(2, {BINH, DUNG}),
    *agreed(3, {CUONG, DUNG}),
    *agreed(4, {AN, BINH, DUNG}),
    *agreed(5, {DUNG}, InvalidReason.TOO_MANY),
    *agreed(6, {AN, BINH, CUONG, DUNG}, InvalidReason.ALL_CROSSED),
    *agreed(7, set(), InvalidReason.TORN),
    *agreed(8, {BINH, CUONG}),
    *agreed(9, {AN, DUNG}),
    *agreed(10, {AN, CUONG}),
]


def _count(readings, *, seats=2, summoned=12, base=7, collected=10, candidates=CANDIDATES):
    return count(
        readings,
        candidates,
        seats=seats,
        issued=10,
        collected=collected,
        summoned=summoned,
        base=base,
    )


def test_the_count_matches_ten_ballots_counted_by_hand_with_three_invalid():
    tally = _count(TEN_BALLOTS)
    assert (tally.agreed, tally.valid, tally.invalid) == (10, 7, 3)
    assert tally.invalid_by_reason == {"too_many": 1, "all_crossed": 1, "torn": 1}
    assert [(line.full_name, line.votes) for line in tally.lines] == [
        ("Nguyễn Văn An", 4),
        ("Trần Thị Bình", 4),
        ("Lê Văn Cường", 3),
        ("Phạm Đức Dũng", 2),
    ]
    an = tally.lines[0]
    assert (an.of_valid, an.of_base) == ("57,14%", "33,33%")
    # Base 7 (12 summoned, 5 excused): 4 votes are more than half, 3 are not.
    assert [line.full_name for line in tally.elected] == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert tally.needed == 4 and not tally.tied and tally.short == 0
    assert tally.final


def test_more_than_half_of_the_valid_ballots_is_not_enough_when_the_delegates_summoned_are_more():
    # The same ballots with base 9: An's 4 of 7 valid ballots is over half of those, not of 9.
    tally = _count(TEN_BALLOTS, base=9)
    assert tally.needed == 5
    assert tally.elected == [] and tally.short == 2
    assert all(not line.over_half for line in tally.lines)


def test_a_tie_at_the_last_seat_is_flagged_for_another_round_and_never_decided():
    # One seat, three names; each valid ballot leaves one: An 2, Bình 2, Cường 1; base 3.
    three = CANDIDATES[:3]
    readings = [
        *agreed(1, {BINH, CUONG}),
        *agreed(2, {AN, CUONG}),
        *agreed(3, {BINH, CUONG}),
        *agreed(4, {AN, CUONG}),
        *agreed(5, {AN, BINH}),
    ]
    tally = _count(readings, seats=1, summoned=5, base=3, collected=5, candidates=three)
    assert tally.elected == []
    assert [line.full_name for line in tally.tied] == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert tally.tied_seats == 1
    assert [line.status for line in tally.lines] == ["tied", "tied", ""]
    # With two seats the same ballots elect both: the tie is not at the last seat any more.
    two_seats = _count(readings, seats=2, summoned=5, base=3, collected=5, candidates=three)
    assert [line.full_name for line in two_seats.elected] == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert two_seats.tied == []


def test_a_tie_below_those_elected_above_it_elects_the_ones_above_and_flags_the_rest():
    readings = [
        *agreed(1, {CUONG, DUNG}),  # An, Bình
        *agreed(2, {BINH, DUNG}),  # An, Cường
        *agreed(3, {BINH, CUONG}),  # An, Dũng
        *agreed(4, {AN, DUNG}),  # Bình, Cường
    ]
    # An 3, Bình 2, Cường 2, Dũng 1; two seats; base 3 so 2 votes pass.
    tally = _count(readings, seats=2, summoned=4, base=3, collected=4)
    assert [line.full_name for line in tally.elected] == ["Nguyễn Văn An"]
    assert [line.full_name for line in tally.tied] == ["Trần Thị Bình", "Lê Văn Cường"]
    assert tally.tied_seats == 1


def test_only_reconciled_ballots_are_counted_and_the_count_is_not_final_before_all_are():
    readings = [
        *agreed(1, {CUONG, DUNG}),
        Reading("A", 2, 0, "", frozenset({BINH, DUNG})),  # B has not entered 2 yet
        Reading("A", 3, 0, "", frozenset({CUONG, DUNG})),
        Reading("B", 3, 0, "", frozenset({BINH, DUNG})),  # the stations differ on 3
    ]
    tally = _count(readings)
    assert (tally.entered, tally.agreed, tally.valid) == (3, 1, 1)
    assert tally.mismatched == [3]
    assert [b.number for b in tally.waiting] == [2]
    assert [line.votes for line in tally.lines] == [1, 1, 0, 0]
    assert not tally.final
    # Each station's desk proposes the lowest number it has still to enter, first or again.
    assert (tally.next_for("A", 10), tally.next_for("B", 10)) == (3, 2)


def test_the_later_pair_of_entries_decides_a_ballot_the_stations_differed_on():
    readings = [
        Reading("A", 3, 0, "", frozenset({CUONG, DUNG})),
        Reading("B", 3, 0, "", frozenset({BINH, DUNG})),
        Reading("B", 3, 1, "", frozenset({BINH, DUNG})),
    ]
    ballot = reconcile(readings)[3]
    assert ballot.state is State.WAITING and ballot.round == 1
    assert ballot.station_may_enter("A") == 1 and ballot.station_may_enter("B") is None
    readings.append(Reading("A", 3, 1, "", frozenset({BINH, DUNG})))
    ballot = reconcile(readings)[3]
    assert ballot.state is State.AGREED and ballot.result is not None
    assert ballot.result.crossed == {BINH, DUNG}


def test_two_stations_agreeing_that_a_ballot_is_invalid_need_not_read_the_same_names():
    readings = [
        Reading("A", 1, 0, InvalidReason.TORN, frozenset()),
        Reading("B", 1, 0, InvalidReason.TORN, frozenset({AN})),
    ]
    assert reconcile(readings)[1].state is State.AGREED
    readings[1] = Reading("B", 1, 0, InvalidReason.MARKED, frozenset())
    assert reconcile(readings)[1].state is State.MISMATCH


def test_candidates_are_ordered_by_given_name_in_the_vietnamese_alphabet():
    names = [
        "Nguyễn Văn Đức",
        "Trần Thị Dung",
        "Lê Văn Dũng",
        "Phạm Thị Ân",
        "Hồ Văn Anh",
        "Võ Thị Hạ",
        "Lý Thị Hà",
        "Đỗ Thị Hả",
        "Nguyễn Thị Ánh",
        "Trương Văn Ơn",
        "Lê Văn Ôn",
        "Y Bình",
        "Nguyễn Anh",
    ]
    assert sorted_names(names) == [
        "Nguyễn Anh",  # Anh with no middle name first, then "Văn"
        "Hồ Văn Anh",
        "Nguyễn Thị Ánh",  # every "Anh" before the first "Ánh"
        "Phạm Thị Ân",  # â after a
        "Y Bình",
        "Trần Thị Dung",
        "Lê Văn Dũng",  # tones only break a tie of letters
        "Nguyễn Văn Đức",  # đ after d
        "Lý Thị Hà",
        "Đỗ Thị Hả",  # huyền, hỏi, then nặng
        "Võ Thị Hạ",
        "Lê Văn Ôn",  # ô before ơ
        "Trương Văn Ơn",
    ]
