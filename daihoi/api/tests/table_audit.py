"""The rows of `table.py` for the recycle bin (same shape: (method, path as in the schema):
(path to call, body, expected status per role)). The matrix's deleted record is a plan
(`kind` "plan", `object_id`), as the page's row; only the secretariat uses the trash."""

from typing import Any

from daihoi.testing.matrix import MANAGERS_ONLY, expect

C = "/congresses/{congress_id}"


def api_expect(default: int, **overrides: int) -> dict[str, int]:
    return expect(default, **overrides) | {"anonymous": 401}


ROWS: dict[tuple[str, str], tuple[str, Any, dict[str, int]]] = {
    ("get", C + "/trash/"): (C + "/trash/", None, api_expect(200, **MANAGERS_ONLY)),
    ("get", C + "/trash/{kind}/"): (C + "/trash/{kind}/", None, api_expect(200, **MANAGERS_ONLY)),
    ("post", C + "/trash/{kind}/{object_id}/restore/"): (
        C + "/trash/{kind}/{object_id}/restore/",
        None,
        api_expect(200, **MANAGERS_ONLY),
    ),
}

# Restoring reads no body: a signed-in session's form gets the operation's own answers.
SESSION_POSTS = {"trash_restore": ROWS[("post", C + "/trash/{kind}/{object_id}/restore/")][2]}
