"""The consultation pages in the permission matrix (see `daihoi/testing/matrix.py`)."""

from daihoi.testing.matrix import expect

from .helpers import consultation_objects

ROWS = {
    # A working rule sent to Ban Tuyên giáo (officer, who commented) and to the committee's
    # head (the leader's person); not to Sở Tài chính (officer2). The drafting side manages it.
    "consultation:consultation-list": ("get", expect(200)),
    "consultation:consultation-create": ("get", expect(200, member=403)),
    "consultation:consultation-detail": ("get", expect(200, officer2=404, member=404)),
    "consultation:draft-detail": ("get", expect(200, officer2=404, member=404)),
    "consultation:draft-file": ("get", expect(200, officer2=404, member=404)),
    "consultation:comment-submit": (
        "get",
        expect(200, admin=403, secretariat=403, officer2=404, member=404),
    ),
    "consultation:comment-resolve": ("post", expect(302, officer=403, officer2=404, member=404)),
    "consultation:consultation-remind": (
        "post",
        expect(302, officer=403, officer2=404, member=404),
    ),
    "consultation:consultation-share": (
        "post",
        expect(302, officer=403, officer2=404, member=404),
    ),
    "consultation:draft-revise": ("get", expect(200, officer=403, officer2=404, member=404)),
    "consultation:consultation-adopt": ("get", expect(200, officer=403, officer2=404, member=404)),
    "consultation:synthesis-docx": ("get", expect(200, officer=403, officer2=404, member=404)),
}

KWARG_KEYS = [
    ["congress_id", "consultation_id", "comment_id"],
    ["congress_id", "consultation_id", "draft_id"],
    ["congress_id", "consultation_id"],
]


def objects(world, base: dict) -> dict:
    return consultation_objects(world)
