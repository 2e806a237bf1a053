"""The voting pages: the presidium's list, form, open/close buttons and live count; the result;
the delegate's own list and ballot (phone first)."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.core.versioning import edit_initial
from daihoi.core.views import edit_page, forbidden, is_htmx, page_context, run_button
from daihoi.organizations.permissions import Access, access_congress, access_delegate

from . import selectors, services
from .forms import MotionForm, VoteForm
from .models import Choice, Motion
from .permissions import ONLY_PRESIDIUM, access_ballot, access_motion, can_run_votes


def _to_motion(motion: Motion) -> HttpResponse:
    return redirect("voting:motion-detail", congress_id=motion.congress_id, motion_id=motion.pk)


@login_required
def motion_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    motions = list(selectors.motions_of(access.congress))
    return render(
        request,
        "voting/motion_list.html",
        page_context(
            access,
            open_motions=[m for m in motions if m.is_open],
            drafts=[m for m in motions if m.is_draft],
            closed=[m for m in motions if m.is_closed],
            presides=can_run_votes(access),
        ),
    )


@login_required
def motion_form(
    request: HttpRequest, congress_id: int, motion_id: int | None = None
) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    motion = access_motion(access, motion_id) if motion_id else None
    if not can_run_votes(access):
        return forbidden(request, ONLY_PRESIDIUM)
    if motion is not None and not motion.is_draft:
        return _to_motion(motion)
    form = MotionForm(
        request.POST or None,
        congress=access.congress,
        initial=edit_initial(motion, MotionForm),
    )

    return edit_page(
        request,
        form,
        motion,
        create=lambda: services.motion_create(access=access, fields=form.motion_fields()),
        update=lambda motion, version: services.motion_update(
            access=access, motion=motion, fields=form.motion_fields(), expected_version=version
        ),
        success="Đã lưu nội dung biểu quyết.",
        then=_to_motion,
        template="voting/motion_form.html",
        context=page_context(access, form=form, motion=motion),
    )


@login_required
def motion_detail(request: HttpRequest, congress_id: int, motion_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    motion = access_motion(access, motion_id)
    return render(
        request,
        "voting/motion_detail.html",
        page_context(
            access,
            motion=motion,
            presides=can_run_votes(access),
            progress=selectors.progress(motion) if motion.is_open else None,
            rows=selectors.result_rows(motion) if motion.is_closed else [],
            roll_call=selectors.roll_call_of(motion),
            history=history_of(motion).exclude(action="motion.roll_call_vote")[:30],
        ),
    )


@login_required
def motion_live(request: HttpRequest, congress_id: int, motion_id: int) -> HttpResponse:
    """The count of delegates who have voted, polled by the detail page while the vote is open;
    once closed, the page is told to reload and show the result."""
    access = access_congress(request.user, congress_id)
    motion = access_motion(access, motion_id)
    if motion.is_closed:
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return render(
        request,
        "voting/motion_detail.html#live",
        page_context(
            access,
            motion=motion,
            progress=selectors.progress(motion) if motion.is_open else None,
        ),
    )


def _presidium_button(
    request: HttpRequest, congress_id: int, motion_id: int, action: str
) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    motion = access_motion(access, motion_id)
    if not can_run_votes(access):
        return forbidden(request, ONLY_PRESIDIUM)
    if action == "open":
        return run_button(
            request,
            lambda: services.motion_open(access=access, motion=motion),
            success="Đã mở biểu quyết. Đại biểu có mặt biểu quyết trên thiết bị của mình.",
            then=_to_motion(motion),
        )
    if action == "close":
        return run_button(
            request,
            lambda: services.motion_close(access=access, motion=motion),
            success="Đã kết thúc biểu quyết. Kết quả là chính thức.",
            then=_to_motion(motion),
        )
    return run_button(
        request,
        lambda: services.motion_delete(access=access, motion=motion),
        success="Đã xóa nội dung biểu quyết chưa mở.",
        then=redirect("voting:motion-list", congress_id=congress_id),
    )


@login_required
@require_POST
def motion_open(request: HttpRequest, congress_id: int, motion_id: int) -> HttpResponse:
    return _presidium_button(request, congress_id, motion_id, "open")


@login_required
@require_POST
def motion_close(request: HttpRequest, congress_id: int, motion_id: int) -> HttpResponse:
    return _presidium_button(request, congress_id, motion_id, "close")


@login_required
@require_POST
def motion_delete(request: HttpRequest, congress_id: int, motion_id: int) -> HttpResponse:
    return _presidium_button(request, congress_id, motion_id, "delete")


# The delegate's own pages -----------------------------------------------------------------------


def _delegate(request: HttpRequest, congress_id: int) -> tuple[Access, int]:
    """The delegate's own access; staff accounts have no ballot (404)."""
    access = access_delegate(request.user, congress_id)
    if access.delegate_id is None:
        raise Http404
    return access, access.delegate_id


