"""The quorum of a congress session, in one place for every screen that shows it (the
check-in's headcount, the presidium's board).

The Party's rule (Điều lệ Đảng and its implementing rules): a congress is valid only when at
least two thirds of the official delegates summoned attend. With 300 summoned, 200 must be
present; with 301, 201 (the two thirds rounded up).
"""

# The fraction of the summoned official delegates who must be present; change it here only.
QUORUM = (2, 3)


def quorum_needed(summoned: int) -> int:
    """The fewest present delegates that make the session valid: two thirds of `summoned`,
    rounded up."""
    numerator, denominator = QUORUM
    return -(-summoned * numerator // denominator)


def has_quorum(present: int, summoned: int) -> bool:
    """Whether `present` official delegates make a quorum of `summoned`; never with nobody
    summoned."""
    return summoned > 0 and present >= quorum_needed(summoned)
