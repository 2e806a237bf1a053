"""The rows of `table.py` for the history of a record: each answers exactly as the record's own
detail does (the same access function), so who may not open the record gets 404 here too."""

from typing import Any

from daihoi.testing.matrix import expect

C = "/congresses/{congress_id}"


def api_expect(default: int, **overrides: int) -> dict[str, int]:
    return expect(default, **overrides) | {"anonymous": 401}


# Finance's officer (officer2) opens no record of Ban Tuyên giáo's; a plan and an estimate of
# the world are open to every member of the congress, as their detail pages.
_RECORDS = {
    "/tasks/{task_id}/": api_expect(200, officer2=404),
    "/plans/{plan_id}/": api_expect(200),
    "/meetings/{meeting_id}/": api_expect(200, officer2=404),
    "/documents/{document_id}/": api_expect(200, officer2=404),
    "/incoming/{incoming_id}/": api_expect(200, officer2=404),
    "/estimates/{estimate_id}/": api_expect(200),
    "/submissions/{submission_id}/": api_expect(200, officer2=404),
}

ROWS: dict[tuple[str, str], tuple[str, Any, dict[str, int]]] = {
    ("get", C + record + "history/"): (C + record + "history/", None, expected)
    for record, expected in _RECORDS.items()
}
