"""Reconciling the two stations' entries and counting the ballots, in plain Python.

Rules of Party elections by secret ballot, as applied here (Điều lệ Đảng, Điều 12; Quy chế bầu
cử trong Đảng, Quyết định 190-QĐ/TW ngày 10/10/2024 — check against the text in force; every
rule sits in this module so it can be corrected in one place):

- A ballot is valid when it leaves at most as many names as there are seats and at least one.
  It is invalid when it leaves more names than seats (`TOO_MANY`: an unmarked ballot of a list
  longer than the seats is one), when every name is crossed out (`ALL_CROSSED`), when it was
  not issued by the board or lacks the congress's stamp, carries a name added outside the list,
  a mark of its own or other writing, or is torn so that it cannot be read whole (the board's
  finding, `CHOSEN_REASONS`).
- A candidate's votes are the valid ballots that leave their name.
- More than half: at a congress of delegates, a candidate is elected only with more votes than
  half of the official delegates summoned, less the convening committee's members and official
  delegates absent for the whole congress with no alternate in their place (`Election.base`).
  The base is the delegates summoned, not the valid ballots (the state's elections use those).
- Among those over half, the most votes take the seats. When several are level at the last
  seat and they outnumber the seats left, none of them is declared: the congress votes again
  among them (`Outcome.tied`). Fewer than the seats over half: the congress decides whether to
  vote again for the rest (`Outcome.short`).

Reconciliation: a ballot number's entries form rounds; the latest round decides. Both stations
in it and agreeing: the ballot is reconciled and counts once, whatever number of entries it
took. Both in it and differing: both stations enter it again, in the next round. One station
only: it waits for the other.
"""

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from .models import InvalidReason, Station


class State(StrEnum):
    WAITING = "waiting"
    MISMATCH = "mismatch"
    AGREED = "agreed"


@dataclass(frozen=True)
class Reading:
    """One station's entry of one ballot, as the counting reads it."""

    station: str
    number: int
    round: int
    invalid_reason: str
    crossed: frozenset[int]

    @property
    def meaning(self) -> tuple[str, frozenset[int]]:
        """What must agree: the reason of an invalid ballot, the names crossed on a valid one."""
        if self.invalid_reason:
            return (self.invalid_reason, frozenset())
        return ("", self.crossed)


@dataclass(frozen=True)
class Ballot:
    number: int
    state: State
    round: int
    stations: frozenset[str]  # who has entered the latest round
    result: Reading | None = None  # when agreed

    def station_may_enter(self, station: str) -> int | None:
        """The round `station` would enter this ballot in now, or None when it already has."""
        if self.state is State.MISMATCH:
            return self.round + 1
        if self.state is State.WAITING and station not in self.stations:
            return self.round
        return None


def effective_reason(chosen: str, *, crossed: int, candidates: int, seats: int) -> str:
    """The reason a ballot is invalid ("" when valid): the board's finding first, then what
    the names crossed out say."""
    if chosen:
        return chosen
    left = candidates - crossed
    if left <= 0:
        return InvalidReason.ALL_CROSSED
    if left > seats:
        return InvalidReason.TOO_MANY
    return ""


def reconcile(readings: list[Reading]) -> dict[int, Ballot]:
    by_number: dict[int, list[Reading]] = defaultdict(list)
    for reading in readings:
        by_number[reading.number].append(reading)
    ballots = {}
    for number, entries in sorted(by_number.items()):
        last = max(r.round for r in entries)
        latest = {r.station: r for r in entries if r.round == last}
        stations = frozenset(latest)
        if len(latest) < 2:
            ballots[number] = Ballot(number, State.WAITING, last, stations)
        elif latest[Station.A].meaning == latest[Station.B].meaning:
            ballots[number] = Ballot(number, State.AGREED, last, stations, latest[Station.A])
        else:
            ballots[number] = Ballot(number, State.MISMATCH, last, stations)
    return ballots


def percent(part: int, whole: int) -> str:
    """`part` of `whole` in per cent, two decimals with a comma: "66,67%"."""
    if whole <= 0:
        return "—"
    value = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return f"{value}".replace(".", ",") + "%"


def elected_rule(votes: int, base: int) -> bool:
    """More than half of the base: 2 × votes > base (with 301 summoned, 151 votes pass)."""
    return 2 * votes > base


