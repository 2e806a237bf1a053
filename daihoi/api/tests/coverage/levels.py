"""Các cấp Đại hội: the parent's schedule, deadlines, roll-up and guidance down, and what the
congress below reads and answers of its parent's."""

from . import C, Target

GUIDANCE = C + "/guidances/{guidance_id}"

COVERAGE: dict[str, Target] = {
    "schedule": (("get", C + "/schedule-below/"), ("get", C + "/level-deadlines/")),
    "subordinate-create": (("post", C + "/subordinates/"),),
    "schedule-edit": (("put", C + "/schedule-below/{child_id}/"),),
    "deadline-set": (("post", C + "/level-deadlines/"),),
    "deadline-remove": (("delete", C + "/level-deadlines/{deadline_id}/"),),
    "parent-set": (("put", C + "/parent/"),),
    "rollup": (("get", C + "/rollup/"),),
    "rollup-xlsx": (("get", C + "/rollup/xlsx/"),),
    "descendant": (("get", C + "/from-above/"),),
    "guidance-list": (("get", C + "/guidances/"), ("get", C + "/guidances-received/")),
    "guidance-create": (("post", C + "/guidances/"),),
    "guidance-detail": (("get", GUIDANCE + "/"), ("get", GUIDANCE + "/recipients/")),
    "item-add": (("post", GUIDANCE + "/items/"),),
    "item-edit": (("put", GUIDANCE + "/items/{guidance_item_id}/"),),
    "guidance-send": (("post", GUIDANCE + "/send/"),),
    "send-progress": (("get", GUIDANCE + "/sends/{send_id}/"),),
    "received-detail": (("get", C + "/guidances-received/{recipient_id}/"),),
    "report-create": (("post", C + "/report-requests-below/"),),
    "reports-received": (("get", C + "/reports-from-above/"),),
    "report-received": (
        ("get", C + "/reports-from-above/{report_recipient_id}/"),
        ("post", C + "/reports-from-above/{report_recipient_id}/submit/"),
    ),
}
