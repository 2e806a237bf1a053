"""What the presidium's board reads: the session under way, its current item, the headcount
against the quorum, the list of speakers.

The current item: the presidium announces it (Floor, "Chuyển sang mục này") because sessions
run early or late; until the first announcement in a session, the board follows the clock (the
last item whose start time has passed), and says so.
"""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from daihoi.delegates.models import Delegate
from daihoi.delegates.quorum import has_quorum, quorum_needed
from daihoi.organizations.models import Congress
from daihoi.programme.models import Item, Session
from daihoi.voting import attendance

from .models import Floor


@dataclass(frozen=True)
class Attendance:
    """Present against summoned, judged by the quorum rule of `delegates.quorum` (the one the
    check-in's headcount uses)."""

    present: int
    summoned: int

    @property
    def needed(self) -> int:
        return quorum_needed(self.summoned)

    @property
    def valid(self) -> bool:
        return has_quorum(self.present, self.summoned)

    @property
    def missing(self) -> int:
        return max(0, self.needed - self.present)

    @property
    def percent(self) -> int:
        return round(100 * self.present / self.summoned) if self.summoned else 0


def session_now(sessions: list[Session], floor: Floor | None, now: dt.datetime) -> Session | None:
    """The session running by the clock; else the one of the announced item; else the next to
    come; else the last one."""
    for session in sessions:
        if session.starts_at <= now < session.ends_at:
            return session
    if floor is not None and floor.item is not None:
        for session in sessions:
            if session.pk == floor.item.session_id:
                return session
    upcoming = [s for s in sessions if s.starts_at > now]
    if upcoming:
        return upcoming[0]
    return sessions[-1] if sessions else None


@dataclass(frozen=True)
class CurrentItem:
    item: Item | None
    announced: bool  # by the presidium; False: by the clock


def item_now(
    session: Session, items: list[Item], floor: Floor | None, now: dt.datetime
) -> CurrentItem:
    if floor is not None and floor.item is not None and floor.item.session_id == session.pk:
        return CurrentItem(next((i for i in items if i.pk == floor.item.pk), floor.item), True)
    local = timezone.localtime(now)
    if local.date() != timezone.localtime(session.starts_at).date() or now < session.starts_at:
        return CurrentItem(None, False)
    started = [i for i in items if i.starts_at is not None and i.starts_at <= local.time()]
    return CurrentItem(started[-1] if started else (items[0] if items else None), False)


def floor_of(congress: Congress) -> Floor | None:
    return Floor.objects.select_related("item").filter(congress=congress).first()


def sessions_of(congress: Congress) -> list[Session]:
    return list(Session.objects.filter(congress=congress).order_by("starts_at", "pk"))


def items_of(session: Session) -> list[Item]:
    return list(Item.objects.filter(session=session).order_by("position"))


def attendance_of(session: Session) -> Attendance | None:
    """Summoned official delegates checked in to the session against those summoned (two
    counts), by the rule the vote counts them with (`voting.attendance`); None when nobody is
    summoned yet."""
    summoned = attendance.summoned(session).filter(kind=Delegate.Kind.OFFICIAL)
    total = summoned.count()
    if not total:
        return None
    present = attendance.present(session).filter(kind=Delegate.Kind.OFFICIAL).count()
    return Attendance(present=present, summoned=total)
