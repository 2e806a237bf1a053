"""Files attached to a form that fails validation are kept (staged) until the form passes.

A view builds one `FormFiles` per file field. When the form is refused, the new uploads are
staged under the upload root and the re-rendered form carries their opaque keys in hidden inputs
(`<field>__staged`), with a "bỏ" checkbox each (`<field>__drop`). When the form is finally
valid, `files()` gives the service the staged files and the new ones alike, and `consume()`
deletes the staged rows once the service has copied them. Only the user who staged a file can
use its key; expired ones are removed by `manage.py clean_staged_uploads`.
"""

import datetime as dt
import secrets
from collections.abc import Sequence

from django import forms
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from .exceptions import BusinessError
from .models import StagedUpload
from .uploads import upload_facts, validate_attachment

REFUSED = (
    "Tệp đã đính kèm trước đó không còn dùng được (hết hạn hoặc không phải của bạn); "
    "hãy chọn lại tệp."
)


class StagedFile(UploadedFile):
    """A staged file handed to a service as if just uploaded: its own name, size and bytes."""

    def __init__(self, staged: StagedUpload) -> None:
        staged.file.open("rb")
        super().__init__(
            staged.file.file,
            name=staged.original_name,
            content_type=staged.content_type,
            size=staged.size,
        )


def stage_upload(*, user, upload: UploadedFile) -> StagedUpload:
    """Keeps one checked upload for `user`; raises BusinessError when the file is not allowed."""
    content_type = validate_attachment(upload)
    staged = StagedUpload(
        key=secrets.token_urlsafe(32),
        owner=user,
        **upload_facts(upload, content_type),
        expires_at=timezone.now() + dt.timedelta(hours=settings.STAGED_UPLOAD_HOURS),
    )
    staged.file.save(staged.original_name, upload, save=False)
    staged.save()
    return staged


def staged_of(user, keys: Sequence[str]) -> tuple[list[StagedUpload], bool]:
    """The user's unexpired staged files for `keys`, and whether any key was refused."""
    keys = [k for k in dict.fromkeys(keys) if k]
    if not keys:
        return [], False
    found = {
        s.key: s
        for s in StagedUpload.objects.filter(
            key__in=keys, owner_id=user.pk, expires_at__gt=timezone.now()
        )
    }
    return [found[k] for k in keys if k in found], len(found) != len(keys)


def discard(staged: Sequence[StagedUpload]) -> None:
    """Deletes the rows now and their files once the transaction commits."""
    if not staged:
        return
    names = [s.file.name for s in staged if s.file.name]
    storage = staged[0].file.storage
    StagedUpload.objects.filter(pk__in=[s.pk for s in staged]).delete()

    def remove() -> None:
        for name in names:
            storage.delete(name)

    transaction.on_commit(remove)


def clean_expired(now: dt.datetime | None = None) -> int:
    """Deletes expired staged files; running it twice, or two at once, is harmless."""
    now = now or timezone.now()
    removed = 0
    while True:
        with transaction.atomic():
            batch = list(
                StagedUpload.objects.select_for_update(skip_locked=True).filter(
                    expires_at__lte=now
                )[:500]
            )
            if not batch:
                return removed
            discard(batch)
            removed += len(batch)


class FormFiles:
    """The files of one file field of one form submission: staged ones plus new ones."""

    def __init__(self, request: HttpRequest, form: forms.BaseForm, field: str) -> None:
        self.request = request
        self.form = form
        self.field = field
        self.user = request.user
        self._opened: list[StagedFile] = []
        dropped = set(request.POST.getlist(f"{field}__drop"))
        keys = [k for k in request.POST.getlist(f"{field}__staged") if k not in dropped]
        self.staged, self.refused = staged_of(self.user, keys)
        to_drop, _ = staged_of(self.user, list(dropped))
        if to_drop:
            discard(to_drop)
        self._show()

    def _show(self) -> None:
        if self.field in self.form.fields:
            self.form.fields[self.field].staged = self.staged  # type: ignore[attr-defined]

    def is_valid(self) -> bool:
        """False (with a form error) when a key was someone else's or has expired."""
        if self.refused:
            self.form.add_error(self.field if self.field in self.form.fields else None, REFUSED)
            return False
        return True

    def files(self, new: Sequence[UploadedFile]) -> list[UploadedFile]:
        self._opened = [StagedFile(s) for s in self.staged]
        return [*self._opened, *new]

    def consume(self) -> None:
        """After the service saved its copies: the staged rows and files go."""
        for opened in self._opened:
            opened.close()
        discard(self.staged)
        self.staged = []

    def keep(self) -> None:
        """The form was refused: stage this request's new uploads so the next submit has them."""
        if self.request.method != "POST":
            return
        for upload in self.request.FILES.getlist(self.field):
            try:
                self.staged.append(stage_upload(user=self.user, upload=upload))
            except BusinessError as error:
                field = self.field if self.field in self.form.fields else None
                shown = list(self.form.errors.get(field or NON_FIELD_ERRORS, []))
                if error.message not in shown:
                    self.form.add_error(field, error.message)
        self._show()
