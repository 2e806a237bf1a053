"""The delegates' discussion groups (lập tổ, phân đại biểu, rút khỏi tổ), their accounts (made
from the roster, login slips) and the delegate duties the secretariat gives (credentials, gate)."""

import datetime as dt

from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest
from ninja import Router, Schema, Status

from daihoi.core.exceptions import BusinessError
from daihoi.delegates.forms import AssignDelegationForm, AssignForm, GroupForm
from daihoi.delegates.models import Delegate, DiscussionGroup, Duty, GroupMember
from daihoi.delegates.permissions import ONLY_MANAGERS, ONLY_ROSTER_KEEPERS, access_delegate
from daihoi.delegates.selectors import PUBLIC_FIELDS
from daihoi.delegates.services import accounts as account_services
from daihoi.delegates.services import groups as services
from daihoi.delegates.services import roster as roster_services
from daihoi.organizations.models import Participation
from daihoi.organizations.permissions import (
    ACCOUNTS_MANAGERS_ONLY,
    Access,
    can_manage_accounts,
)

from ..common import (
    access,
    answers,
    display,
    form_data,
    gate,
    listed,
    removal,
    removed,
    valid,
    write,
)
from .delegates import DelegateOut, DelegationRef, rights_of, roster_reader

router = Router(tags=["Đại biểu"])


class MemberDelegateOut(Schema):
    id: int
    full_name: str
    position: str
    workplace: str
    delegation: DelegationRef


class MemberOut(Schema):
    id: int
    role: str
    role_label: str = display("role")
    delegate: MemberDelegateOut


class GroupOut(Schema):
    """A discussion group with its members: leader, deputies, secretaries, then by name."""

    id: int
    name: str
    place: str
    order: int
    members: list[MemberOut]

    @staticmethod
    def resolve_members(group: DiscussionGroup) -> list[GroupMember]:
        return sorted(
            group.members.all(),
            key=lambda m: (GroupMember.ROLE_ORDER[m.role], m.delegate.name_key),
        )


class GroupIn(Schema):
    name: str
    place: str | None = None
    order: int = 0


class AssignIn(Schema):
    delegate: int
    role: str = "member"


class AssignDelegationIn(Schema):
    delegation: int


class AssignedOut(Schema):
    assigned: int


class AccountUserOut(Schema):
    username: str
    email: str
    is_active: bool
    last_login: dt.datetime | None


class DelegateAccountOut(Schema):
    """A delegate of the roster and their account (`account` null: none yet)."""

    id: int
    full_name: str
    kind: str
    delegation: DelegationRef
    account: AccountUserOut | None

    @staticmethod
    def resolve_account(delegate: Delegate) -> dict | None:
        participation = getattr(delegate, "account", None)
        if participation is None:
            return None
        user = participation.user
        return {
            "username": user.username,
            "email": user.email,
            "is_active": user.is_active,
            "last_login": user.last_login,
        }


class AccountIn(Schema):
    """`email`: optional; given, the delegate gets an invitation to choose a password."""

    email: str = ""


class MadeOut(Schema):
    created: int


class SlipsIn(Schema):
    """`delegate`: one delegate's slip again (a lost slip); none: every account never used."""

    delegate: int | None = None


class SlipOut(Schema):
    """A login slip: the password is made now, shown once and never again."""

    delegate_id: int
    full_name: str
    delegation: str
    username: str
    password: str


class DutyUserOut(Schema):
    id: int
    username: str
    full_name: str

    @staticmethod
    def resolve_full_name(user) -> str:
        return user.get_full_name()


class DutyOut(Schema):
    id: int
    kind: str
    kind_label: str = display("kind")
    user: DutyUserOut
    created_at: dt.datetime


class DutyIn(Schema):
    """`user`: the id of a user who takes part in the congress; `kind`: credentials or gate."""

    user: int
    kind: str


def _members() -> Prefetch:
    return Prefetch(
        "members", queryset=GroupMember.objects.select_related("delegate", "delegate__delegation")
    )


def _group(acting: Access, discussion_group_id: int) -> DiscussionGroup:
    group = (
        DiscussionGroup.objects.filter(congress=acting.congress, pk=discussion_group_id)
        .prefetch_related(_members())
        .first()
    )
    if group is None:
        raise Http404
    return group


