"""A user only ever sees and changes their own notifications."""

from daihoi.accounts.models import User
from daihoi.core.views import first_or_404

from .models import Notification


def access_notification(user: User, notification_id: int) -> Notification:
    """The user's own notification; another user's answers 404 like a missing one."""
    return first_or_404(Notification.objects.filter(pk=notification_id, recipient=user))
