"""The ballot pages: elections and their board, the stations' entry, the count, the minutes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from daihoi.core.audit import history_of
from daihoi.core.uploads import DOCX_CONTENT_TYPE
from daihoi.core.views import (
    content_file,
    edit_page,
    forbidden,
    form_page,
    is_htmx,
    page_context,
    run_button,
    run_form_button,
    stored_file,
)
from daihoi.organizations.permissions import Access, access_congress

from . import selectors, services
from .counting import State
from .forms import BoardMemberForm, ElectionForm, EntryForm
from .minutes import minutes_docx, minutes_filename
from .models import BallotAction, Election
from .permissions import (
    NOT_YET,
    ONLY_BOARD,
    ONLY_MANAGERS,
    access_board_member,
    access_election,
    can_follow_count,
    can_manage_elections,
    station_of,
)


def _to_election(election: Election) -> HttpResponse:
    return redirect(
        "ballots:election-detail", congress_id=election.congress_id, election_id=election.pk
    )


@login_required
def election_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    return render(
        request,
        "ballots/election_list.html",
        page_context(
            access,
            elections=list(selectors.elections_of(access.congress)),
            manager=can_manage_elections(access),
        ),
    )


@login_required
def election_form(
    request: HttpRequest, congress_id: int, election_id: int | None = None
) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    election = access_election(access, election_id) if election_id else None
    if not can_manage_elections(access):
        return forbidden(request, ONLY_MANAGERS)
    initial = (
        ElectionForm.initial_for(election, selectors.candidates_of(election)) if election else None
    )
    form = ElectionForm(request.POST or None, initial=initial)

    return edit_page(
        request,
        form,
        election,
        create=lambda: services.election_create(access=access, fields=form.election_fields()),
        update=lambda election, version: services.election_update(
            access=access,
            election=election,
            fields=form.election_fields(),
            expected_version=version,
        ),
        success="Đã lưu cuộc bầu cử.",
        then=_to_election,
        template="ballots/election_form.html",
        context=page_context(access, form=form, election=election),
    )


@login_required
def election_detail(request: HttpRequest, congress_id: int, election_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    election = access_election(access, election_id)
    tally = selectors.tally_of(election)
    follows = can_follow_count(access, election)
    manager = can_manage_elections(access)
    return render(
        request,
        "ballots/election_detail.html",
        page_context(
            access,
            election=election,
            candidates=selectors.candidates_of(election),
            board=selectors.board_of(election),
            tally=tally,
            shows_count=follows or tally.final,
            follows=follows,
            manager=manager,
            station=station_of(access, election),
            board_form=BoardMemberForm(users=selectors.users_for_board(access.congress))
            if manager
            else None,
            pdf_ready=bool(election.minutes_pdf) and election.minutes_pdf_of == tally.fingerprint,
            # Ballot entries are counted above, not listed one by one.
            history=history_of(election).exclude(action=BallotAction.BALLOT_ENTERED)[:20]
            if follows
            else [],
        ),
    )


@login_required
@require_POST
def board_add(request: HttpRequest, congress_id: int, election_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    election = access_election(access, election_id)
    if not can_manage_elections(access):
        return forbidden(request, ONLY_MANAGERS)
    form = BoardMemberForm(request.POST, users=selectors.users_for_board(access.congress))
    return run_form_button(
        request,
        form,
        lambda data: services.board_member_add(
            access=access, election=election, user=data["user"], station=data["station"]
        ),
        success="Đã phân công vào Ban Kiểm phiếu.",
        then=_to_election(election),
    )


@login_required
@require_POST
def board_remove(
    request: HttpRequest, congress_id: int, election_id: int, board_member_id: int
) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    election = access_election(access, election_id)
    member = access_board_member(access, election, board_member_id)
    return run_button(
        request,
        lambda: services.board_member_remove(access=access, election=election, member=member),
        success="Đã thôi phân công.",
        then=_to_election(election),
    )


def _entered_message(request: HttpRequest, number: int, station: str, state: State) -> None:
    other = "B" if station == "A" else "A"
    if state is State.AGREED:
        messages.success(request, f"Đã lưu phiếu số {number}: khớp với tổ {other}.")
    elif state is State.MISMATCH:
        messages.warning(
            request,
            f"Phiếu số {number} lệch với tổ {other}: hai tổ cùng kiểm lại phiếu gốc và nhập lại.",
        )
    else:
        messages.success(request, f"Đã lưu phiếu số {number}; chờ tổ {other} nhập.")


@login_required
def ballot_entry(request: HttpRequest, congress_id: int, election_id: int) -> HttpResponse:
    """A station's desk: type the number, tick (or type the numbers of) the names crossed
    out, Enter for the next ballot; the ballots to re-enter and those awaiting the other
    station are listed beside and refreshed every few seconds."""
    access = access_congress(request.user, congress_id)
    election = access_election(access, election_id)
    station = station_of(access, election)
    if station is None:
        return forbidden(request, ONLY_BOARD)
    candidates = selectors.candidates_of(election)
    tally = selectors.tally_of(election)
    suggested = request.GET.get("so", "")
    number = int(suggested) if suggested.isdigit() and len(suggested) < 7 else None
    limit = election.collected if election.collected is not None else election.issued
    initial = {"number": number or tally.next_for(station, limit)}
    form = EntryForm(request.POST or None, candidates=candidates, initial=initial)
    context = page_context(
        access,
        election=election,
        station=station,
        form=form,
        tally=tally,
        to_reenter=tally.mismatched,
        waiting_mine=[b.number for b in tally.waiting if station not in b.stations],
        recent=selectors.recent_entries(election, station),
    )
    if request.method == "GET" and is_htmx(request):
        return render(request, "ballots/ballot_entry.html#status", context)

    def then(result: tuple) -> HttpResponse:
        entry, ballot = result
        _entered_message(request, entry.number, station, ballot.state)
        url = reverse("ballots:ballot-entry", args=[congress_id, election.pk])
        return redirect(f"{url}?so={entry.number + 1}")

    return form_page(
        request,
        form,
        lambda: services.ballot_enter(
            access=access,
            election=election,
            number=form.cleaned_data["number"],
            crossed=form.cleaned_data["crossed_ids"],
            chosen_reason=form.cleaned_data["invalid_reason"],
        ),
        success="",
        then=then,
        template="ballots/ballot_entry.html",
        context=context,
    )


def _minutes_reader(access: Access, election: Election) -> bool:
    return can_follow_count(access, election) or selectors.tally_of(election).final


@login_required
def minutes_docx_download(request: HttpRequest, congress_id: int, election_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    election = access_election(access, election_id)
    tally = selectors.tally_of(election)
    if not (can_follow_count(access, election) or tally.final):
        return forbidden(request, NOT_YET)
    docx = minutes_docx(election, tally, selectors.board_of(election))
    return content_file(docx, DOCX_CONTENT_TYPE, minutes_filename(election, "docx"))


@login_required
@require_POST
def minutes_pdf_request(request: HttpRequest, congress_id: int, election_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    election = access_election(access, election_id)
    return run_button(
        request,
        lambda: services.minutes_request_pdf(access=access, election=election),
        success="Đang tạo bản PDF của biên bản; tải lại trang sau ít phút.",
        then=_to_election(election),
    )


@login_required
def minutes_pdf_download(
    request: HttpRequest, congress_id: int, election_id: int
) -> HttpResponse | FileResponse:
    access = access_congress(request.user, congress_id)
    election = access_election(access, election_id)
    if not _minutes_reader(access, election):
        return forbidden(request, NOT_YET)
    return stored_file(election.minutes_pdf, minutes_filename(election, "pdf"))
