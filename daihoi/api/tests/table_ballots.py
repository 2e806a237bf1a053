"""The rows of `table.py` for elections (same shape: (method, path as in the schema): (path to
call, body, expected status per role)). The objects are `daihoi/ballots/tests/matrix.py`'s: an
election still being counted (ballot 1 entered by both stations), the member at station A and
the leader at station B, its minutes' PDF already made. The secretariat and the administrator
keep elections and the board; the board enters ballots; the board, the secretariat and the
leaders follow the count and its minutes before it is final."""

from typing import Any

from daihoi.testing.matrix import MANAGERS_ONLY, ROLES, expect

C = "/congresses/{congress_id}"
E = C + "/elections/{election_id}"


def api_expect(default: int, **overrides: int) -> dict[str, int]:
    return expect(default, **overrides) | {"anonymous": 401}


NOT_FOLLOWING = dict(officer=403, officer2=403)
ELECTION_BODY = {
    "title": "Bầu Ban Chấp hành Đảng bộ tỉnh khóa XVI",
    "seats": 2,
    "candidates": "Lê Văn Cường\nTrần Thị Bình\nPhạm Đức Dũng\nNguyễn Văn An",
    "summoned": 12,
    "excused": 5,
    "issued": 10,
}
SIGNED_IN_400 = {r: 400 for r in ROLES} | {"anonymous": 401}

ROWS: dict[tuple[str, str], tuple[str, Any, dict[str, int]]] = {
    ("get", C + "/elections/"): (C + "/elections/", None, api_expect(200)),
    ("post", C + "/elections/"): (
        C + "/elections/",
        ELECTION_BODY,
        api_expect(201, **MANAGERS_ONLY),
    ),
    ("get", E + "/"): (E + "/", None, api_expect(200)),
    ("put", E + "/"): (E + "/", ELECTION_BODY, api_expect(200, **MANAGERS_ONLY)),
    # The officer is on no board of the election yet.
    ("post", E + "/board/"): (
        E + "/board/",
        {"user": "{board_user_id}", "station": "B"},
        api_expect(201, **MANAGERS_ONLY),
    ),
    ("delete", E + "/board/{board_member_id}/"): (
        E + "/board/{board_member_id}/",
        None,
        api_expect(204, **MANAGERS_ONLY),
    ),
    # Only the board's members, each at their own station.
    ("get", E + "/entries/"): (E + "/entries/", None, api_expect(403, member=200, leader=200)),
    ("post", E + "/entries/"): (
        E + "/entries/",
        {"number": 2, "positions": "1 3"},
        api_expect(403, member=201, leader=201),
    ),
    ("get", E + "/minutes/docx/"): (E + "/minutes/docx/", None, api_expect(200, **NOT_FOLLOWING)),
    ("post", E + "/minutes/pdf/"): (E + "/minutes/pdf/", None, api_expect(202, **NOT_FOLLOWING)),
    ("get", E + "/minutes/pdf/"): (E + "/minutes/pdf/", None, api_expect(200, **NOT_FOLLOWING)),
}

SESSION_POSTS = {
    "board_add": SIGNED_IN_400,
    # A removal takes no POST at all.
    "board_remove": {r: 405 for r in ROLES},
}
