"""The rows of `table.py` for the group discussion (same shape: (method, path as in the
schema): (path to call, body, expected status per role)). The objects are
`daihoi/discussion/tests/matrix.py`'s: the political report's draft, a comment standing alone
and a theme of another comment. The secretariat and the administrator (the Document
subcommittee's rights) record for any group and synthesise; readers of the whole congress read
the overview, the synthesis and the report; an agency's officer has no part (403). The
matrix's delegate is no group's secretary: the overview opens, a group's records refuse."""

from typing import Any

from daihoi.testing.matrix import ROLES, expect

C = "/congresses/{congress_id}"
D = C + "/discussion"
COMMENT = D + "/comments/{group_comment_id}/"
DRAFT = D + "/drafts/{discussed_draft_id}/"
THEME = D + "/themes/{comment_theme_id}/"
GROUP_COMMENTS = D + "/groups/{discussion_group_id}/comments/"


def api_expect(default: int, **overrides: int) -> dict[str, int]:
    return expect(default, **overrides) | {"anonymous": 401}


READERS = dict(officer=403, officer2=403)
RECORDERS = dict(leader=403, member=403, officer=403, officer2=403)
COMMENT_BODY = {"text": "Đề nghị làm rõ chỉ tiêu giảm nghèo bền vững.", "supporters": 3}
SIGNED_IN_400 = {r: 400 for r in ROLES} | {"anonymous": 401}

ROWS: dict[tuple[str, str], tuple[str, Any, dict[str, int]]] = {
    ("get", D + "/"): (D + "/", None, api_expect(200, **READERS, delegate=200)),
    ("get", GROUP_COMMENTS): (
        GROUP_COMMENTS,
        None,
        api_expect(200, **RECORDERS, delegate=403),
    ),
    ("post", GROUP_COMMENTS): (
        GROUP_COMMENTS,
        COMMENT_BODY | {"draft": "{discussed_draft_id}"},
        api_expect(201, **RECORDERS, delegate=403),
    ),
    ("get", COMMENT): (COMMENT, None, api_expect(200, **RECORDERS, delegate=403)),
    ("put", COMMENT): (COMMENT, COMMENT_BODY, api_expect(200, **RECORDERS, delegate=403)),
    ("delete", COMMENT): (COMMENT, None, api_expect(204, **RECORDERS, delegate=403)),
    ("post", COMMENT + "resolve/"): (
        COMMENT + "resolve/",
        {"resolution": "accepted", "reason": "Đã bổ sung vào mục I.1"},
        api_expect(200, **RECORDERS),
    ),
    ("get", DRAFT): (DRAFT, None, api_expect(200, **READERS)),
    ("post", DRAFT + "themes/"): (
        DRAFT + "themes/",
        {"comments": ["{group_comment_id}"], "summary": "Bổ sung chỉ tiêu thu ngân sách"},
        api_expect(201, **RECORDERS),
    ),
    ("get", DRAFT + "report/docx/"): (DRAFT + "report/docx/", None, api_expect(200, **READERS)),
    ("get", THEME): (THEME, None, api_expect(200, **RECORDERS)),
    ("put", THEME): (
        THEME,
        {"summary": "Làm rõ vùng trồng dược liệu", "resolution": "accepted"},
        api_expect(200, **RECORDERS),
    ),
    ("post", THEME + "dissolve/"): (THEME + "dissolve/", None, api_expect(200, **RECORDERS)),
}

SESSION_POSTS = {
    "group_comment_resolve": SIGNED_IN_400,
    "discussion_theme_create": SIGNED_IN_400,
    # No body: the operation's own checks, as through a token.
    "discussion_theme_dissolve": ROWS[("post", THEME + "dissolve/")][2],
}
