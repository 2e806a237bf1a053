"""Check-in at the gate (a phone page), name search, and the live headcount for the presidium."""

import datetime as dt
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from daihoi.core.exceptions import BusinessError
from daihoi.core.forms import VNDateField
from daihoi.core.text import fold
from daihoi.core.views import forbidden, is_htmx, page_context, run_button

from ..models import CongressSession, Delegate
from ..permissions import ONLY_GATE, ONLY_ROSTER_KEEPERS, access_delegate
from ..selectors import headcount
from ..services import checkin as services
from ..services.checkin import ScanResult
from .common import rights_for

NOT_FOR_YOU = "Sĩ số chỉ dành cho lãnh đạo, Thường trực và tổ điểm danh."


def _session(access, session_id: int) -> CongressSession:
    session = CongressSession.objects.filter(congress=access.congress, pk=session_id).first()
    if session is None:
        raise Http404
    return session


def _current(sessions: list[CongressSession]) -> CongressSession | None:
    """The last session already started, else the first to come."""
    started = [s for s in sessions if s.starts_at <= timezone.now()]
    return started[-1] if started else (sessions[0] if sessions else None)


def _answer(request: HttpRequest, congress_id: int, result: ScanResult) -> JsonResponse:
    photo = ""
    if result.delegate is not None and result.delegate.photo:
        photo = reverse("delegates:delegate-photo", args=[congress_id, result.delegate.pk])
    return JsonResponse(result.as_json(photo))


@login_required
def gate(request: HttpRequest, congress_id: int) -> HttpResponse:
    access, rights = rights_for(request, congress_id)
    if not rights.checks_in:
        return forbidden(request, ONLY_GATE)
    sessions = list(CongressSession.objects.filter(congress=access.congress))
    chosen = request.GET.get("phien", "")
    session = next((s for s in sessions if str(s.pk) == chosen), _current(sessions))
    return render(
        request,
        "delegates/gate.html",
        page_context(access, rights=rights, sessions=sessions, session=session),
    )


@login_required
@require_POST
def session_create(request: HttpRequest, congress_id: int) -> HttpResponse:
    access, rights = rights_for(request, congress_id)
    if not rights.keeps_roster:
        return forbidden(request, ONLY_ROSTER_KEEPERS)
    then = redirect("delegates:gate", congress_id=congress_id)

    def create():
        try:
            date = VNDateField(required=True).clean(request.POST.get("day", ""))
            hh, mm = (int(x) for x in request.POST.get("hour", "07:30").split(":"))
            starts = timezone.make_aware(dt.datetime.combine(date, dt.time(hh, mm)))
        except (ValidationError, ValueError):
            raise BusinessError(
                "Ngày (dd/mm/yyyy) hoặc giờ (HH:MM) của phiên không hợp lệ."
            ) from None
        return services.session_create(
            access=access, name=request.POST.get("name", ""), starts_at=starts
        )

    return run_button(request, create, success="Đã thêm phiên.", then=then)


def _json_body(request: HttpRequest) -> dict:
    if request.content_type == "application/json":
        try:
            data = json.loads(request.body or b"{}")
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}
    return request.POST.dict()


@login_required
@require_POST
def scan(request: HttpRequest, congress_id: int, session_id: int) -> HttpResponse:
    access, rights = rights_for(request, congress_id)
    if not rights.checks_in:
        return JsonResponse({"status": "refused", "message": ONLY_GATE}, status=403)
    session = _session(access, session_id)
    code = str(_json_body(request).get("code", ""))
    result = services.check_in_scan(access=access, session=session, code=code, rights=rights)
    return _answer(request, congress_id, result)


@login_required
@require_POST
def by_name(request: HttpRequest, congress_id: int, session_id: int) -> HttpResponse:
    access, rights = rights_for(request, congress_id)
    if not rights.checks_in:
        return JsonResponse({"status": "refused", "message": ONLY_GATE}, status=403)
    session = _session(access, session_id)
    delegate_id = str(_json_body(request).get("delegate", ""))
    if not delegate_id.isdigit():
        raise Http404
    delegate = access_delegate(access, int(delegate_id))
    result = services.check_in_by_name(
        access=access, session=session, delegate=delegate, rights=rights
    )
    return _answer(request, congress_id, result)


@login_required
def search(request: HttpRequest, congress_id: int, session_id: int) -> HttpResponse:
    """Up to 12 delegates whose name holds the typed text (diacritics ignored)."""
    access, rights = rights_for(request, congress_id)
    if not rights.checks_in:
        return forbidden(request, ONLY_GATE)
    session = _session(access, session_id)
    q = fold(request.GET.get("q", "")[:60])
    hits = []
    if len(q) >= 2:
        hits = list(
            Delegate.objects.filter(congress=access.congress, is_active=True, name_key__contains=q)
            .select_related("delegation")
            .only("id", "full_name", "delegation__name")
            .order_by("name_key")[:12]
        )
    present = set(session.check_ins.filter(delegate__in=hits).values_list("delegate_id", flat=True))
    return render(
        request,
        "delegates/gate.html#hits",
        page_context(access, session=session, hits=hits, present=present, q=q),
    )


@login_required
def session_headcount(request: HttpRequest, congress_id: int, session_id: int) -> HttpResponse:
    access, rights = rights_for(request, congress_id)
    if not (rights.checks_in or access.sees_whole_congress):
        return forbidden(request, NOT_FOR_YOU)
    session = _session(access, session_id)
    context = page_context(
        access,
        rights=rights,
        session=session,
        count=headcount(session),
        sessions=CongressSession.objects.filter(congress=access.congress),
    )
    if is_htmx(request):
        return render(request, "delegates/headcount.html#figures", context)
    return render(request, "delegates/headcount.html", context)


@login_required
def headcount_now(request: HttpRequest, congress_id: int) -> HttpResponse:
    """The "Sĩ số" tab: the headcount of the session under way (else the next one)."""
    access, rights = rights_for(request, congress_id)
    if not (rights.checks_in or access.sees_whole_congress):
        return forbidden(request, NOT_FOR_YOU)
    session = _current(list(CongressSession.objects.filter(congress=access.congress)))
    if session is None:
        messages.info(request, "Chưa có phiên Đại hội nào để điểm danh.")
        return redirect("delegates:delegate-list", congress_id=congress_id)
    return redirect("delegates:headcount", congress_id=congress_id, session_id=session.pk)
