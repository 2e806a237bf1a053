"""Speeches at a programme session: the presidium's list of speakers (registering from the paper
form, approving, ordering, calling, recording), its board, the printable record of speeches
delivered (a delegate's own registrations: `speeches_mine`)."""

import datetime as dt
from typing import Any, Literal

from django.http import FileResponse, Http404, HttpRequest
from django.utils import timezone
from ninja import File, Form, Router, Schema, Status, UploadedFile

from daihoi.core.exceptions import BusinessError
from daihoi.core.views import stored_file
from daihoi.organizations.permissions import Access
from daihoi.programme.models import Item, Session
from daihoi.programme.permissions import access_item, access_session
from daihoi.speeches import board, selectors, services
from daihoi.speeches.forms import DeclineForm, DeliverForm, PaperSpeechForm
from daihoi.speeches.models import Speech
from daihoi.speeches.permissions import (
    ONLY_PRESIDIUM,
    access_speech,
    can_run_speeches,
)

from ..common import Detail, access, answers, display, form_data, gate, valid, write

router = Router(tags=["Phát biểu tại Đại hội"])

S = "/{congress_id}/programme/sessions/{programme_session_id}/speeches"
SPEECH = "/{congress_id}/speeches/{speech_id}"


class SessionBriefOut(Schema):
    id: int
    title: str
    kind: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    place: str


class SpeechBaseOut(Schema):
    """A registration: its place in the list, state and times; the full-text file's name when
    one is attached (read through `…/text/`)."""

    id: int
    session_id: int
    item_id: int | None
    item_title: str
    topic: str
    summary: str
    full_text: str
    text_file_name: str
    position: int
    state: str
    state_label: str = display("state")
    source: str
    source_label: str = display("source")
    decline_reason: str
    registered_at: dt.datetime
    called_at: dt.datetime | None
    delivered_at: dt.datetime | None
    minutes: int | None

    @staticmethod
    def resolve_item_title(speech: Speech) -> str:
        return speech.item.title if speech.item else ""


class SpeechOut(SpeechBaseOut):
    delegate_id: int
    delegate_name: str
    delegation: str

    @staticmethod
    def resolve_delegate_name(speech: Speech) -> str:
        return speech.delegate.full_name

    @staticmethod
    def resolve_delegation(speech: Speech) -> str:
        return speech.delegate.delegation.name


class QueueOut(Schema):
    """The session's list: who speaks now, who waits (in order), the rest; the counts of the
    approved and of those awaiting approval among the waiting."""

    session: SessionBriefOut
    speaking: SpeechOut | None
    waiting: list[SpeechOut]
    done: list[SpeechOut]
    approved: int
    pending: int


class DeliveredOut(Schema):
    session: SessionBriefOut
    speeches: list[SpeechOut]
    total_minutes: int


class SpeakerOut(Schema):
    id: int
    label: str


class SpeechRegisterIn(Schema):
    """The paper form (multipart): the delegate (id), the programme item (id, empty: the
    session as a whole), topic, summary, the full text typed; `text_file` DOCX or PDF."""

    delegate: int | None = None
    item: int | None = None
    topic: str | None = None
    summary: str | None = None
    full_text: str | None = None


class MoveIn(Schema):
    step: Literal["up", "down"]


class DeclineIn(Schema):
    reason: str | None = None


class DeliverIn(Schema):
    """`minutes` the actual length; left out: counted from the call."""

    minutes: int | None = None


class ItemBriefOut(Schema):
    id: int
    position: int
    title: str
    starts_at: dt.time | None
    minutes: int | None
    presenter: str


class BoardItemOut(ItemBriefOut):
    stage: str


class AttendanceOut(Schema):
    present: int
    summoned: int
    needed: int
    valid: bool
    missing: int
    percent: int


class BoardOut(Schema):
    """The presidium's board: the session under way (or the one chosen), its items with their
    stage (`past`, `current`), the current item — announced by the presidium or, until then,
    by the clock — and the next, the headcount against the quorum, the list of speakers. The
    open vote has its own operations."""

    sessions: list[SessionBriefOut]
    session: SessionBriefOut | None
    chosen: bool
    items: list[BoardItemOut]
    current_item: ItemBriefOut | None
    announced: bool
    next_item: ItemBriefOut | None
    attendance: AttendanceOut | None
    queue: QueueOut | None


class FloorOut(Schema):
    item: ItemBriefOut
    session_id: int
    changed_at: dt.datetime


def _presidium(request: HttpRequest, congress_id: int) -> Access:
    acting = access(request, congress_id)
    gate(can_run_speeches(acting), ONLY_PRESIDIUM)
    return acting


