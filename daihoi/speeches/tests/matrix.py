"""The speeches pages in the permission matrix (see `daihoi/testing/matrix.py`).

The presidium's screens follow `programme.permissions.can_preside`: the administrator, the
secretariat and the organising subcommittee (the matrix's leader heads it) run them; the
officers and the member are refused (403). Everyone in the congress reads the printed record of
speeches delivered."""

from daihoi.programme.models import Session
from daihoi.programme.tests.helpers import opening_session, secretariat
from daihoi.testing.matrix import ROLES, expect

from .. import services
from .helpers import delegates, register, speech_pdf

NOT_PRESIDIUM = dict(officer=403, officer2=403, member=403)
# The delegate's own page: the delegate only (everyone else, the presidium included, 404).
ONLY_THE_DELEGATE = {r: 404 for r in ROLES} | {"anonymous": 302}

ROWS = {
    "speeches:queue": ("get", expect(200, **NOT_PRESIDIUM)),
    "speeches:register": ("get", expect(200, **NOT_PRESIDIUM)),
    "speeches:call-next": ("post", expect(302, **NOT_PRESIDIUM)),
    "speeches:print-delivered": ("get", expect(200)),
    "speeches:speech-detail": ("get", expect(200, **NOT_PRESIDIUM)),
    # A delegate's full-text file: the presidium's helpers; the delegate reads only their own.
    "speeches:speech-text": ("get", expect(200, **NOT_PRESIDIUM)),
    "speeches:speech-move": ("post", expect(302, **NOT_PRESIDIUM)),
    "speeches:speech-approve": ("post", expect(302, **NOT_PRESIDIUM)),
    "speeches:speech-decline": ("post", expect(302, **NOT_PRESIDIUM)),
    "speeches:speech-withdraw": ("post", expect(302, **NOT_PRESIDIUM)),
    "speeches:speech-deliver": ("post", expect(302, **NOT_PRESIDIUM)),
    "speeches:board": ("get", expect(200, **NOT_PRESIDIUM)),
    "speeches:board-item": ("post", expect(302, **NOT_PRESIDIUM)),
    "speeches:mine": ("get", ONLY_THE_DELEGATE | {"delegate": 200}),
    "speeches:mine-register": ("get", ONLY_THE_DELEGATE | {"delegate": 200}),
    "speeches:mine-withdraw": ("post", ONLY_THE_DELEGATE | {"delegate": 302}),
    "speeches:mine-text": ("get", ONLY_THE_DELEGATE | {"delegate": 200}),
}

KWARG_KEYS = [
    ["congress_id", "speech_id"],
    ["congress_id", "own_speech_id"],
]


def objects(world, base: dict) -> dict:
    """An opening session (the programme's, when its matrix made one) with one approved
    speech waiting (with its full-text file) and one delivered."""
    access = secretariat(world)
    made = base.get("programme_session_id")
    session = Session.objects.get(pk=made) if made else opening_session(world)
    first, second = delegates(access, 2)
    done = register(access, session, first)
    services.speech_approve(access=access, speech=done)
    services.speech_call_next(access=access, session=session)
    services.speech_deliver(access=access, speech=done, minutes=7)
    waiting = register(
        access, session, second, topic="Phát triển du lịch cộng đồng", text_file=speech_pdf()
    )
    services.speech_approve(access=access, speech=waiting)
    ids = {"programme_session_id": session.pk, "speech_id": waiting.pk}
    if getattr(world, "delegate", None) is not None:  # the matrix's delegate, with an account
        ids["own_speech_id"] = register(
            access, session, world.delegate, topic="Nông thôn mới", text_file=speech_pdf()
        ).pk
    return ids
