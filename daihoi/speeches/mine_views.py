"""The delegate's own page "Đăng ký phát biểu" (phone first): the sessions they are summoned to,
a registration form for each, their registrations with their place in the queue, and
withdrawing one not yet called."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from daihoi.core.exceptions import BusinessError
from daihoi.core.views import form_page, page_context, run_button, stored_file
from daihoi.delegates.permissions import own_delegate
from daihoi.organizations.permissions import access_delegate
from daihoi.programme import selectors as programme
from daihoi.programme.permissions import access_session

from . import selectors, services
from .forms import SpeechForm
from .models import Speech
from .permissions import access_own_speech


def _to_mine(congress_id: int) -> HttpResponse:
    return redirect("speeches:mine", congress_id=congress_id)


@login_required
def mine(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_delegate(request.user, congress_id)
    delegate = own_delegate(access)
    return render(
        request,
        "speeches/mine.html",
        page_context(
            access,
            delegate=delegate,
            sessions=list(programme.sessions_summoning(delegate).order_by("starts_at", "pk")),
            speeches=selectors.speeches_of_delegate(delegate),
        ),
    )


@login_required
def mine_register(
    request: HttpRequest, congress_id: int, programme_session_id: int
) -> HttpResponse:
    access = access_delegate(request.user, congress_id)
    delegate = own_delegate(access)
    session = access_session(access, programme_session_id)
    if not programme.is_summoned(delegate, session):
        raise Http404
    form = SpeechForm(request.POST or None, request.FILES or None, session=session)
    return form_page(
        request,
        form,
        lambda: services.speech_register(
            access=access,
            session=session,
            delegate=delegate,
            fields=form.speech_fields(),
            source=Speech.Source.DELEGATE,
        ),
        success="Đã gửi đăng ký phát biểu tới Đoàn Chủ tịch.",
        then=lambda _: _to_mine(congress_id),
        template="speeches/mine_register.html",
        context=page_context(access, form=form, session=session, delegate=delegate),
    )


@login_required
@require_POST
def mine_withdraw(request: HttpRequest, congress_id: int, own_speech_id: int) -> HttpResponse:
    access = access_delegate(request.user, congress_id)
    speech = access_own_speech(access, own_speech_id)
    return run_button(
        request,
        lambda: services.speech_withdraw(access=access, speech=speech),
        success="Đã rút đăng ký phát biểu.",
        then=_to_mine(congress_id),
    )


@login_required
def mine_text(request: HttpRequest, congress_id: int, own_speech_id: int) -> FileResponse:
    """The full-text file the delegate attached to their own registration."""
    access = access_delegate(request.user, congress_id)
    speech = access_own_speech(access, own_speech_id)
    try:
        stored = services.speech_text_file(access=access, speech=speech)
    except BusinessError:
        raise Http404 from None
    return stored_file(stored, speech.text_file_name)
