"""The rows of `table.py` for the programme (same shape: (method, path as in the schema): (path
to call, body, expected status per role)). The objects are `daihoi/programme/tests/matrix.py`'s:
the opening session with its two items and the flag salute's script, published as release 1.

Everyone in the congress reads the programme; the secretariat, the administrator and the
organising subcommittee (the leader heads it) keep it; the officers and the member are refused
(403), as on the pages."""

from typing import Any

from daihoi.testing.matrix import ROLES, expect

C = "/congresses/{congress_id}"
P = C + "/programme"
SESSION = P + "/sessions/{programme_session_id}/"
ITEM = P + "/items/{programme_item_id}/"
CUE = P + "/cues/{cue_id}/"


def api_expect(default: int, **overrides: int) -> dict[str, int]:
    return expect(default, **overrides) | {"anonymous": 401}


KEEPERS = dict(officer=403, officer2=403, member=403)
SESSION_BODY = {
    "kind": "working",
    "title": "Phiên làm việc thứ nhất",
    "date": "15/10/2020",
    "start_time": "08:00",
    "end_time": "11:30",
    "place": "Hội trường Trung tâm Hội nghị tỉnh",
}
ITEM_BODY = {"title": "Báo cáo chính trị", "starts_at": "08:00", "minutes": 30}
CUE_BODY = {"actor": "Người dẫn chương trình", "text": "Kính mời đồng chí Bí thư Tỉnh ủy."}

ROWS: dict[tuple[str, str], tuple[str, Any, dict[str, int]]] = {
    ("get", P + "/"): (P + "/", None, api_expect(200)),
    ("get", P + "/printed/"): (P + "/printed/", None, api_expect(200)),
    ("get", P + "/releases/"): (P + "/releases/", None, api_expect(200)),
    # The draft has not changed since release 1: publishing again is refused (400).
    ("post", P + "/releases/"): (P + "/releases/", {"note": "Bản 2"}, api_expect(400, **KEEPERS)),
    ("get", P + "/releases/{release_number}/"): (
        P + "/releases/{release_number}/",
        None,
        api_expect(200),
    ),
    ("get", P + "/sessions/"): (P + "/sessions/", None, api_expect(200)),
    ("post", P + "/sessions/"): (P + "/sessions/", SESSION_BODY, api_expect(201, **KEEPERS)),
    ("get", SESSION): (SESSION, None, api_expect(200)),
    ("put", SESSION): (SESSION, SESSION_BODY, api_expect(200, **KEEPERS)),
    ("delete", SESSION): (SESSION, None, api_expect(204, **KEEPERS)),
    ("get", SESSION + "items/"): (SESSION + "items/", None, api_expect(200)),
    ("post", SESSION + "items/"): (SESSION + "items/", ITEM_BODY, api_expect(201, **KEEPERS)),
    ("get", ITEM): (ITEM, None, api_expect(200)),
    ("put", ITEM): (ITEM, ITEM_BODY, api_expect(200, **KEEPERS)),
    ("delete", ITEM): (ITEM, None, api_expect(204, **KEEPERS)),
    # The flag salute is the session's first item: it moves down.
    ("post", ITEM + "move/"): (ITEM + "move/", {"step": "down"}, api_expect(200, **KEEPERS)),
    ("get", ITEM + "cues/"): (ITEM + "cues/", None, api_expect(200)),
    ("post", ITEM + "cues/"): (ITEM + "cues/", CUE_BODY, api_expect(201, **KEEPERS)),
    ("get", CUE): (CUE, None, api_expect(200)),
    ("put", CUE): (CUE, CUE_BODY, api_expect(200, **KEEPERS)),
    ("delete", CUE): (CUE, None, api_expect(204, **KEEPERS)),
}

# A signed-in page posting a form to an operation that reads a JSON body: refused (400).
SESSION_POSTS = {"programme_item_move": {r: 400 for r in ROLES} | {"anonymous": 401}}
