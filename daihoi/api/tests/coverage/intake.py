"""Nhập từ văn bản: the draft is one operation; saving it is the meeting's own operations."""

from . import C, Target

COVERAGE: dict[str, Target] = {
    "start": (("post", C + "/text-to-tasks/"),),
    "confirm": (
        ("post", C + "/meetings/"),
        ("post", C + "/meetings/{meeting_id}/conclusions/"),
        ("post", C + "/meetings/{meeting_id}/conclusions/{conclusion_id}/task/"),
    ),
}
