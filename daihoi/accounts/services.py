"""Changes to an account that need nothing of a congress: the invitation's one-time link, the
first password and password resets. Who may invite, and into which congress with which role,
is decided in `organizations.services.accounts`, which calls these."""

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from daihoi.core.audit import record
from daihoi.core.exceptions import BusinessError

from .models import AccountAction, Invitation, User

LINK_INVALID = (
    "Liên kết không hợp lệ. Đề nghị kiểm tra lại đường dẫn trong thư, hoặc liên hệ Văn phòng "
    "để được gửi lại lời mời."
)
LINK_USED = (
    "Liên kết này đã được dùng để đặt mật khẩu. Đồng chí hãy đăng nhập; nếu quên mật khẩu, "
    "chọn “Quên mật khẩu” ở trang đăng nhập."
)
LINK_EXPIRED = (
    "Liên kết đã hết hạn (lời mời có hiệu lực {hours} giờ) hoặc đã được thay bằng lời mời mới. "
    "Đề nghị liên hệ Văn phòng để được gửi lại lời mời."
)
ACCOUNT_LOCKED = "Tài khoản này đã bị khóa. Đề nghị liên hệ Văn phòng."
# Mails a user may ask for an hour, per e-mail address (a cap against mail-bombing a mailbox).
RESET_REQUESTS_PER_HOUR = 3


def invitation_hours() -> int:
    return int(getattr(settings, "INVITATION_HOURS", 72))


def token_digest(token: str) -> str:
    """What is stored of a link's token: its SHA-256 (the token is 256 random bits)."""
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_create(*, user: User, invited_by: User | None, intro: str) -> Invitation:
    """A new invitation for `user`, mailed by the worker once the caller's transaction commits;
    the user's earlier invitations not yet accepted expire now (their links stop working).
    The caller checks the right to invite and records the audit entry."""
    now = timezone.now()
    Invitation.objects.filter(user=user, accepted_at__isnull=True).update(expires_at=now)
    invitation = Invitation.objects.create(user=user, invited_by=invited_by, intro=intro)
    transaction.on_commit(lambda: _enqueue_invitation(invitation.pk))
    return invitation


def _enqueue_invitation(invitation_id: int) -> None:
    from .tasks import send_invitation_email

    send_invitation_email.enqueue(invitation_id)


def invitation_email_send(*, invitation_id: int) -> bool:
    """Makes the link's token, stores its hash and expiry, and mails it, at most once: the row
    is locked and marked sent in the same transaction as the send, so a failed send rolls back
    for a retry and a second job finds the mark and stops."""
    from .emails import invitation_email

    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update(of=("self",))
            .select_related("user")
            .filter(pk=invitation_id)
            .first()
        )
        if invitation is None or invitation.sent_at or invitation.accepted_at:
            return False
        if invitation.expires_at is not None or not invitation.user.is_active:
            return False  # replaced by a newer invitation, or the account was locked meanwhile
        token = secrets.token_urlsafe(32)
        now = timezone.now()
        invitation.token_hash = token_digest(token)
        invitation.sent_at = now
        invitation.expires_at = now + dt.timedelta(hours=invitation_hours())
        invitation.save(update_fields=["token_hash", "sent_at", "expires_at"])
        invitation_email(invitation, token).send()
    return True


def invitation_for_token(token: str, *, lock: bool = False) -> Invitation:
    """The invitation a link's token opens, or a BusinessError saying plainly why not."""
    if not token or len(token) > 100:
        raise BusinessError(LINK_INVALID)
    invitations = Invitation.objects.select_related("user")
    if lock:
        invitations = invitations.select_for_update(of=("self",))
    invitation = invitations.filter(token_hash=token_digest(token)).first()
    if invitation is None:
        raise BusinessError(LINK_INVALID)
    if invitation.accepted_at is not None or invitation.user.has_usable_password():
        raise BusinessError(LINK_USED)
    if invitation.expires_at is None or invitation.expires_at <= timezone.now():
        raise BusinessError(LINK_EXPIRED.format(hours=invitation_hours()))
    if not invitation.user.is_active:
        raise BusinessError(ACCOUNT_LOCKED)
    return invitation


@transaction.atomic
def invitation_accept(*, token: str, password: str) -> User:
    """Sets the invited user's first password through the link, once. Locks the invitation so
    two submits of the same link cannot both pass."""
    invitation = invitation_for_token(token, lock=True)
    user = invitation.user
    user.set_password(password)
    user.save(update_fields=["password"])
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    record(user, AccountAction.INVITATION_ACCEPTED, user)
    return user


def password_reset_schedule(user: User) -> None:
    """Mails `user` a password-reset link once the caller's transaction commits."""
    transaction.on_commit(lambda: _enqueue_reset(user.pk))


def _enqueue_reset(user_id: int) -> None:
    from .tasks import send_password_reset_email

    send_password_reset_email.enqueue(user_id)


def resettable_users(email: str) -> list[User]:
    """Active accounts with this e-mail and a password already set (an invited user who has
    not accepted yet sets the first one through the invitation)."""
    users = User.objects.filter(email__iexact=email.strip(), is_active=True)
    return [u for u in users if u.has_usable_password()]


def _reset_allowed(email: str) -> bool:
    key = "password-reset:" + token_digest(email.strip().lower())
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=3600)
        count = 1
    return count <= RESET_REQUESTS_PER_HOUR


@transaction.atomic
def password_reset_request(*, email: str) -> int:
    """A user asks for a reset link by e-mail. The page answers the same whether or not the
    address has an account (no one learns who is registered); beyond a few requests an hour
    for one address nothing more is sent. Returns how many mails were scheduled."""
    if not _reset_allowed(email):
        return 0
    users = resettable_users(email)
    for user in users:
        record(None, AccountAction.PASSWORD_RESET_REQUESTED, user)
        password_reset_schedule(user)
    return len(users)


def password_reset_email_send(*, user_id: int) -> bool:
    from .emails import password_reset_email

    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.has_usable_password() or not user.email:
        return False
    password_reset_email(user, default_token_generator.make_token(user)).send()
    return True


@transaction.atomic
def password_reset_finish(*, user: User, password: str) -> User:
    """Sets the password chosen through a reset link (the link's token was checked by Django's
    reset view); the link stops working because the password hash changed."""
    user.set_password(password)
    user.save(update_fields=["password"])
    record(user, AccountAction.PASSWORD_RESET_DONE, user)
    return user


def initial_password_set(*, user: User, password: str) -> None:
    """A password chosen by someone else (a printed login slip): stored hashed, and the user
    must replace it with their own at their next sign-in. The caller locks the user row,
    runs this in its transaction and records the audit entry."""
    user.set_password(password)
    user.password_change_required = True
    user.save(update_fields=["password", "password_change_required"])


@transaction.atomic
def password_change(*, user: User, password: str) -> User:
    """The signed-in user sets their own password (the form has checked the current one and
    Django's validators); the earlier one, a slip's included, stops working and the user is
    no longer sent to the change form. Locks the user row."""
    locked = User.objects.select_for_update().get(pk=user.pk)
    was_required = locked.password_change_required
    locked.set_password(password)
    locked.password_change_required = False
    locked.save(update_fields=["password", "password_change_required"])
    record(locked, AccountAction.PASSWORD_CHANGED, locked, data={"required": was_required})
    return locked
