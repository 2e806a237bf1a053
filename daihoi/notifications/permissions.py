"""A user only ever sees and changes their own notifications."""

from django.http import Http404

from daihoi.accounts.models import User

from .models import Notification


def access_notification(user: User, notification_id: int) -> Notification:
    """The user's own notification; another user's answers 404 like a missing one."""
    notification = Notification.objects.filter(pk=notification_id, recipient=user).first()
    if notification is None:
        raise Http404
    return notification