def _kept_group(
    request: HttpRequest, congress_id: int, discussion_group_id: int
) -> tuple[Access, DiscussionGroup]:
    """The group first (404), then the keepers' gate, as the assignment pages."""
    acting, rights = rights_of(request, congress_id)
    group = _group(acting, discussion_group_id)
    gate(rights.keeps_roster, ONLY_ROSTER_KEEPERS)
    return acting, group


@listed(
    router,
    "/{congress_id}/discussion-groups/",
    GroupOut,
    "Các tổ thảo luận và thành viên từng tổ (cũng là danh sách in)",
)
def group_list(request: HttpRequest, congress_id: int) -> QuerySet[DiscussionGroup]:
    acting, _ = roster_reader(request, congress_id)
    return DiscussionGroup.objects.filter(congress=acting.congress).prefetch_related(_members())


@router.post(
    "/{congress_id}/discussion-groups/",
    response=answers(GroupOut, 201),
    summary="Lập tổ thảo luận",
)
def group_create(request: HttpRequest, congress_id: int, payload: GroupIn) -> Status:
    acting, rights = roster_reader(request, congress_id)
    gate(rights.keeps_roster, ONLY_ROSTER_KEEPERS)
    form = valid(
        GroupForm({"order": payload.order, **form_data(payload)}, congress=acting.congress)
    )
    group = write(request, lambda: services.group_create(access=acting, **form.cleaned_data))
    return Status(201, _group(acting, group.pk))


@listed(
    router,
    "/{congress_id}/discussion-groups/ungrouped/",
    DelegateOut,
    "Đại biểu chưa được phân vào tổ thảo luận nào (trừ khách mời)",
)
def group_ungrouped(request: HttpRequest, congress_id: int) -> QuerySet[Delegate]:
    acting, _ = roster_reader(request, congress_id)
    return (
        Delegate.objects.filter(
            congress=acting.congress, is_active=True, group_membership__isnull=True
        )
        .exclude(kind=Delegate.Kind.GUEST)
        .select_related("delegation")
        .only(*PUBLIC_FIELDS)
    )


@router.get(
    "/{congress_id}/discussion-groups/{discussion_group_id}/",
    response=answers(GroupOut),
    summary="Một tổ thảo luận và thành viên",
)
def group_detail(request: HttpRequest, congress_id: int, discussion_group_id: int):
    acting, _ = roster_reader(request, congress_id)
    return _group(acting, discussion_group_id)


@router.post(
    "/{congress_id}/discussion-groups/{discussion_group_id}/members/",
    response=answers(MemberOut, 201),
    summary="Phân một đại biểu vào tổ (hoặc đổi tổ, đổi vai trò)",
)
def group_assign(
    request: HttpRequest, congress_id: int, discussion_group_id: int, payload: AssignIn
) -> Status:
    acting, group = _kept_group(request, congress_id, discussion_group_id)
    form = valid(AssignForm({"role": payload.role, **form_data(payload)}, congress=acting.congress))
    member = write(
        request, lambda: services.group_assign(access=acting, group=group, **form.cleaned_data)
    )
    return Status(201, member)


@router.post(
    "/{congress_id}/discussion-groups/{discussion_group_id}/delegations/",
    response=answers(AssignedOut),
    summary="Phân cả đoàn đại biểu vào tổ (những người chưa có tổ)",
)
def group_assign_delegation(
    request: HttpRequest, congress_id: int, discussion_group_id: int, payload: AssignDelegationIn
) -> dict:
    acting, group = _kept_group(request, congress_id, discussion_group_id)
    form = valid(AssignDelegationForm(form_data(payload), congress=acting.congress))
    assigned = write(
        request,
        lambda: services.group_assign_delegation(
            access=acting, group=group, delegation=form.cleaned_data["delegation"]
        ),
    )
    return {"assigned": assigned}


@removal(
    router,
    "/{congress_id}/discussion-groups/{discussion_group_id}/members/{member_id}/",
    "Rút đại biểu khỏi tổ",
)
def group_remove(
    request: HttpRequest, congress_id: int, discussion_group_id: int, member_id: int
) -> Status:
    acting, group = _kept_group(request, congress_id, discussion_group_id)
    member = (
        GroupMember.objects.filter(group=group, pk=member_id).select_related("delegate").first()
    )
    if member is None:
        raise Http404
    return removed(request, lambda: services.group_remove(access=acting, member=member))


def _accounts_manager(request: HttpRequest, congress_id: int) -> Access:
    acting = access(request, congress_id)
    gate(can_manage_accounts(acting), ACCOUNTS_MANAGERS_ONLY)
    return acting


