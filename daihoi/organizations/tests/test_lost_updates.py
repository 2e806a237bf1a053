"""Two people editing the same set-up record: the second save is refused, shown what the first
changed, and saved only when sent again knowingly."""

import pytest
from django.test import Client

from daihoi.organizations.models import AgencyGroup
from daihoi.testing.conflicts import two_editors

pytestmark = pytest.mark.django_db


def _group(world) -> AgencyGroup:
    group = AgencyGroup.objects.create(congress=world.congress, name="Các ban Đảng")
    group.agencies.set([world.agencies["btg"], world.agencies["vptu"]])
    return group


CASES = {
    # record kind: (url under the congress, how to find the record, the text field edited)
    "agency": ("thiet-lap/co-quan/{pk}/sua/", lambda w: w.agencies["btg"], "name"),
    "issuer": ("thiet-lap/co-quan-ban-hanh/{pk}/sua/", lambda w: w.agencies["vptu"], "short_name"),
    "committee": ("tieu-ban/{pk}/sua/", lambda w: w.committee, "name"),
    "person": ("can-bo/{pk}/sua/", lambda w: w.chair, "titles"),
    "group": ("thiet-lap/nhom/{pk}/sua/", _group, "name"),
    "congress": ("thiet-lap/sua/", lambda w: w.congress, "venue"),
    "membership": (
        "tieu-ban/{committee}/thanh-vien/{pk}/",
        lambda w: w.committee.memberships.get(),
        "duties",
    ),
}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_a_stale_set_up_form_is_refused_shows_the_change_then_saves_knowingly(world, kind):
    path, find, field = CASES[kind]
    record = find(world)
    mine, theirs = Client(), Client()
    mine.force_login(world.users["secretariat"])
    theirs.force_login(world.admin)
    url = f"/dai-hoi/{world.congress.pk}/" + path.format(pk=record.pk, committee=world.committee.pk)
    two_editors(url, mine, theirs, record, field)
