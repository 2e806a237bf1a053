"""The rows of `table.py` for the documents for delegates (same shape: (method, path as in the
schema): (path to call, body, expected status per role)). The matrix's document is a PDF of
the opening session, which summons the world's delegate (`daihoi/materials/tests/matrix.py`):
the programme's keepers manage it, the others inside the congress are refused (403), the
delegate reads it from their own area only."""

from typing import Any

from daihoi.testing.matrix import ROLES, expect

C = "/congresses/{congress_id}"
M = C + "/materials/{material_id}/"


def api_expect(default: int, **overrides: int) -> dict[str, int]:
    return expect(default, **overrides) | {"anonymous": 401}


KEEPERS = dict(officer=403, officer2=403, member=403)
ONLY_THE_DELEGATE = {r: 404 for r in ROLES} | {"anonymous": 401, "delegate": 200}

ROWS: dict[tuple[str, str], tuple[str, Any, dict[str, int]]] = {
    ("get", C + "/materials/"): (C + "/materials/", None, api_expect(200, **KEEPERS)),
    # Posted without a file: the form says it is required (400) to the keepers.
    ("post", C + "/materials/"): (
        C + "/materials/",
        {
            "session": "{programme_session_id}",
            "title": "Dự thảo Nghị quyết",
            "kind": "resolution",
            "confidentiality": "normal",
        },
        api_expect(400, **KEEPERS),
    ),
    ("get", M): (M, None, api_expect(200, **KEEPERS)),
    # The session's only document is both first and last: the service's reason (400).
    ("post", M + "move/"): (M + "move/", {"step": "up"}, api_expect(400, **KEEPERS)),
    ("post", M + "withdraw/"): (
        M + "withdraw/",
        {"reason": "Thay bằng bản sửa đổi"},
        api_expect(200, **KEEPERS),
    ),
    # A PDF: nothing to convert again (400).
    ("post", M + "convert/"): (M + "convert/", None, api_expect(400, **KEEPERS)),
    ("get", M + "pdf/"): (M + "pdf/", None, api_expect(200, **KEEPERS)),
    ("get", C + "/my-materials/"): (C + "/my-materials/", None, ONLY_THE_DELEGATE),
    ("get", C + "/my-materials/{material_id}/pdf/"): (
        C + "/my-materials/{material_id}/pdf/",
        None,
        ONLY_THE_DELEGATE,
    ),
}

MULTIPART = ("/materials/",)

SIGNED_IN_400 = {r: 400 for r in ROLES} | {"anonymous": 401}
SESSION_POSTS = {
    # JSON bodies: a signed-in session's form is refused before anything else.
    "material_move": SIGNED_IN_400,
    "material_withdraw": SIGNED_IN_400,
    # No body: the operation's own checks, as through a token.
    "material_convert": ROWS[("post", M + "convert/")][2],
}
