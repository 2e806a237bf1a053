"""Who may read and keep the roster.

Personal data (birth year, ethnicity, religion, levels, Party date, phone…) is read and the
roster kept by the secretariat, the administrator, members of the credentials/organising
subcommittees (Tiểu ban Nhân sự, Tiểu ban Tổ chức phục vụ) and the users the secretariat gives
the credentials duty. Everyone else in the congress reads names, kind, position and delegation;
gate staff (the gate duty) check delegates in and see name, photo, delegation and the result.
"""

from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, QuerySet
from django.http import Http404

from daihoi.organizations.models import Committee, Membership
from daihoi.organizations.permissions import Access

from .models import Delegate, Delegation, Duty

# The subcommittees whose members keep the roster.
ROSTER_COMMITTEES = (Committee.Kind.PERSONNEL, Committee.Kind.SERVICE)

ONLY_ROSTER_KEEPERS = (
    "Chỉ Thường trực, Văn phòng và Tiểu ban thẩm tra tư cách, tổ chức phục vụ mới được xem, "
    "sửa thông tin cá nhân của đại biểu."
)
ONLY_GATE = "Chỉ tổ điểm danh, Thường trực, Văn phòng mới được điểm danh đại biểu."
ONLY_MANAGERS = "Chỉ Thường trực, Văn phòng mới được phân công công tác đại biểu."


@dataclass(frozen=True)
class RosterRights:
    """What one user may do with the roster of the access's congress, resolved once per request."""

    access: Access
    keeps_roster: bool
    checks_in: bool

    @property
    def sees_personal_data(self) -> bool:
        return self.keeps_roster

    @property
    def reads_roster(self) -> bool:
        return self.keeps_roster or self.access.sees_whole_congress or self.checks_in


def roster_rights(access: Access) -> RosterRights:
    if access.can_manage:
        return RosterRights(access, keeps_roster=True, checks_in=True)
    duties = set(
        Duty.objects.filter(congress=access.congress, user=access.user).values_list(
            "kind", flat=True
        )
    )
    keeps = Duty.Kind.CREDENTIALS in duties or (
        access.person_id is not None
        and Membership.objects.filter(
            person_id=access.person_id,
            committee__congress=access.congress,
            committee__kind__in=ROSTER_COMMITTEES,
        ).exists()
    )
    return RosterRights(access, keeps_roster=keeps, checks_in=keeps or Duty.Kind.GATE in duties)


def can_keep_roster(rights: RosterRights) -> bool:
    return rights.keeps_roster


def can_check_in(rights: RosterRights) -> bool:
    return rights.checks_in


def can_give_duties(access: Access) -> bool:
    return access.can_manage


def _in_congress[M: Model](queryset: QuerySet[M], access: Access, object_id: int) -> M:
    try:
        return queryset.get(pk=object_id, congress=access.congress)
    except ObjectDoesNotExist:
        raise Http404 from None


def access_delegate(access: Access, delegate_id: int) -> Delegate:
    """A delegate of the access's congress; 404 alike when missing or in another congress."""
    return _in_congress(
        Delegate.objects.select_related("delegation", "replacement", "substituted"),
        access,
        delegate_id,
    )


def access_delegation(access: Access, delegation_id: int) -> Delegation:
    """A delegation of the access's congress; 404 alike when missing or in another congress."""
    return _in_congress(Delegation.objects.all(), access, delegation_id)


def own_delegate(access: Access) -> Delegate:
    """The roster's delegate of a delegate's account (from `access_delegate` in organizations),
    with its delegation; 404 for any other access."""
    if access.delegate_id is None:
        raise Http404
    return _in_congress(Delegate.objects.select_related("delegation"), access, access.delegate_id)
