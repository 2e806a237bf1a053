"""The presidium's board (màn hình điều hành): one screen for the session under way — headcount
and quorum, the current item of the programme, the list of speakers, and the panels other apps
register (the open vote) — refreshed by HTMX polling."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from daihoi.core.views import forbidden, is_htmx, page_context, run_button
from daihoi.organizations.permissions import Access, access_congress
from daihoi.programme.board import board_panels
from daihoi.programme.models import Session
from daihoi.programme.permissions import access_item

from . import board, selectors, services
from .permissions import ONLY_PRESIDIUM, can_run_speeches

REFRESH_SECONDS = 5


def _chosen_session(request: HttpRequest, sessions: list[Session]) -> Session | None:
    chosen = request.GET.get("phien", "")
    if chosen.isdigit() and len(chosen) < 12:
        return next((s for s in sessions if s.pk == int(chosen)), None)
    return None


def _stage(index: int, current: int | None) -> str:
    if current is None:
        return ""
    return "current" if index == current else ("past" if index < current else "")


def board_context(request: HttpRequest, access: Access) -> dict[str, Any]:
    now = timezone.now()
    sessions = board.sessions_of(access.congress)
    floor = board.floor_of(access.congress)
    chosen = _chosen_session(request, sessions)
    session = chosen or board.session_now(sessions, floor, now)
    context: dict[str, Any] = {
        "sessions": sessions,
        "session": session,
        "chosen": chosen,
        "refresh": REFRESH_SECONDS,
        "from_board": True,
    }
    if session is None:
        return page_context(access, **context)
    items = board.items_of(session)
    current = board.item_now(session, items, floor, now)
    current_index = next(
        (n for n, item in enumerate(items) if current.item and item.pk == current.item.pk), None
    )
    panels = [(panel.template, panel.context(access, session)) for panel in board_panels()]
    return page_context(
        access,
        **context,
        item_rows=[(item, _stage(n, current_index)) for n, item in enumerate(items)],
        current=current,
        next_item=items[current_index + 1]
        if current_index is not None and current_index + 1 < len(items)
        else (items[0] if current_index is None and items else None),
        attendance=board.attendance_of(session),
        queue=selectors.queue_of(session),
        panels=panels,
    )


@login_required
def board_page(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    if not can_run_speeches(access):
        return forbidden(request, ONLY_PRESIDIUM)
    context = board_context(request, access)
    if is_htmx(request):
        return render(request, "speeches/board.html#live", context)
    return render(request, "speeches/board.html", context)


@login_required
@require_POST
def board_item(request: HttpRequest, congress_id: int, programme_item_id: int) -> HttpResponse:
    """Announces the item as the one now under way."""
    access = access_congress(request.user, congress_id)
    item = access_item(access, programme_item_id)
    then = redirect("speeches:board", congress_id=congress_id)
    then["Location"] += f"?phien={item.session_id}"
    return run_button(
        request,
        lambda: services.floor_set_item(access=access, item=item),
        success=f"Đang điều hành: {item.title}.",
        then=then,
    )
