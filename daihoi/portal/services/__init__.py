"""Every change users cause on the portal: articles, reader comments and moderation, the public
consultation on drafts."""

from .articles import (
    ArticleFields,
    article_publish,
    article_save,
    article_unpublish,
    category_save,
    validate_image,
)
from .comments import (
    Decision,
    Sent,
    article_seen,
    comment_post,
    is_banned,
    moderate,
)
from .consultation import (
    CLOSED,
    FrontEntry,
    front_submission_enter,
    public_comment_post,
    public_consultation_open,
    theme_assign,
    theme_create,
    theme_resolve,
)

__all__ = [
    "CLOSED",
    "ArticleFields",
    "Decision",
    "FrontEntry",
    "Sent",
    "article_publish",
    "article_save",
    "article_seen",
    "article_unpublish",
    "category_save",
    "comment_post",
    "front_submission_enter",
    "is_banned",
    "moderate",
    "public_comment_post",
    "public_consultation_open",
    "theme_assign",
    "theme_create",
    "theme_resolve",
    "validate_image",
]
