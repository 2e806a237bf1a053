"""Accounts of a congress: the secretariat invites people by e-mail, gives, changes and takes
their roles (the `Participation` row: role, agency, person), locks and unlocks accounts and
sends password resets. Each is one audited action on the `User`, within the congress."""

from django.db import IntegrityError, transaction
from django.db.models import Q

from daihoi.accounts import services as account_services
from daihoi.accounts.models import AccountAction, Invitation, Role, User
from daihoi.core.audit import changes_since, record, snapshot
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require, require_same_congress

from ..models import Agency, Participation, Person
from ..permissions import (
    ACCOUNTS_MANAGERS_ONLY,
    Access,
    can_change_account,
    can_manage_accounts,
)

EMAIL_TAKEN = (
    "Địa chỉ e-mail này đã có tài khoản trong hệ thống. Nếu đó là người của Đại hội khác, "
    "đề nghị quản trị hệ thống gán thêm vai trò ở Đại hội này."
)
OFFICER_NEEDS_AGENCY = "Đầu mối cơ quan phải gắn với một cơ quan, đơn vị."
PERSON_TAKEN = "Cán bộ này đã gắn với một tài khoản khác của Đại hội."
DELEGATE_ACCOUNTS_FROM_ROSTER = (
    "Tài khoản đại biểu được tạo từ danh sách đại biểu (Đại biểu › Tài khoản đại biểu), không "
    "đổi sang hay từ vai trò khác."
)
NOT_OWN_ACCOUNT = (
    "Không thể đổi vai trò, khóa hay gỡ tài khoản của chính mình hoặc của quản trị hệ thống."
)


def _check_role(
    access: Access,
    participation_id: int | None,
    role: str,
    agency: Agency | None,
    person: Person | None,
) -> None:
    require_same_congress(access.congress, agency, person)
    if role == Role.DELEGATE:
        raise BusinessError(DELEGATE_ACCOUNTS_FROM_ROSTER, field="role")
    if role == Role.AGENCY_OFFICER and agency is None:
        raise BusinessError(OFFICER_NEEDS_AGENCY, field="agency")
    if person is not None:
        others = Participation.objects.filter(congress=access.congress, person=person)
        if participation_id is not None:
            others = others.exclude(pk=participation_id)
        if others.exists():
            raise BusinessError(PERSON_TAKEN, field="person")


def person_named(access: Access, full_name: str) -> Person | None:
    """The one person of the congress with exactly this name and no account yet, if there is
    exactly one: an invitation without a chosen person is linked to them."""
    name = " ".join(full_name.split())
    people = list(
        Person.objects.filter(
            congress=access.congress, full_name__iexact=name, accounts__isnull=True
        )[:2]
    )
    return people[0] if len(people) == 1 else None


def _intro(access: Access, participation: Participation) -> str:
    role = Role(participation.role).label
    where = f", {participation.agency.name}" if participation.agency else ""
    return (
        f"Đồng chí {access.user.display_name} đã tạo tài khoản cho đồng chí trên hệ thống điều "
        f"hành {access.congress.full_title}, với vai trò {role}{where}."
    )


@transaction.atomic
def account_invite(
    access: Access,
    *,
    email: str,
    full_name: str,
    role: str,
    agency: Agency | None = None,
    person: Person | None = None,
) -> Participation:
    """Makes the account (no password yet; its user name is the e-mail), its role in this
    congress (linked to the person chosen or, failing that, the one person of the congress of
    that name) and an invitation the worker mails. An e-mail that already has an account is
    refused. Two invitations of one address at once: the user name's unique index lets only
    one through."""
    require(can_manage_accounts(access), ACCOUNTS_MANAGERS_ONLY)
    email = email.strip().lower()
    full_name = full_name.strip() or (person.full_name if person else "")
    if not full_name:
        raise BusinessError("Đề nghị nhập họ và tên người được mời.", field="full_name")
    if User.objects.filter(Q(email__iexact=email) | Q(username__iexact=email)).exists():
        raise BusinessError(EMAIL_TAKEN, field="email")
    person = person or person_named(access, full_name)
    _check_role(access, None, role, agency, person)
    try:
        with transaction.atomic():
            user = User(username=email, email=email, full_name=full_name)
            user.set_unusable_password()
            user.save()
    except IntegrityError:
        raise BusinessError(EMAIL_TAKEN, field="email") from None
    participation = Participation.objects.create(
        user=user, congress=access.congress, role=role, agency=agency, person=person
    )
    account_services.invitation_create(
        user=user, invited_by=access.user, intro=_intro(access, participation)
    )
    record(
        access,
        AccountAction.INVITED,
        user,
        data={"email": email, "role": role, "agency": agency.name if agency else ""},
    )
    return participation