@listed(
    router,
    "/{congress_id}/delegate-accounts/",
    DelegateAccountOut,
    "Tài khoản của các đại biểu (ai chưa có, ai chưa đăng nhập lần nào)",
)
def delegate_account_list(request: HttpRequest, congress_id: int) -> QuerySet[Delegate]:
    acting = _accounts_manager(request, congress_id)
    return (
        Delegate.objects.filter(congress=acting.congress, is_active=True)
        .select_related("delegation")
        .prefetch_related(
            Prefetch("account", queryset=Participation.objects.select_related("user"))
        )
    )


@router.post(
    "/{congress_id}/delegate-accounts/create-all/",
    response=answers(MadeOut),
    summary="Tạo tài khoản cho mọi đại biểu chưa có (sau đó in phiếu đăng nhập)",
)
def delegate_account_create_all(request: HttpRequest, congress_id: int) -> dict:
    acting = access(request, congress_id)
    made = write(request, lambda: account_services.delegate_accounts_create_all(access=acting))
    return {"created": made}


@router.post(
    "/{congress_id}/delegates/{delegate_id}/account/",
    response=answers(DelegateAccountOut, 201),
    summary="Tạo tài khoản cho một đại biểu (có e-mail: gửi thư mời đặt mật khẩu)",
)
def delegate_account_create(
    request: HttpRequest, congress_id: int, delegate_id: int, payload: AccountIn
) -> Status:
    acting = access(request, congress_id)
    delegate = access_delegate(acting, delegate_id)
    email = payload.email[:254]
    write(
        request,
        lambda: account_services.delegate_account_create(
            access=acting, delegate=delegate, email=email
        ),
    )
    return Status(201, access_delegate(acting, delegate_id))


@router.post(
    "/{congress_id}/delegate-accounts/slips/",
    response=answers(list[SlipOut]),
    summary="Cấp phiếu đăng nhập: mật khẩu mới cho một đại biểu, hoặc cho mọi tài khoản chưa dùng",
    description="Mật khẩu chỉ trả về một lần, ở đây; đại biểu phải đổi ở lần đăng nhập đầu.",
)
def delegate_slips_issue(request: HttpRequest, congress_id: int, payload: SlipsIn) -> list[dict]:
    acting = access(request, congress_id)
    chosen = None if payload.delegate is None else [access_delegate(acting, payload.delegate)]
    slips = write(
        request,
        lambda: account_services.delegate_slips_issue(access=acting, delegates=chosen),
    )
    if not slips:
        raise BusinessError("Không có tài khoản nào cần in phiếu.")
    return [
        {
            "delegate_id": slip.delegate.pk,
            "full_name": slip.delegate.full_name,
            "delegation": slip.delegate.delegation.name,
            "username": slip.username,
            "password": slip.password,
        }
        for slip in slips
    ]


def _duty_manager(request: HttpRequest, congress_id: int) -> Access:
    acting = access(request, congress_id)
    gate(acting.can_manage, ONLY_MANAGERS)
    return acting


@listed(
    router,
    "/{congress_id}/delegate-duties/",
    DutyOut,
    "Người được phân công công tác đại biểu (thẩm tra tư cách, điểm danh tại cửa)",
)
def delegate_duty_list(request: HttpRequest, congress_id: int) -> QuerySet[Duty]:
    acting = _duty_manager(request, congress_id)
    return Duty.objects.filter(congress=acting.congress).select_related("user")


@router.post(
    "/{congress_id}/delegate-duties/",
    response=answers(DutyOut, 201),
    summary="Phân công một người dùng của Đại hội làm công tác đại biểu",
)
def delegate_duty_give(request: HttpRequest, congress_id: int, payload: DutyIn) -> Status:
    acting = _duty_manager(request, congress_id)
    duty = write(
        request,
        lambda: roster_services.duty_give(access=acting, user_id=payload.user, kind=payload.kind),
    )
    return Status(201, duty)


@removal(router, "/{congress_id}/delegate-duties/{duty_id}/", "Thôi phân công")
def delegate_duty_remove(request: HttpRequest, congress_id: int, duty_id: int) -> Status:
    acting = _duty_manager(request, congress_id)
    duty = Duty.objects.filter(congress=acting.congress, pk=duty_id).first()
    if duty is None:
        raise Http404
    return removed(request, lambda: roster_services.duty_remove(access=acting, duty=duty))
