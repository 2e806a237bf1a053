"""Reads of a congress's organisation, already restricted to what the caller may see."""

from dataclasses import dataclass

from django.db import models
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from daihoi.accounts.models import Invitation, User
from daihoi.core.audit import history_of
from daihoi.core.models import AuditEntry

from .models import Participation
from .permissions import Access


class AccountState(models.TextChoices):
    ACTIVE = "active", _("Đang hoạt động")
    INVITED = "invited", _("Chờ đặt mật khẩu")
    INVITATION_EXPIRED = "expired", _("Lời mời đã hết hạn")
    LOCKED = "locked", _("Đã khóa")


@dataclass(frozen=True)
class AccountRow:
    participation: Participation
    state: AccountState
    invitation: Invitation | None

    @property
    def user(self) -> User:
        return self.participation.user


def account_state(participation: Participation) -> AccountRow:
    """The account's state as the secretariat reads it; the user's invitations are expected
    prefetched newest first (`accounts_of`)."""
    user = participation.user
    invitations = list(user.invitations.all())
    invitation = invitations[0] if invitations else None
    if not user.is_active:
        state = AccountState.LOCKED
    elif user.has_usable_password():
        state = AccountState.ACTIVE
    elif invitation and invitation.expires_at and invitation.expires_at <= timezone.now():
        state = AccountState.INVITATION_EXPIRED
    else:
        state = AccountState.INVITED
    return AccountRow(participation, state, invitation)


def account_participations(access: Access) -> QuerySet[Participation]:
    """The congress's accounts with what `account_state` reads, in two queries."""
    return (
        Participation.objects.filter(congress=access.congress)
        .select_related("user", "agency", "person")
        .prefetch_related(
            Prefetch("user__invitations", queryset=Invitation.objects.order_by("-created_at"))
        )
    )


def accounts_of(access: Access) -> list[AccountRow]:
    """Every account of the congress with its role, agency, person and state, in two queries."""
    participations = account_participations(access).order_by("user__full_name", "user__username")
    return [account_state(p) for p in participations]


def account_history(access: Access, participation: Participation) -> QuerySet[AuditEntry]:
    """The account's audit entries this congress may read: its own and those of no congress
    (the user's own password changes), never another congress's."""
    return history_of(participation.user).filter(
        Q(congress_id=access.congress.pk) | Q(congress_id__isnull=True)
    )
