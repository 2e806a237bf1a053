"""The ballot pages in the permission matrix (see `daihoi/testing/matrix.py`).

The secretariat and the administrator set up elections and the board; the board's members (the
matrix's member at station A, its leader at station B) enter ballots; the board, the
secretariat and the leaders follow the count and its minutes before it is final; everyone in
the congress reads the list and an election's page."""

from daihoi.testing.matrix import MANAGERS_ONLY, expect

from .. import services
from .helpers import election_with_board, enter_both

NOT_FOLLOWING = dict(officer=403, officer2=403)

ROWS = {
    "ballots:election-list": ("get", expect(200)),
    "ballots:election-create": ("get", expect(200, **MANAGERS_ONLY)),
    "ballots:election-detail": ("get", expect(200)),
    "ballots:election-edit": ("get", expect(200, **MANAGERS_ONLY)),
    "ballots:board-add": ("post", expect(302, **MANAGERS_ONLY)),
    "ballots:board-remove": ("post", expect(302, **MANAGERS_ONLY)),
    "ballots:ballot-entry": ("get", expect(403, member=200, leader=200)),
    "ballots:minutes-docx": ("get", expect(200, **NOT_FOLLOWING)),
    "ballots:minutes-pdf-request": ("post", expect(302, **NOT_FOLLOWING)),
    "ballots:minutes-pdf": ("get", expect(200, **NOT_FOLLOWING)),
}

KWARG_KEYS = [
    ["congress_id", "election_id", "board_member_id"],
    ["congress_id", "election_id"],
]


def objects(world, base: dict) -> dict:
    """An election still being counted (not final), with its minutes' PDF already made."""
    election = election_with_board(world, collected=None)
    enter_both(world, election, 1, "Cường", "Dũng")
    services.minutes_store_pdf(election_id=election.pk, pdf=b"%PDF-1.4\n%%EOF\n", fingerprint="x")
    return {
        "election_id": election.pk,
        "board_member_id": election.board.get(station="A").pk,
        # A user of the congress on no board of it yet (the API's board rows).
        "board_user_id": world.users["officer"].pk,
    }
