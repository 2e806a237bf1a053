"""The "Khóa API" page: a user's own tokens, made (shown once) and revoked."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from daihoi.accounts.models import User
from daihoi.core.audit import entries_for
from daihoi.core.views import form_page, run_button

from . import services
from .forms import TokenForm
from .models import ApiToken

RECENT_ACTIONS = 20


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _page(request: HttpRequest, form: TokenForm, raw: str = "") -> dict:
    user = _user(request)
    return {
        "form": form,
        "raw": raw,
        "tokens": ApiToken.objects.filter(user=user),
        # What the user's tokens did: the audit entries written through the API.
        "actions": entries_for(actor=user)
        .filter(data__has_key="api_token")
        .select_related(None)[:RECENT_ACTIONS],
        "docs_url": "/api/v1/docs/",
    }


@login_required
def token_list(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)

    def made(result: tuple[ApiToken, str]) -> HttpResponse:
        return render(request, "api/tokens.html", _page(request, TokenForm(), raw=result[1]))

    return form_page(
        request,
        form,
        lambda: services.token_create(user=_user(request), **form.cleaned_data),
        success="Đã tạo khóa API. Hãy sao chép ngay: khóa chỉ hiện một lần này.",
        then=made,
        template="api/tokens.html",
        context=_page(request, form),
    )


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    token = ApiToken.objects.filter(pk=token_id, user=_user(request)).first()
    if token is None:
        raise Http404
    return run_button(
        request,
        lambda: services.token_revoke(user=_user(request), token=token),
        success="Đã thu hồi khóa API; mọi yêu cầu dùng khóa này từ nay bị từ chối.",
        then=redirect("apitokens:token-list"),
    )
