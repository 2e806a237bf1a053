"""Cuộc họp: lịch họp, biên bản, kết luận, giấy mời, thông báo kết luận, tài liệu."""

from . import C, Target

M = C + "/meetings/{meeting_id}"

COVERAGE: dict[str, Target] = {
    "meeting-list": (("get", C + "/meetings/"),),
    "meeting-create": (("get", C + "/meetings/agenda-proposals/"), ("post", C + "/meetings/")),
    "meeting-detail": (("get", M + "/"), ("get", M + "/history/")),
    "meeting-edit": (("put", M + "/"),),
    "meeting-record": (("post", M + "/record/"),),
    "conclusion-add": (("post", M + "/conclusions/"),),
    "conclusion-task": (("post", M + "/conclusions/{conclusion_id}/task/"),),
    "issue-invitation": (("post", M + "/invitation/"),),
    "issue-notice": (("post", M + "/notice/"),),
    "meeting-cancel": (("post", M + "/cancel/"),),
    "meeting-delete": (("delete", M + "/"),),
    "meeting-attach": (("post", M + "/attachments/"),),
    "meeting-attachment": (("get", M + "/attachments/{file_id}/"),),
}
