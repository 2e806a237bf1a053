"""The mails of accounts: the invitation's link and the password-reset link."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .models import Invitation, User


def _site_link(path: str) -> str:
    # Without SITE_URL the link stays relative; set it where mail leaves the building.
    return f"{getattr(settings, 'SITE_URL', '')}{path}"


def _email(template: str, subject: str, user: User, context: dict) -> EmailMessage:
    body = render_to_string(template, {"user": user, **context})
    return EmailMessage(subject=subject, body=body, to=[user.email])


def invitation_email(invitation: Invitation, token: str) -> EmailMessage:
    return _email(
        "accounts/email/invitation.txt",
        "Mời đồng chí đặt mật khẩu tài khoản hệ thống điều hành Đại hội",
        invitation.user,
        {
            "invitation": invitation,
            "link": _site_link(reverse("accounts:invitation-accept", args=[token])),
            "expires_at": timezone.localtime(invitation.expires_at),
        },
    )


def password_reset_email(user: User, token: str) -> EmailMessage:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    hours = int(settings.PASSWORD_RESET_TIMEOUT // 3600)
    return _email(
        "accounts/email/password_reset.txt",
        "Đặt lại mật khẩu tài khoản hệ thống điều hành Đại hội",
        user,
        {
            "link": _site_link(reverse("accounts:password-reset-confirm", args=[uid, token])),
            "hours": hours,
        },
    )
