"""Who is summoned to a programme session and who is present at it, as the vote counts them:
the programme's own rule (`programme.selectors.summoned_delegates` and `present_delegates`:
summoned and checked in to the session's check-in session), named here once for the votes."""

from django.db.models import QuerySet

from daihoi.delegates.models import Delegate
from daihoi.programme.models import Session
from daihoi.programme.selectors import present_delegates, summoned_delegates


def summoned(session: Session) -> QuerySet[Delegate]:
    return summoned_delegates(session)


def present(session: Session) -> QuerySet[Delegate]:
    return present_delegates(session)
