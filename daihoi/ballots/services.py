"""Every change to an election: setting it up, naming its counting board, entering ballots,
asking for the minutes' PDF.

Each write locks the election row first (`select_for_update`): the two stations' entries of
one ballot are thus decided one after the other, so a ballot number is never taken twice in a
round, and the count read after a write sees it. Each is audited on the election.
"""

from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from daihoi.accounts.models import User
from daihoi.core.audit import changes_since, record, snapshot
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require
from daihoi.core.text import normalize
from daihoi.core.versioning import check_version
from daihoi.organizations.models import Participation
from daihoi.organizations.permissions import Access

from . import selectors
from .collation import name_order
from .counting import Ballot, effective_reason, reconcile
from .models import (
    CHOSEN_REASONS,
    BallotAction,
    BoardMember,
    Candidate,
    Election,
    Entry,
    Station,
)
from .permissions import ONLY_BOARD, ONLY_MANAGERS, can_manage_elections, station_of

MAX_CANDIDATES = 300
MAX_BALLOTS = 100_000


@dataclass(frozen=True)
class ElectionFields:
    title: str
    seats: int
    summoned: int
    issued: int
    candidates: tuple[str, ...]
    excused: int = 0
    collected: int | None = None


ELECTION_FIELDS = ["title", "seats", "summoned", "excused", "issued", "collected"]


def _candidate_names(fields: ElectionFields) -> list[str]:
    names = [normalize(name) for name in fields.candidates if normalize(name)]
    if not names:
        raise BusinessError("Vui lòng nhập danh sách bầu cử.", field="candidates")
    if len(names) > MAX_CANDIDATES:
        raise BusinessError(
            f"Danh sách bầu cử quá dài (tối đa {MAX_CANDIDATES} người).", field="candidates"
        )
    folded = [name.casefold() for name in names]
    if len(set(folded)) != len(folded):
        raise BusinessError(
            "Danh sách có tên trùng nhau: ghi thêm năm sinh hoặc chức vụ để phân biệt.",
            field="candidates",
        )
    return sorted(names, key=name_order)


def _check(fields: ElectionFields, names: list[str]) -> None:
    if not fields.title.strip():
        raise BusinessError("Vui lòng nhập tên cuộc bầu cử.", field="title")
    if fields.seats < 1:
        raise BusinessError("Số lượng cần bầu phải từ 1 trở lên.", field="seats")
    if fields.seats > len(names):
        raise BusinessError(
            "Số lượng cần bầu không được nhiều hơn số người trong danh sách bầu cử.",
            field="seats",
        )
    if not 1 <= fields.summoned <= MAX_BALLOTS:
        raise BusinessError("Số đại biểu được triệu tập không hợp lệ.", field="summoned")
    if not 0 <= fields.excused < fields.summoned:
        raise BusinessError(
            "Số đại biểu được trừ phải nhỏ hơn số đại biểu được triệu tập.", field="excused"
        )
    if not 0 <= fields.issued <= fields.summoned:
        raise BusinessError(
            "Số phiếu phát ra không được nhiều hơn số đại biểu được triệu tập.", field="issued"
        )
    if fields.collected is not None and not 0 <= fields.collected <= fields.issued:
        raise BusinessError(
            "Số phiếu thu vào không được nhiều hơn số phiếu phát ra (nếu thực tế nhiều hơn, "
            "cuộc bầu cử phải tổ chức lại).",
            field="collected",
        )


def _set_candidates(election: Election, names: list[str]) -> None:
    election.candidates.all().delete()
    Candidate.objects.bulk_create(
        Candidate(election=election, position=i, full_name=name)
        for i, name in enumerate(names, start=1)
    )


@transaction.atomic
def election_create(*, access: Access, fields: ElectionFields) -> Election:
    require(can_manage_elections(access), ONLY_MANAGERS)
    names = _candidate_names(fields)
    _check(fields, names)
    election = Election(
        congress=access.congress,
        title=fields.title.strip(),
        seats=fields.seats,
        summoned=fields.summoned,
        excused=fields.excused,
        issued=fields.issued,
        collected=fields.collected,
    )
    election.save()
    _set_candidates(election, names)
    record(
        access,
        BallotAction.ELECTION_CREATED,
        election,
        data={"title": election.title, "candidates": len(names)},
    )
    return election


def _lock(access: Access, election: Election) -> Election:
    locked = Election.objects.select_for_update().filter(pk=election.pk).first()
    if locked is None or locked.congress_id != access.congress.pk:
        raise BusinessError("Cuộc bầu cử này không còn.")
    return locked


@transaction.atomic
def election_update(
    *,
    access: Access,
    election: Election,
    fields: ElectionFields,
    expected_version: int | None = None,
) -> Election:
    """Once a ballot is entered, the list and the seats are fixed: the entries read them."""
    require(can_manage_elections(access), ONLY_MANAGERS)
    election = _lock(access, election)
    check_version(election, expected_version, "Cuộc bầu cử")
    names = _candidate_names(fields)
    _check(fields, names)
    current = [c.full_name for c in selectors.candidates_of(election)]
    started = election.entries.exists()
    if started and (names != current or fields.seats != election.seats):
        raise BusinessError(
            "Đã có phiếu được nhập: không thể sửa danh sách bầu cử hay số lượng cần bầu.",
            field="candidates",
        )
    if fields.collected is not None and started:
        highest = max(election.entries.values_list("number", flat=True))
        if highest > fields.collected:
            raise BusinessError(
                f"Đã có phiếu số {highest} được nhập: số phiếu thu vào không thể nhỏ hơn.",
                field="collected",
            )
    before = snapshot(election, ELECTION_FIELDS)
    election.title = fields.title.strip()
    election.seats = fields.seats
    election.summoned = fields.summoned
    election.excused = fields.excused
    election.issued = fields.issued
    election.collected = fields.collected
    election.save()
    changes = changes_since(election, before)
    if names != current:
        _set_candidates(election, names)
        changes.append(["Danh sách bầu cử", ", ".join(current), ", ".join(names)])
    record(access, BallotAction.ELECTION_UPDATED, election, changes=changes)
    return election


