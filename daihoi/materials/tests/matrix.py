"""The documents for delegates in the permission matrix (see `daihoi/testing/matrix.py`).

The keepers' pages answer the programme's keepers (secretariat, administrator, the leader who
heads the organising subcommittee); the others inside the congress get the 403 page, outsiders
and the delegate 404. The delegate's pages answer the congress's delegate only: the matrix's
document belongs to the opening session, which summons the world's (official) delegate."""

from daihoi.programme.tests.helpers import opening_session
from daihoi.testing.matrix import ROLES, expect

from .helpers import upload

KEEPERS = dict(officer=403, officer2=403, member=403)
ONLY_THE_DELEGATE = {r: 404 for r in ROLES} | {"anonymous": 302, "delegate": 200}

ROWS = {
    "materials:list": ("get", expect(200, **KEEPERS)),
    "materials:upload": ("get", expect(200, **KEEPERS)),
    "materials:move": ("post", expect(302, **KEEPERS)),
    "materials:withdraw": ("post", expect(302, **KEEPERS)),
    # Refused with a message for the matrix's PDF (nothing to convert): still 302.
    "materials:convert": ("post", expect(302, **KEEPERS)),
    "materials:pdf": ("get", expect(200, **KEEPERS)),
    "materials:my-list": ("get", ONLY_THE_DELEGATE),
    "materials:my-pdf": ("get", ONLY_THE_DELEGATE),
}

KWARG_KEYS = [["congress_id", "material_id"]]


def objects(world, base: dict) -> dict:
    return {"material_id": upload(world, opening_session(world)).pk}
