"""The levels pages in the permission matrix (see `daihoi/testing/matrix.py`).

The schedule is read by the secretariat and subcommittee leaders and kept by the secretariat;
the parent link is the system administrator's. `parent` and `sibling` are made here."""

from daihoi.testing.matrix import MANAGERS_ONLY, expect

from .helpers import build_tree, guidance_objects, report_objects

READERS = dict(officer=403, officer2=403, member=403)
NOT_OVERSEEING = dict(member=404, officer=404, officer2=404)

ROWS = {
    "levels:schedule": ("get", expect(200, **READERS)),
    "levels:subordinate-create": ("get", expect(200, **MANAGERS_ONLY)),
    "levels:schedule-edit": ("get", expect(200, **MANAGERS_ONLY)),
    "levels:deadline-set": ("get", expect(200, **MANAGERS_ONLY)),
    "levels:deadline-remove": ("post", expect(302, **MANAGERS_ONLY)),
    "levels:parent-set": ("get", expect(403, admin=200)),
    "levels:rollup": ("get", expect(200, **READERS)),
    "levels:rollup-xlsx": ("get", expect(200, **READERS)),
    # The congress itself read from above: its own people, and the parent's secretariat (read
    # only); the sibling sees nothing of it.
    "levels:descendant": ("get", expect(200, parent=200)),
    # Guidance: written and sent by the secretariat, followed by the leaders; the lower level
    # (here the world's congress, under the national one) reads what it received.
    "levels:guidance-list": ("get", expect(200, officer=403, officer2=403)),
    "levels:guidance-create": ("get", expect(200, **MANAGERS_ONLY)),
    "levels:guidance-detail": ("get", expect(200, **NOT_OVERSEEING)),
    "levels:item-add": ("get", expect(200, leader=403, **NOT_OVERSEEING)),
    "levels:item-edit": ("get", expect(200, leader=403, **NOT_OVERSEEING)),
    "levels:guidance-send": ("post", expect(302, leader=403, **NOT_OVERSEEING)),
    "levels:send-progress": ("get", expect(200, **NOT_OVERSEEING)),
    "levels:received-detail": ("get", expect(200)),
    # Reports up: the secretariat asks the congresses below; the world's congress answers what
    # the national one asked (its secretariat sends, its leaders and members read).
    "levels:report-create": ("get", expect(200, **MANAGERS_ONLY)),
    "levels:reports-received": ("get", expect(200, officer=403, officer2=403)),
    "levels:report-received": ("get", expect(200, officer=403, officer2=403)),
}

KWARG_KEYS = [
    ["congress_id", "guidance_id", "guidance_item_id"],
    ["congress_id", "guidance_id", "send_id"],
    ["congress_id", "guidance_id"],
    ["congress_id", "recipient_id"],
    ["congress_id", "report_recipient_id"],
    ["congress_id", "child_id"],
    ["congress_id", "deadline_id"],
]


def objects(world, base: dict) -> dict:
    return build_tree(world) | guidance_objects(world) | report_objects(world)
