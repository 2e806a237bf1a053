"""Who is summoned to a programme session and who is present at it, as the vote counts them.

The programme's own rule (`programme.selectors.summoned_delegates` and `present_delegates`:
the session's audience, present when checked in to its check-in session), narrowed to the
official delegates: guests summoned to the opening or closing session do not vote.
"""

from django.db.models import QuerySet

from daihoi.delegates.models import Delegate
from daihoi.programme.models import Session
from daihoi.programme.selectors import present_delegates, summoned_delegates


def summoned(session: Session) -> QuerySet[Delegate]:
    return summoned_delegates(session).filter(kind=Delegate.Kind.OFFICIAL)


def present(session: Session) -> QuerySet[Delegate]:
    return present_delegates(session).filter(kind=Delegate.Kind.OFFICIAL)