@transaction.atomic
def board_member_add(*, access: Access, election: Election, user: User, station: str) -> None:
    require(can_manage_elections(access), ONLY_MANAGERS)
    election = _lock(access, election)
    if station not in Station.values:
        raise BusinessError("Chọn tổ A hoặc tổ B.", field="station")
    if not Participation.objects.filter(user=user, congress=access.congress).exists():
        raise BusinessError("Người này không có tài khoản trong Đại hội.", field="user")
    if BoardMember.objects.filter(election=election, user=user).exists():
        raise BusinessError(
            "Người này đã ở trong Ban Kiểm phiếu của cuộc bầu cử: mỗi người chỉ ở một tổ.",
            field="user",
        )
    BoardMember.objects.create(election=election, user=user, station=station)
    record(
        access,
        BallotAction.BOARD_MEMBER_ADDED,
        election,
        data={"user": user.display_name, "station": station},
    )


@transaction.atomic
def board_member_remove(*, access: Access, election: Election, member: BoardMember) -> None:
    require(can_manage_elections(access), ONLY_MANAGERS)
    election = _lock(access, election)
    name, station = member.user.display_name, member.station
    BoardMember.objects.filter(pk=member.pk, election=election).delete()
    record(
        access,
        BallotAction.BOARD_MEMBER_REMOVED,
        election,
        data={"user": name, "station": station},
    )


@transaction.atomic
def ballot_enter(
    *,
    access: Access,
    election: Election,
    number: int,
    crossed: list[int],
    chosen_reason: str = "",
) -> tuple[Entry, Ballot]:
    """One station's reading of ballot `number`. Locks the election row, so the other
    station's entry of the same ballot waits and is reconciled against this one.

    The station is the user's own (their board membership), never chosen in the form. A
    station entering a number it has already entered, unless the two stations differed on it,
    is refused: each station reads each ballot once per round."""
    election = _lock(access, election)
    station = station_of(access, election)
    require(station is not None, ONLY_BOARD)
    assert station is not None
    limit = election.collected if election.collected is not None else election.issued
    if not 1 <= number <= limit:
        what = "thu vào" if election.collected is not None else "phát ra"
        raise BusinessError(f"Số phiếu phải từ 1 đến {limit} (số phiếu {what}).", field="number")
    if chosen_reason and chosen_reason not in CHOSEN_REASONS:
        raise BusinessError("Lý do không hợp lệ.", field="invalid_reason")
    candidates = set(election.candidates.values_list("pk", flat=True))
    marked = set(crossed)
    if not marked <= candidates:
        raise BusinessError("Tên gạch không có trong danh sách bầu cử.", field="crossed")
    ballot = reconcile(selectors.readings_of(election, number)).get(number)
    round_ = 0 if ballot is None else ballot.station_may_enter(station)
    if round_ is None:
        assert ballot is not None
        raise BusinessError(
            f"Tổ {station} đã nhập phiếu số {number}. Mỗi tổ chỉ nhập một phiếu một lần; nếu "
            "nhập nhầm, phiếu sẽ được đánh dấu lệch khi tổ kia nhập và cả hai tổ nhập lại.",
            field="number",
        )
    reason = effective_reason(
        chosen_reason, crossed=len(marked), candidates=len(candidates), seats=election.seats
    )
    try:
        with transaction.atomic():
            entry = Entry.objects.create(
                election=election,
                station=station,
                number=number,
                round=round_,
                invalid_reason=reason,
                entered_by=access.user,
            )
    except IntegrityError:
        raise BusinessError(f"Phiếu số {number} vừa được tổ {station} nhập.") from None
    if chosen_reason:
        marked = set()  # a ballot the board rejects on sight is not read further
    entry.crossed.set(sorted(marked))
    record(
        access,
        BallotAction.BALLOT_ENTERED,
        election,
        data={"number": number, "station": station, "round": round_},
    )
    after = reconcile(selectors.readings_of(election, number))[number]
    return entry, after


@transaction.atomic
def minutes_request_pdf(*, access: Access, election: Election) -> None:
    """Asks the worker for the minutes' PDF of the count as it stands."""
    from .tasks import make_minutes_pdf

    require(can_manage_elections(access) or station_of(access, election) is not None)
    election = _lock(access, election)
    record(access, BallotAction.MINUTES_PDF_REQUESTED, election)
    election_id = election.pk
    transaction.on_commit(lambda: make_minutes_pdf.enqueue(election_id))


@transaction.atomic
def minutes_store_pdf(*, election_id: int, pdf: bytes, fingerprint: str) -> None:
    """The worker's result: replaces any earlier PDF of the minutes."""
    election = Election.objects.select_for_update().filter(pk=election_id).first()
    if election is None:
        return
    if election.minutes_pdf:
        election.minutes_pdf.delete(save=False)
    election.minutes_pdf.save(f"bien-ban-kiem-phieu-{election.pk}.pdf", ContentFile(pdf), False)
    election.minutes_pdf_of = fingerprint
    election.save(update_fields=["minutes_pdf", "minutes_pdf_of"])
