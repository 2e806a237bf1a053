"""Chương trình Đại hội: the draft (sessions, items, script lines), its releases, and the print
pages, which print the JSON of the programme's reads."""

from . import C, Target

P = C + "/programme"
SESSION = P + "/sessions/{programme_session_id}/"
ITEM = P + "/items/{programme_item_id}/"
CUE = P + "/cues/{cue_id}/"
PRINTED = (("get", P + "/printed/"), ("get", P + "/releases/{release_number}/"))

COVERAGE: dict[str, Target] = {
    "programme": (("get", P + "/"), ("get", P + "/releases/"), ("get", P + "/sessions/")),
    "publish": (("post", P + "/releases/"),),
    "release-detail": (("get", P + "/releases/{release_number}/"),),
    "print-programme": PRINTED,
    "print-script": PRINTED,
    "session-create": (("post", P + "/sessions/"),),
    "session-detail": (("get", SESSION), ("get", SESSION + "items/")),
    "session-edit": (("get", SESSION), ("put", SESSION)),
    "session-delete": (("delete", SESSION),),
    "item-create": (("post", SESSION + "items/"),),
    "item-edit": (("get", ITEM), ("put", ITEM)),
    "item-delete": (("delete", ITEM),),
    "item-move": (("post", ITEM + "move/"),),
    "cue-create": (("get", ITEM + "cues/"), ("post", ITEM + "cues/")),
    "cue-edit": (("get", CUE), ("put", CUE)),
    "cue-delete": (("delete", CUE),),
}
