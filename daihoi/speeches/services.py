"""Every change to the list of speakers and to the floor's current item.

Each write on a session's list locks the programme session row first (positions and "one
speaker at a time" are per session), then reads the speeches it changes; each is audited on the
speech (the floor's changes on the congress).
"""

from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from daihoi.core.audit import record
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require
from daihoi.core.uploads import validate_attachment
from daihoi.delegates.models import Delegate
from daihoi.organizations.permissions import Access
from daihoi.programme.models import Item, Session

from .models import Floor, Speech, SpeechAction
from .permissions import ONLY_PRESIDIUM, can_read_speech_text, can_run_speeches

MAX_SPEECH_MINUTES = 120
ALREADY_REGISTERED = "Đại biểu này đã đăng ký phát biểu trong phiên này."
TEXT_FILE_KINDS = (".docx", ".pdf")


@dataclass(frozen=True)
class SpeechFields:
    topic: str
    summary: str
    full_text: str = ""
    item: Item | None = None
    # The full text as a file (DOCX or PDF), checked by `speech_register`.
    text_file: UploadedFile | None = None


def _lock_session(access: Access, session: Session) -> Session:
    locked = Session.objects.select_for_update().filter(pk=session.pk).first()
    if locked is None or locked.congress_id != access.congress.pk:
        raise BusinessError("Phiên này không còn trong chương trình.")
    return locked


def _check_fields(session: Session, fields: SpeechFields) -> None:
    if not fields.topic.strip():
        raise BusinessError("Vui lòng nhập chủ đề phát biểu.", field="topic")
    if not fields.summary.strip():
        raise BusinessError("Vui lòng nhập tóm tắt nội dung phát biểu.", field="summary")
    if fields.item is not None and fields.item.session_id != session.pk:
        raise BusinessError("Mục chương trình chọn không thuộc phiên này.", field="item")
    if fields.text_file is not None:
        _check_text_file(fields.text_file)


def _check_text_file(upload: UploadedFile) -> None:
    """Word (.docx) or PDF only, within the attachments' size limit, its content opening as its
    kind (`core.uploads`)."""
    name = upload.name or ""
    if not name.lower().endswith(TEXT_FILE_KINDS):
        raise BusinessError(
            f"Tệp toàn văn “{name}” không nhận: chỉ nhận tệp Word (.docx) hoặc PDF.",
            field="text_file",
        )
    try:
        validate_attachment(upload)
    except BusinessError as error:
        raise BusinessError(error.message, field="text_file") from None


def _check_delegate(session: Session, delegate: Delegate) -> None:
    if delegate.congress_id != session.congress_id or not delegate.is_active:
        raise BusinessError("Đại biểu chọn không có trong danh sách Đại hội.", field="delegate")
    if delegate.kind != Delegate.Kind.OFFICIAL:
        raise BusinessError(
            "Chỉ đại biểu chính thức được đăng ký phát biểu tại Đại hội.", field="delegate"
        )


@transaction.atomic
def speech_register(
    *,
    access: Access,
    session: Session,
    delegate: Delegate,
    fields: SpeechFields,
    source: str = Speech.Source.PAPER,
) -> Speech:
    """Puts the delegate at the end of the session's list, waiting for approval. The
    secretariat registers anyone from a paper form; a delegate registers only themself."""
    if source == Speech.Source.PAPER:
        require(can_run_speeches(access), ONLY_PRESIDIUM)
    else:
        require(access.delegate_id == delegate.pk)
    session = _lock_session(access, session)
    _check_delegate(session, delegate)
    _check_fields(session, fields)
    if Speech.objects.filter(session=session, delegate=delegate, state__in=Speech.HELD).exists():
        raise BusinessError(ALREADY_REGISTERED, field="delegate")
    last = Speech.objects.filter(session=session).aggregate(last=Max("position"))["last"] or 0
    speech = Speech(
        congress=access.congress,
        session=session,
        delegate=delegate,
        item=fields.item,
        topic=fields.topic.strip(),
        summary=fields.summary.strip(),
        full_text=fields.full_text.strip(),
        position=last + 1,
        source=source,
        registered_by=access.user,
    )
    upload = fields.text_file
    if upload is not None:
        speech.text_file_name = (upload.name or "toan-van")[-255:]
        speech.text_file_size = upload.size or 0
        speech.text_file.save(speech.text_file_name, upload, save=False)
    try:
        with transaction.atomic():
            speech.save()
    except IntegrityError:
        if speech.text_file:
            speech.text_file.delete(save=False)
        raise BusinessError(ALREADY_REGISTERED, field="delegate") from None
    record(
        access,
        SpeechAction.REGISTERED,
        speech,
        data={
            "delegate": delegate.full_name,
            "topic": speech.topic,
            "source": source,
            "text_file": speech.text_file_name,
        },
    )
    return speech


