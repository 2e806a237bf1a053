"""The rows of `table.py` for the portal: its public reads (no token: everyone, anonymous
included, as the public pages), the editors' side (the congress's editors, its secretariat and
the administrator; everyone else 404, as the pages) and the Document subcommittee's side of the
public consultation (its drafting agency, the secretariat and leaders). The objects are
`daihoi/portal/tests/matrix.py`'s: a published article with a picture and no document, a draft
opened to the people, a theme of the Front's comment."""

from typing import Any

from daihoi.testing.matrix import ROLES, expect

C = "/congresses/{congress_id}"
P = "/portal/{congress_id}"
S = C + "/portal"
D = C + "/public-consultations"


def api_expect(default: int, **overrides: int) -> dict[str, int]:
    return expect(default, **overrides) | {"anonymous": 401}


# The public reads answer everyone, with or without a token.
EVERYONE = {r: 200 for r in ROLES}
# The editors' side: anyone but the congress's editors, secretariat and administrator meets 404.
STAFF = ("admin", "secretariat", "editor")


def staff(status: int) -> dict[str, int]:
    return {r: 404 for r in ROLES} | {r: status for r in STAFF} | {"anonymous": 401}


# The drafting side: the drafting agency (Văn phòng Tỉnh ủy), the secretariat and leaders.
NOT_DRAFTING = dict(officer=403, officer2=403, member=403)
ARTICLE_BODY = {
    "kind": "news",
    "category": "{category_id}",
    "title": "Tỉnh ủy họp bàn công tác chuẩn bị Đại hội",
    "body": "Đoạn thứ nhất.\nĐoạn thứ hai.",
    "comments_open": True,
}

ROWS: dict[tuple[str, str], tuple[str, Any, dict[str, int]]] = {
    # The public reads: only what the public pages show.
    ("get", P + "/"): (P + "/", None, EVERYONE),
    ("get", P + "/articles/"): (P + "/articles/", None, EVERYONE),
    ("get", P + "/articles/{article_id}/"): (P + "/articles/{article_id}/", None, EVERYONE),
    ("get", P + "/articles/{article_id}/image/"): (
        P + "/articles/{article_id}/image/",
        None,
        EVERYONE,
    ),
    # The matrix's article has a picture but no document to download.
    ("get", P + "/articles/{article_id}/attachment/"): (
        P + "/articles/{article_id}/attachment/",
        None,
        {r: 404 for r in ROLES},
    ),
    ("get", P + "/consultations/"): (P + "/consultations/", None, EVERYONE),
    ("get", P + "/consultations/{public_id}/"): (
        P + "/consultations/{public_id}/",
        None,
        EVERYONE,
    ),
    ("get", P + "/consultations/{public_id}/comments/"): (
        P + "/consultations/{public_id}/comments/",
        None,
        EVERYONE,
    ),
    # The editors' side.
    ("get", S + "/articles/"): (S + "/articles/", None, staff(200)),
    ("post", S + "/articles/"): (
        S + "/articles/",
        {"kind": "document", "title": "Tài liệu Đại hội", "body": "Toàn văn tài liệu."},
        staff(201),
    ),
    ("get", S + "/articles/{article_id}/"): (S + "/articles/{article_id}/", None, staff(200)),
    ("put", S + "/articles/{article_id}/"): (
        S + "/articles/{article_id}/",
        ARTICLE_BODY,
        staff(200),
    ),
    # Posted without a file, the editors are told to choose one.
    ("post", S + "/articles/{article_id}/files/"): (
        S + "/articles/{article_id}/files/",
        {},
        staff(400),
    ),
    ("post", S + "/articles/{article_id}/publish/"): (
        S + "/articles/{article_id}/publish/",
        {},
        staff(200),
    ),
    ("post", S + "/articles/{article_id}/unpublish/"): (
        S + "/articles/{article_id}/unpublish/",
        None,
        staff(200),
    ),
    ("get", S + "/categories/"): (S + "/categories/", None, staff(200)),
    ("post", S + "/categories/"): (
        S + "/categories/",
        {"name": "Gương người tốt, việc tốt", "position": 2},
        staff(201),
    ),
    ("get", S + "/moderation/comments/"): (S + "/moderation/comments/", None, staff(200)),
    ("get", S + "/moderation/submissions/"): (S + "/moderation/submissions/", None, staff(200)),
    # Nothing chosen: the editors are told to choose (400).
    ("post", S + "/moderation/"): (
        S + "/moderation/",
        {"queue": "comments", "ids": [], "decision": "approve"},
        staff(400),
    ),
    # The drafting side of the public consultation.
    ("get", D + "/"): (D + "/", None, api_expect(200)),
    ("get", D + "/drafts/"): (D + "/drafts/", None, api_expect(200, member=403)),
    # The matrix's only draft is already open to the people: the form refuses it (400).
    ("post", D + "/"): (
        D + "/",
        {"draft": 2**30, "closes_on": "31/12/2099"},
        api_expect(400, member=403),
    ),
    ("get", D + "/{public_id}/"): (D + "/{public_id}/", None, api_expect(200, **NOT_DRAFTING)),
    # No comment chosen: the drafters are told to choose approved ones (400).
    ("post", D + "/{public_id}/themes/"): (
        D + "/{public_id}/themes/",
        {"ids": [], "title": "Về tiêu chuẩn đại biểu"},
        api_expect(400, **NOT_DRAFTING),
    ),
    ("post", D + "/{public_id}/themes/{theme_id}/resolve/"): (
        D + "/{public_id}/themes/{theme_id}/resolve/",
        {"resolution": "accepted", "reason": "Bổ sung vào Điều 3"},
        api_expect(200, **NOT_DRAFTING),
    ),
    ("post", D + "/{public_id}/front/"): (
        D + "/{public_id}/front/",
        {"name": "Ủy ban MTTQ Việt Nam tỉnh", "email": "mttq@example.vn", "whole": "Tán thành"},
        api_expect(201, **NOT_DRAFTING),
    ),
    ("get", D + "/{public_id}/synthesis/docx/"): (
        D + "/{public_id}/synthesis/docx/",
        None,
        api_expect(200, **NOT_DRAFTING),
    ),
}

# The article's create and its files take uploads.
MULTIPART = ("/portal/articles/", "/files/")

# What the POST-only operations answer a signed-in session posting them a form: those reading a
# JSON body refuse it (400); the upload answers with its own checks, as through a token; the
# take-down reads nothing.
SIGNED_IN_400 = {r: 400 for r in ROLES} | {"anonymous": 401}
SESSION_POSTS = {
    "portal_article_files": staff(400),
    "portal_article_publish": SIGNED_IN_400,
    "portal_article_unpublish": staff(200),
    "portal_moderate": SIGNED_IN_400,
    "public_theme_save": SIGNED_IN_400,
    "public_theme_resolve": SIGNED_IN_400,
    "public_front_enter": SIGNED_IN_400,
}
