"""Test helpers for what the background worker mails (never used in production)."""

import re

from django.core import mail
from django.core.mail import EmailMessage
from django.core.management import call_command


def run_worker() -> None:
    """Runs the queued jobs in this process (the test's data must be committed for it)."""
    call_command("db_worker", batch=True, no_startup_delay=True, reload=False, verbosity=0)


def sent_to(address: str) -> list[EmailMessage]:
    return [m for m in mail.outbox if address in m.to]


def link_in(message: EmailMessage, path_prefix: str) -> str:
    """The path of the first link in the mail's body that starts with `path_prefix`
    (the site's address before it is dropped)."""
    body = str(message.body)
    found = re.search(r"https?://[^\s/]+(" + re.escape(path_prefix) + r"\S*)", body)
    assert found, f"no link to {path_prefix} in: {body}"
    return found.group(1)
