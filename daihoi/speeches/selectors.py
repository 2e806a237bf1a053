"""Reads of the list of speakers: one session's queue, its record of speeches delivered."""

from dataclasses import dataclass

from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from daihoi.delegates.models import Delegate
from daihoi.programme.models import Session

from .models import Speech


def _speeches(session: Session) -> QuerySet[Speech]:
    return (
        Speech.objects.filter(session=session)
        .select_related("delegate__delegation", "item")
        .order_by("position", "pk")
    )


@dataclass(frozen=True)
class Queue:
    """A session's list: who speaks now, who waits (in order), and the rest."""

    speaking: Speech | None
    waiting: list[Speech]
    done: list[Speech]

    @property
    def approved(self) -> int:
        return sum(1 for s in self.waiting if s.state == Speech.State.APPROVED)

    @property
    def pending(self) -> int:
        return sum(1 for s in self.waiting if s.state == Speech.State.REQUESTED)


def queue_of(session: Session) -> Queue:
    """The whole list in one query."""
    speaking = None
    waiting: list[Speech] = []
    done: list[Speech] = []
    for speech in _speeches(session):
        if speech.state == Speech.State.CALLED:
            speaking = speech
        elif speech.state in (Speech.State.REQUESTED, Speech.State.APPROVED):
            waiting.append(speech)
        else:
            done.append(speech)
    return Queue(speaking, waiting, done)


def delivered_of(session: Session) -> list[Speech]:
    """Speeches delivered in the session, in the order they were given."""
    return list(
        _speeches(session).filter(state=Speech.State.DELIVERED).order_by("delivered_at", "pk")
    )


def speakers_choices(session: Session) -> list[tuple[int | str, str]]:
    """The delegates who may be registered to speak, as (id, "name — delegation") pairs: the
    congress's active official delegates (one query)."""
    rows = (
        Delegate.objects.filter(
            congress_id=session.congress_id, is_active=True, kind=Delegate.Kind.OFFICIAL
        )
        .order_by("name_key", "pk")
        .values_list("pk", "full_name", "delegation__name")
    )
    return [("", "— Chọn đại biểu —")] + [(pk, f"{name} — {team}") for pk, name, team in rows]


def speeches_of_delegate(delegate: Delegate) -> list[Speech]:
    """The delegate's registrations, latest session first, each with `ahead`: how many of the
    session's registrations still to speak stand before it (one query)."""
    ahead = (
        Speech.objects.filter(
            session=OuterRef("session"),
            state__in=Speech.WAITING,
            position__lt=OuterRef("position"),
        )
        .order_by()
        .values("session")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return list(
        Speech.objects.filter(delegate=delegate)
        .select_related("session", "item")
        .annotate(ahead=Coalesce(Subquery(ahead), 0))
        .order_by("-session__starts_at", "-position")
    )
