"""The propaganda pages in the permission matrix (see `daihoi/testing/matrix.py`).

Everyone of the congress reads; the secretariat, the administrator and the propaganda
subcommittee (the leader's person sits on it, see helpers.propaganda_objects) write; the officer
of Ban Tuyên giáo, which carries out the item, may add its photo proof and move its state.
"""

from daihoi.testing.matrix import expect

from .helpers import propaganda_objects

READ = expect(200)
WRITE = expect(403, admin=200, secretariat=200, leader=200)
PROOF = expect(403, admin=200, secretariat=200, leader=200, officer=200)
# The matrix posts an invalid state: the refusal comes back as a message on the item's page.
PROOF_POST = expect(403, admin=302, secretariat=302, leader=302, officer=302)

ROWS = {
    "propaganda:item-list": ("get", READ),
    "propaganda:item-detail": ("get", READ),
    "propaganda:item-map": ("get", READ),
    "propaganda:dashboard-block": ("get", READ),
    "propaganda:photo-file": ("get", READ),
    "propaganda:item-create": ("get", WRITE),
    "propaganda:item-edit": ("get", WRITE),
    "propaganda:photo-add": ("get", PROOF),
    "propaganda:item-state": ("post", PROOF_POST),
    "propaganda:slogan-list": ("get", READ),
    "propaganda:slogan-create": ("get", WRITE),
    "propaganda:slogan-edit": ("get", WRITE),
    "propaganda:route-list": ("get", READ),
    "propaganda:route-create": ("get", WRITE),
    "propaganda:route-edit": ("get", WRITE),
    "propaganda:route-print": ("get", READ),
    "propaganda:route-xlsx": ("get", READ),
    "propaganda:media": ("get", READ),
    "propaganda:outlet-create": ("get", WRITE),
    "propaganda:outlet-edit": ("get", WRITE),
    "propaganda:column-create": ("get", WRITE),
    "propaganda:column-edit": ("get", WRITE),
    "propaganda:piece-create": ("get", WRITE),
    "propaganda:piece-edit": ("get", WRITE),
    "propaganda:event-list": ("get", READ),
    "propaganda:event-create": ("get", WRITE),
    "propaganda:event-edit": ("get", WRITE),
}

KWARG_KEYS = [
    ["congress_id", "visual_id"],
    ["congress_id", "proof_id"],
    ["congress_id", "slogan_id"],
    ["congress_id", "route_id"],
    ["congress_id", "outlet_id"],
    ["congress_id", "column_id"],
    ["congress_id", "piece_id"],
    ["congress_id", "event_id"],
]


def objects(world, base: dict) -> dict:
    return propaganda_objects(world)
