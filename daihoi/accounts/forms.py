from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)

from . import services
from .models import User

NEW_PASSWORD_HELP = (
    "Ít nhất 8 ký tự, không toàn chữ số, không quá phổ biến, không giống tên đăng nhập."
)


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": (
            "Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý mật khẩu phân biệt chữ hoa."
        ),
        "inactive": "Tài khoản này đã bị khóa.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Tên đăng nhập"
        self.fields["password"].label = "Mật khẩu"


class NewPasswordForm(SetPasswordForm):
    """The password an invited user chooses, or a new one through a reset link; Django's
    password validators run on it (length, common, all digits, like the name)."""

    error_messages = {"password_mismatch": "Hai lần nhập mật khẩu không khớp nhau."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = "Mật khẩu mới"
        self.fields["new_password2"].label = "Nhập lại mật khẩu mới"
        self.fields["new_password1"].help_text = NEW_PASSWORD_HELP

    def save(self, commit: bool = True) -> User:
        """Through a reset link: the service sets it and records the change."""
        return services.password_reset_finish(
            user=self.user, password=self.cleaned_data["new_password1"]
        )


class ChangePasswordForm(PasswordChangeForm):
    """ "Đổi mật khẩu": the current password (the one on the login slip, the first time), then
    the new one twice; Django's password validators run on it."""

    error_messages = {
        "password_mismatch": "Hai lần nhập mật khẩu mới không khớp nhau.",
        "password_incorrect": "Mật khẩu hiện tại không đúng. Đề nghị nhập lại.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Mật khẩu hiện tại"
        self.fields["new_password1"].label = "Mật khẩu mới"
        self.fields["new_password2"].label = "Nhập lại mật khẩu mới"
        self.fields["new_password1"].help_text = NEW_PASSWORD_HELP
        if self.user.password_change_required:
            self.fields["old_password"].help_text = "Mật khẩu in trên phiếu đăng nhập."
        for name in ("old_password", "new_password1", "new_password2"):
            self.fields[name].error_messages["required"] = "Đề nghị nhập trường này."

    def clean(self):
        data = super().clean() or {}
        old, new = data.get("old_password"), data.get("new_password1")
        if old and new and old == new:
            self.add_error("new_password1", "Mật khẩu mới phải khác mật khẩu hiện tại.")
        return data

    def save(self, commit: bool = True) -> User:
        return services.password_change(user=self.user, password=self.cleaned_data["new_password1"])


class ResetRequestForm(PasswordResetForm):
    """ "Quên mật khẩu": the worker mails the link (not the request), see `services`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "Địa chỉ e-mail của tài khoản"
        self.fields["email"].error_messages = {
            "required": "Đề nghị nhập địa chỉ e-mail.",
            "invalid": "Địa chỉ e-mail không hợp lệ.",
        }

    def save(self, *args, **kwargs) -> None:
        services.password_reset_request(email=self.cleaned_data["email"])
