"""Who is summoned to a programme session and who is present at it, as the vote counts them.

One place, so that the rule the vote uses is the programme's own (its `summoned_delegates` and
`present_delegates`) once those exist; until then the congress's active official delegates are
summoned, and present when checked in to the check-in session of the same name.
"""

from django.db.models import QuerySet

from daihoi.delegates.models import CheckIn, Delegate
from daihoi.programme.models import Session


def summoned(session: Session) -> QuerySet[Delegate]:
    return Delegate.objects.filter(
        congress_id=session.congress_id, is_active=True, kind=Delegate.Kind.OFFICIAL
    )


def present(session: Session) -> QuerySet[Delegate]:
    checked_in = CheckIn.objects.filter(
        congress_id=session.congress_id, session__name=session.title
    ).values("delegate_id")
    return summoned(session).filter(pk__in=checked_in)
