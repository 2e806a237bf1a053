"""Two writers editing the same propaganda record: the second save is refused, shown what the
first changed, and saved only when sent again knowingly (`core.versioning`)."""

import pytest
from django.test import Client
from django.urls import reverse

from daihoi.testing.conflicts import two_editors

from ..models import ArtEvent, Column, MediaPiece, Outlet, Route, Slogan
from .helpers import propaganda_objects

pytestmark = pytest.mark.django_db

CASES = {
    # url name: (its keyword, the model, the text field edited)
    "slogan-edit": ("slogan_id", Slogan, "text"),
    "route-edit": ("route_id", Route, "name"),
    "outlet-edit": ("outlet_id", Outlet, "name"),
    "column-edit": ("column_id", Column, "name"),
    "piece-edit": ("piece_id", MediaPiece, "title"),
    "event-edit": ("event_id", ArtEvent, "title"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_stale_propaganda_form_is_refused_shows_the_change_then_saves_knowingly(world, name):
    key, model, field = CASES[name]
    objects = propaganda_objects(world)
    record = model._default_manager.get(pk=objects[key])
    mine, theirs = Client(), Client()
    mine.force_login(world.users["secretariat"])
    theirs.force_login(world.users["leader"])  # a member of Tiểu ban Tuyên truyền
    url = reverse(f"propaganda:{name}", args=[world.congress.pk, record.pk])
    two_editors(url, mine, theirs, record, field)
    assert model._default_manager.get(pk=record.pk).version == record.version + 2
