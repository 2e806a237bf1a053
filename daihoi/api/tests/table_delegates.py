"""The rows of `table.py` for the delegates (Đại biểu) and the delegate's own area (same shape:
(method, path as in the schema): (path to call, body, expected status per role)). The objects
are `daihoi/delegates/tests/matrix.py`'s: a delegate (leader of a discussion group), an alternate
of the same delegation outside any group, a printed badge batch, a session at the gate, the gate
duty of officer2. The roster is kept by the secretariat, the administrator and the leader (head
of the organising subcommittee); the member reads names; officer2 holds the gate duty."""

from typing import Any

from daihoi.testing.matrix import MANAGERS_ONLY, ROLES, expect

C = "/congresses/{congress_id}"
D = C + "/delegates/{delegate_id}/"
G = C + "/discussion-groups/{discussion_group_id}/"
S = C + "/checkin-sessions/{session_id}/"
B = C + "/badge-batches/{batch_id}/"


def api_expect(default: int, **overrides: int) -> dict[str, int]:
    return expect(default, **overrides) | {"anonymous": 401}


# Personal data and the roster's upkeep: the roster keepers only (as the pages).
KEEPERS = dict(member=403, officer=403, officer2=403)
# The names: everyone who sees the whole congress and the gate (officer has neither).
READERS = dict(officer=403)
# The gate: the keepers and officer2 (the gate duty).
AT_THE_GATE = dict(member=403, officer=403)
# A printed batch for anyone but the keepers is a missing one, as the PDF's page.
BATCH_KEEPERS = dict(member=404, officer=404, officer2=404)

DELEGATE_BODY = {
    "kind": "official",
    "full_name": "Trần Thị Hồng Nhung",
    "gender": "female",
    "delegation": "{api_delegation_id}",
    "birth_year": 1978,
    "party_joined_on": "03/02/2002",
    "position": "Bí thư Đảng ủy phường",
}
SIGNED_IN_400 = {r: 400 for r in ROLES} | {"anonymous": 401}
NOT_POSTED = {r: 405 for r in ROLES}

