"""Optimistic versions for records several people edit through forms (lost-update guard).

A versioned record carries `version`; its edit form carries the version it was opened at and
the moment it was opened (`VersionedFormMixin`). The service locks the row and calls
`check_version`: when someone saved it meanwhile, it refuses with a ConflictError naming the
record; the form then lists what changed since it was opened, read from the audit trail (who,
when, field: old → new), and takes the current version — the user's input stays in the form, so
saving again, after reading the changes, overwrites them knowingly.
"""

import datetime as dt
from typing import Any

from django import forms
from django.db import models
from django.utils import timezone

from .audit import history_of
from .exceptions import ConflictError

OPENED_FORMAT = "%Y-%m-%dT%H:%M:%S.%f%z"


class Versioned(models.Model):
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


def check_version(locked: Any, expected: int | None, noun: str, trail: Any = None) -> None:
    """On the locked row: refuse when it was saved since `expected`, else count this save.
    `trail` is the record its changes are audited on, when not itself (a line of an estimate)."""
    if expected is not None and locked.version != expected:
        raise ConflictError(
            f"{noun} vừa được người khác lưu trong lúc bạn đang sửa. Những thay đổi đó được liệt "
            "kê dưới đây; nội dung bạn nhập vẫn giữ nguyên — xem lại rồi bấm Lưu lần nữa để ghi "
            "đè, hoặc tải lại trang để sửa trên bản mới.",
            changed=locked,
            trail=trail,
        )
    locked.version += 1


def edits_since(obj: models.Model, opened_at: dt.datetime | None) -> list[str]:
    """What the audit trail recorded for `obj` after `opened_at`, one line per change."""
    entries = history_of(obj)
    if opened_at is not None:
        entries = entries.filter(created_at__gt=opened_at)
    lines = []
    for entry in reversed(list(entries[:20])):
        actor = entry.actor
        who = (actor.get_full_name() or actor.username) if actor else "Hệ thống"
        when = timezone.localtime(entry.created_at).strftime("%H:%M %d/%m/%Y")
        details = "; ".join(f"{label}: {old} → {new}" for label, old, new in entry.changes)
        lines.append(f"{who} lúc {when} — {entry.label}" + (f": {details}" if details else ""))
    return lines


def edit_initial(obj: Versioned | None, form_class: type[forms.Form]) -> dict[str, Any]:
    """What an edit form starts from: the record's values of the form's fields and the version
    it was opened at; nothing for a new record."""
    if obj is None:
        return {}
    names = [f for f in form_class.base_fields if f not in ("version", "opened_at")]
    return {f: getattr(obj, f) for f in names} | {"version": obj.version}


class VersionedFormMixin(forms.Form):
    """Hidden `version` and `opened_at` for the edit form of a `Versioned` record."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    opened_at = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial.setdefault("opened_at", timezone.now().strftime(OPENED_FORMAT))

    def opened(self) -> dt.datetime | None:
        raw = (self.data.get("opened_at") if self.is_bound else self.initial.get("opened_at")) or ""
        try:
            return dt.datetime.strptime(raw, OPENED_FORMAT)
        except ValueError:
            return None

    def expected_version(self) -> int | None:
        return self.cleaned_data.get("version")

    def edited(self) -> dict[str, Any]:
        """The cleaned fields the user edits, without the version bookkeeping."""
        return {k: v for k, v in self.cleaned_data.items() if k not in ("version", "opened_at")}

    def show_conflict(self, error: ConflictError) -> None:
        """Lists the changes since the form was opened and takes the current version."""
        changed: Any = error.changed
        if changed is None:
            return
        for line in edits_since(error.trail, self.opened()):
            self.add_error(None, line)
        if self.is_bound:
            data = self.data.copy()  # type: ignore[attr-defined]
            data["version"] = str(changed.version)
            data["opened_at"] = timezone.now().strftime(OPENED_FORMAT)
            self.data = data
