"""Bầu cử: elections and their vote-counting board (kept by the secretariat), the stations'
entry of paper ballots, the count (followed by the board, the secretariat and the leaders while
it runs; read by everyone once final) and its minutes as DOCX, and as PDF made by the worker."""

from django.http import FileResponse, HttpRequest, HttpResponse
from ninja import Router, Schema, Status

from daihoi.ballots import selectors, services
from daihoi.ballots.counting import Line, Tally
from daihoi.ballots.forms import BoardMemberForm, ElectionForm, EntryForm
from daihoi.ballots.minutes import minutes_docx, minutes_filename
from daihoi.ballots.models import BoardMember, Election
from daihoi.ballots.permissions import (
    NOT_YET,
    ONLY_BOARD,
    ONLY_MANAGERS,
    access_board_member,
    access_election,
    can_follow_count,
    can_manage_elections,
    station_of,
)
from daihoi.core.uploads import DOCX_CONTENT_TYPE
from daihoi.core.views import content_file, stored_file
from daihoi.organizations.permissions import Access

from ..common import (
    Detail,
    access,
    answers,
    form_data,
    gate,
    listed,
    removal,
    removed,
    valid,
    versioned_put,
    write,
    write_versioned,
)

router = Router(tags=["Bầu cử"])


class ElectionOut(Schema):
    id: int
    title: str
    seats: int
    summoned: int
    excused: int
    issued: int
    collected: int | None
    candidate_count: int
    version: int


class CandidateOut(Schema):
    id: int
    position: int
    full_name: str


class BoardMemberOut(Schema):
    id: int
    user_id: int
    user: str
    station: str
    station_label: str


class LineOut(Schema):
    candidate_id: int
    position: int
    full_name: str
    votes: int
    of_valid: str
    of_base: str
    over_half: bool
    status: str


class ReasonCountOut(Schema):
    label: str
    count: int


class TallyOut(Schema):
    """The count as it stands: `final` once every collected ballot is entered by both stations
    and reconciled; before that only the board, the secretariat and the leaders read it."""

    final: bool
    issued: int
    collected: int | None
    base: int
    needed: int
    entered: int
    agreed: int
    valid: int
    invalid: int
    invalid_reasons: list[ReasonCountOut]
    lines: list[LineOut]
    elected: list[int]
    tied: list[int]
    tied_seats: int
    short: int
    mismatched: list[int]
    waiting: list[int]


class ElectionDetail(ElectionOut):
    candidates: list[CandidateOut]
    board: list[BoardMemberOut]
    # Only for those who follow the count, or everyone once it is final.
    tally: TallyOut | None
    station: str | None
    pdf_ready: bool


class ElectionIn(Schema):
    """As the page "Cuộc bầu cử": `candidates` one full name a line."""

    title: str | None = None
    seats: int | None = None
    candidates: str | None = None
    summoned: int | None = None
    excused: int | None = None
    issued: int | None = None
    collected: int | None = None
    version: int | None = None


class BoardMemberIn(Schema):
    user: int | None = None
    station: str | None = None


class EntryIn(Schema):
    """One paper ballot: its number, the names crossed out (`crossed`: candidate ids, or
    `positions`: their numbers on the ballot, "2 5 7"), or the board's reason it is invalid."""

    number: int | None = None
    positions: str | None = None
    crossed: list[int] | None = None
    invalid_reason: str | None = None


class RecentEntryOut(Schema):
    number: int
    round: int
    invalid_reason: str
    crossed: list[int]


class DeskOut(Schema):
    """A station's desk: the next number to enter, the ballots to re-enter and those the
    station has still to enter after the other, its latest entries."""

    station: str
    next_number: int | None
    to_reenter: list[int]
    waiting_mine: list[int]
    recent: list[RecentEntryOut]
    tally: TallyOut


class EnteredOut(Schema):
    number: int
    station: str
    state: str
    message: str
    desk: DeskOut


def _line(line: Line) -> dict:
    return {
        "candidate_id": line.candidate_id,
        "position": line.position,
        "full_name": line.full_name,
        "votes": line.votes,
        "of_valid": line.of_valid,
        "of_base": line.of_base,
        "over_half": line.over_half,
        "status": line.status,
    }


def _tally(tally: Tally) -> dict:
    return {
        "final": tally.final,
        "issued": tally.issued,
        "collected": tally.collected,
        "base": tally.base,
        "needed": tally.needed,
        "entered": tally.entered,
        "agreed": tally.agreed,
        "valid": tally.valid,
        "invalid": tally.invalid,
        "invalid_reasons": [{"label": r, "count": n} for r, n in tally.invalid_reasons],
        "lines": [_line(line) for line in tally.lines],
        "elected": [line.candidate_id for line in tally.elected],
        "tied": [line.candidate_id for line in tally.tied],
        "tied_seats": tally.tied_seats,
        "short": tally.short,
        "mismatched": tally.mismatched,
        "waiting": [b.number for b in tally.waiting],
    }


