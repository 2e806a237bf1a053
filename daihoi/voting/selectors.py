"""Reads of the votes: the congress's motions, the one open now (for the presidium's board), a
closed motion's result, the roll call of an open vote, and a delegate's own list."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, QuerySet

from daihoi.organizations.models import Congress

from . import attendance
from .models import Choice, Motion, Participation, RollCallVote


def motions_of(congress: Congress) -> QuerySet[Motion]:
    """Newest first, with their sessions; one query."""
    return Motion.objects.filter(congress=congress).select_related("session").defer("text")


def open_vote(congress: Congress) -> Motion | None:
    """The motion being voted on now in the congress, if any (at most one is open)."""
    return (
        Motion.objects.filter(congress=congress, state=Motion.State.OPEN)
        .select_related("session")
        .first()
    )


@dataclass(frozen=True)
class Progress:
    """While a vote is open: how many have voted out of those present, never how."""

    voted: int
    present: int
    summoned: int


def progress(motion: Motion) -> Progress:
    voted = Participation.objects.filter(motion=motion).count()
    if motion.session is None:
        return Progress(voted, 0, 0)
    return Progress(
        voted,
        attendance.present(motion.session).count(),
        attendance.summoned(motion.session).count(),
    )


def _share(part: int, whole: int | None) -> str:
    """A percentage as Vietnamese write it: two decimals with a comma (52,38%)."""
    if not whole:
        return "—"
    return f"{100 * part / whole:.2f}".replace(".", ",") + "%"


@dataclass(frozen=True)
class ResultRow:
    label: str
    count: int
    of_present: str
    of_summoned: str


def result_rows(motion: Motion) -> list[ResultRow]:
    """A closed motion's counts with their shares of the present and the summoned delegates."""
    counts = [
        (Choice.YES, motion.yes_count),
        (Choice.NO, motion.no_count),
        (Choice.ABSTAIN, motion.abstain_count),
    ]
    rows = [
        ResultRow(
            str(choice.label),
            count,
            _share(count, motion.present_count),
            _share(count, motion.summoned_count),
        )
        for choice, count in counts
    ]
    not_voted = max((motion.present_count or 0) - motion.voted_count, 0)
    rows.append(
        ResultRow(
            "Có mặt nhưng không bấm",
            not_voted,
            _share(not_voted, motion.present_count),
            _share(not_voted, motion.summoned_count),
        )
    )
    return rows


def roll_call_of(motion: Motion) -> list[RollCallVote]:
    """Who voted how: only for an open (roll-call) vote, only once it is closed."""
    if not (motion.roll_call and motion.is_closed):
        return []
    return list(
        RollCallVote.objects.filter(motion=motion)
        .select_related("delegate__delegation")
        .order_by("delegate__delegation__order", "delegate__delegation__name", "delegate__pk")
    )


def voted_by(delegate_id: int) -> Exists:
    """For a query of motions: whether the delegate has voted on each."""
    return Exists(Participation.objects.filter(motion=OuterRef("pk"), delegate_id=delegate_id))


def motions_for_delegate(congress: Congress, delegate_id: int) -> list[Motion]:
    """The motions of the congress that are open or closed, each marked `has_voted` for the
    delegate; drafts are the presidium's own."""
    return list(
        Motion.objects.filter(congress=congress)
        .exclude(state=Motion.State.DRAFT)
        .select_related("session")
        .annotate(has_voted=voted_by(delegate_id))
        .defer("text")
    )


def participation_counts(motions: list[Motion]) -> dict[int, int]:
    rows = (
        Participation.objects.filter(motion__in=motions)
        .values("motion")
        .annotate(n=Count("pk"))
        .values_list("motion", "n")
    )
    return dict(rows)


def my_roll_call_choice(motion: Motion, delegate_id: int) -> str:
    """What the delegate chose, for a roll-call motion only (a secret one does not know)."""
    if not motion.roll_call:
        return ""
    row = RollCallVote.objects.filter(motion=motion, delegate_id=delegate_id).first()
    return row.get_choice_display() if row else ""


def board_context(congress: Congress) -> dict[str, object]:
    """What `voting/board_slot.html` reads on the presidium's board: the open vote and how many
    present delegates have voted (three queries when a vote is open, one otherwise)."""
    vote = open_vote(congress)
    return {"vote": vote, "vote_progress": progress(vote) if vote else None}
