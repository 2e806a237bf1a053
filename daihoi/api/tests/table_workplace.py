"""The rows of `table.py` for a user's own workplace and the congress's administration: the
"Hôm nay" boards, accounts, API tokens, webhooks and the congresses at every level (same shape:
(method, path as in the schema): (path to call, body, expected status per role))."""

from daihoi.testing.matrix import expect

C = "/congresses/{congress_id}"


def api_expect(default: int, **overrides: int) -> dict[str, int]:
    return expect(default, **overrides) | {"anonymous": 401}


ROWS = {
    # Each role's own board and duties; outside the congress: 404.
    ("get", C + "/today/"): (C + "/today/", None, api_expect(200)),
    ("get", C + "/my-duties/"): (C + "/my-duties/", None, api_expect(200)),
}
