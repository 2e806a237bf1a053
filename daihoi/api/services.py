"""Personal API tokens: made and revoked by their owner only, audited."""

import datetime as dt
import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from daihoi.accounts.models import User
from daihoi.core.audit import record
from daihoi.core.exceptions import BusinessError

from .models import ApiAction, ApiToken, Scope

TOKEN_START = "dh_"
PREFIX_LENGTH = 11  # "dh_" and 8 random characters: enough to tell a user's tokens apart
# How long a token may live: the owner chooses among these (days).
LIFETIMES = (30, 90, 180, 365)
MAX_LIVE_TOKENS = 20


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def token_create(*, user: User, name: str, scope: str, days: int) -> tuple[ApiToken, str]:
    """Makes a token for `user`; returns it with the raw token, which is never stored and
    cannot be shown again."""
    name = name.strip()
    if not name:
        raise BusinessError("Vui lòng đặt tên gợi nhớ cho khóa.", field="name")
    if scope not in Scope.values:
        raise BusinessError("Phạm vi không hợp lệ.", field="scope")
    if days not in LIFETIMES:
        raise BusinessError("Thời hạn không hợp lệ.", field="days")
    # Two creations at once queue on the user's row, so the cap holds.
    User.objects.select_for_update().filter(pk=user.pk).exists()
    if ApiToken.objects.filter(user=user).live().count() >= MAX_LIVE_TOKENS:
        raise BusinessError(
            f"Mỗi người dùng có tối đa {MAX_LIVE_TOKENS} khóa còn hiệu lực; hãy thu hồi khóa "
            "không dùng nữa."
        )
    raw = TOKEN_START + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=raw[:PREFIX_LENGTH],
        token_hash=hash_token(raw),
        scope=scope,
        expires_at=timezone.now() + dt.timedelta(days=days),
    )
    record(user, ApiAction.TOKEN_CREATED, token, data={"scope": scope, "days": days})
    return token, raw


@transaction.atomic
def token_revoke(*, user: User, token: ApiToken) -> ApiToken:
    """The owner revokes their token; it stops working at once."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.user_id != user.pk:
        raise BusinessError("Không tìm thấy khóa API.")
    if token.revoked_at is not None:
        raise BusinessError("Khóa này đã được thu hồi trước đó.")
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    record(user, ApiAction.TOKEN_REVOKED, token)
    return token


def authenticate(raw: str) -> ApiToken | None:
    """The live token matching `raw`, with its user; None otherwise."""
    if not raw.startswith(TOKEN_START) or len(raw) > 100:
        return None
    return ApiToken.objects.live().select_related("user").filter(token_hash=hash_token(raw)).first()


# How often `last_used_at` is written for a busy token.
TOUCH_EVERY = dt.timedelta(minutes=1)


def touch(token: ApiToken) -> None:
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
