"""Thảo luận tổ: tổng quan, ý kiến của tổ, sửa, xóa, tiếp thu/giải trình, tổng hợp, nhóm ý kiến,
báo cáo DOCX."""

from . import C, Target

D = C + "/discussion"
COMMENT = D + "/comments/{group_comment_id}/"
DRAFT = D + "/drafts/{discussed_draft_id}/"
THEME = D + "/themes/{comment_theme_id}/"
GROUP_COMMENTS = D + "/groups/{discussion_group_id}/comments/"

COVERAGE: dict[str, Target] = {
    "overview": (("get", D + "/"),),
    "group-record": (("get", GROUP_COMMENTS), ("post", GROUP_COMMENTS)),
    "comment-edit": (("get", COMMENT), ("put", COMMENT)),
    "comment-delete": (("delete", COMMENT),),
    "comment-resolve": (("post", COMMENT + "resolve/"),),
    "synthesis": (("get", DRAFT),),
    "theme-create": (("post", DRAFT + "themes/"),),
    "report-docx": (("get", DRAFT + "report/docx/"),),
    "theme-edit": (("get", THEME), ("put", THEME)),
    "theme-dissolve": (("post", THEME + "dissolve/"),),
}
