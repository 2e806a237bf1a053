"""Delegates' accounts (role "delegate"), made by the secretariat from the roster.

Delegates at a congress rarely have e-mail: an account is made without a password, then the
secretariat prints login slips (phiếu đăng nhập), which give each account a new random initial
password, shown on the slip only (the database keeps its hash). Where a delegate has an e-mail
address, the accounts app's invitation link lets them set their own password instead. A replaced
delegate's account is locked at the replacement; the alternate who takes the seat gets one.
"""

import secrets
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Q

from daihoi.accounts import services as account_services
from daihoi.accounts.models import AccountAction, Role, User
from daihoi.core.audit import record
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require, require_same_congress
from daihoi.organizations.models import Congress, Participation
from daihoi.organizations.permissions import ACCOUNTS_MANAGERS_ONLY, Access, can_manage_accounts

from ..models import Delegate

# No 0/O, 1/l/i: the password is typed from paper on a phone.
SLIP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
SLIP_PASSWORD_LENGTH = 10
EMAIL_TAKEN = "Địa chỉ e-mail này đã có tài khoản trong hệ thống."


@dataclass(frozen=True)
class Slip:
    """What one login slip prints. `password` exists only in memory, for this printing."""

    delegate: Delegate
    username: str
    password: str


def slip_password() -> str:
    raw = "".join(secrets.choice(SLIP_ALPHABET) for _ in range(SLIP_PASSWORD_LENGTH))
    return f"{raw[:5]}-{raw[5:]}"


def username_for(delegate: Delegate) -> str:
    """Short, typed from the slip: "db" and the roster row's number (unique in the system)."""
    return f"db{delegate.pk}"


def _lock_congress(access: Access) -> None:
    """Accounts of one congress are made one batch at a time (two secretaries' clicks on
    "make all" do not race for the same delegates)."""
    Congress.objects.select_for_update().filter(pk=access.congress.pk).first()


def _make(access: Access, delegate: Delegate, email: str = "") -> Participation:
    if not delegate.is_active:
        raise BusinessError("Đại biểu đã được thay thế; không tạo tài khoản.")
    if Participation.objects.filter(delegate=delegate).exists():
        raise BusinessError(f"Đại biểu {delegate.full_name} đã có tài khoản.")
    email = email.strip().lower()
    if email and User.objects.filter(Q(email__iexact=email) | Q(username__iexact=email)).exists():
        raise BusinessError(EMAIL_TAKEN, field="email")
    try:
        with transaction.atomic():
            user = User(username=username_for(delegate), email=email, full_name=delegate.full_name)
            user.set_unusable_password()
            user.save()
            participation = Participation.objects.create(
                user=user, congress=access.congress, role=Role.DELEGATE, delegate=delegate
            )
    except IntegrityError:
        raise BusinessError(f"Đại biểu {delegate.full_name} đã có tài khoản.") from None
    if email:
        account_services.invitation_create(
            user=user,
            invited_by=access.user,
            intro=(
                f"Văn phòng đã tạo tài khoản đại biểu cho đồng chí trên hệ thống điều hành "
                f"{access.congress.full_title}. Tên đăng nhập: {user.username}."
            ),
        )
    record(
        access,
        AccountAction.INVITED,
        user,
        data={"role": Role.DELEGATE, "delegate": delegate.full_name, "email": email},
    )
    return participation


@transaction.atomic
def delegate_account_create(
    *, access: Access, delegate: Delegate, email: str = ""
) -> Participation:
    """Makes the account of one delegate (no password yet: print a slip, or give an e-mail
    address for an invitation link). Locks the congress row."""
    require(can_manage_accounts(access), ACCOUNTS_MANAGERS_ONLY)
    require_same_congress(access.congress, delegate)
    _lock_congress(access)
    return _make(access, delegate, email)


@transaction.atomic
def delegate_accounts_create_all(*, access: Access) -> int:
    """Makes the accounts of every active delegate (official, alternate, guest) who has none;
    returns how many. Locks the congress row."""
    require(can_manage_accounts(access), ACCOUNTS_MANAGERS_ONLY)
    _lock_congress(access)
    missing = Delegate.objects.filter(
        congress=access.congress, is_active=True, account__isnull=True
    ).order_by("pk")
    made = 0
    for delegate in missing:
        _make(access, delegate)
        made += 1
    return made


@transaction.atomic
def delegate_slips_issue(*, access: Access, delegates: list[Delegate] | None = None) -> list[Slip]:
    """New initial passwords for login slips: for the delegates given (a lost slip: always),
    or else for every active delegate's account that has never been used to log in. Each
    password replaces the account's earlier one and is returned once, for printing; the
    delegate must choose their own at the next sign-in. Locks the accounts' user rows."""
    require(can_manage_accounts(access), ACCOUNTS_MANAGERS_ONLY)
    accounts = Participation.objects.filter(
        congress=access.congress, role=Role.DELEGATE, delegate__is_active=True
    )
    if delegates is None:
        accounts = accounts.filter(user__last_login__isnull=True)
    else:
        require_same_congress(access.congress, *delegates)
        accounts = accounts.filter(delegate__in=delegates)
    rows = list(
        accounts.select_related("delegate__delegation").order_by(
            "delegate__delegation__order", "delegate__name_key"
        )
    )
    users = {
        u.pk: u for u in User.objects.select_for_update().filter(pk__in=[p.user_id for p in rows])
    }
    slips = []
    for participation in rows:
        user = users[participation.user_id]
        if not user.is_active:
            continue
        password = slip_password()
        account_services.initial_password_set(user=user, password=password)
        record(access, AccountAction.PASSWORD_RESET_DONE, user, data={"slip": True})
        assert participation.delegate is not None
        slips.append(Slip(participation.delegate, user.username, password))
    return slips


def delegate_account_ensure(access: Access, delegate: Delegate) -> None:
    """Makes the delegate's account when they have none (the alternate taking a seat)."""
    if not Participation.objects.filter(delegate=delegate).exists():
        _make(access, delegate)


def delegate_account_lock_replaced(access: Access, replaced: Delegate) -> None:
    """Locks the account of a delegate who has just been replaced (called by the replacement,
    in its transaction)."""
    participation = Participation.objects.filter(delegate=replaced).select_related("user").first()
    if participation is None or not participation.user.is_active:
        return
    User.objects.filter(pk=participation.user_id).update(is_active=False)
    record(
        access,
        AccountAction.DEACTIVATED,
        participation.user,
        data={"reason": "delegate_replaced", "delegate": replaced.full_name},
    )