def _member(member: BoardMember) -> dict:
    return {
        "id": member.pk,
        "user_id": member.user_id,
        "user": member.user.display_name,
        "station": member.station,
        "station_label": str(member.get_station_display()),
    }


def _detail(acting: Access, election: Election) -> dict:
    tally = selectors.tally_of(election)
    follows = can_follow_count(acting, election)
    candidates = selectors.candidates_of(election)
    return {
        "id": election.pk,
        "title": election.title,
        "seats": election.seats,
        "summoned": election.summoned,
        "excused": election.excused,
        "issued": election.issued,
        "collected": election.collected,
        "candidate_count": len(candidates),
        "version": election.version,
        "candidates": [
            {"id": c.pk, "position": c.position, "full_name": c.full_name} for c in candidates
        ],
        "board": [_member(m) for m in selectors.board_of(election)],
        "tally": _tally(tally) if follows or tally.final else None,
        "station": station_of(acting, election),
        "pdf_ready": bool(election.minutes_pdf) and election.minutes_pdf_of == tally.fingerprint,
    }


def _managers(request: HttpRequest, congress_id: int, election_id: int) -> tuple[Access, Election]:
    acting = access(request, congress_id)
    election = access_election(acting, election_id)
    gate(can_manage_elections(acting), ONLY_MANAGERS)
    return acting, election


@listed(router, "/{congress_id}/elections/", ElectionOut, "Bầu cử")
def election_list(request: HttpRequest, congress_id: int):
    return selectors.elections_of(access(request, congress_id).congress).order_by()


@router.post(
    "/{congress_id}/elections/",
    response=answers(ElectionDetail, 201),
    summary="Tạo cuộc bầu cử (Thường trực, Văn phòng)",
)
def election_create(request: HttpRequest, congress_id: int, payload: ElectionIn) -> Status:
    acting = access(request, congress_id)
    gate(can_manage_elections(acting), ONLY_MANAGERS)
    form = valid(ElectionForm(form_data(payload)))
    election = write(
        request, lambda: services.election_create(access=acting, fields=form.election_fields())
    )
    return Status(201, _detail(acting, access_election(acting, election.pk)))


@router.get(
    "/{congress_id}/elections/{election_id}/",
    response=answers(ElectionDetail),
    summary="Một cuộc bầu cử: danh sách bầu cử, Ban Kiểm phiếu, kết quả kiểm phiếu",
)
def election_detail(request: HttpRequest, congress_id: int, election_id: int) -> dict:
    acting = access(request, congress_id)
    return _detail(acting, access_election(acting, election_id))


@versioned_put(
    router,
    "/{congress_id}/elections/{election_id}/",
    ElectionDetail,
    "Sửa cuộc bầu cử (Thường trực, Văn phòng)",
)
def election_edit(
    request: HttpRequest, congress_id: int, election_id: int, payload: ElectionIn
) -> dict:
    acting, election = _managers(request, congress_id, election_id)
    form = valid(ElectionForm(form_data(payload)))
    write_versioned(
        request,
        services.election_update,
        form,
        access=acting,
        election=election,
        fields=form.election_fields(),
    )
    return _detail(acting, access_election(acting, election_id))


@router.post(
    "/{congress_id}/elections/{election_id}/board/",
    response=answers(BoardMemberOut, 201),
    summary="Phân công một người vào Ban Kiểm phiếu (tổ A hoặc B)",
    description="`user`: id một tài khoản của Đại hội (danh sách `/accounts/`); `station`: A "
    "hoặc B.",
)
def board_add(
    request: HttpRequest, congress_id: int, election_id: int, payload: BoardMemberIn
) -> Status:
    acting, election = _managers(request, congress_id, election_id)
    users = selectors.users_for_board(acting.congress)
    form = valid(BoardMemberForm(form_data(payload), users=users))
    data = form.cleaned_data
    write(
        request,
        lambda: services.board_member_add(
            access=acting, election=election, user=data["user"], station=data["station"]
        ),
    )
    member = election.board.select_related("user").get(user=data["user"])
    return Status(201, _member(member))


@removal(
    router,
    "/{congress_id}/elections/{election_id}/board/{board_member_id}/",
    "Thôi phân công một thành viên Ban Kiểm phiếu",
)
def board_remove(
    request: HttpRequest, congress_id: int, election_id: int, board_member_id: int
) -> Status:
    acting = access(request, congress_id)
    election = access_election(acting, election_id)
    member = access_board_member(acting, election, board_member_id)
    gate(can_manage_elections(acting), ONLY_MANAGERS)
    return removed(
        request,
        lambda: services.board_member_remove(access=acting, election=election, member=member),
    )


def _station(request: HttpRequest, congress_id: int, election_id: int) -> tuple:
    acting = access(request, congress_id)
    election = access_election(acting, election_id)
    station = station_of(acting, election)
    gate(station is not None, ONLY_BOARD)
    return acting, election, station


