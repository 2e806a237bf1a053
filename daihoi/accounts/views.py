"""Thin views of accounts: the invitation's link, the password reset ("Quên mật khẩu") and
"Đổi mật khẩu"."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from daihoi.core.exceptions import BusinessError
from daihoi.core.views import next_url, run_service

from . import services
from .forms import ChangePasswordForm, NewPasswordForm, ResetRequestForm
from .models import User

PASSWORD_BACKEND = "django.contrib.auth.backends.ModelBackend"
CHANGED = "Đã đổi mật khẩu. Lần sau đồng chí đăng nhập bằng mật khẩu mới."


@never_cache
@sensitive_post_parameters()
def invitation_accept(request: HttpRequest, key: str) -> HttpResponse:
    """The invited user sets a first password through the mailed link, then is signed in."""
    try:
        invitation = services.invitation_for_token(key)
    except BusinessError as error:
        return render(request, "accounts/invitation_accept.html", {"refusal": error.message})
    form = NewPasswordForm(invitation.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        done, user = run_service(
            request,
            form,
            lambda: services.invitation_accept(
                token=key, password=form.cleaned_data["new_password1"]
            ),
            success="Đã đặt mật khẩu. Chào mừng đồng chí đến với hệ thống điều hành Đại hội.",
        )
        if done:
            login(request, user, backend=PASSWORD_BACKEND)
            return redirect(resolve_url(settings.LOGIN_REDIRECT_URL))
    return render(
        request,
        "accounts/invitation_accept.html",
        {"form": form, "invited": invitation.user},
    )


@never_cache
@sensitive_post_parameters()
@login_required
def password_change(request: HttpRequest) -> HttpResponse:
    """ "Đổi mật khẩu" for any signed-in user; the page a user with a printed password is sent
    to until they choose their own (`middleware.PasswordChangeRequired`). The session stays
    signed in; other sessions of the account end (Django's session hash)."""
    user = request.user
    assert isinstance(user, User)  # login_required
    form = ChangePasswordForm(user, request.POST or None)
    required = user.password_change_required
    if request.method == "POST" and form.is_valid():
        done, user = run_service(request, form, form.save, success=CHANGED)
        if done:
            update_session_auth_hash(request, user)
            return redirect(next_url(request, resolve_url(settings.LOGIN_REDIRECT_URL)))
    return render(request, "accounts/password_change.html", {"form": form, "required": required})


class ResetRequestView(auth_views.PasswordResetView):
    form_class = ResetRequestForm
    template_name = "accounts/password_reset_form.html"
    success_url = reverse_lazy("accounts:password-reset-done")


class ResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = NewPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:login")

    def form_valid(self, form: SetPasswordForm) -> HttpResponse:
        response = super().form_valid(form)
        messages.success(self.request, "Đã đặt mật khẩu mới. Đồng chí hãy đăng nhập lại.")
        return response