@dataclass
class Line:
    candidate_id: int
    position: int
    full_name: str
    votes: int
    of_valid: str
    of_base: str
    over_half: bool
    status: str = ""  # "elected", "tied", "" (not elected)


@dataclass
class Tally:
    issued: int
    collected: int | None
    seats: int
    summoned: int
    base: int
    ballots: dict[int, Ballot]
    entered: int = 0
    agreed: int = 0
    valid: int = 0
    invalid: int = 0
    invalid_by_reason: dict[str, int] = field(default_factory=dict)
    lines: list[Line] = field(default_factory=list)
    tied: list[Line] = field(default_factory=list)
    tied_seats: int = 0
    elected: list[Line] = field(default_factory=list)
    short: int = 0

    @property
    def needed(self) -> int:
        """The fewest votes that are more than half of the base."""
        return self.base // 2 + 1

    @property
    def mismatched(self) -> list[int]:
        return [n for n, b in self.ballots.items() if b.state is State.MISMATCH]

    @property
    def waiting(self) -> list[Ballot]:
        return [b for b in self.ballots.values() if b.state is State.WAITING]

    def next_for(self, station: str, limit: int) -> int | None:
        """The lowest ballot number `station` has still to enter (first or again), if any."""
        for number in range(1, limit + 1):
            ballot = self.ballots.get(number)
            if ballot is None or ballot.station_may_enter(station) is not None:
                return number
        return None

    @property
    def final(self) -> bool:
        """Every collected ballot entered by both stations and reconciled."""
        return (
            self.collected is not None
            and self.entered == self.collected
            and self.agreed == self.collected
        )

    @property
    def invalid_reasons(self) -> list[tuple[str, int]]:
        return [
            (str(InvalidReason(code).label), count)
            for code, count in self.invalid_by_reason.items()
        ]

    @property
    def fingerprint(self) -> str:
        """Changes whenever anything the minutes print changes."""
        parts: list[object] = [
            self.issued,
            self.collected,
            self.seats,
            self.base,
            self.agreed,
            self.valid,
        ]
        parts += [(line.candidate_id, line.votes) for line in self.lines]
        parts += sorted(self.invalid_by_reason.items())
        return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def count(
    readings: list[Reading],
    candidates: list[tuple[int, int, str]],
    *,
    seats: int,
    issued: int,
    collected: int | None,
    summoned: int,
    base: int,
) -> Tally:
    """The count over reconciled ballots only. `candidates`: (id, position, full name)."""
    ballots = reconcile(readings)
    tally = Tally(issued, collected, seats, summoned, base, ballots, entered=len(ballots))
    votes = {candidate_id: 0 for candidate_id, _, _ in candidates}
    by_reason: dict[str, int] = {}
    for ballot in ballots.values():
        if ballot.state is not State.AGREED or ballot.result is None:
            continue
        tally.agreed += 1
        reason = ballot.result.invalid_reason
        if reason:
            tally.invalid += 1
            by_reason[reason] = by_reason.get(reason, 0) + 1
            continue
        tally.valid += 1
        for candidate_id in votes:
            if candidate_id not in ballot.result.crossed:
                votes[candidate_id] += 1
    tally.invalid_by_reason = {c: by_reason[c] for c in InvalidReason.values if c in by_reason}
    tally.lines = [
        Line(
            candidate_id,
            position,
            full_name,
            votes[candidate_id],
            percent(votes[candidate_id], tally.valid),
            percent(votes[candidate_id], summoned),
            elected_rule(votes[candidate_id], base),
        )
        for candidate_id, position, full_name in candidates
    ]
    _decide(tally)
    return tally


def _decide(tally: Tally) -> None:
    """Marks the elected and, at the last seat, a tie for the congress to vote on again."""
    over_half = sorted((x for x in tally.lines if x.over_half), key=lambda x: -x.votes)
    if len(over_half) <= tally.seats:
        tally.elected = over_half
        tally.short = tally.seats - len(over_half)
    else:
        last_votes = over_half[tally.seats - 1].votes
        above = [x for x in over_half if x.votes > last_votes]
        level = [x for x in over_half if x.votes == last_votes]
        if len(above) + len(level) <= tally.seats:
            tally.elected = above + level
        else:
            tally.elected = above
            tally.tied = level
            tally.tied_seats = tally.seats - len(above)
    for line in tally.elected:
        line.status = "elected"
    for line in tally.tied:
        line.status = "tied"
