"""A lost-update check shared by every versioned edit form (`core.versioning`)."""

from collections.abc import Callable
from typing import Any

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