@transaction.atomic
def speech_text_file(*, access: Access, speech: Speech) -> FieldFile:
    """The speech's full-text file, for the presidium's helpers or the delegate who registered
    it; each download is audited (who read the text before it was delivered)."""
    require(can_read_speech_text(access, speech), ONLY_PRESIDIUM)
    if not speech.text_file:
        raise BusinessError("Đăng ký này không kèm tệp toàn văn.")
    record(access, SpeechAction.TEXT_DOWNLOADED, speech, data={"file": speech.text_file_name})
    return speech.text_file


def _locked_speech(access: Access, speech: Speech) -> tuple[Session, Speech]:
    require(can_run_speeches(access), ONLY_PRESIDIUM)
    session = _lock_session(access, speech.session)
    fresh = Speech.objects.select_related("delegate").filter(pk=speech.pk).first()
    if fresh is None or fresh.session_id != session.pk:
        raise BusinessError("Đăng ký phát biểu này không còn.")
    return session, fresh


def _refuse_unless(speech: Speech, *states: str) -> None:
    if speech.state not in states:
        raise BusinessError(
            f"Đăng ký của đại biểu {speech.delegate.full_name} đang ở trạng thái "
            f"“{speech.get_state_display()}”, không thực hiện được thao tác này."
        )


@transaction.atomic
def speech_move(*, access: Access, speech: Speech, step: int) -> Speech:
    """Swaps the speech with its neighbour above (`step` -1) or below (+1) among those still
    waiting to speak."""
    session, speech = _locked_speech(access, speech)
    _refuse_unless(speech, Speech.State.REQUESTED, Speech.State.APPROVED)
    queue = list(
        Speech.objects.filter(
            session=session, state__in=[Speech.State.REQUESTED, Speech.State.APPROVED]
        ).order_by("position", "pk")
    )
    index = next(i for i, row in enumerate(queue) if row.pk == speech.pk)
    target = index + (1 if step > 0 else -1)
    if not 0 <= target < len(queue):
        raise BusinessError("Đại biểu đã ở đầu hoặc cuối danh sách chờ.")
    other = queue[target]
    speech.position, other.position = other.position, speech.position
    Speech.objects.filter(pk=speech.pk).update(position=speech.position)
    Speech.objects.filter(pk=other.pk).update(position=other.position)
    record(
        access,
        SpeechAction.MOVED,
        speech,
        data={"delegate": speech.delegate.full_name, "to": target + 1},
    )
    return speech


@transaction.atomic
def speech_approve(*, access: Access, speech: Speech) -> Speech:
    _, speech = _locked_speech(access, speech)
    _refuse_unless(speech, Speech.State.REQUESTED)
    speech.state = Speech.State.APPROVED
    speech.save(update_fields=["state"])
    record(access, SpeechAction.APPROVED, speech, data={"delegate": speech.delegate.full_name})
    return speech


@transaction.atomic
def speech_decline(*, access: Access, speech: Speech, reason: str = "") -> Speech:
    _, speech = _locked_speech(access, speech)
    _refuse_unless(speech, Speech.State.REQUESTED, Speech.State.APPROVED)
    speech.state = Speech.State.DECLINED
    speech.decline_reason = reason.strip()[:300]
    speech.save(update_fields=["state", "decline_reason"])
    record(
        access,
        SpeechAction.DECLINED,
        speech,
        data={"delegate": speech.delegate.full_name},
        reason=speech.decline_reason,
    )
    return speech


