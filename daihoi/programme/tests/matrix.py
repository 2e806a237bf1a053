"""The programme pages in the permission matrix (see `daihoi/testing/matrix.py`).

Everyone in the congress reads the programme and prints it; the secretariat, the administrator
and the organising subcommittee's members (the leader heads it) keep it. The others' POSTs are
refused by the service with the 403 page."""

from daihoi.testing.matrix import expect

from .. import services
from .helpers import opening_session, secretariat

KEEPERS = dict(officer=403, officer2=403, member=403)

ROWS = {
    "programme:programme": ("get", expect(200)),
    "programme:publish": ("post", expect(302, **KEEPERS)),
    "programme:release-detail": ("get", expect(200)),
    "programme:print-programme": ("get", expect(200)),
    "programme:print-script": ("get", expect(200)),
    "programme:session-create": ("get", expect(200, **KEEPERS)),
    "programme:session-detail": ("get", expect(200)),
    "programme:session-edit": ("get", expect(200, **KEEPERS)),
    "programme:session-delete": ("post", expect(302, **KEEPERS)),
    "programme:item-create": ("get", expect(200, **KEEPERS)),
    "programme:item-edit": ("get", expect(200, **KEEPERS)),
    "programme:item-delete": ("post", expect(302, **KEEPERS)),
    "programme:item-move": ("post", expect(302, **KEEPERS)),
    "programme:cue-create": ("get", expect(200, **KEEPERS)),
    "programme:cue-edit": ("get", expect(200, **KEEPERS)),
    "programme:cue-delete": ("post", expect(302, **KEEPERS)),
}

KWARG_KEYS = [
    ["congress_id", "programme_session_id", "programme_item_id"],
    ["congress_id", "programme_item_id", "cue_id"],
    ["congress_id", "programme_item_id"],
    ["congress_id", "programme_session_id"],
    ["congress_id", "cue_id"],
    ["congress_id", "release_number"],
]


def objects(world, base: dict) -> dict:
    session = opening_session(world)
    services.programme_publish(access=secretariat(world), note="Bản đầu tiên")
    item = session.items.get(position=1)
    return {
        "programme_session_id": session.pk,
        "programme_item_id": item.pk,
        "cue_id": item.cues.get(position=1).pk,
        "release_number": 1,
    }
