from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from daihoi.core.audit import AuditAction


class Role(models.TextChoices):
    """A user's role inside one congress; the system administrator is `User.is_superuser`."""

    SECRETARIAT = "secretariat", _("Thường trực / Văn phòng")
    COMMITTEE_LEADER = "leader", _("Lãnh đạo tiểu ban")
    AGENCY_OFFICER = "agency", _("Đầu mối cơ quan")
    MEMBER = "member", _("Thành viên")
    EDITOR = "editor", _("Biên tập viên")
    # A delegate to the congress: their own documents, speeches and votes, nothing else.
    DELEGATE = "delegate", _("Đại biểu")


class User(AbstractUser):
    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    # Set when someone else chose the password (a printed login slip): until the user picks
    # their own, every page sends them to "Đổi mật khẩu" (`middleware.PasswordChangeRequired`).
    password_change_required = models.BooleanField(_("phải đổi mật khẩu"), default=False)

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    def __str__(self) -> str:
        return self.full_name or self.username

    @property
    def display_name(self) -> str:
        return self.full_name or self.get_full_name() or self.username


class Invitation(models.Model):
    """A one-time link that lets an invited user set their first password.

    Only the SHA-256 of the link's random token is stored: the token itself is made by the
    background job that mails it (`tasks.send_invitation_email`), so it never sits in the
    database or the job queue. Sending again replaces the hash, which retires the older link.
    """

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("người dùng")
    )
    invited_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người mời"),
    )
    intro = models.TextField(_("lời giới thiệu trong thư"), blank=True)
    token_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    created_at = models.DateTimeField(_("ngày mời"), auto_now_add=True)
    sent_at = models.DateTimeField(_("ngày gửi thư"), null=True, blank=True)
    expires_at = models.DateTimeField(_("hết hạn lúc"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("ngày nhận lời mời"), null=True, blank=True)

    class Meta:
        verbose_name = _("lời mời tạo tài khoản")
        verbose_name_plural = _("lời mời tạo tài khoản")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Lời mời {self.user}"


class AccountAction(AuditAction):
    INVITED = "account.invited", _("Mời tạo tài khoản")
    INVITATION_RESENT = "account.invitation_resent", _("Gửi lại lời mời")
    INVITATION_ACCEPTED = "account.invitation_accepted", _("Nhận lời mời, đặt mật khẩu")
    ROLE_CHANGED = "account.role_changed", _("Đổi vai trò")
    ROLE_REMOVED = "account.role_removed", _("Gỡ vai trò khỏi Đại hội")
    DEACTIVATED = "account.deactivated", _("Khóa tài khoản")
    REACTIVATED = "account.reactivated", _("Mở khóa tài khoản")
    PASSWORD_RESET_SENT = "account.password_reset_sent", _("Văn phòng gửi thư đặt lại mật khẩu")
    PASSWORD_RESET_REQUESTED = (
        "account.password_reset_requested",
        _("Yêu cầu đặt lại mật khẩu qua e-mail"),
    )
    PASSWORD_RESET_DONE = "account.password_reset_done", _("Đặt lại mật khẩu")
    PASSWORD_CHANGED = "account.password_changed", _("Tự đổi mật khẩu")