@transaction.atomic
def account_invitation_resend(access: Access, participation: Participation) -> Invitation:
    """A fresh link for an account whose user has not set a password yet; older links expire."""
    require(can_change_account(access, participation), NOT_OWN_ACCOUNT)
    user = User.objects.select_for_update().get(pk=participation.user_id)
    if user.has_usable_password():
        raise BusinessError(
            "Tài khoản đã đặt mật khẩu; hãy dùng “Gửi thư đặt lại mật khẩu” nếu người dùng quên."
        )
    if not user.is_active:
        raise BusinessError("Tài khoản đang bị khóa; hãy mở khóa trước khi gửi lại lời mời.")
    invitation = account_services.invitation_create(
        user=user, invited_by=access.user, intro=_intro(access, participation)
    )
    record(access, AccountAction.INVITATION_RESENT, user, data={"email": user.email})
    return invitation


@transaction.atomic
def account_role_change(
    access: Access,
    participation: Participation,
    *,
    role: str,
    agency: Agency | None = None,
    person: Person | None = None,
) -> Participation:
    """Changes the account's role, agency or person in this congress. Locks the row, so two
    secretaries' edits apply one after the other and each records what it changed."""
    require(can_change_account(access, participation), NOT_OWN_ACCOUNT)
    participation = Participation.objects.select_for_update().get(pk=participation.pk)
    if participation.role == Role.DELEGATE:
        raise BusinessError(DELEGATE_ACCOUNTS_FROM_ROSTER, field="role")
    _check_role(access, participation.pk, role, agency, person)
    before = snapshot(participation, ["role", "agency", "person"])
    participation.role = role
    participation.agency = agency
    participation.person = person
    participation.save(update_fields=["role", "agency", "person"])
    changes = changes_since(participation, before)
    if changes:
        record(access, AccountAction.ROLE_CHANGED, participation.user, changes=changes)
    return participation


@transaction.atomic
def account_role_remove(access: Access, participation: Participation) -> None:
    """Takes the account's role in this congress away: the user no longer enters it. The
    account itself stays (it may work in another congress)."""
    require(can_change_account(access, participation), NOT_OWN_ACCOUNT)
    locked = Participation.objects.select_for_update().filter(pk=participation.pk).first()
    if locked is None:
        raise BusinessError("Tài khoản đã được gỡ khỏi Đại hội này.")
    record(
        access,
        AccountAction.ROLE_REMOVED,
        participation.user,
        data={"role": locked.role, "agency": locked.agency.name if locked.agency else ""},
    )
    locked.delete()


def _set_active(access: Access, participation: Participation, active: bool) -> User:
    require(can_change_account(access, participation), NOT_OWN_ACCOUNT)
    user = User.objects.select_for_update().get(pk=participation.user_id)
    elsewhere = Participation.objects.filter(user=user).exclude(congress=access.congress)
    if elsewhere.exists() and not access.is_admin:
        raise BusinessError(
            "Tài khoản này còn làm việc ở Đại hội khác; chỉ quản trị hệ thống khóa hoặc mở khóa "
            "được. Đồng chí có thể gỡ vai trò của tài khoản ở Đại hội này."
        )
    if user.is_active == active:
        raise BusinessError(
            "Tài khoản đang hoạt động." if active else "Tài khoản đã bị khóa từ trước."
        )
    user.is_active = active
    user.save(update_fields=["is_active"])
    record(access, AccountAction.REACTIVATED if active else AccountAction.DEACTIVATED, user)
    return user


@transaction.atomic
def account_deactivate(access: Access, participation: Participation) -> User:
    """Locks the account: it can no longer sign in, and its open sessions end at the next
    request (Django's backend refuses an inactive user). Locks the user row."""
    return _set_active(access, participation, False)


@transaction.atomic
def account_reactivate(access: Access, participation: Participation) -> User:
    return _set_active(access, participation, True)


@transaction.atomic
def account_password_reset_send(access: Access, participation: Participation) -> User:
    """The secretariat has the worker mail the user a password-reset link."""
    require(can_change_account(access, participation), NOT_OWN_ACCOUNT)
    user = participation.user
    if not user.is_active:
        raise BusinessError("Tài khoản đang bị khóa; hãy mở khóa trước.")
    if not user.has_usable_password():
        raise BusinessError("Tài khoản chưa đặt mật khẩu; hãy gửi lại lời mời.")
    if not user.email:
        raise BusinessError("Tài khoản chưa có địa chỉ e-mail để gửi thư.")
    account_services.password_reset_schedule(user)
    record(access, AccountAction.PASSWORD_RESET_SENT, user, data={"email": user.email})
    return user
