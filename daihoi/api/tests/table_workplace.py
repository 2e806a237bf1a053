"""The rows of `table.py` for a user's own workplace and the congress's administration: the
"Hôm nay" boards, API tokens and webhooks (same shape: (method, path as in the schema):
(path to call, body, expected status per role))."""

from daihoi.testing.matrix import MANAGERS_ONLY, ROLES, expect

C = "/congresses/{congress_id}"
A = C + "/accounts/{account_id}/"


def api_expect(default: int, **overrides: int) -> dict[str, int]:
    return expect(default, **overrides) | {"anonymous": 401}


WEBHOOK_BODY = {
    "name": "Hệ thống theo dõi nhiệm vụ",
    "url": "https://vanban.example.vn/nhan",
    "events": ["task.assigned", "task.completed"],
}

ROWS = {
    # Each role's own board and duties; outside the congress: 404.
    ("get", C + "/today/"): (C + "/today/", None, api_expect(200)),
    ("get", C + "/my-duties/"): (C + "/my-duties/", None, api_expect(200)),
    # A congress's webhooks: the secretariat's, as the pages.
    ("get", C + "/webhooks/"): (C + "/webhooks/", None, api_expect(200, **MANAGERS_ONLY)),
    ("post", C + "/webhooks/"): (C + "/webhooks/", WEBHOOK_BODY, api_expect(201, **MANAGERS_ONLY)),
    ("get", C + "/webhooks/{webhook_id}/"): (
        C + "/webhooks/{webhook_id}/",
        None,
        api_expect(200, **MANAGERS_ONLY),
    ),
    ("put", C + "/webhooks/{webhook_id}/"): (
        C + "/webhooks/{webhook_id}/",
        WEBHOOK_BODY,
        api_expect(200, **MANAGERS_ONLY),
    ),
    ("delete", C + "/webhooks/{webhook_id}/"): (
        C + "/webhooks/{webhook_id}/",
        None,
        api_expect(204, **MANAGERS_ONLY),
    ),
    ("get", C + "/webhooks/{webhook_id}/deliveries/"): (
        C + "/webhooks/{webhook_id}/deliveries/",
        None,
        api_expect(200, **MANAGERS_ONLY),
    ),
    # The congress's accounts: the secretariat's; the matrix's account is the member's (active,
    # with a password, no e-mail: unlocking it, inviting it again or mailing it a reset is refused
    # with the service's reason).
    ("get", C + "/accounts/"): (C + "/accounts/", None, api_expect(200, **MANAGERS_ONLY)),
    ("post", C + "/accounts/"): (
        C + "/accounts/",
        {"email": "nguoimoi@example.vn", "full_name": "Lê Văn Mới", "role": "member"},
        api_expect(201, **MANAGERS_ONLY),
    ),
    ("get", A): (A, None, api_expect(200, **MANAGERS_ONLY)),
    ("put", A): (A, {"role": "leader"}, api_expect(200, **MANAGERS_ONLY)),
    ("delete", A): (A, None, api_expect(204, **MANAGERS_ONLY)),
    ("post", A + "deactivate/"): (A + "deactivate/", None, api_expect(200, **MANAGERS_ONLY)),
    ("post", A + "reactivate/"): (A + "reactivate/", None, api_expect(400, **MANAGERS_ONLY)),
    ("post", A + "password-reset/"): (
        A + "password-reset/",
        None,
        api_expect(400, **MANAGERS_ONLY),
    ),
    ("post", A + "reinvite/"): (A + "reinvite/", None, api_expect(400, **MANAGERS_ONLY)),
    # The agency import (the set-up's): the preview wants a file (the secretariat is told,
    # 400); the confirmation wants the preview's signed rows (400 without them).
    ("get", C + "/agency-import/template/"): (
        C + "/agency-import/template/",
        None,
        api_expect(200, **MANAGERS_ONLY),
    ),
    ("post", C + "/agency-import/"): (
        C + "/agency-import/",
        {},
        api_expect(400, **MANAGERS_ONLY),
    ),
    ("post", C + "/agency-import/confirm/"): (
        C + "/agency-import/confirm/",
        {"token": "khong-hop-le"},
        api_expect(400, **MANAGERS_ONLY),
    ),
    # Every user's own tokens; a token never makes another (403); the matrix's token is the
    # officer's: anyone else's request to revoke it answers 404.
    ("get", "/tokens/"): ("/tokens/", None, {r: 200 for r in ROLES} | {"anonymous": 401}),
    ("post", "/tokens/"): (
        "/tokens/",
        {"name": "Hệ thống văn bản", "scope": "read", "days": 30},
        {r: 403 for r in ROLES} | {"anonymous": 401},
    ),
    ("post", "/tokens/{token_id}/revoke/"): (
        "/tokens/{token_id}/revoke/",
        None,
        {r: 404 for r in ROLES} | {"anonymous": 401, "officer": 200},
    ),
}
