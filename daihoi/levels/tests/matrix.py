"""The levels pages in the permission matrix (see `daihoi/testing/matrix.py`).

The schedule is read by the secretariat and subcommittee leaders and kept by the secretariat;
the parent link is the system administrator's. `parent` and `sibling` are made here."""

from daihoi.testing.matrix import MANAGERS_ONLY, expect

from .helpers import build_tree

READERS = dict(officer=403, officer2=403, member=403)

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
}

KWARG_KEYS = [["congress_id", "child_id"], ["congress_id", "deadline_id"]]


def objects(world, base: dict) -> dict:
    return build_tree(world)
