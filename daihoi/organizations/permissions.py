"""Who may do what in a congress. Every view starts from `access_congress`."""

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, Prefetch, QuerySet
from django.http import Http404

from daihoi.accounts.models import Role, User
from daihoi.core.sql import table
from daihoi.core.views import first_or_404

from .models import (
    Agency,
    AgencyGroup,
    Committee,
    Congress,
    Membership,
    Participation,
    Person,
)

ADMIN = "admin"
# The secretariat or a leader of a congress above, reading a congress below (levels app's
# `access_from_above`): sees it whole and changes nothing. `access_congress` never answers it.
OVERSEER = "overseer"
# Editors work on the public portal only; delegates in their own area only (`access_delegate`).
WORKSPACE_ROLES = [r for r in Role if r not in (Role.EDITOR, Role.DELEGATE)]


@dataclass(frozen=True)
class Access:
    """A user's standing in one congress, resolved once per request."""

    user: User
    congress: Congress
    role: str
    agency_id: int | None = None
    person_id: int | None = None
    # The user's agency is the one marked as Finance (Sở Tài chính): it keeps the budget norms,
    # reviews and compiles the agencies' estimates.
    agency_is_finance: bool = False
    # The roster's delegate of a delegate's account (role "delegate"), else None.
    delegate_id: int | None = None

    @property
    def is_admin(self) -> bool:
        return self.role == ADMIN

    @property
    def can_manage(self) -> bool:
        """Secretariat work: plans, tasks, agencies, committees."""
        return self.role in (ADMIN, Role.SECRETARIAT)

    @property
    def can_accept(self) -> bool:
        """Accept or return a completed task."""
        return self.role in (ADMIN, Role.SECRETARIAT, Role.COMMITTEE_LEADER)

    @property
    def sees_whole_congress(self) -> bool:
        return self.role in (
            ADMIN,
            Role.SECRETARIAT,
            Role.COMMITTEE_LEADER,
            Role.MEMBER,
            OVERSEER,
        )

    @property
    def is_overseer(self) -> bool:
        return self.role == OVERSEER

    @property
    def is_agency_officer(self) -> bool:
        return self.role == Role.AGENCY_OFFICER

    @property
    def is_finance(self) -> bool:
        """Budget work of the Finance department; the administrator may do it too."""
        return self.is_admin or (self.is_agency_officer and self.agency_is_finance)

    @property
    def is_delegate(self) -> bool:
        return self.role == Role.DELEGATE

    @property
    def role_label(self) -> str:
        if self.is_overseer:
            return "Cấp trên"
        return "Quản trị hệ thống" if self.is_admin else str(Role(self.role).label)


def access_congress(user: User | AnonymousUser, congress_id: int) -> Access:
    """The user's access to a congress; 404 when it is missing or not theirs (no leak)."""
    if not user.is_authenticated:
        raise Http404
    if user.is_superuser:
        try:
            return Access(user, Congress.objects.get(pk=congress_id), ADMIN)
        except Congress.DoesNotExist:
            raise Http404 from None
    assert isinstance(user, User)
    # Every page of a congress starts here: one written-out statement that builds the congress
    # alone (the ORM's select_related of participation, congress and agency cost ~4× more).
    found = list(
        Congress.objects.raw(
            f"SELECT c.*, p.role AS p_role, p.agency_id AS p_agency, p.person_id AS p_person,"
            f" a.is_finance AS p_finance FROM {table(Participation)} p"
            f" JOIN {table(Congress)} c ON c.id = p.congress_id"
            f" LEFT JOIN {table(Agency)} a ON a.id = p.agency_id"
            " WHERE p.user_id = %s AND p.congress_id = %s",
            [user.pk, congress_id],
        )
    )
    if not found:
        raise Http404
    congress: Any = found[0]
    if congress.p_role not in WORKSPACE_ROLES:
        raise Http404
    return Access(
        user,
        congress,
        congress.p_role,
        congress.p_agency,
        congress.p_person,
        agency_is_finance=bool(congress.p_finance),
    )


def access_delegate(user: User | AnonymousUser, congress_id: int) -> Access:
    """A delegate's access to their own area of a congress (role "delegate", with the roster's
    delegate); 404 for everyone else, as for a missing congress. The delegate's pages start
    here; `access_congress` never answers a delegate."""
    if not user.is_authenticated:
        raise Http404
    assert isinstance(user, User)
    participation = first_or_404(
        Participation.objects.select_related("congress").filter(
            user=user, congress_id=congress_id, role=Role.DELEGATE, delegate__isnull=False
        )
    )
    return Access(
        user,
        participation.congress,
        participation.role,
        delegate_id=participation.delegate_id,
    )