@login_required
def my_votes(request: HttpRequest, congress_id: int) -> HttpResponse:
    access, delegate_id = _delegate(request, congress_id)
    motions = selectors.motions_for_delegate(access.congress, delegate_id)
    return render(
        request,
        "voting/my_votes.html",
        page_context(
            access,
            open_motions=[m for m in motions if m.is_open],
            closed=[m for m in motions if m.is_closed],
        ),
    )


@login_required
def ballot(request: HttpRequest, congress_id: int, motion_id: int) -> HttpResponse:
    """The delegate's ballot. A vote sent from the page (HTMX) is answered with the ballot's new
    state only; without scripts, with a message and the page again."""
    access, delegate_id = _delegate(request, congress_id)
    if request.method != "POST":
        motion = access_ballot(access, motion_id, mark_vote_of=delegate_id)
        return render(request, "voting/ballot.html", _ballot_context(access, motion, delegate_id))
    motion = access_ballot(access, motion_id)
    form = VoteForm(request.POST)
    refusal = _cast(access, motion, form)
    if not is_htmx(request):
        if refusal:
            messages.error(request, refusal)
        else:
            messages.success(request, VOTE_RECORDED)
        return redirect("voting:ballot", congress_id=congress_id, motion_id=motion.pk)
    if refusal:
        # Whatever refused it (closed meanwhile, a second copy), the ballot shows as it is now.
        motion = access_ballot(access, motion_id, mark_vote_of=delegate_id)
        notice = Notice("error", refusal)
        mine = None
    else:
        motion.has_voted = True  # type: ignore[attr-defined]  # the vote just counted
        notice = Notice("success", VOTE_RECORDED)
        mine = form.cleaned_data["choice"]
    return render(
        request,
        "voting/ballot.html#state",
        _ballot_context(access, motion, delegate_id, notice=notice, mine=mine),
    )


VOTE_RECORDED = "Đã ghi nhận biểu quyết của đồng chí."


@dataclass(frozen=True)
class Notice:
    """A message shown inside the ballot's fragment (the page's messages are not redrawn)."""

    tags: str
    text: str


def _cast(access: Access, motion: Motion, form: VoteForm) -> str:
    """Casts the delegate's vote; the refusal to show, or "" when it counted.

    No one-time form token here: the vote's own rule (one participation row per delegate and
    motion) already turns a repeated copy into the message "already voted"."""
    if not form.is_valid():
        return services.INVALID_CHOICE
    try:
        services.vote_cast(access=access, motion=motion, choice=form.cleaned_data["choice"])
    except (BusinessError, PermissionDenied) as error:
        return error.message
    return ""


def _ballot_context(
    access: Access, motion: Motion, delegate_id: int, *, mine: str | None = None, **extra: object
) -> dict[str, object]:
    """What the ballot page and its fragment read. The motion carries `has_voted`
    (`access_ballot`); the delegate's own choice is shown for a roll-call motion only (one more
    query, unless `mine` is the choice just made)."""
    if not motion.roll_call:
        label = ""
    elif mine:
        label = str(Choice(mine).label)
    else:
        label = selectors.my_roll_call_choice(motion, delegate_id)
    return page_context(
        access,
        motion=motion,
        voted=motion.has_voted,  # type: ignore[attr-defined]
        mine=label,
        rows=selectors.result_rows(motion) if motion.is_closed else [],
        choices=Choice.choices,
        **extra,
    )
