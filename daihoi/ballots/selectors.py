"""What the ballot pages read: elections, their board, the stations' entries and the count."""

from django.db.models import Count, QuerySet

from daihoi.accounts.models import User
from daihoi.organizations.models import Congress

from .counting import Reading, Tally, count
from .models import BoardMember, Candidate, Election, Entry


def elections_of(congress: Congress) -> QuerySet[Election]:
    return Election.objects.filter(congress=congress).annotate(
        candidate_count=Count("candidates", distinct=True)
    )


def candidates_of(election: Election) -> list[Candidate]:
    return list(election.candidates.order_by("position"))


def board_of(election: Election) -> list[BoardMember]:
    return list(election.board.select_related("user").order_by("station", "user__full_name"))


def users_for_board(congress: Congress) -> QuerySet[User]:
    """The congress's users who may sit on a counting board (any workspace account)."""
    return User.objects.filter(participations__congress=congress, is_active=True).order_by(
        "full_name", "username"
    )


def readings_of(election: Election, number: int | None = None) -> list[Reading]:
    """Every entry of the election (or of one ballot number) with the names it crossed: two
    queries whatever the number of ballots."""
    entries = Entry.objects.filter(election=election)
    if number is not None:
        entries = entries.filter(number=number)
    rows = list(entries.values_list("pk", "station", "number", "round", "invalid_reason"))
    crossed: dict[int, set[int]] = {pk: set() for pk, *_ in rows}
    through = Entry.crossed.through.objects.filter(entry__in=entries)
    for entry_id, candidate_id in through.values_list("entry_id", "candidate_id"):
        crossed[entry_id].add(candidate_id)
    return [
        Reading(station, n, rnd, reason, frozenset(crossed[pk]))
        for pk, station, n, rnd, reason in rows
    ]


def tally_of(election: Election) -> Tally:
    candidates = list(election.candidates.values_list("pk", "position", "full_name"))
    return count(
        readings_of(election),
        candidates,
        seats=election.seats,
        issued=election.issued,
        collected=election.collected,
        summoned=election.summoned,
        base=election.base,
    )


def recent_entries(election: Election, station: str, limit: int = 15) -> list[Entry]:
    return list(
        Entry.objects.filter(election=election, station=station)
        .prefetch_related("crossed")
        .order_by("-entered_at", "-pk")[:limit]
    )
