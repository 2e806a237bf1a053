"""Two of the service staff editing the same hotel, room, meal, vehicle, hall or block: the
second save is refused, shown what the first changed, and saved only when sent again knowingly
(`core.versioning`)."""

import pytest
from django.test import Client
from django.urls import reverse

from daihoi.testing.conflicts import two_editors

from ..models import Block, Hall, Hotel, Meal, Room, Vehicle
from .matrix import objects as logistics_objects

pytestmark = pytest.mark.django_db

CASES = {
    # url name: (its keyword, the model, the text field edited)
    "hotel-edit": ("hotel_id", Hotel, "name"),
    "room-edit": ("room_id", Room, "number"),
    "meal-edit": ("meal_id", Meal, "venue"),
    "vehicle-edit": ("vehicle_id", Vehicle, "description"),
    "hall-edit": ("hall_id", Hall, "name"),
    "block-edit": ("block_id", Block, "name"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_stale_logistics_form_is_refused_shows_the_change_then_saves_knowingly(world, name):
    key, model, field = CASES[name]
    record = model._default_manager.get(pk=logistics_objects(world, {})[key])
    mine, theirs = Client(), Client()
    mine.force_login(world.users["secretariat"])
    theirs.force_login(world.users["leader"])  # the service subcommittee's chair
    url = reverse(f"logistics:{name}", args=[world.congress.pk, record.pk])
    two_editors(url, mine, theirs, record, field)
    assert model._default_manager.get(pk=record.pk).version == record.version + 2
