"""The voting pages in the permission matrix (see `daihoi/testing/matrix.py`).

Everyone of the congress's staff reads the motions and their results; the presidium's screens
(the secretariat, the administrator, the organising subcommittee whose head is the leader) keep
and run them, the others are refused with the 403 page. The matrix's motion is open. The
delegate's own list and ballot are a delegate's only: a staff account has no ballot (404)."""

from daihoi.programme.models import Session
from daihoi.testing.matrix import expect

from .helpers import motion

KEEPERS = dict(officer=403, officer2=403, member=403)

ROWS = {
    "voting:motion-list": ("get", expect(200)),
    "voting:motion-create": ("get", expect(200, **KEEPERS)),
    "voting:motion-detail": ("get", expect(200)),
    # The open motion cannot be edited: its keepers are sent back to it.
    "voting:motion-edit": ("get", expect(302, **KEEPERS)),
    "voting:motion-live": ("get", expect(200)),
    "voting:motion-open": ("post", expect(302, **KEEPERS)),
    "voting:motion-close": ("post", expect(302, **KEEPERS)),
    # Refused with a message (an opened motion is part of the record): back to it.
    "voting:motion-delete": ("post", expect(302, **KEEPERS)),
    "voting:my-votes": ("get", expect(404, delegate=200)),
    "voting:ballot": ("get", expect(404, delegate=200)),
}

KWARG_KEYS = [["congress_id", "motion_id"]]


def objects(world, base: dict) -> dict:
    session = Session.objects.filter(pk=base.get("programme_session_id", 0)).first()
    return {"motion_id": motion(world, session, opened=True).pk}
