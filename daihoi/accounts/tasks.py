"""Background jobs of accounts (Django Tasks API, run by the database worker)."""

from django.tasks import task


@task
def send_invitation_email(invitation_id: int) -> bool:
    """Mails an invitation's one-time link; the token is made here, never queued."""
    from .services import invitation_email_send

    return invitation_email_send(invitation_id=invitation_id)


@task
def send_password_reset_email(user_id: int) -> bool:
    """Mails a password-reset link made at sending time (Django's token generator)."""
    from .services import password_reset_email_send

    return password_reset_email_send(user_id=user_id)
