"""Lấy ý kiến dự thảo: the list, sending, a consultation and its drafts, comments submitted
and resolved, reminders, the shared synthesis, revisions, adoption and the synthesis DOCX."""

from . import C, Target

CO = C + "/consultations/{consultation_id}"

COVERAGE: dict[str, Target] = {
    "consultation-list": (("get", C + "/consultations/"),),
    "consultation-create": (("post", C + "/consultations/"),),
    "consultation-detail": (("get", CO + "/"), ("get", CO + "/comments/")),
    "comment-submit": (("post", CO + "/comments/"),),
    "comment-resolve": (("post", CO + "/comments/{comment_id}/resolve/"),),
    "consultation-remind": (("post", CO + "/remind/"),),
    "consultation-share": (("post", CO + "/share/"),),
    "draft-revise": (("post", CO + "/drafts/"),),
    "consultation-adopt": (("post", CO + "/adopt/"),),
    "synthesis-docx": (("get", CO + "/synthesis/docx/"),),
    "draft-detail": (("get", CO + "/drafts/{draft_id}/"),),
    "draft-file": (("get", CO + "/drafts/{draft_id}/file/"),),
}
