"""Delegates' accounts: the secretariat makes them from the roster and prints login slips."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.core.views import forbidden, page_context, run_button
from daihoi.organizations.models import Participation
from daihoi.organizations.permissions import ACCOUNTS_MANAGERS_ONLY, can_manage_accounts

from ..models import Delegate
from ..permissions import access_delegate
from ..services import accounts as services
from .common import rights_for


def _delegates(access) -> list[Delegate]:
    return list(
        Delegate.objects.filter(congress=access.congress, is_active=True)
        .select_related("delegation")
        .prefetch_related(
            Prefetch("account", queryset=Participation.objects.select_related("user"))
        )
        .order_by("delegation__order", "delegation__name", "name_key")
    )


@login_required
def account_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access, rights = rights_for(request, congress_id)
    if not can_manage_accounts(access):
        return forbidden(request, ACCOUNTS_MANAGERS_ONLY)
    delegates = _delegates(access)
    with_account = [d for d in delegates if getattr(d, "account", None)]
    return render(
        request,
        "delegates/account_list.html",
        page_context(
            access,
            rights=rights,
            delegates=delegates,
            missing=len(delegates) - len(with_account),
            unused=sum(1 for d in with_account if d.account.user.last_login is None),
        ),
    )


def _back(access) -> HttpResponse:
    return redirect("delegates:account-list", congress_id=access.congress.pk)


@login_required
@require_POST
def account_create_all(request: HttpRequest, congress_id: int) -> HttpResponse:
    access, _ = rights_for(request, congress_id)
    return run_button(
        request,
        lambda: services.delegate_accounts_create_all(access=access),
        success=lambda made: f"Đã tạo {made} tài khoản đại biểu. Hãy in phiếu đăng nhập.",
        then=_back(access),
    )


@login_required
@require_POST
def account_create(request: HttpRequest, congress_id: int, delegate_id: int) -> HttpResponse:
    access, _ = rights_for(request, congress_id)
    delegate = access_delegate(access, delegate_id)
    email = request.POST.get("email", "")[:254]
    return run_button(
        request,
        lambda: services.delegate_account_create(access=access, delegate=delegate, email=email),
        success=(
            "Đã tạo tài khoản và gửi thư mời đặt mật khẩu."
            if email.strip()
            else "Đã tạo tài khoản. Hãy in phiếu đăng nhập cho đại biểu."
        ),
        then=_back(access),
    )


@login_required
@require_POST
def slips_print(request: HttpRequest, congress_id: int) -> HttpResponse:
    """Prints login slips: for one delegate (`delegate` in the POST: a lost slip), or for every
    account not yet used. The passwords are made now and shown on this page only."""
    access, _ = rights_for(request, congress_id)
    delegate_id = request.POST.get("delegate", "")
    chosen = [access_delegate(access, int(delegate_id))] if delegate_id.isdigit() else None
    try:
        with transaction.atomic():
            slips = services.delegate_slips_issue(access=access, delegates=chosen)
    except PermissionDenied as error:
        return forbidden(request, error.message)
    except BusinessError as error:
        messages.error(request, error.message)
        return _back(access)
    if not slips:
        messages.error(request, "Không có tài khoản nào cần in phiếu.")
        return _back(access)
    response = render(request, "delegates/slips_print.html", page_context(access, slips=slips))
    response["Cache-Control"] = "no-store, private"
    return response
