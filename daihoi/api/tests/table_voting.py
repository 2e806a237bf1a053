"""The rows of `table.py` for voting (same shape: (method, path as in the schema): (path to
call, body, expected status per role)). The objects are `daihoi/voting/tests/matrix.py`'s: an
open motion of the programme's session. Everyone of the staff reads; the presidium (the
secretariat, the administrator, the organising subcommittee's head) keeps and runs the votes;
the ballot is a delegate's own (a staff account has none: 404)."""

from typing import Any

from daihoi.testing.matrix import ROLES, expect

C = "/congresses/{congress_id}"
M = C + "/motions/{motion_id}"


def api_expect(default: int, **overrides: int) -> dict[str, int]:
    return expect(default, **overrides) | {"anonymous": 401}


KEEPERS = dict(officer=403, officer2=403, member=403)
MOTION_BODY = {
    "session": "{programme_session_id}",
    "kind": "programme",
    "title": "Thông qua Quy chế làm việc của Đại hội",
}
SIGNED_IN_400 = {r: 400 for r in ROLES} | {"anonymous": 401}

ROWS: dict[tuple[str, str], tuple[str, Any, dict[str, int]]] = {
    ("get", C + "/motions/"): (C + "/motions/", None, api_expect(200)),
    ("post", C + "/motions/"): (C + "/motions/", MOTION_BODY, api_expect(201, **KEEPERS)),
    ("get", M + "/"): (M + "/", None, api_expect(200)),
    # The matrix's motion is open: no longer edited nor deleted (400, the service's reason).
    ("put", M + "/"): (M + "/", MOTION_BODY, api_expect(400, **KEEPERS)),
    ("delete", M + "/"): (M + "/", None, api_expect(400, **KEEPERS)),
    ("get", M + "/live/"): (M + "/live/", None, api_expect(200)),
    # Opening an open motion changes nothing; closing it freezes the result.
    ("post", M + "/open/"): (M + "/open/", None, api_expect(200, **KEEPERS)),
    ("post", M + "/close/"): (M + "/close/", None, api_expect(200, **KEEPERS)),
    ("get", C + "/my-votes/"): (C + "/my-votes/", None, api_expect(404, delegate=200)),
    ("get", C + "/my-votes/{motion_id}/"): (
        C + "/my-votes/{motion_id}/",
        None,
        api_expect(404, delegate=200),
    ),
    # The matrix's delegate is not checked in at the session: refused with the reason (400).
    ("post", C + "/my-votes/{motion_id}/"): (
        C + "/my-votes/{motion_id}/",
        {"choice": "yes"},
        api_expect(404, delegate=400),
    ),
}

# No body: the operations' own checks, as through a token.
SESSION_POSTS = {
    "motion_open": ROWS[("post", M + "/open/")][2],
    "motion_close": ROWS[("post", M + "/close/")][2],
}