def _session(request: HttpRequest, congress_id: int, session_id: int) -> tuple[Access, Session]:
    """The page's order: the session first (404), then the presidium's gate (403)."""
    acting = access(request, congress_id)
    session = access_session(acting, session_id)
    gate(can_run_speeches(acting), ONLY_PRESIDIUM)
    return acting, session


def _speech(request: HttpRequest, congress_id: int, speech_id: int) -> tuple[Access, Speech]:
    acting = access(request, congress_id)
    speech = access_speech(acting, speech_id)
    gate(can_run_speeches(acting), ONLY_PRESIDIUM)
    return acting, speech


def _queue(session: Session) -> dict[str, Any]:
    queue = selectors.queue_of(session)
    return {
        "session": session,
        "speaking": queue.speaking,
        "waiting": queue.waiting,
        "done": queue.done,
        "approved": queue.approved,
        "pending": queue.pending,
    }


def _fresh(acting: Access, speech_id: int) -> Speech:
    return access_speech(acting, speech_id)


# The presidium's list of speakers -----------------------------------------------------------


@router.get(S + "/", response=answers(QueueOut), summary="Danh sách phát biểu của một phiên")
def speech_queue(request: HttpRequest, congress_id: int, programme_session_id: int) -> dict:
    _, session = _session(request, congress_id, programme_session_id)
    return _queue(session)


@router.get(
    S + "/speakers/",
    response=answers(list[SpeakerOut]),
    summary="Đại biểu chính thức có thể đăng ký phát biểu (cho phiếu đăng ký giấy)",
)
def speech_speakers(request: HttpRequest, congress_id: int, programme_session_id: int) -> list:
    _, session = _session(request, congress_id, programme_session_id)
    return [
        {"id": pk, "label": label} for pk, label in selectors.speakers_choices(session) if pk != ""
    ]


@router.post(
    S + "/",
    response=answers(SpeechOut, 201),
    summary="Đăng ký phát biểu cho đại biểu theo phiếu đăng ký giấy (multipart, kèm tệp toàn văn)",
)
def speech_register(
    request: HttpRequest,
    congress_id: int,
    programme_session_id: int,
    payload: Form[SpeechRegisterIn],
    text_file: File[UploadedFile] | None = None,
) -> Status:
    acting, session = _session(request, congress_id, programme_session_id)
    form = valid(
        PaperSpeechForm(
            request.POST,
            request.FILES,
            session=session,
            choices=selectors.speakers_choices(session),
        )
    )
    speech = write(
        request,
        lambda: services.speech_register(
            access=acting,
            session=session,
            delegate=form.chosen_delegate(),
            fields=form.speech_fields(),
        ),
    )
    return Status(201, _fresh(acting, speech.pk))


@router.post(
    S + "/call-next/",
    response=answers(SpeechOut),
    summary="Mời phát biểu: đại biểu đã duyệt đầu tiên trong danh sách chờ",
)
def speech_call_next(request: HttpRequest, congress_id: int, programme_session_id: int) -> Speech:
    acting = access(request, congress_id)
    session = access_session(acting, programme_session_id)
    gate(can_run_speeches(acting), ONLY_PRESIDIUM)
    speech = write(request, lambda: services.speech_call_next(access=acting, session=session))
    return _fresh(acting, speech.pk)


@router.get(
    S + "/delivered/",
    response=answers(DeliveredOut),
    summary="Các ý kiến đã phát biểu tại phiên, theo thứ tự (bản in)",
)
def speech_delivered(request: HttpRequest, congress_id: int, programme_session_id: int) -> dict:
    session = access_session(access(request, congress_id), programme_session_id)
    speeches = selectors.delivered_of(session)
    return {
        "session": session,
        "speeches": speeches,
        "total_minutes": sum(s.minutes or 0 for s in speeches),
    }


@router.get(SPEECH + "/", response=answers(SpeechOut), summary="Một đăng ký phát biểu")
def speech_detail(request: HttpRequest, congress_id: int, speech_id: int) -> Speech:
    return _speech(request, congress_id, speech_id)[1]


@router.get(
    SPEECH + "/text/",
    response=answers(Detail),
    summary="Tải tệp toàn văn bài phát biểu đại biểu gửi kèm",
)
def speech_text(request: HttpRequest, congress_id: int, speech_id: int) -> FileResponse:
    acting, speech = _speech(request, congress_id, speech_id)
    try:
        stored = write(request, lambda: services.speech_text_file(access=acting, speech=speech))
    except BusinessError:
        raise Http404 from None
    return stored_file(stored, speech.text_file_name)


@router.post(
    SPEECH + "/move/",
    response=answers(QueueOut),
    summary="Đổi thứ tự phát biểu: lên (`up`) hoặc xuống (`down`) một bậc",
)
def speech_move(request: HttpRequest, congress_id: int, speech_id: int, payload: MoveIn) -> dict:
    acting, speech = _speech(request, congress_id, speech_id)
    step = -1 if payload.step == "up" else 1
    write(request, lambda: services.speech_move(access=acting, speech=speech, step=step))
    return _queue(speech.session)