@transaction.atomic
def speech_call_next(*, access: Access, session: Session) -> Speech:
    """Mời phát biểu: the first approved speech in order becomes the one speaking. Refused
    while someone is still speaking, and when no approved speech waits."""
    require(can_run_speeches(access), ONLY_PRESIDIUM)
    session = _lock_session(access, session)
    speaking = (
        Speech.objects.select_related("delegate")
        .filter(session=session, state=Speech.State.CALLED)
        .first()
    )
    if speaking is not None:
        raise BusinessError(
            f"Đồng chí {speaking.delegate.full_name} đang phát biểu: ghi nhận đã phát biểu "
            "hoặc rút trước khi mời đại biểu tiếp theo."
        )
    speech = (
        Speech.objects.select_related("delegate")
        .filter(session=session, state=Speech.State.APPROVED)
        .order_by("position", "pk")
        .first()
    )
    if speech is None:
        pending = Speech.objects.filter(session=session, state=Speech.State.REQUESTED).count()
        raise BusinessError(
            "Không còn đại biểu nào đã được duyệt trong danh sách chờ phát biểu."
            + (f" Còn {pending} đăng ký chờ duyệt." if pending else "")
        )
    speech.state = Speech.State.CALLED
    speech.called_at = timezone.now()
    speech.save(update_fields=["state", "called_at"])
    record(access, SpeechAction.CALLED, speech, data={"delegate": speech.delegate.full_name})
    return speech


@transaction.atomic
def speech_deliver(*, access: Access, speech: Speech, minutes: int | None = None) -> Speech:
    """Records the speech as delivered. Without `minutes`, its length is the time since it was
    called (at least one minute)."""
    _, speech = _locked_speech(access, speech)
    _refuse_unless(speech, Speech.State.CALLED, Speech.State.APPROVED)
    now = timezone.now()
    if minutes is None and speech.called_at is not None:
        minutes = max(1, round((now - speech.called_at).total_seconds() / 60))
    if minutes is not None and not 1 <= minutes <= MAX_SPEECH_MINUTES:
        raise BusinessError(
            f"Thời gian phát biểu phải từ 1 đến {MAX_SPEECH_MINUTES} phút.", field="minutes"
        )
    speech.state = Speech.State.DELIVERED
    speech.delivered_at = now
    speech.minutes = minutes
    speech.save(update_fields=["state", "delivered_at", "minutes"])
    record(
        access,
        SpeechAction.DELIVERED,
        speech,
        data={"delegate": speech.delegate.full_name, "minutes": minutes},
    )
    return speech


@transaction.atomic
def speech_withdraw(*, access: Access, speech: Speech) -> Speech:
    """Withdrawn by the presidium (the delegate asked, or was absent when called), or by the
    delegate themself while not yet called."""
    own = access.delegate_id == speech.delegate_id
    if own and not can_run_speeches(access):
        session = _lock_session(access, speech.session)
        fresh = Speech.objects.select_related("delegate").filter(pk=speech.pk).first()
        if fresh is None or fresh.session_id != session.pk:
            raise BusinessError("Đăng ký phát biểu này không còn.")
        speech = fresh
        _refuse_unless(speech, Speech.State.REQUESTED, Speech.State.APPROVED)
    else:
        _, speech = _locked_speech(access, speech)
        _refuse_unless(speech, *Speech.WAITING)
    speech.state = Speech.State.WITHDRAWN
    speech.save(update_fields=["state"])
    record(access, SpeechAction.WITHDRAWN, speech, data={"delegate": speech.delegate.full_name})
    return speech


@transaction.atomic
def floor_set_item(*, access: Access, item: Item) -> Floor:
    """Announces `item` as the programme item now under way (the board shows it). The presidium
    moves it by hand: sessions run late or early, so the clock only suggests."""
    require(can_run_speeches(access), ONLY_PRESIDIUM)
    if item.session.congress_id != access.congress.pk:
        raise BusinessError("Mục chọn không thuộc chương trình Đại hội này.")
    floor, _ = Floor.objects.select_for_update().get_or_create(congress=access.congress)
    floor.item = item
    floor.changed_by = access.user
    floor.save()
    record(
        access,
        SpeechAction.FLOOR_ITEM,
        access.congress,
        data={"session": item.session.title, "item": item.title},
    )
    return floor
