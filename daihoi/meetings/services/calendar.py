"""A user's private calendar URL: made new (the old one revoked) or revoked."""

from django.db import transaction
from django.utils import timezone

from daihoi.accounts.models import User

from ..models import CalendarFeed


def calendar_feed_current(user: User) -> CalendarFeed | None:
    """The user's live calendar URL, if any."""
    return CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).first()


@transaction.atomic
def calendar_feed_renew(*, user: User, revoke: bool = False) -> CalendarFeed | None:
    """Revokes any current URL and, unless `revoke`, makes a new one."""
    # Two renewals at once must not leave two live URLs: they queue on the user's row.
    User.objects.select_for_update().filter(pk=user.pk).exists()
    CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    return None if revoke else CalendarFeed.objects.create(user=user)