@router.post(SPEECH + "/approve/", response=answers(SpeechOut), summary="Duyệt đăng ký phát biểu")
def speech_approve(request: HttpRequest, congress_id: int, speech_id: int) -> Speech:
    acting, speech = _speech(request, congress_id, speech_id)
    write(request, lambda: services.speech_approve(access=acting, speech=speech))
    return _fresh(acting, speech_id)


@router.post(
    SPEECH + "/decline/", response=answers(SpeechOut), summary="Không duyệt đăng ký phát biểu"
)
def speech_decline(
    request: HttpRequest, congress_id: int, speech_id: int, payload: DeclineIn
) -> Speech:
    acting, speech = _speech(request, congress_id, speech_id)
    form = valid(DeclineForm(form_data(payload)))
    reason = form.cleaned_data["reason"]
    write(request, lambda: services.speech_decline(access=acting, speech=speech, reason=reason))
    return _fresh(acting, speech_id)


@router.post(
    SPEECH + "/withdraw/",
    response=answers(SpeechOut),
    summary="Ghi đại biểu rút đăng ký phát biểu (đại biểu xin rút, vắng khi được mời)",
)
def speech_withdraw(request: HttpRequest, congress_id: int, speech_id: int) -> Speech:
    acting, speech = _speech(request, congress_id, speech_id)
    write(request, lambda: services.speech_withdraw(access=acting, speech=speech))
    return _fresh(acting, speech_id)


@router.post(
    SPEECH + "/deliver/",
    response=answers(SpeechOut),
    summary="Ghi nhận đại biểu đã phát biểu, với thời gian thực tế",
)
def speech_deliver(
    request: HttpRequest, congress_id: int, speech_id: int, payload: DeliverIn
) -> Speech:
    acting, speech = _speech(request, congress_id, speech_id)
    form = valid(DeliverForm(form_data(payload)))
    minutes = form.cleaned_data["minutes"]
    write(request, lambda: services.speech_deliver(access=acting, speech=speech, minutes=minutes))
    return _fresh(acting, speech_id)


# The presidium's board ----------------------------------------------------------------------


def _stage(index: int, current: int | None) -> str:
    if current is None:
        return ""
    return "current" if index == current else ("past" if index < current else "")


@router.get(
    "/{congress_id}/board/",
    response=answers(BoardOut),
    summary="Màn hình điều hành của Đoàn Chủ tịch",
    description="`session`: xem phiên đã chọn; bỏ trống: phiên đang diễn ra theo giờ, phiên có "
    "mục đang điều hành, phiên sắp tới, hoặc phiên cuối.",
)
def speech_board(request: HttpRequest, congress_id: int, session: int | None = None) -> dict:
    acting = _presidium(request, congress_id)
    sessions = board.sessions_of(acting.congress)
    floor = board.floor_of(acting.congress)
    chosen = next((s for s in sessions if s.pk == session), None)
    shown = chosen or board.session_now(sessions, floor, timezone.now())
    answer: dict[str, Any] = {
        "sessions": sessions,
        "session": shown,
        "chosen": chosen is not None,
        "items": [],
        "current_item": None,
        "announced": False,
        "next_item": None,
        "attendance": None,
        "queue": None,
    }
    if shown is None:
        return answer
    items = board.items_of(shown)
    current = board.item_now(shown, items, floor, timezone.now())
    index = next(
        (n for n, item in enumerate(items) if current.item and item.pk == current.item.pk), None
    )
    if index is not None and index + 1 < len(items):
        following: Item | None = items[index + 1]
    else:
        following = items[0] if index is None and items else None
    for n, item in enumerate(items):
        item.stage = _stage(n, index)  # type: ignore[attr-defined]
    return answer | {
        "items": items,
        "current_item": current.item,
        "announced": current.announced,
        "next_item": following,
        "attendance": board.attendance_of(shown),
        "queue": _queue(shown),
    }


@router.post(
    "/{congress_id}/board/items/{programme_item_id}/",
    response=answers(FloorOut),
    summary="Chuyển sang mục chương trình này (mục đang điều hành)",
)
def speech_board_item(request: HttpRequest, congress_id: int, programme_item_id: int) -> dict:
    acting = access(request, congress_id)
    item = access_item(acting, programme_item_id)
    gate(can_run_speeches(acting), ONLY_PRESIDIUM)
    floor = write(request, lambda: services.floor_set_item(access=acting, item=item))
    return {"item": item, "session_id": item.session_id, "changed_at": floor.changed_at}
