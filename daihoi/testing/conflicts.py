"""A lost-update check shared by every versioned edit form (`core.versioning`)."""

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db import models
from django.test import Client

CONFLICT = "vừa được người khác lưu"


def edit_meanwhile(
    client: Client,
    url: str,
    data: dict[str, Any],
    change_meanwhile: Callable[[], object],
    record_unchanged_by_stale_form: Callable[[], bool],
) -> tuple[Any, Any]:
    """Opens the edit form, lets someone else save the record, posts the stale form, then
    posts the form as the refusal returned it. Returns (stale answer, second answer)."""
    opened = client.get(url).context["form"]
    data = {**data, "version": opened.initial["version"], "opened_at": opened.initial["opened_at"]}
    change_meanwhile()
    stale = client.post(url, data)
    assert record_unchanged_by_stale_form(), "the stale form must save nothing"
    assert stale.status_code == 200, "the stale form is shown again, not saved"
    returned = stale.context["form"].data
    again = client.post(url, {key: returned.getlist(key) for key in returned})
    return stale, again


def _posted(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, (list, tuple, models.QuerySet)):
        return [_posted(v) for v in value]
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if value is None or value is False:
        return ""
    return value


def current_form_data(client: Client, url: str) -> dict[str, Any]:
    """What the edit form at `url` shows now, as a browser would post it back (without the
    version bookkeeping, which `edit_meanwhile` adds)."""
    form = client.get(url).context["form"]
    data = {name: _posted(form.initial.get(name)) for name in form.fields}
    return {k: v for k, v in data.items() if v != "" and k not in ("version", "opened_at")}


def two_editors(
    url: str, mine: Client, theirs: Client, record: models.Model, field: str
) -> tuple[Any, Any]:
    """`mine` opens the edit form of `record`; `theirs` opens it too and saves `field` as
    "Bản của người khác"; `mine` then saves "Bản của tôi" from the stale form, is refused and
    shown their change, and saves again knowingly. Returns (stale answer, second answer)."""

    def current() -> Any:
        return getattr(type(record)._default_manager.get(pk=record.pk), field)

    def someone_else_saves() -> None:
        answer = theirs.post(url, current_form_data(theirs, url) | {field: "Bản của người khác"})
        assert answer.status_code == 302, "the other editor's save must go through"

    stale, again = edit_meanwhile(
        mine,
        url,
        current_form_data(mine, url) | {field: "Bản của tôi"},
        someone_else_saves,
        lambda: current() == "Bản của người khác",
    )
    body = stale.content.decode()
    assert CONFLICT in body and "Bản của người khác" in body, "the refusal shows the change"
    assert again.status_code == 302 and current() == "Bản của tôi"
    return stale, again
