from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm

from . import services
from .models import User


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
        self.fields[
            "new_password1"
        ].help_text = (
            "Ít nhất 8 ký tự, không toàn chữ số, không quá phổ biến, không giống tên đăng nhập."
        )

    def save(self, commit: bool = True) -> User:
        """Through a reset link: the service sets it and records the change."""
        return services.password_reset_finish(
            user=self.user, password=self.cleaned_data["new_password1"]
        )


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
