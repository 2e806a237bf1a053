"""Capacity and double booking under concurrent requests, on PostgreSQL (row locks; SQLite
serialises writers anyway). Each racer runs on its own connection in its own thread."""

import pytest
from django.db import connection

from daihoi.budget.tests.test_concurrency import race
from daihoi.delegates.models import Delegate

from .. import services
from ..models import Room, Stay
from .helpers import accesses, hotel_with_rooms, roster

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
M = Delegate.Gender.MALE
KT = "Đoàn Đảng bộ thành phố Kon Tum"


@pytest.fixture(autouse=True)
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("Row locks are only meaningful on PostgreSQL")


def test_two_staff_filling_the_last_bed_at_once_leave_the_room_at_capacity(world):
    people = roster(world, *[(f"A Đại biểu {n}", M, KT) for n in range(4)])
    hotel = hotel_with_rooms(world, "101", capacity=3)
    room = Room.objects.get(hotel=hotel)
    staff = accesses(world)["secretariat"]
    services.stay_assign(access=staff, delegate=people[0], room=room)
    services.stay_assign(access=staff, delegate=people[1], room=room)
    results = race(
        lambda: services.stay_assign(access=staff, delegate=people[2], room=room),
        lambda: services.stay_assign(access=staff, delegate=people[3], room=room),
    )
    assert sorted(results)[1] == "ok" and "đã đủ 3 người" in sorted(results)[0]
    assert Stay.objects.filter(room=room).count() == 3


def test_automatic_lodging_racing_a_hand_assignment_never_overfills(world):
    people = roster(world, *[(f"A Đại biểu {n}", M, KT) for n in range(6)])
    hotel = hotel_with_rooms(world, "101-102", capacity=2)
    staff = accesses(world)["secretariat"]
    first = Room.objects.get(hotel=hotel, number="101")
    results = race(
        lambda: services.stays_auto_assign(access=staff),
        lambda: services.stay_assign(access=staff, delegate=people[5], room=first),
    )
    assert len(results) == 2
    for room in Room.objects.filter(hotel=hotel):
        assert Stay.objects.filter(room=room).count() <= room.capacity
    assert Stay.objects.count() == 4


def test_the_same_delegate_placed_twice_at_once_has_one_room(world):
    (a,) = roster(world, ("A Lâm", M, KT))
    hotel = hotel_with_rooms(world, "101-102", capacity=2)
    staff = accesses(world)["secretariat"]
    r1, r2 = Room.objects.filter(hotel=hotel).order_by("number")
    results = race(
        lambda: services.stay_assign(access=staff, delegate=a, room=r1),
        lambda: services.stay_assign(access=staff, delegate=a, room=r2),
    )
    assert "ok" in results
    assert Stay.objects.filter(delegate=a).count() == 1


def test_two_staff_giving_the_same_seat_at_once_seat_one_delegate(world):
    from ..models import Seat
    from .helpers import hall_with_blocks

    a, b = roster(world, ("A Lâm", M, KT), ("A Hơ", M, KT))
    hall = hall_with_blocks(world, ("Khối A", 1, 2))
    block = hall.blocks.get()
    staff = accesses(world)["secretariat"]
    results = race(
        lambda: services.seat_assign(access=staff, delegate=a, block=block, row=1, number=1),
        lambda: services.seat_assign(access=staff, delegate=b, block=block, row=1, number=1),
    )
    assert sorted(results)[-1] == "ok" and results.count("ok") == 1
    assert Seat.objects.filter(block=block, row=1, number=1).count() == 1


def test_automatic_seating_racing_a_hand_seat_never_doubles_a_seat(world):
    from daihoi.delegates.models import Delegation

    from ..models import Seat
    from .helpers import hall_with_blocks

    people = roster(world, *[(f"A Đại biểu {n}", M, KT) for n in range(4)])
    hall = hall_with_blocks(world, ("Khối A", 1, 4))
    block = hall.blocks.get()
    staff = accesses(world)["secretariat"]
    services.block_delegations_set(
        access=staff, block=block, delegations=[Delegation.objects.get()]
    )
    results = race(
        lambda: services.seats_auto(access=staff, hall=hall),
        lambda: services.seat_assign(
            access=staff, delegate=people[3], block=block, row=1, number=1
        ),
    )
    assert len(results) == 2
    positions = list(Seat.objects.values_list("row", "number"))
    assert len(positions) == len(set(positions)) == 4
