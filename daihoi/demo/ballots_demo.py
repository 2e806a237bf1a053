"""Kon Tum's election of its delegates to the national congress, counted through the ballots
services: two stations entered every ballot, one ballot they read differently was entered again
by both, two ballots left too many names and one came back torn. The names, the figures and the
marks are our own invention.

Idempotent: nothing is created when the congress already has an election.
"""

import random
from typing import TYPE_CHECKING

from daihoi.accounts.models import Role
from daihoi.ballots import services
from daihoi.ballots.models import Election, InvalidReason
from daihoi.organizations.permissions import Access

if TYPE_CHECKING:
    from .loader import _CongressLoader

TITLE = "Bầu đại biểu chính thức đi dự Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"
CANDIDATES = (
    "A Pớt",
    "Nguyễn Văn Hòa",
    "Y Mương",
    "Trần Thị Thu Hà",
    "Lê Ngọc Tuấn",
    "Rơ Chăm Long",
    "Phạm Đức Ánh",
    "Đinh Thị Hạnh",
)
SEATS = 6
SUMMONED = 300
ISSUED = 297
# How often each name is crossed out on a valid ballot, in the order above: the last two are
# crossed most, so six pass with room to spare and two stay under half.
CROSS_WEIGHTS = (4, 6, 9, 12, 15, 18, 60, 70)


def _ballots(rng: random.Random, ids: dict[str, int]) -> list[tuple[list[int], str]]:
    """(names crossed, reason chosen) for ballots 1…ISSUED."""
    names = list(CANDIDATES)
    ballots: list[tuple[list[int], str]] = []
    for number in range(1, ISSUED + 1):
        if number in (41, 187):  # only one name crossed: seven left for six seats
            ballots.append(([ids["Đinh Thị Hạnh"]], ""))
            continue
        if number == 233:
            ballots.append(([], InvalidReason.TORN))
            continue
        crossed: set[str] = set()
        wanted = rng.choice((2, 2, 2, 3))
        while len(crossed) < wanted:
            crossed.add(rng.choices(names, weights=CROSS_WEIGHTS)[0])
        ballots.append(([ids[name] for name in crossed], ""))
    return ballots


def load_ballots(loader: "_CongressLoader") -> int:
    """Creates and counts Kon Tum's election when missing; returns how many were created."""
    congress = loader.congress
    if loader.spec["key"] != "kontum" or Election.objects.filter(congress=congress).exists():
        return 0
    access = loader.secretariat
    election = services.election_create(
        access=access,
        fields=services.ElectionFields(
            title=TITLE,
            seats=SEATS,
            summoned=SUMMONED,
            issued=ISSUED,
            collected=ISSUED,
            candidates=CANDIDATES,
        ),
    )
    station_a = Access(loader.users["thanhvien"], congress, Role.MEMBER)
    station_b = Access(loader.users["truongtieuban"], congress, Role.COMMITTEE_LEADER)
    services.board_member_add(access=access, election=election, user=station_a.user, station="A")
    services.board_member_add(access=access, election=election, user=station_b.user, station="B")
    ids = dict(election.candidates.values_list("full_name", "pk"))
    for number, (crossed, reason) in enumerate(_ballots(random.Random(13), ids), start=1):
        if number == 58:
            # Station B misread ballot 58 at first; both stations entered it again.
            wrong = [pk for pk in ids.values() if pk not in crossed][:1] + crossed[1:]
            services.ballot_enter(access=station_a, election=election, number=58, crossed=crossed)
            services.ballot_enter(access=station_b, election=election, number=58, crossed=wrong)
        for station in (station_a, station_b):
            services.ballot_enter(
                access=station,
                election=election,
                number=number,
                crossed=crossed,
                chosen_reason=reason,
            )
    return 1
