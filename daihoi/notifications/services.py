"""Every change to notifications: storing new ones, mailing them, reading them, preferences."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from daihoi.accounts.models import User
from daihoi.core.audit import changes_since, record, snapshot

from . import selectors
from .models import Notification, NotificationAction, NotificationPreference
from .permissions import access_notification

TITLE_MAX = 300


@dataclass(frozen=True)
class Notice:
    """What to tell one user; `dedupe_key` names the event (and, for reminders, the rule and
    the date) so the same notice is never stored twice for the same user."""

    recipient_id: int
    congress_id: int
    kind: str
    title: str
    dedupe_key: str
    body: str = ""
    link: str = ""
    meeting_id: int | None = None


def notices_for(
    users: Iterable,
    actor,
    *,
    congress_id: int,
    kind: str,
    title: str,
    dedupe_key: str,
    body: str = "",
    link: str = "",
    meeting_id: int | None = None,
    per_user_key: bool = False,
) -> list[Notice]:
    """One notice for each of `users` but the actor (who knows what they did);
    `per_user_key` ends the dedupe key with the user's id."""
    actor_id = getattr(actor, "pk", None)
    return [
        Notice(
            recipient_id=user.pk,
            congress_id=congress_id,
            kind=kind,
            title=title,
            body=body,
            link=link,
            meeting_id=meeting_id,
            dedupe_key=f"{dedupe_key}:{user.pk}" if per_user_key else dedupe_key,
        )
        for user in users
        if user.pk != actor_id
    ]


def shorten(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@transaction.atomic
def notifications_create(*, notices: list[Notice]) -> list[Notification]:
    """Stores the notices not stored before and, after commit, queues one mail job for each
    recipient who wants e-mail. Returns what was stored."""
    if not notices:
        return []
    existing = set(
        Notification.objects.filter(
            recipient_id__in={n.recipient_id for n in notices},
            dedupe_key__in={n.dedupe_key for n in notices},
        ).values_list("recipient_id", "dedupe_key")
    )
    fresh = []
    for notice in notices:
        key = (notice.recipient_id, notice.dedupe_key)
        if key in existing:
            continue
        existing.add(key)
        fresh.append(
            Notification(
                recipient_id=notice.recipient_id,
                congress_id=notice.congress_id,
                kind=notice.kind,
                title=shorten(notice.title, TITLE_MAX),
                body=notice.body,
                link=notice.link,
                meeting_id=notice.meeting_id,
                dedupe_key=notice.dedupe_key,
            )
        )
    created = Notification.objects.bulk_create(fresh)
    mail_to = selectors.email_user_ids(n.recipient_id for n in created)
    mail_ids = [n.pk for n in created if n.recipient_id in mail_to]
    recipient_ids = {n.recipient_id for n in created}

    def after_commit() -> None:
        from .tasks import send_notification_email

        selectors.forget_unread_counts(recipient_ids)
        for pk in mail_ids:
            send_notification_email.enqueue(pk)

    transaction.on_commit(after_commit)
    return created


def notification_email_send(*, notification_id: int) -> bool:
    """Mails one notification at most once. Locks the row, re-checks the recipient's preference
    and the sent mark, sets the mark, then sends inside the same transaction: a failed send
    rolls the mark back so a retry may send, and a second job finds the mark and stops."""
    from .emails import build_email

    with transaction.atomic():
        notification = Notification.objects.select_for_update().filter(pk=notification_id).first()
        if notification is None or notification.emailed_at is not None:
            return False
        recipient = notification.recipient
        if not selectors.wants_email(recipient):
            return False
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
        build_email(notification).send()
    return True


def notification_mark_read(*, user: User, notification_id: int) -> Notification:
    """Not audited: reading a notice changes nothing anyone else relies on. A single guarded
    UPDATE, so two tabs marking the same notice keep the first time."""
    notification = access_notification(user, notification_id)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=notification.read_at
        )
        selectors.forget_unread_counts([user.pk])
    return notification


def notifications_mark_all_read(*, user: User) -> int:
    count = Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    selectors.forget_unread_counts([user.pk])
    return count


@transaction.atomic
def preference_set(*, user: User, channel: str) -> NotificationPreference:
    """Makes the user's row if missing (get_or_create settles two first saves), locks it, then
    writes. A user without a row had the default, so the change is seen from there."""
    NotificationPreference.objects.get_or_create(user=user)
    preference = NotificationPreference.objects.select_for_update().get(user=user)
    before = snapshot(preference, ["channel"])
    preference.channel = NotificationPreference.Channel(channel)
    preference.save()
    record(
        user,
        NotificationAction.PREFERENCE_CHANGED,
        preference,
        data={"channel": preference.channel},
        changes=changes_since(preference, before),
    )
    return preference
