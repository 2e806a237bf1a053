"""The rows of `table.py` for consultation on drafts (same shape: (method, path as in the
schema): (path to call, body, expected status per role)). The matrix's consultation
(`daihoi/consultation/tests/matrix.py`): a working rule drafted by Văn phòng Tỉnh ủy, sent to
Ban Tuyên giáo (officer, who commented on Điều 2, still pending) and to the committee's head
(the leader's person), not to Sở Tài chính (officer2) nor the member, who do not see it."""

from typing import Any

from daihoi.testing.matrix import ROLES, expect

C = "/congresses/{congress_id}"
CO = C + "/consultations/{consultation_id}/"


def api_expect(default: int, **overrides: int) -> dict[str, int]:
    return expect(default, **overrides) | {"anonymous": 401}


NOT_ASKED = dict(officer2=404, member=404)
# The drafting side: the secretariat, the leaders, Văn phòng Tỉnh ủy's officers (none here).
DRAFTERS = dict(officer=403, **NOT_ASKED)
DEADLINE = "31/12/2099"

ROWS: dict[tuple[str, str], tuple[str, Any, dict[str, int]]] = {
    ("get", C + "/consultations/"): (C + "/consultations/", None, api_expect(200)),
    # An agency sends drafts of its own only: Sở Tài chính's officer is told so (400).
    ("post", C + "/consultations/"): (
        C + "/consultations/",
        {
            "title": "Dự thảo Quy chế phối hợp tuyên truyền Đại hội",
            "kind": "QC",
            "drafting_agency": "{btg}",
            "deadline": DEADLINE,
            "body": "Điều 1. Phạm vi\nQuy chế quy định việc phối hợp.",
            "agencies": ["{svh}"],
        },
        api_expect(201, officer2=400, member=403),
    ),
    ("get", CO): (CO, None, api_expect(200, **NOT_ASKED)),
    ("get", CO + "drafts/{draft_id}/"): (
        CO + "drafts/{draft_id}/",
        None,
        api_expect(200, **NOT_ASKED),
    ),
    ("get", CO + "drafts/{draft_id}/file/"): (
        CO + "drafts/{draft_id}/file/",
        None,
        api_expect(200, **NOT_ASKED),
    ),
    ("post", CO + "drafts/"): (
        CO + "drafts/",
        {
            "body": "Điều 1. Phạm vi điều chỉnh\nĐiều 2. Nguyên tắc làm việc, chế độ báo cáo",
            "note": "Bổ sung chế độ báo cáo",
            "deadline": DEADLINE,
            "agencies": ["{btg}"],
        },
        api_expect(201, **DRAFTERS),
    ),
    ("get", CO + "comments/"): (CO + "comments/", None, api_expect(200, **NOT_ASKED)),
    # Only those asked answer: the secretariat was not (403).
    ("post", CO + "comments/"): (
        CO + "comments/",
        {"whole": "Đề nghị bổ sung trách nhiệm của Thường trực"},
        api_expect(201, admin=403, secretariat=403, **NOT_ASKED),
    ),
    ("post", CO + "comments/{comment_id}/resolve/"): (
        CO + "comments/{comment_id}/resolve/",
        {"resolution": "accepted"},
        api_expect(200, **DRAFTERS),
    ),
    ("post", CO + "remind/"): (CO + "remind/", None, api_expect(200, **DRAFTERS)),
    ("post", CO + "share/"): (CO + "share/", {"shared": True}, api_expect(200, **DRAFTERS)),
    # Ban Tuyên giáo's comment is not taken yet: the service's reason (400).
    ("post", CO + "adopt/"): (
        CO + "adopt/",
        {"body": "Quy chế làm việc của Tiểu ban (bản thông qua)"},
        api_expect(400, **DRAFTERS),
    ),
    ("get", CO + "synthesis/docx/"): (CO + "synthesis/docx/", None, api_expect(200, **DRAFTERS)),
}

MULTIPART = ("/consultations/", "/consultations/{consultation_id}/drafts/")

SIGNED_IN_400 = {r: 400 for r in ROLES} | {"anonymous": 401}
SESSION_POSTS = {
    # A form without the new text: the drafting side is told to fill it (400).
    "draft_revise": api_expect(400, **DRAFTERS),
    "comment_resolve": SIGNED_IN_400,
    "consultation_share": SIGNED_IN_400,
    "consultation_adopt": SIGNED_IN_400,
    # No body: the operation's own checks, as through a token.
    "consultation_remind": ROWS[("post", CO + "remind/")][2],
}
