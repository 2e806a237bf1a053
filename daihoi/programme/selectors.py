"""Reads of the programme: the draft with its items and script in three queries, and the same
draft as the plain content a release keeps (so a release prints exactly as the draft did)."""

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from daihoi.core.dates import format_date
from daihoi.delegates.models import Delegate
from daihoi.organizations.models import Congress

from .models import Cue, Item, Release, Session

WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]


def _items_with_cues() -> QuerySet[Item]:
    return Item.objects.order_by("position").prefetch_related(
        Prefetch("cues", queryset=Cue.objects.order_by("position"))
    )


def sessions_of(congress: Congress) -> QuerySet[Session]:
    return Session.objects.filter(congress=congress).prefetch_related(
        Prefetch("items", queryset=_items_with_cues())
    )


def items_of(session: Session) -> list[Item]:
    """The session's items in order, each with its script lines (two queries)."""
    return list(_items_with_cues().filter(session=session))


def _hour(value: Any) -> str:
    return value.strftime("%H:%M") if value else ""


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def programme_content(congress: Congress) -> dict[str, Any]:
    """The draft as plain data: days, each with its sessions, items and script lines, every
    value already written as it prints (dd/mm/yyyy, HH:MM, labels)."""
    days: list[dict[str, Any]] = []
    for session in sessions_of(congress):
        starts = timezone.localtime(session.starts_at)
        day = format_date(starts.date())
        if not days or days[-1]["date"] != day:
            days.append({"date": day, "weekday": WEEKDAYS[starts.weekday()], "sessions": []})
        days[-1]["sessions"].append(
            {
                "id": session.pk,
                "kind": session.get_kind_display(),
                "title": session.title,
                "starts": _hour(starts),
                "ends": _hour(timezone.localtime(session.ends_at)),
                "place": session.place,
                "presidium": _lines(session.presidium),
                "secretaries": _lines(session.secretaries),
                "items": [
                    {
                        "id": item.pk,
                        "number": number,
                        "time": _hour(item.starts_at),
                        "minutes": item.minutes,
                        "title": item.title,
                        "presenter": item.presenter,
                        "cues": [
                            {
                                "time": _hour(cue.at),
                                "kind": cue.get_kind_display(),
                                "actor": cue.actor,
                                "text": cue.text,
                                "note": cue.note,
                            }
                            for cue in item.cues.all()
                        ],
                    }
                    for number, item in enumerate(session.items.all(), start=1)
                ],
            }
        )
    return {"days": days}


def without_ids(content: dict[str, Any]) -> dict[str, Any]:
    """The content as it prints, for comparing the draft with a release."""
    return {
        "days": [
            {
                **day,
                "sessions": [
                    {
                        **{k: v for k, v in session.items() if k != "id"},
                        "items": [
                            {k: v for k, v in item.items() if k != "id"}
                            for item in session["items"]
                        ],
                    }
                    for session in day["sessions"]
                ],
            }
            for day in content["days"]
        ]
    }


def releases_of(congress: Congress) -> QuerySet[Release]:
    return Release.objects.filter(congress=congress).select_related("published_by")


def current_release(congress: Congress) -> Release | None:
    return releases_of(congress).first()


# Who is summoned to a session ---------------------------------------------------------------

# The rule: a session summons the congress's delegates who are on the roster now (a delegate
# replaced by an alternate is not; the alternate who took the seat has become an official
# delegate and is), of the kinds its audience names. Alternates not (yet) seated are not
# summoned: they vote and count towards the quorum only once they replace someone.
AUDIENCE_KINDS: dict[str, tuple[str, ...]] = {
    Session.Audience.DELEGATES: (Delegate.Kind.OFFICIAL,),
    Session.Audience.DELEGATES_AND_GUESTS: (Delegate.Kind.OFFICIAL, Delegate.Kind.GUEST),
}


def summoned_kinds(session: Session) -> tuple[str, ...]:
    return AUDIENCE_KINDS.get(session.audience, (Delegate.Kind.OFFICIAL,))


def summoned_delegates(session: Session) -> QuerySet[Delegate]:
    """The delegates summoned to (triệu tập dự) `session`: active, of the kinds its audience
    names (see `AUDIENCE_KINDS`)."""
    return Delegate.objects.filter(
        congress_id=session.congress_id, is_active=True, kind__in=summoned_kinds(session)
    )


def is_summoned(delegate: Delegate, session: Session) -> bool:
    """Whether `delegate` is summoned to `session` (the rule of `summoned_delegates`, on the
    delegate's loaded row: no query)."""
    return (
        delegate.congress_id == session.congress_id
        and delegate.is_active
        and delegate.kind in summoned_kinds(session)
    )


def present_delegates(session: Session) -> QuerySet[Delegate]:
    """The summoned delegates checked in to the session (one query: the check-ins of its
    check-in session)."""
    return summoned_delegates(session).filter(check_ins__session_id=session.checkin_session_id)


def sessions_summoning(delegate: Delegate) -> QuerySet[Session]:
    """The programme sessions `delegate` is summoned to, in order (none for a replaced one)."""
    if not delegate.is_active:
        return Session.objects.none()
    audiences = [a for a, kinds in AUDIENCE_KINDS.items() if delegate.kind in kinds]
    return Session.objects.filter(congress_id=delegate.congress_id, audience__in=audiences)
