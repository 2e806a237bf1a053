"""The portal's pages in the API: the public reads need no token (other systems syndicate the
articles); the editors' side and the drafting side take a token with the pages' permissions."""

from . import UI_ONLY, C, Target

P = "/portal/{congress_id}"
S = C + "/portal"
D = C + "/public-consultations"

CAPTCHA = (
    UI_ONLY + "the citizens' comment form is protected by a captcha and a per-address limit "
    "against anonymous robots; systems read the approved comments with "
)

COVERAGE: dict[str, Target] = {
    "home": (("get", P + "/"),),
    "category": (("get", P + "/articles/"),),  # ?category=<id>
    "kind-list": (("get", P + "/articles/"),),  # ?kind=programme|document|result
    "article": (("get", P + "/articles/{article_id}/"),),
    "article-image": (("get", P + "/articles/{article_id}/image/"),),
    "article-attachment": (("get", P + "/articles/{article_id}/attachment/"),),
    "article-comment": CAPTCHA + "GET " + P + "/articles/{article_id}/",
    # The feed's items are the latest published articles, as the list gives them.
    "rss": (("get", P + "/articles/"),),
    "consultations": (("get", P + "/consultations/"),),
    "consultation": (("get", P + "/consultations/{public_id}/"),),
    # The page shows a section's approved comments; sending one is the captcha form (UI only).
    "consultation-comment": (("get", P + "/consultations/{public_id}/comments/"),),
    "staff-articles": (("get", S + "/articles/"),),
    "staff-article-create": (("post", S + "/articles/"), ("get", S + "/categories/")),
    "staff-article-edit": (
        ("get", S + "/articles/{article_id}/"),
        ("put", S + "/articles/{article_id}/"),
        ("post", S + "/articles/{article_id}/files/"),
    ),
    "staff-article-publish": (("post", S + "/articles/{article_id}/publish/"),),
    "staff-article-unpublish": (("post", S + "/articles/{article_id}/unpublish/"),),
    "staff-categories": (("get", S + "/categories/"), ("post", S + "/categories/")),
    "staff-moderation": (
        ("get", S + "/moderation/comments/"),
        ("get", S + "/moderation/submissions/"),
    ),
    "staff-moderation-apply": (("post", S + "/moderation/"),),
    "public-list": (("get", D + "/"),),
    "public-open": (("get", D + "/drafts/"), ("post", D + "/")),
    "public-manage": (("get", D + "/{public_id}/"),),
    "theme-save": (("post", D + "/{public_id}/themes/"),),
    "theme-resolve": (("post", D + "/{public_id}/themes/{theme_id}/resolve/"),),
    "front-enter": (("post", D + "/{public_id}/front/"),),
    "synthesis-docx": (("get", D + "/{public_id}/synthesis/docx/"),),
}