ROWS: dict[tuple[str, str], tuple[str, Any, dict[str, int]]] = {
    ("get", C + "/delegates/"): (C + "/delegates/", None, api_expect(200, **READERS)),
    ("post", C + "/delegates/"): (C + "/delegates/", DELEGATE_BODY, api_expect(201, **KEEPERS)),
    ("get", D): (D, None, api_expect(200, **KEEPERS)),
    ("put", D): (D, DELEGATE_BODY, api_expect(200, **KEEPERS)),
    ("get", D + "history/"): (D + "history/", None, api_expect(200, **KEEPERS)),
    ("post", D + "replace/"): (
        D + "replace/",
        {
            "substitute": "{api_alternate_id}",
            "reason": "Chuyển công tác ra ngoài tỉnh",
            "decided_on": "01/09/2020",
        },
        api_expect(200, **KEEPERS),
    ),
    # The matrix's delegate has no photo: 404 inside, as for a missing file; without a file
    # the keepers are told to choose one.
    ("get", D + "photo/"): (D + "photo/", None, api_expect(404)),
    ("post", D + "photo/"): (D + "photo/", {}, api_expect(400, **KEEPERS)),
    ("get", C + "/delegations/"): (C + "/delegations/", None, api_expect(200, **KEEPERS)),
    ("post", C + "/delegations/"): (
        C + "/delegations/",
        {"name": "Đoàn Đảng bộ huyện Sa Thầy", "order": 3},
        api_expect(201, **KEEPERS),
    ),
    # Without a file, the keepers are told it is required.
    ("post", C + "/roster-import/"): (C + "/roster-import/", {}, api_expect(400, **KEEPERS)),
    ("get", C + "/roster-import/template/"): (
        C + "/roster-import/template/",
        None,
        api_expect(200, **KEEPERS),
    ),
    **{
        ("get", C + path): (C + path, None, api_expect(200, **KEEPERS))
        for path in (
            "/delegate-statistics/",
            "/delegate-statistics/xlsx/",
            "/delegate-statistics/docx/",
        )
    },
    ("get", C + "/discussion-groups/"): (
        C + "/discussion-groups/",
        None,
        api_expect(200, **READERS),
    ),
    ("post", C + "/discussion-groups/"): (
        C + "/discussion-groups/",
        {"name": "Tổ thảo luận số 2", "place": "Phòng họp số 3"},
        api_expect(201, **KEEPERS),
    ),
    ("get", G): (G, None, api_expect(200, **READERS)),
    ("get", C + "/discussion-groups/ungrouped/"): (
        C + "/discussion-groups/ungrouped/",
        None,
        api_expect(200, **READERS),
    ),
    ("post", G + "members/"): (
        G + "members/",
        {"delegate": "{api_alternate_id}", "role": "member"},
        api_expect(201, **KEEPERS),
    ),
    ("post", G + "delegations/"): (
        G + "delegations/",
        {"delegation": "{api_delegation_id}"},
        api_expect(200, **KEEPERS),
    ),
    ("delete", G + "members/{member_id}/"): (
        G + "members/{member_id}/",
        None,
        api_expect(204, **KEEPERS),
    ),
    ("get", C + "/badge-batches/"): (C + "/badge-batches/", None, api_expect(200, **KEEPERS)),
    ("post", C + "/badge-batches/"): (C + "/badge-batches/", {}, api_expect(202, **KEEPERS)),
    ("get", B): (B, None, api_expect(200, **BATCH_KEEPERS)),
    ("get", B + "pdf/"): (B + "pdf/", None, api_expect(200, **BATCH_KEEPERS)),
    ("get", C + "/checkin-sessions/"): (
        C + "/checkin-sessions/",
        None,
        api_expect(200, **AT_THE_GATE),
    ),
    ("post", C + "/checkin-sessions/"): (
        C + "/checkin-sessions/",
        {"name": "Phiên bế mạc", "day": "23/10/2020", "hour": "14:00"},
        api_expect(201, **KEEPERS),
    ),
    # A code that is no badge: refused at the gate (200, "refused"), as the page.
    ("post", S + "scans/"): (
        S + "scans/",
        {"code": "khong-phai-the"},
        api_expect(200, **AT_THE_GATE),
    ),
    ("post", S + "check-ins/"): (
        S + "check-ins/",
        {"delegate": "{delegate_id}"},
        api_expect(200, **AT_THE_GATE),
    ),
    ("get", S + "search/"): (S + "search/?q=ngoc", None, api_expect(200, **AT_THE_GATE)),
    ("get", S + "headcount/"): (S + "headcount/", None, api_expect(200, **READERS)),
    ("get", C + "/checkin-headcount/"): (
        C + "/checkin-headcount/",
        None,
        api_expect(200, **READERS),
    ),
    # Delegates' accounts and duties: the secretariat's.
    ("get", C + "/delegate-accounts/"): (
        C + "/delegate-accounts/",
        None,
        api_expect(200, **MANAGERS_ONLY),
    ),
    ("post", C + "/delegate-accounts/create-all/"): (
        C + "/delegate-accounts/create-all/",
        None,
        api_expect(200, **MANAGERS_ONLY),
    ),
    ("post", D + "account/"): (D + "account/", {}, api_expect(201, **MANAGERS_ONLY)),
    # The world's delegate has an account never used: its slip is printed.
    ("post", C + "/delegate-accounts/slips/"): (
        C + "/delegate-accounts/slips/",
        {},
        api_expect(200, **MANAGERS_ONLY),
    ),
    ("get", C + "/delegate-duties/"): (
        C + "/delegate-duties/",
        None,
        api_expect(200, **MANAGERS_ONLY),
    ),
    ("post", C + "/delegate-duties/"): (
        C + "/delegate-duties/",
        {"user": "{api_duty_user_id}", "kind": "credentials"},
        api_expect(201, **MANAGERS_ONLY),
    ),
    ("delete", C + "/delegate-duties/{duty_id}/"): (
        C + "/delegate-duties/{duty_id}/",
        None,
        api_expect(204, **MANAGERS_ONLY),
    ),
    # The delegate's own area: the delegate only; everyone else, the administrator too, 404.
    ("get", C + "/my-delegate-area/"): (
        C + "/my-delegate-area/",
        None,
        {r: 404 for r in ROLES} | {"anonymous": 401, "delegate": 200},
    ),
}

# Sent as multipart/form-data (they take files).
MULTIPART = ("/roster-import/", "/photo/")

# What the POST-only operations answer a signed-in session posting a form: those reading a JSON
# body refuse it (400); those reading a form or nothing answer with their own checks.
SESSION_POSTS: dict[str, dict[str, int]] = {
    "delegate_replace": SIGNED_IN_400,
    "roster_import": ROWS[("post", C + "/roster-import/")][2],
    "group_assign": SIGNED_IN_400,
    "group_assign_delegation": SIGNED_IN_400,
    "group_remove": NOT_POSTED,
    "delegate_duty_remove": NOT_POSTED,
    "delegate_account_create_all": ROWS[("post", C + "/delegate-accounts/create-all/")][2],
    "delegate_account_create": SIGNED_IN_400,
    "delegate_slips_issue": SIGNED_IN_400,
    "gate_scan": SIGNED_IN_400,
    "gate_check_in_by_name": SIGNED_IN_400,
}