def delegate_congresses(user: User | AnonymousUser) -> QuerySet[Congress]:
    """The congresses where the user is a delegate (their own area), for the landing page."""
    if not user.is_authenticated:
        return Congress.objects.none()
    return Congress.objects.filter(
        participations__user=user,
        participations__role=Role.DELEGATE,
        participations__delegate__isnull=False,
    )


def congresses_for(user: User | AnonymousUser) -> QuerySet[Congress]:
    if user.is_superuser:
        return Congress.objects.all()
    if not user.is_authenticated:
        return Congress.objects.none()
    return Congress.objects.filter(
        participations__user=user, participations__role__in=WORKSPACE_ROLES
    )


def _in_congress[M: Model](queryset: QuerySet[M], access: Access, object_id: int) -> M:
    try:
        return queryset.get(pk=object_id, congress=access.congress)
    except ObjectDoesNotExist:
        raise Http404 from None


def access_agency(access: Access, agency_id: int) -> Agency:
    """An agency of the access's congress; 404 alike when missing or in another congress."""
    return _in_congress(Agency.objects.select_related("parent"), access, agency_id)


def access_person(access: Access, person_id: int) -> Person:
    """A person of the access's congress; 404 alike when missing or in another congress."""
    return _in_congress(Person.objects.select_related("agency"), access, person_id)


def access_committee(access: Access, committee_id: int) -> Committee:
    """A committee of the access's congress with its members; 404 alike when missing or not
    the congress's."""
    queryset = Committee.objects.select_related("parent", "founding_document").prefetch_related(
        committee_members()
    )
    return _in_congress(queryset, access, committee_id)


def committee_members() -> Prefetch:
    """Prefetches a committee's memberships with the people and their agencies."""
    return Prefetch(
        "memberships",
        queryset=Membership.objects.select_related("person", "person__agency").prefetch_related(
            "supervised_agencies"
        ),
    )


# Accounts of a congress -------------------------------------------------------------------------

ACCOUNTS_MANAGERS_ONLY = "Chỉ Thường trực, Văn phòng quản lý tài khoản của Đại hội."


def can_manage_accounts(access: Access) -> bool:
    """Invite, give or take roles, lock, send resets: the secretariat, in its own congress."""
    return access.can_manage


def can_change_account(access: Access, participation: Participation) -> bool:
    """Not one's own account (no locking oneself out), nor the system administrator's."""
    return (
        can_manage_accounts(access)
        and participation.user_id != access.user.pk
        and not participation.user.is_superuser
    )


def access_account(access: Access, user_id: int) -> Participation:
    """A user's participation in the access's congress (the account as this congress knows it);
    404 alike for a missing user and for one who works in another congress only."""
    return first_or_404(
        Participation.objects.select_related("user", "agency", "person").filter(
            user_id=user_id, congress=access.congress
        )
    )


def can_create_congress(user: User | AnonymousUser) -> bool:
    """The system administrator, or anyone already secretariat of a congress, may start one."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return Participation.objects.filter(user=user, role=Role.SECRETARIAT).exists()


def access_agency_group(access: Access, group_id: int) -> AgencyGroup:
    """An agency group of the access's congress with its members; 404 alike when missing or in
    another congress."""
    queryset = AgencyGroup.objects.prefetch_related(
        Prefetch("agencies", queryset=Agency.objects.select_related("parent"))
    )
    return _in_congress(queryset, access, group_id)


# The organisation's people and committees ------------------------------------------------------


def can_manage_people(access: Access) -> bool:
    """Add and edit the congress's people (cán bộ) and their titles: the secretariat."""
    return access.can_manage


def can_manage_committees(access: Access) -> bool:
    """Set up committees, their founding decision, members and each member's duties."""
    return access.can_manage


def can_name_leader(access: Access, agency: Agency) -> bool:
    """Name an agency's leader in charge and focal officers: the secretariat, or the agency's
    own officer for their agency only."""
    if agency.congress_id != access.congress.pk:
        return False
    return access.can_manage or (access.is_agency_officer and access.agency_id == agency.pk)


def access_membership(access: Access, committee: Committee, membership_id: int) -> Membership:
    """A membership of `committee` (already fetched for the access); 404 alike when missing or
    of another committee."""
    try:
        return Membership.objects.select_related("person", "committee").get(
            pk=membership_id, committee=committee
        )
    except Membership.DoesNotExist:
        raise Http404 from None


def access_agency_leadership(access: Access, agency_id: int) -> Agency:
    """An agency whose leader in charge the user may name: 404 alike when missing, in another
    congress, or (for an agency officer) another agency's."""
    agency = access_agency(access, agency_id)
    if not can_name_leader(access, agency):
        raise Http404
    return agency
