"""The quorum rule, and the two screens that show it (the check-in's headcount and the
presidium's board) reading it from the same place."""

from daihoi.delegates.quorum import has_quorum, quorum_needed
from daihoi.delegates.selectors import Headcount
from daihoi.speeches.board import Attendance


def test_the_quorum_is_two_thirds_of_the_summoned_rounded_up():
    assert [quorum_needed(n) for n in (0, 1, 2, 3, 4, 300, 301, 1500)] == [
        0,
        1,
        2,
        2,
        3,
        200,
        201,
        1000,
    ]
    assert has_quorum(200, 300)
    assert not has_quorum(199, 300)
    assert has_quorum(201, 301) and not has_quorum(200, 301)
    assert not has_quorum(0, 0), "nobody summoned is no valid session"


def test_the_headcount_and_the_board_judge_every_count_alike():
    for summoned in range(0, 40):
        for present in range(0, summoned + 1):
            headcount = Headcount(present=present, total=summoned, rows=[])
            board = Attendance(present=present, summoned=summoned)
            assert headcount.quorum_needed == board.needed == quorum_needed(summoned)
            assert headcount.has_quorum == board.valid == has_quorum(present, summoned)
