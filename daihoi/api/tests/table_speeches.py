"""The rows of `table.py` for the speeches (same shape: (method, path as in the schema): (path
to call, body, expected status per role)). The objects are `daihoi/speeches/tests/matrix.py`'s:
in the opening session one speech delivered, one approved and waiting (with its full-text
file), and the matrix's delegate's own registration, awaiting approval.

The presidium's screens are the administrator's, the secretariat's and the organising
subcommittee's (the leader heads it); the officers and the member are refused (403). Everyone in
the congress reads the record of speeches delivered. A delegate's own registrations are the
delegate's only: everyone else 404, as the pages."""

from typing import Any

from daihoi.testing.matrix import ROLES, expect

C = "/congresses/{congress_id}"
S = C + "/programme/sessions/{programme_session_id}/speeches/"
SPEECH = C + "/speeches/{speech_id}/"
MINE = C + "/my-speeches/"


def api_expect(default: int, **overrides: int) -> dict[str, int]:
    return expect(default, **overrides) | {"anonymous": 401}


NOT_PRESIDIUM = dict(officer=403, officer2=403, member=403)
ONLY_THE_DELEGATE = {r: 404 for r in ROLES} | {"anonymous": 401}
SPEECH_BODY = {"topic": "Phát triển kinh tế biên giới", "summary": "Ba kiến nghị."}

ROWS: dict[tuple[str, str], tuple[str, Any, dict[str, int]]] = {
    ("get", S): (S, None, api_expect(200, **NOT_PRESIDIUM)),
    ("get", S + "speakers/"): (S + "speakers/", None, api_expect(200, **NOT_PRESIDIUM)),
    # The paper form without the delegate: the form asks for one (400).
    ("post", S): (S, SPEECH_BODY, api_expect(400, **NOT_PRESIDIUM)),
    # The approved speech waits and nobody speaks: it is called.
    ("post", S + "call-next/"): (S + "call-next/", None, api_expect(200, **NOT_PRESIDIUM)),
    ("get", S + "delivered/"): (S + "delivered/", None, api_expect(200)),
    ("get", SPEECH): (SPEECH, None, api_expect(200, **NOT_PRESIDIUM)),
    ("get", SPEECH + "text/"): (SPEECH + "text/", None, api_expect(200, **NOT_PRESIDIUM)),
    # The approved speech is first of those waiting, the delegate's own after it.
    ("post", SPEECH + "move/"): (
        SPEECH + "move/",
        {"step": "down"},
        api_expect(200, **NOT_PRESIDIUM),
    ),
    # Already approved: approving again is refused with the service's reason (400).
    ("post", SPEECH + "approve/"): (SPEECH + "approve/", None, api_expect(400, **NOT_PRESIDIUM)),
    ("post", SPEECH + "decline/"): (
        SPEECH + "decline/",
        {"reason": "Trùng nội dung với tham luận đã trình bày"},
        api_expect(200, **NOT_PRESIDIUM),
    ),
    ("post", SPEECH + "withdraw/"): (SPEECH + "withdraw/", None, api_expect(200, **NOT_PRESIDIUM)),
    ("post", SPEECH + "deliver/"): (
        SPEECH + "deliver/",
        {"minutes": 6},
        api_expect(200, **NOT_PRESIDIUM),
    ),
    ("get", C + "/board/"): (C + "/board/", None, api_expect(200, **NOT_PRESIDIUM)),
    ("post", C + "/board/items/{programme_item_id}/"): (
        C + "/board/items/{programme_item_id}/",
        None,
        api_expect(200, **NOT_PRESIDIUM),
    ),
    ("get", MINE): (MINE, None, ONLY_THE_DELEGATE | {"delegate": 200}),
    # The delegate is already registered in the session (400).
    ("post", MINE + "sessions/{programme_session_id}/"): (
        MINE + "sessions/{programme_session_id}/",
        SPEECH_BODY,
        ONLY_THE_DELEGATE | {"delegate": 400},
    ),
    ("post", MINE + "{own_speech_id}/withdraw/"): (
        MINE + "{own_speech_id}/withdraw/",
        None,
        ONLY_THE_DELEGATE | {"delegate": 200},
    ),
    ("get", MINE + "{own_speech_id}/text/"): (
        MINE + "{own_speech_id}/text/",
        None,
        ONLY_THE_DELEGATE | {"delegate": 200},
    ),
}

# The registrations take a file: posted as multipart/form-data.
MULTIPART = (
    "/programme/sessions/{programme_session_id}/speeches/",
    "/my-speeches/sessions/{programme_session_id}/",
)

SIGNED_IN_400 = {r: 400 for r in ROLES} | {"anonymous": 401}


def _as_token(method: str, path: str) -> dict[str, int]:
    return ROWS[(method, path)][2]


# A signed-in page posting a form: the operations reading a JSON body refuse it (400); those
# reading a form or nothing answer with their own checks, as through a token.
SESSION_POSTS = {
    "speech_call_next": _as_token("post", S + "call-next/"),
    "speech_move": SIGNED_IN_400,
    "speech_approve": _as_token("post", SPEECH + "approve/"),
    "speech_decline": SIGNED_IN_400,
    "speech_withdraw": _as_token("post", SPEECH + "withdraw/"),
    "speech_deliver": SIGNED_IN_400,
    "speech_board_item": _as_token("post", C + "/board/items/{programme_item_id}/"),
    "my_speech_register": _as_token("post", MINE + "sessions/{programme_session_id}/"),
    "my_speech_withdraw": _as_token("post", MINE + "{own_speech_id}/withdraw/"),
}
