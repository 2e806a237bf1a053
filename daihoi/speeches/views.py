"""The presidium's list of speakers for a programme session: the live queue, registering from a
paper form, approving, ordering, calling, recording; and the printable record."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from daihoi.core.exceptions import BusinessError
from daihoi.core.views import (
    forbidden,
    form_page,
    is_htmx,
    page_context,
    run_button,
    run_form_button,
    stored_file,
)
from daihoi.organizations.permissions import Access, access_congress
from daihoi.programme.models import Session
from daihoi.programme.permissions import access_session

from . import selectors, services
from .forms import DeclineForm, DeliverForm, PaperSpeechForm
from .models import Speech
from .permissions import ONLY_PRESIDIUM, access_speech, can_run_speeches


def _presidium(request: HttpRequest, congress_id: int) -> Access | HttpResponse:
    access = access_congress(request.user, congress_id)
    if not can_run_speeches(access):
        return forbidden(request, ONLY_PRESIDIUM)
    return access


def _to_queue(session: Session) -> HttpResponse:
    return redirect(
        "speeches:queue", congress_id=session.congress_id, programme_session_id=session.pk
    )


@login_required
def queue(request: HttpRequest, congress_id: int, programme_session_id: int) -> HttpResponse:
    """The session's list as the presidium runs it; HTMX polls its `live` part."""
    access = access_congress(request.user, congress_id)
    session = access_session(access, programme_session_id)
    if not can_run_speeches(access):
        return forbidden(request, ONLY_PRESIDIUM)
    context = page_context(
        access, session=session, queue=selectors.queue_of(session), deliver_form=DeliverForm()
    )
    if is_htmx(request):
        return render(request, "speeches/queue.html#live", context)
    return render(request, "speeches/queue.html", context)


@login_required
def register(request: HttpRequest, congress_id: int, programme_session_id: int) -> HttpResponse:
    """The secretariat registers a delegate from the paper form (phiếu đăng ký phát biểu)."""
    access = access_congress(request.user, congress_id)
    session = access_session(access, programme_session_id)
    if not can_run_speeches(access):
        return forbidden(request, ONLY_PRESIDIUM)
    form = PaperSpeechForm(
        request.POST or None,
        request.FILES or None,
        session=session,
        choices=selectors.speakers_choices(session),
    )
    return form_page(
        request,
        form,
        lambda: services.speech_register(
            access=access,
            session=session,
            delegate=form.chosen_delegate(),
            fields=form.speech_fields(),
        ),
        success="Đã đăng ký phát biểu cho đại biểu.",
        then=lambda _: _to_queue(session),
        template="speeches/register.html",
        context=page_context(access, form=form, session=session),
    )


@login_required
def speech_detail(request: HttpRequest, congress_id: int, speech_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    speech = access_speech(access, speech_id)
    if not can_run_speeches(access):
        return forbidden(request, ONLY_PRESIDIUM)
    return render(request, "speeches/speech_detail.html", page_context(access, speech=speech))


@login_required
def speech_text(
    request: HttpRequest, congress_id: int, speech_id: int
) -> HttpResponse | FileResponse:
    """The full-text file a delegate attached, for the presidium's helpers."""
    access = access_congress(request.user, congress_id)
    speech = access_speech(access, speech_id)
    if not can_run_speeches(access):
        return forbidden(request, ONLY_PRESIDIUM)
    try:
        stored = services.speech_text_file(access=access, speech=speech)
    except BusinessError:
        raise Http404 from None
    return stored_file(stored, speech.text_file_name)


def _button(
    request: HttpRequest,
    congress_id: int,
    speech_id: int,
    action: Callable[[Access, Speech, dict[str, Any]], Any],
    success: str,
    form: forms.Form | None = None,
) -> HttpResponse:
    """A presidium button on one speech, with its small form (`form`) when it has one:
    `action(access, speech, cleaned_data)` runs and the user goes back to the queue."""
    access = access_congress(request.user, congress_id)
    speech = access_speech(access, speech_id)
    then = _to_queue(speech.session)
    if form is None:
        return run_button(request, lambda: action(access, speech, {}), success=success, then=then)
    return run_form_button(
        request, form, lambda data: action(access, speech, data), success=success, then=then
    )


@login_required
@require_POST
def speech_move(request: HttpRequest, congress_id: int, speech_id: int) -> HttpResponse:
    step = -1 if request.POST.get("step") == "up" else 1
    return _button(
        request,
        congress_id,
        speech_id,
        lambda access, speech, _: services.speech_move(access=access, speech=speech, step=step),
        "Đã đổi thứ tự phát biểu.",
    )


@login_required
@require_POST
def speech_approve(request: HttpRequest, congress_id: int, speech_id: int) -> HttpResponse:
    return _button(
        request,
        congress_id,
        speech_id,
        lambda access, speech, _: services.speech_approve(access=access, speech=speech),
        "Đã duyệt đăng ký phát biểu.",
    )


@login_required
@require_POST
def speech_decline(request: HttpRequest, congress_id: int, speech_id: int) -> HttpResponse:
    return _button(
        request,
        congress_id,
        speech_id,
        lambda access, speech, data: services.speech_decline(
            access=access, speech=speech, reason=data["reason"]
        ),
        "Đã ghi không duyệt đăng ký phát biểu.",
        DeclineForm(request.POST),
    )


@login_required
@require_POST
def speech_withdraw(request: HttpRequest, congress_id: int, speech_id: int) -> HttpResponse:
    return _button(
        request,
        congress_id,
        speech_id,
        lambda access, speech, _: services.speech_withdraw(access=access, speech=speech),
        "Đã ghi đại biểu rút đăng ký phát biểu.",
    )


@login_required
@require_POST
def speech_deliver(request: HttpRequest, congress_id: int, speech_id: int) -> HttpResponse:
    return _button(
        request,
        congress_id,
        speech_id,
        lambda access, speech, data: services.speech_deliver(
            access=access, speech=speech, minutes=data["minutes"]
        ),
        "Đã ghi nhận đại biểu đã phát biểu.",
        DeliverForm(request.POST),
    )


def _then(request: HttpRequest, session: Session) -> HttpResponse:
    """Back to the board when the button was pressed there, else to the session's list."""
    if request.POST.get("from") == "board":
        return redirect("speeches:board", congress_id=session.congress_id)
    return _to_queue(session)


@login_required
@require_POST
def call_next(request: HttpRequest, congress_id: int, programme_session_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    session = access_session(access, programme_session_id)
    return run_button(
        request,
        lambda: services.speech_call_next(access=access, session=session),
        success=lambda speech: f"Mời đồng chí {speech.delegate.full_name} phát biểu.",
        then=_then(request, session),
    )


@login_required
def print_delivered(
    request: HttpRequest, congress_id: int, programme_session_id: int
) -> HttpResponse:
    """The record of speeches delivered in the session, printable; everyone in the congress
    reads it."""
    access = access_congress(request.user, congress_id)
    session = access_session(access, programme_session_id)
    speeches = selectors.delivered_of(session)
    return render(
        request,
        "speeches/print_delivered.html",
        page_context(
            access,
            session=session,
            speeches=speeches,
            total_minutes=sum(s.minutes or 0 for s in speeches),
            presidium=can_run_speeches(access),
        ),
    )
