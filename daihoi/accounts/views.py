"""Thin views of accounts: the invitation's link and the password reset ("Quên mật khẩu")."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import SetPasswordForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from daihoi.core.exceptions import BusinessError
from daihoi.core.views import run_service

from . import services
from .forms import NewPasswordForm, ResetRequestForm

PASSWORD_BACKEND = "django.contrib.auth.backends.ModelBackend"


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