def _desk(election: Election, station: str) -> dict:
    tally = selectors.tally_of(election)
    limit = election.collected if election.collected is not None else election.issued
    return {
        "station": station,
        "next_number": tally.next_for(station, limit),
        "to_reenter": tally.mismatched,
        "waiting_mine": [b.number for b in tally.waiting if station not in b.stations],
        "recent": [
            {
                "number": e.number,
                "round": e.round,
                "invalid_reason": e.invalid_reason,
                "crossed": sorted(c.pk for c in e.crossed.all()),
            }
            for e in selectors.recent_entries(election, station)
        ],
        "tally": _tally(tally),
    }


@router.get(
    "/{congress_id}/elections/{election_id}/entries/",
    response=answers(DeskOut),
    summary="Bàn nhập phiếu của tổ mình (thành viên Ban Kiểm phiếu)",
)
def ballot_desk(request: HttpRequest, congress_id: int, election_id: int) -> dict:
    _, election, station = _station(request, congress_id, election_id)
    return _desk(election, station)


ENTERED = {
    "agreed": "Đã lưu phiếu số {number}: khớp với tổ {other}.",
    "mismatch": (
        "Phiếu số {number} lệch với tổ {other}: hai tổ cùng kiểm lại phiếu gốc và nhập lại."
    ),
    "waiting": "Đã lưu phiếu số {number}; chờ tổ {other} nhập.",
}


@router.post(
    "/{congress_id}/elections/{election_id}/entries/",
    response=answers(EnteredOut, 201),
    summary="Nhập một phiếu bầu ở tổ của mình; đối chiếu với tổ kia",
    description="`state`: agreed (khớp), mismatch (lệch: hai tổ nhập lại), waiting (chờ tổ kia).",
)
def ballot_enter(
    request: HttpRequest, congress_id: int, election_id: int, payload: EntryIn
) -> Status:
    acting, election, station = _station(request, congress_id, election_id)
    data = form_data(payload)
    if "crossed" in data:
        data["crossed"] = [str(pk) for pk in data["crossed"]]
    form = valid(EntryForm(data, candidates=selectors.candidates_of(election)))
    entry, ballot = write(
        request,
        lambda: services.ballot_enter(
            access=acting,
            election=election,
            number=form.cleaned_data["number"],
            crossed=form.cleaned_data["crossed_ids"],
            chosen_reason=form.cleaned_data["invalid_reason"],
        ),
    )
    other = "B" if station == "A" else "A"
    state = str(ballot.state.value)
    return Status(
        201,
        {
            "number": entry.number,
            "station": station,
            "state": state,
            "message": ENTERED[state].format(number=entry.number, other=other),
            "desk": _desk(election, station),
        },
    )


def _minutes_reader(request: HttpRequest, congress_id: int, election_id: int) -> Election:
    acting = access(request, congress_id)
    election = access_election(acting, election_id)
    gate(
        can_follow_count(acting, election) or selectors.tally_of(election).final,
        NOT_YET,
    )
    return election


@router.get(
    "/{congress_id}/elections/{election_id}/minutes/docx/",
    response=answers(Detail),
    summary="Tải biên bản kiểm phiếu (DOCX) theo kết quả hiện tại",
)
def minutes_docx_download(request: HttpRequest, congress_id: int, election_id: int) -> HttpResponse:
    election = _minutes_reader(request, congress_id, election_id)
    docx = minutes_docx(election, selectors.tally_of(election), selectors.board_of(election))
    return content_file(docx, DOCX_CONTENT_TYPE, minutes_filename(election, "docx"))


@router.get(
    "/{congress_id}/elections/{election_id}/minutes/pdf/",
    response=answers(Detail),
    summary="Tải biên bản kiểm phiếu (PDF) đã tạo",
)
def minutes_pdf_download(request: HttpRequest, congress_id: int, election_id: int) -> FileResponse:
    election = _minutes_reader(request, congress_id, election_id)
    return stored_file(election.minutes_pdf, minutes_filename(election, "pdf"))


@router.post(
    "/{congress_id}/elections/{election_id}/minutes/pdf/",
    response=answers(Detail, 202),
    summary="Yêu cầu tạo bản PDF của biên bản (máy chủ tạo trong nền)",
    description="Tải về bằng GET cùng đường dẫn sau ít phút; `pdf_ready` của cuộc bầu cử cho "
    "biết bản PDF đã khớp với kết quả hiện tại.",
)
def minutes_pdf_request(request: HttpRequest, congress_id: int, election_id: int) -> Status:
    acting = access(request, congress_id)
    election = access_election(acting, election_id)
    write(request, lambda: services.minutes_request_pdf(access=acting, election=election))
    return Status(202, {"detail": "Đang tạo bản PDF của biên bản; tải lại sau ít phút."})
