"""Thông báo."""

from . import UI_ONLY, Target

COVERAGE: dict[str, Target] = {
    "list": (("get", "/notifications/"),),
    "preferences": (("get", "/notifications/preferences/"), ("put", "/notifications/preferences/")),
    "unread-badge": UI_ONLY + "menu counter fragment; GET /notifications/?unread=true lists them",
    "mark-all-read": (("post", "/notifications/read-all/"),),
    "open": (("post", "/notifications/{notification_id}/read/"),),
    "mark-read": (("post", "/notifications/{notification_id}/read/"),),
}
