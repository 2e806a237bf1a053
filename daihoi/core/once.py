"""One-time form tokens: the same submission saved once, however often it arrives.

`static/core/forms.js` puts a random `_once` token into every POST form when the page (or an
HTMX fragment) is shown. The shared view helpers (`form_page`, `run_button`, `run_form_button`)
and the few views that save outside them call `claim()` inside the transaction that saves the
change: the token's row is inserted there, so a second copy either waits for the first and then
finds the token taken (PostgreSQL's unique index), or finds it already there. A refused or failed
change rolls the row back with it, so the corrected form can be sent again with the same token.
A POST without a token (an API client, a test) is not deduplicated.
"""

import datetime as dt
import re

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import timezone

from .models import SubmittedForm

FIELD = "_once"
ALREADY_SAVED = "Yêu cầu này đã được gửi và lưu trước đó; hệ thống không tạo thêm bản sao."
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
KEEP_FOR = dt.timedelta(days=1)


class AlreadySubmitted(Exception):
    """The form's token was used by an earlier copy of the same submission."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.url = url

    def response(self, request: HttpRequest, fallback: str) -> HttpResponse:
        messages.info(request, ALREADY_SAVED)
        return HttpResponseRedirect(self.url or fallback)


def claim(request: HttpRequest) -> SubmittedForm | None:
    """Takes the request's token inside the caller's transaction; None when it carries none.

    Raises AlreadySubmitted when an earlier copy took it (the caller answers with
    `error.response(request, fallback)`)."""
    token = request.POST.get(FIELD, "")
    if not _TOKEN.match(token):
        return None
    user_id = request.user.pk if request.user.is_authenticated else None
    try:
        with transaction.atomic():
            return SubmittedForm.objects.create(token=token, user_id=user_id)
    except IntegrityError:
        earlier = SubmittedForm.objects.filter(token=token).first()
        same_user = earlier is not None and earlier.user_id == user_id
        raise AlreadySubmitted(earlier.url if same_user and earlier else "") from None


def remember(claimed: SubmittedForm | None, response: HttpResponse) -> HttpResponse:
    """Keeps where the first copy led (a redirect's target), for the copies after it."""
    if claimed is not None and isinstance(response, HttpResponseRedirect):
        claimed.url = response.url[:500]
        claimed.save(update_fields=["url"])
    return response


def clean_old() -> int:
    """Removes tokens older than a day (a copy arriving later is no double click)."""
    deleted, _ = SubmittedForm.objects.filter(created_at__lt=timezone.now() - KEEP_FOR).delete()
    return deleted
