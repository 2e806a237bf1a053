"""The portal's pages in the permission matrix (see `daihoi/testing/matrix.py`)."""

from daihoi.testing.matrix import ROLES, expect

from .helpers import portal_objects

EVERYONE_200 = {r: 200 for r in ROLES}
# The editors' side: the congress's editors, its secretariat and the administrator.
STAFF = {r: 404 for r in ROLES} | {
    "anonymous": 302,
    "admin": 200,
    "secretariat": 200,
    "editor": 200,
}
STAFF_POST = {r: 404 for r in ROLES} | {
    "anonymous": 302,
    "admin": 302,
    "secretariat": 302,
    "editor": 302,
}
# The public consultation's drafting side: the consultation's drafting agency (Văn phòng Tỉnh ủy
# here), the secretariat and committee leaders.
NOT_DRAFTING = dict(officer=403, officer2=403, member=403)

# The shared made-up link key, without its hyphens: the captcha URLs take word characters only.
REPLACES = {"key"}

ROWS = {
    # The public portal answers everyone (no login); the comment forms are read with GET here
    # (their POST is limited per address, which the matrix's one client address would exhaust).
    "portal:home": ("get", EVERYONE_200),
    "portal:category": ("get", EVERYONE_200),
    "portal:kind-list": ("get", EVERYONE_200),
    "portal:article": ("get", EVERYONE_200),
    "portal:article-image": ("get", EVERYONE_200),
    # The matrix's article has a picture but no document to download.
    "portal:article-attachment": ("get", {r: 404 for r in ROLES}),
    "portal:article-comment": ("get", EVERYONE_200),
    "portal:rss": ("get", EVERYONE_200),
    "portal:consultations": ("get", EVERYONE_200),
    "portal:consultation": ("get", EVERYONE_200),
    "portal:consultation-comment": ("get", EVERYONE_200),
    "portal:staff-articles": ("get", STAFF),
    "portal:staff-article-create": ("get", STAFF),
    "portal:staff-article-edit": ("get", STAFF),
    "portal:staff-categories": ("get", STAFF),
    "portal:staff-moderation": ("get", STAFF),
    "portal:staff-article-publish": ("post", STAFF_POST),
    "portal:staff-article-unpublish": ("post", STAFF_POST),
    "portal:staff-moderation-apply": ("post", STAFF_POST),
    "portal:public-list": ("get", expect(200)),
    "portal:public-open": ("get", expect(200, member=403)),
    "portal:public-manage": ("get", expect(200, **NOT_DRAFTING)),
    "portal:front-enter": ("get", expect(200, **NOT_DRAFTING)),
    "portal:synthesis-docx": ("get", expect(200, **NOT_DRAFTING)),
    "portal:theme-save": ("post", expect(302, **NOT_DRAFTING)),
    "portal:theme-resolve": ("post", expect(302, **NOT_DRAFTING)),
    # The captcha's pictures (django-simple-captcha): a key that was never issued (or expired)
    # answers 410 Gone; the refresh asked for outside a script and the audio (no speech engine
    # here) answer 404.
    "captcha-image": ("get", {r: 410 for r in ROLES}),
    "captcha-image-2x": ("get", {r: 410 for r in ROLES}),
    "captcha-audio": ("get", {r: 404 for r in ROLES}),
    "captcha-refresh": ("get", {r: 404 for r in ROLES}),
}

KWARG_KEYS = [
    ["congress_id", "public_id", "theme_id"],
    ["congress_id", "public_id"],
    ["congress_id", "article_id"],
    ["congress_id", "category_id"],
    ["congress_id", "slug"],
]


def objects(world, base: dict) -> dict:
    # The shared made-up link key, without its hyphens: the captcha's URLs take word characters
    # only, and the invitation link it also serves stays as made-up as before.
    return portal_objects(world) | {"key": base["key"].replace("-", "")}
