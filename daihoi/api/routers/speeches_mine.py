"""A delegate's own registrations to speak (the delegate's page "Đăng ký phát biểu"): the sessions
they are summoned to, registering at one, withdrawing one not yet called, their full-text file."""

from django.http import FileResponse, Http404, HttpRequest
from ninja import Field, File, Form, Router, Schema, Status, UploadedFile

from daihoi.core.exceptions import BusinessError
from daihoi.core.views import stored_file
from daihoi.delegates.permissions import own_delegate
from daihoi.organizations.permissions import Access, access_delegate
from daihoi.programme import selectors as programme
from daihoi.programme.permissions import access_session
from daihoi.speeches import selectors, services
from daihoi.speeches.forms import SpeechForm
from daihoi.speeches.models import Speech
from daihoi.speeches.permissions import access_own_speech

from ..auth import user_of
from ..common import Detail, answers, valid, write
from .speeches import SessionBriefOut, SpeechBaseOut

router = Router(tags=["Phát biểu tại Đại hội"])

MINE = "/{congress_id}/my-speeches"


class MySpeechIn(Schema):
    """The delegate's form (multipart): the programme item (id, empty: the session as a
    whole), topic, summary, the full text typed; `text_file` DOCX or PDF."""

    item: int | None = None
    topic: str | None = None
    summary: str | None = None
    full_text: str | None = None


class MineOut(Schema):
    """A delegate's own page: the sessions they are summoned to (each takes a registration),
    their registrations, latest session first, with how many still to speak stand before."""

    sessions: list[SessionBriefOut]
    speeches: list["MySpeechOut"]


class MySpeechOut(SpeechBaseOut):
    session_title: str = Field(alias="session.title")
    ahead: int


MineOut.model_rebuild()


# A delegate's own registrations -------------------------------------------------------------


def _delegate(request: HttpRequest, congress_id: int) -> Access:
    """A delegate's own access; anyone else (staff included) 404, as the pages."""
    return access_delegate(user_of(request), congress_id)


@router.get(MINE + "/", response=answers(MineOut), summary="Đăng ký phát biểu của tôi (đại biểu)")
def my_speeches(request: HttpRequest, congress_id: int) -> dict:
    delegate = own_delegate(_delegate(request, congress_id))
    return {
        "sessions": list(programme.sessions_summoning(delegate).order_by("starts_at", "pk")),
        "speeches": selectors.speeches_of_delegate(delegate),
    }


@router.post(
    MINE + "/sessions/{programme_session_id}/",
    response=answers(MySpeechOut, 201),
    summary="Đại biểu đăng ký phát biểu tại một phiên được triệu tập (multipart, kèm tệp)",
)
def my_speech_register(
    request: HttpRequest,
    congress_id: int,
    programme_session_id: int,
    payload: Form[MySpeechIn],
    text_file: File[UploadedFile] | None = None,
) -> Status:
    acting = _delegate(request, congress_id)
    delegate = own_delegate(acting)
    session = access_session(acting, programme_session_id)
    if not programme.is_summoned(delegate, session):
        raise Http404
    form = valid(SpeechForm(request.POST, request.FILES, session=session))
    speech = write(
        request,
        lambda: services.speech_register(
            access=acting,
            session=session,
            delegate=delegate,
            fields=form.speech_fields(),
            source=Speech.Source.DELEGATE,
        ),
    )
    return Status(201, _mine(acting, speech.pk))


def _mine(acting: Access, speech_id: int) -> Speech:
    speech = access_own_speech(acting, speech_id)
    return next(s for s in selectors.speeches_of_delegate(speech.delegate) if s.pk == speech.pk)


@router.post(
    MINE + "/{own_speech_id}/withdraw/",
    response=answers(MySpeechOut),
    summary="Đại biểu rút đăng ký phát biểu chưa được mời",
)
def my_speech_withdraw(request: HttpRequest, congress_id: int, own_speech_id: int) -> Speech:
    acting = _delegate(request, congress_id)
    speech = access_own_speech(acting, own_speech_id)
    write(request, lambda: services.speech_withdraw(access=acting, speech=speech))
    return _mine(acting, own_speech_id)


@router.get(
    MINE + "/{own_speech_id}/text/",
    response=answers(Detail),
    summary="Tải tệp toàn văn đại biểu gửi kèm đăng ký của mình",
)
def my_speech_text(request: HttpRequest, congress_id: int, own_speech_id: int) -> FileResponse:
    acting = _delegate(request, congress_id)
    speech = access_own_speech(acting, own_speech_id)
    try:
        stored = write(request, lambda: services.speech_text_file(access=acting, speech=speech))
    except BusinessError:
        raise Http404 from None
    return stored_file(stored, speech.text_file_name)
