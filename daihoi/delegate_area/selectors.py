"""What the delegate's own area reads: the sessions the delegate is summoned to, each with
whether the delegate has checked in, and the current programme."""

from django.db.models import Exists, OuterRef, QuerySet

from daihoi.delegates.models import CheckIn, Delegate
from daihoi.programme import selectors as programme
from daihoi.programme.models import Session


def my_sessions(delegate: Delegate) -> QuerySet[Session]:
    """The programme sessions the delegate is summoned to, in order, each annotated
    `checked_in` (one query)."""
    return programme.sessions_summoning(delegate).annotate(
        checked_in=Exists(
            CheckIn.objects.filter(session_id=OuterRef("checkin_session_id"), delegate=delegate)
        )
    )
