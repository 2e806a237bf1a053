"""Phát biểu tại Đại hội: the presidium's list of speakers per programme session, its board,
the printable record of speeches delivered, and a delegate's own registrations."""

from . import C, Target

S = C + "/programme/sessions/{programme_session_id}/speeches/"
SPEECH = C + "/speeches/{speech_id}/"
MINE = C + "/my-speeches/"

COVERAGE: dict[str, Target] = {
    "queue": (("get", S),),
    "register": (("get", S + "speakers/"), ("post", S)),
    "call-next": (("post", S + "call-next/"),),
    "print-delivered": (("get", S + "delivered/"),),
    "speech-detail": (("get", SPEECH),),
    "speech-text": (("get", SPEECH + "text/"),),
    "speech-move": (("post", SPEECH + "move/"),),
    "speech-approve": (("post", SPEECH + "approve/"),),
    "speech-decline": (("post", SPEECH + "decline/"),),
    "speech-withdraw": (("post", SPEECH + "withdraw/"),),
    "speech-deliver": (("post", SPEECH + "deliver/"),),
    "board": (("get", C + "/board/"),),
    "board-item": (("post", C + "/board/items/{programme_item_id}/"),),
    "mine": (("get", MINE),),
    "mine-register": (("get", MINE), ("post", MINE + "sessions/{programme_session_id}/")),
    "mine-withdraw": (("post", MINE + "{own_speech_id}/withdraw/"),),
    "mine-text": (("get", MINE + "{own_speech_id}/text/"),),
}
