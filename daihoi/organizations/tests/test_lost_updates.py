"""Two people editing the same set-up record: the second save is refused, shown what the first
changed, and saved only when sent again knowingly."""

import datetime as dt

import pytest
from django.db import models
from django.test import Client

from daihoi.organizations.models import Agency, AgencyGroup, Committee, Congress, Person
from daihoi.testing.conflicts import CONFLICT, edit_meanwhile

pytestmark = pytest.mark.django_db


def _posted(value):
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, (list, tuple, models.QuerySet)):
        return [_posted(v) for v in value]
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if value is None or value is False:
        return ""
    return value


def _form_data(client: Client, url: str) -> dict:
    """What the edit form shows now, as a browser would post it back."""
    form = client.get(url).context["form"]
    data = {name: _posted(form.initial.get(name)) for name in form.fields}
    return {k: v for k, v in data.items() if v != "" and k not in ("version", "opened_at")}


CASES = {
    # record kind: (url under the congress, model, how to find the record, the text field edited)
    "agency": ("thiet-lap/co-quan/{pk}/sua/", Agency, lambda w: w.agencies["btg"], "name"),
    "issuer": (
        "thiet-lap/co-quan-ban-hanh/{pk}/sua/",
        Agency,
        lambda w: w.agencies["vptu"],
        "short_name",
    ),
    "committee": ("tieu-ban/{pk}/sua/", Committee, lambda w: w.committee, "name"),
    "person": ("can-bo/{pk}/sua/", Person, lambda w: w.chair, "titles"),
    "group": (
        "thiet-lap/nhom/{pk}/sua/",
        AgencyGroup,
        lambda w: _group(w),
        "name",
    ),
    "congress": ("thiet-lap/sua/", Congress, lambda w: w.congress, "venue"),
}


def _group(world) -> AgencyGroup:
    group = AgencyGroup.objects.create(congress=world.congress, name="Các ban Đảng")
    group.agencies.set([world.agencies["btg"], world.agencies["vptu"]])
    return group


@pytest.mark.parametrize("kind", sorted(CASES))
def test_a_stale_set_up_form_is_refused_shows_the_change_then_saves_knowingly(world, kind):
    path, model, find, field = CASES[kind]
    record = find(world)
    url = f"/dai-hoi/{world.congress.pk}/" + path.format(pk=record.pk)
    mine, theirs = Client(), Client()
    mine.force_login(world.users["secretariat"])
    theirs.force_login(world.admin)
    data = _form_data(mine, url)

    def someone_else_saves() -> None:
        answer = theirs.post(url, _form_data(theirs, url) | {field: "Bản của người khác"})
        assert answer.status_code == 302, kind

    stale, again = edit_meanwhile(
        mine,
        url,
        data | {field: "Bản của tôi"},
        someone_else_saves,
        lambda: getattr(model._default_manager.get(pk=record.pk), field) == "Bản của người khác",
    )
    body = stale.content.decode()
    assert CONFLICT in body and "Bản của người khác" in body, kind
    assert again.status_code == 302, kind
    assert getattr(model._default_manager.get(pk=record.pk), field) == "Bản của tôi"
