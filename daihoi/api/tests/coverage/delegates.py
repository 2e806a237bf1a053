"""Đại biểu: the roster, delegations, import, discussion groups, statistics, badges, the gate,
the headcount, delegates' accounts and duties."""

from . import C, Target

D = C + "/delegates/{delegate_id}/"
G = C + "/discussion-groups/{discussion_group_id}/"
S = C + "/checkin-sessions/{session_id}/"

COVERAGE: dict[str, Target] = {
    "delegate-list": (("get", C + "/delegates/"),),
    "delegate-create": (("post", C + "/delegates/"),),
    "delegate-detail": (("get", D), ("get", D + "history/")),
    "delegate-edit": (("put", D), ("post", D + "photo/")),
    "delegate-replace": (("post", D + "replace/"),),
    "delegate-photo": (("get", D + "photo/"),),
    "delegation-list": (("get", C + "/delegations/"), ("post", C + "/delegations/")),
    "roster-import": (("post", C + "/roster-import/"),),
    "roster-template": (("get", C + "/roster-import/template/"),),
    "group-list": (
        ("get", C + "/discussion-groups/"),
        ("post", C + "/discussion-groups/"),
        ("get", C + "/discussion-groups/ungrouped/"),
    ),
    # The printable lists are the groups with their members.
    "group-print": (("get", C + "/discussion-groups/"),),
    "group-detail": (("get", G),),
    "group-assign": (("post", G + "members/"), ("post", G + "delegations/")),
    "group-remove": (("delete", G + "members/{member_id}/"),),
    "statistics": (("get", C + "/delegate-statistics/"),),
    "statistics-xlsx": (("get", C + "/delegate-statistics/xlsx/"),),
    "statistics-docx": (("get", C + "/delegate-statistics/docx/"),),
    "badge-list": (("get", C + "/badge-batches/"), ("get", C + "/badge-batches/{batch_id}/")),
    "badge-print": (("post", C + "/badge-batches/"),),
    "badge-pdf": (("get", C + "/badge-batches/{batch_id}/pdf/"),),
    # The gate's phone page: its sessions, and the camera's code posted as a scan.
    "gate": (("get", C + "/checkin-sessions/"), ("post", S + "scans/")),
    "session-create": (("post", C + "/checkin-sessions/"),),
    "headcount-now": (("get", C + "/checkin-headcount/"),),
    "scan": (("post", S + "scans/"),),
    "check-in-by-name": (("post", S + "check-ins/"),),
    "gate-search": (("get", S + "search/"),),
    "headcount": (("get", S + "headcount/"),),
    "account-list": (("get", C + "/delegate-accounts/"),),
    "account-create-all": (("post", C + "/delegate-accounts/create-all/"),),
    # The slips' printable page: the passwords made now, returned once as JSON.
    "slips-print": (("post", C + "/delegate-accounts/slips/"),),
    "account-create": (("post", D + "account/"),),
    "duty-list": (("get", C + "/delegate-duties/"), ("post", C + "/delegate-duties/")),
    "duty-remove": (("delete", C + "/delegate-duties/{duty_id}/"),),
}
