"""Accounts of a congress (the secretariat's, as the "Tài khoản" pages): the list with each
account's state, the invitation, the role, and the buttons (lock, unlock, password reset,
invite again, remove from the congress), through the pages' forms, predicates and services."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.pagination import CursorPagination, paginate

from daihoi.organizations import selectors
from daihoi.organizations.forms import AccountRoleForm, InviteForm
from daihoi.organizations.models import Participation
from daihoi.organizations.permissions import (
    ACCOUNTS_MANAGERS_ONLY,
    Access,
    access_account,
    can_change_account,
    can_manage_accounts,
)
from daihoi.organizations.services import accounts as services

from ..common import access, answers, form_data, gate, valid, write

router = Router(tags=["Tài khoản của Đại hội"])
HISTORY_SHOWN = 50


class AccountOut(Schema):
    """`id` is the user's: the account's address in the app and here."""

    id: int
    username: str
    full_name: str
    email: str
    role: str
    role_label: str
    agency_id: int | None
    person_id: int | None
    state: str
    state_label: str
    invitation_expires_at: dt.datetime | None
    last_login: dt.datetime | None


class HistoryOut(Schema):
    created_at: dt.datetime
    actor: str
    action: str
    label: str
    reason: str


class AccountDetail(AccountOut):
    """`can_change`: false for one's own account and the system administrator's."""

    can_change: bool
    history: list[HistoryOut]


class RoleIn(Schema):
    """`role` as the page's "Vai trò" (`secretariat`, `committee_leader`, `agency_officer`…);
    `agency` required for an agency's focal officer."""

    role: str
    agency: int | None = None
    person: int | None = None


class InviteIn(RoleIn):
    email: str
    full_name: str | None = None


def _row(participation: Participation) -> dict[str, Any]:
    row = selectors.account_state(participation)
    user = row.user
    return {
        "id": user.pk,
        "username": user.username,
        "full_name": user.full_name,
        "email": user.email,
        "role": participation.role,
        "role_label": participation.get_role_display(),
        "agency_id": participation.agency_id,
        "person_id": participation.person_id,
        "state": str(row.state.value),
        "state_label": str(row.state.label),
        "invitation_expires_at": row.invitation.expires_at if row.invitation else None,
        "last_login": user.last_login,
    }


def _managing(request: HttpRequest, congress_id: int) -> Access:
    acting = access(request, congress_id)
    gate(can_manage_accounts(acting), ACCOUNTS_MANAGERS_ONLY)
    return acting


def _detail(acting: Access, account_id: int) -> dict[str, Any]:
    participation = selectors.account_participations(acting).get(
        pk=access_account(acting, account_id).pk
    )
    history = selectors.account_history(acting, participation).select_related("actor")
    return _row(participation) | {
        "can_change": can_change_account(acting, participation),
        "history": [
            {
                "created_at": e.created_at,
                "actor": str(e.actor) if e.actor else "",
                "action": e.action,
                "label": e.label,
                "reason": e.reason,
            }
            for e in history[:HISTORY_SHOWN]
        ],
    }


class AccountPagination(CursorPagination):
    """The cursor over the participations; each row read as the page reads it."""

    def paginate_queryset(
        self, queryset: QuerySet, pagination: Any, request: HttpRequest, **params: Any
    ) -> Any:
        page = super().paginate_queryset(queryset, pagination, request, **params)
        page["results"] = [_row(p) for p in page["results"]]
        return page


@router.get(
    "/{congress_id}/accounts/",
    response=answers(list[AccountOut]),
    summary="Tài khoản của Đại hội, với vai trò và trạng thái",
)
@paginate(AccountPagination, ordering=("id",), page_size=100)
def account_list(request: HttpRequest, congress_id: int) -> QuerySet[Participation]:
    return selectors.account_participations(_managing(request, congress_id)).order_by()


@router.post(
    "/{congress_id}/accounts/",
    response=answers(AccountDetail, 201),
    summary="Mời người dùng (tạo tài khoản; thư mời đặt mật khẩu do tiến trình nền gửi)",
)
def account_invite(request: HttpRequest, congress_id: int, payload: InviteIn) -> Status:
    acting = _managing(request, congress_id)
    form = valid(InviteForm(form_data(payload), congress=acting.congress))
    made = write(request, lambda: services.account_invite(acting, **form.invite_kwargs()))
    return Status(201, _detail(acting, made.user_id))


@router.get(
    "/{congress_id}/accounts/{account_id}/",
    response=answers(AccountDetail),
    summary="Một tài khoản, với lịch sử thao tác",
)
def account_detail(request: HttpRequest, congress_id: int, account_id: int) -> dict[str, Any]:
    return _detail(_managing(request, congress_id), account_id)


@router.put(
    "/{congress_id}/accounts/{account_id}/",
    response=answers(AccountDetail),
    summary="Đổi vai trò (và cơ quan, cán bộ) của tài khoản trong Đại hội",
)
def account_role(
    request: HttpRequest, congress_id: int, account_id: int, payload: RoleIn
) -> dict[str, Any]:
    acting = _managing(request, congress_id)
    participation = access_account(acting, account_id)
    gate(can_change_account(acting, participation), services.NOT_OWN_ACCOUNT)
    form = valid(AccountRoleForm(form_data(payload), congress=acting.congress))
    write(
        request,
        lambda: services.account_role_change(acting, participation, **form.role_kwargs()),
    )
    return _detail(acting, account_id)


def _button(
    request: HttpRequest,
    congress_id: int,
    account_id: int,
    action: Callable[[Access, Participation], object],
) -> dict[str, Any]:
    acting = _managing(request, congress_id)
    participation = access_account(acting, account_id)
    write(request, lambda: action(acting, participation))
    return _detail(acting, account_id)


@router.post(
    "/{congress_id}/accounts/{account_id}/deactivate/",
    response=answers(AccountDetail),
    summary="Khóa tài khoản (người dùng không đăng nhập được nữa, khóa API ngừng có hiệu lực)",
)
def account_deactivate(request: HttpRequest, congress_id: int, account_id: int) -> Any:
    return _button(request, congress_id, account_id, services.account_deactivate)


@router.post(
    "/{congress_id}/accounts/{account_id}/reactivate/",
    response=answers(AccountDetail),
    summary="Mở khóa tài khoản",
)
def account_reactivate(request: HttpRequest, congress_id: int, account_id: int) -> Any:
    return _button(request, congress_id, account_id, services.account_reactivate)


@router.post(
    "/{congress_id}/accounts/{account_id}/password-reset/",
    response=answers(AccountDetail),
    summary="Gửi thư đặt lại mật khẩu cho người dùng",
)
def account_password_reset(request: HttpRequest, congress_id: int, account_id: int) -> Any:
    return _button(request, congress_id, account_id, services.account_password_reset_send)


@router.post(
    "/{congress_id}/accounts/{account_id}/reinvite/",
    response=answers(AccountDetail),
    summary="Gửi lại lời mời (liên kết cũ không còn dùng được)",
)
def account_reinvite(request: HttpRequest, congress_id: int, account_id: int) -> Any:
    return _button(request, congress_id, account_id, services.account_invitation_resend)


@router.delete(
    "/{congress_id}/accounts/{account_id}/",
    response={204: None, **answers(None)},
    summary="Gỡ tài khoản khỏi Đại hội này (tài khoản vẫn còn ở các Đại hội khác)",
)
def account_remove(request: HttpRequest, congress_id: int, account_id: int) -> Status:
    acting = _managing(request, congress_id)
    participation = access_account(acting, account_id)
    write(request, lambda: services.account_role_remove(acting, participation))
    return Status(204, None)
