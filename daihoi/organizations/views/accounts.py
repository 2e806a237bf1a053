"""Accounts of a congress: the list, the invitation, an account's page with its history, the
role form and the buttons (lock, unlock, reset, invite again, remove from the congress)."""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from daihoi.accounts import services as account_services
from daihoi.core.views import forbidden, form_page, page_context, run_button

from .. import selectors
from ..forms import AccountRoleForm, InviteForm
from ..models import Participation
from ..permissions import (
    ACCOUNTS_MANAGERS_ONLY,
    Access,
    access_account,
    access_congress,
    can_change_account,
    can_manage_accounts,
)
from ..services import accounts as services


def _manager(request: HttpRequest, congress_id: int) -> Access | HttpResponse:
    access = access_congress(request.user, congress_id)
    if not can_manage_accounts(access):
        return forbidden(request, ACCOUNTS_MANAGERS_ONLY)
    return access


def _to_account(congress_id: int, user_id: int) -> HttpResponse:
    return redirect("organizations:account-detail", congress_id=congress_id, account_id=user_id)


@login_required
def account_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = _manager(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    rows = selectors.accounts_of(access)
    return render(request, "organizations/account_list.html", page_context(access, rows=rows))


@login_required
def account_invite(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = _manager(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    form = InviteForm(request.POST or None, congress=access.congress)
    return form_page(
        request,
        form,
        lambda: services.account_invite(access, **form.invite_kwargs()),
        success="Đã tạo tài khoản; thư mời đặt mật khẩu đang được gửi.",
        then=lambda p: _to_account(congress_id, p.user_id),
        template="organizations/account_invite.html",
        context=page_context(
            access, form=form, invitation_hours=account_services.invitation_hours()
        ),
    )


@login_required
def account_detail(request: HttpRequest, congress_id: int, account_id: int) -> HttpResponse:
    access = _manager(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    participation = access_account(access, account_id)
    return render(
        request,
        "organizations/account_detail.html",
        page_context(
            access,
            row=selectors.account_state(participation),
            can_change=can_change_account(access, participation),
            entries=selectors.account_history(access, participation),
        ),
    )


@login_required
def account_role(request: HttpRequest, congress_id: int, account_id: int) -> HttpResponse:
    access = _manager(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    participation = access_account(access, account_id)
    if not can_change_account(access, participation):
        return forbidden(request, services.NOT_OWN_ACCOUNT)
    form = AccountRoleForm(
        request.POST or None,
        congress=access.congress,
        initial={
            "role": participation.role,
            "agency": participation.agency,
            "person": participation.person,
        },
    )
    return form_page(
        request,
        form,
        lambda: services.account_role_change(access, participation, **form.role_kwargs()),
        success="Đã lưu vai trò của tài khoản.",
        then=lambda _: _to_account(congress_id, account_id),
        template="organizations/account_role.html",
        context=page_context(access, form=form, participation=participation),
    )


def _account_button(
    action: Callable[[Access, Participation], Any], success: str, *, then_list: bool = False
) -> Callable[..., HttpResponse]:
    """A button on an account's page: POST only, the secretariat's, on an account of its own
    congress; the service's refusal comes back as a message (`run_button`)."""

    @login_required
    @require_POST
    def view(request: HttpRequest, congress_id: int, account_id: int) -> HttpResponse:
        access = _manager(request, congress_id)
        if isinstance(access, HttpResponse):
            return access
        participation = access_account(access, account_id)
        then = (
            redirect("organizations:account-list", congress_id=congress_id)
            if then_list
            else _to_account(congress_id, account_id)
        )
        return run_button(
            request, lambda: action(access, participation), success=success, then=then
        )

    return view


account_deactivate = _account_button(
    services.account_deactivate, "Đã khóa tài khoản: người dùng không đăng nhập được nữa."
)
account_reactivate = _account_button(services.account_reactivate, "Đã mở khóa tài khoản.")
account_password_reset = _account_button(
    services.account_password_reset_send, "Thư đặt lại mật khẩu đang được gửi đến người dùng."
)
account_reinvite = _account_button(
    services.account_invitation_resend, "Đã gửi lại lời mời; liên kết cũ không còn dùng được."
)
account_remove = _account_button(
    services.account_role_remove, "Đã gỡ tài khoản khỏi Đại hội này.", then_list=True
)
