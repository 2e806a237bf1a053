"""The logistics rows of the permission matrix (`daihoi/tests/test_permission_matrix.py`).

In the matrix's world the leader chairs the service subcommittee (logistics staff), the officer
is Ban Tuyên giáo's (the agency responsible for the readiness item), officer2 is Finance's and
the member has no part in the service work.
"""

from daihoi.testing.matrix import expect

from ..models import ReadinessPhoto
from .helpers import hall_with_blocks, hotel_with_rooms, png_upload, readiness_item

# Keys of the URL kwargs, most specific first.
KWARG_KEYS = [
    ["congress_id", "readiness_id"],
    ["congress_id", "photo_id"],
    ["congress_id", "hotel_id"],
    ["congress_id", "room_id"],
    ["congress_id", "stay_id"],
    ["congress_id", "meal_id"],
    ["congress_id", "vehicle_id"],
    ["congress_id", "trip_id"],
    ["congress_id", "ride_id"],
    ["congress_id", "hall_id"],
    ["congress_id", "block_id"],
    ["congress_id", "seat_id"],
]

STAFF_ONLY = dict(officer=403, officer2=403, member=403)


ROWS = {
    "logistics:home": ("get", expect(200)),
    "logistics:readiness-list": ("get", expect(200)),
    "logistics:readiness-block": ("get", expect(200)),
    "logistics:readiness-create": ("get", expect(200, **STAFF_ONLY)),
    "logistics:readiness-detail": ("get", expect(200)),
    "logistics:readiness-edit": ("get", expect(200, **STAFF_ONLY)),
    "logistics:readiness-report": ("get", expect(200, officer2=403, member=403)),
    "logistics:readiness-photo": ("get", expect(200)),
    # Who sleeps where is personal: the service staff only (the leader chairs it).
    "logistics:lodging": ("get", expect(200, **STAFF_ONLY)),
    "logistics:hotel-create": ("get", expect(200, **STAFF_ONLY)),
    "logistics:hotel-edit": ("get", expect(200, **STAFF_ONLY)),
    "logistics:hotel-detail": ("get", expect(200, **STAFF_ONLY)),
    "logistics:rooms-add": ("get", expect(200, **STAFF_ONLY)),
    "logistics:room-edit": ("get", expect(200, **STAFF_ONLY)),
    "logistics:stay-assign": ("get", expect(200, **STAFF_ONLY)),
    "logistics:stay-release": ("post", expect(302, **STAFF_ONLY)),
    "logistics:lodging-auto": ("post", expect(302, **STAFF_ONLY)),
    "logistics:hotel-manifest": ("get", expect(200, **STAFF_ONLY)),
    "logistics:hotel-manifest-xlsx": ("get", expect(200, **STAFF_ONLY)),
    # Meal counts are no one's personal data; diets, vehicles and riders are the staff's.
    "logistics:meals": ("get", expect(200)),
    "logistics:meal-create": ("get", expect(200, **STAFF_ONLY)),
    "logistics:meal-edit": ("get", expect(200, **STAFF_ONLY)),
    "logistics:diets": ("get", expect(200, **STAFF_ONLY)),
    "logistics:transport": ("get", expect(200, **STAFF_ONLY)),
    "logistics:vehicle-create": ("get", expect(200, **STAFF_ONLY)),
    "logistics:vehicle-edit": ("get", expect(200, **STAFF_ONLY)),
    "logistics:vehicle-manifest": ("get", expect(200, **STAFF_ONLY)),
    "logistics:trip-create": ("get", expect(200, **STAFF_ONLY)),
    "logistics:trip-detail": ("get", expect(200, **STAFF_ONLY)),
    "logistics:ride-remove": ("post", expect(302, **STAFF_ONLY)),
    "logistics:rides-day": ("get", expect(200, **STAFF_ONLY)),
    # Everyone in the congress reads and prints the seating plan; the staff shape it.
    "logistics:halls": ("get", expect(200)),
    "logistics:hall-plan": ("get", expect(200)),
    "logistics:hall-create": ("get", expect(200, **STAFF_ONLY)),
    "logistics:hall-edit": ("get", expect(200, **STAFF_ONLY)),
    "logistics:block-create": ("get", expect(200, **STAFF_ONLY)),
    "logistics:block-edit": ("get", expect(200, **STAFF_ONLY)),
    "logistics:block-delegations": ("get", expect(200, **STAFF_ONLY)),
    "logistics:seat-assign": ("get", expect(200, **STAFF_ONLY)),
    "logistics:seat-clear": ("post", expect(302, **STAFF_ONLY)),
    "logistics:seats-auto": ("post", expect(302, **STAFF_ONLY)),
}


def objects(world, base: dict) -> dict:
    from .. import services
    from .helpers import accesses

    item = readiness_item(world)
    services.readiness_item_report(
        access=accesses(world)["btg"], item=item, state="doing", photos=[png_upload()]
    )
    from daihoi.delegates.tests.helpers import make_delegate

    staff = accesses(world)["secretariat"]
    delegate = make_delegate(staff, full_name="Y Ngọc Matrix")
    hotel = hotel_with_rooms(world, "101")
    room = hotel.rooms.get()
    stay = services.stay_assign(access=staff, delegate=delegate, room=room).stay
    import datetime as dt

    meal = services.meal_save(
        access=staff,
        day=world.congress.opening_date,
        kind="lunch",
        venue="Nhà ăn Tỉnh ủy",
        audience="everyone",
        extra=5,
        note="",
    )
    vehicle = services.vehicle_save(
        access=staff,
        plate="82B-000.01",
        description="Xe 16 chỗ",
        capacity=15,
        driver="Nguyễn Văn Tài",
        driver_phone="0914000111",
    )
    trip = services.trip_create(
        access=staff,
        vehicle=vehicle,
        day=world.congress.opening_date,
        departs_at=dt.time(7, 0),
        route="Nhà khách → Hội trường",
    )
    ride = services.riders_add(access=staff, trip=trip, delegates=[delegate])[0]
    hall = hall_with_blocks(world, ("Khối A", 2, 3))
    block = hall.blocks.get()
    seat = services.seat_assign(access=staff, delegate=delegate, block=block, row=1, number=1)
    # A second delegate of the same delegation, with no room, ride, diet or seat yet (the API's
    # rows give them one).
    waiting = make_delegate(
        staff, delegate.delegation, full_name="Trần Thị Chờ Xếp", birth_year=1975
    )
    return {
        "logistics_delegate_id": waiting.pk,
        "logistics_delegation_id": delegate.delegation_id,
        "hall_id": hall.pk,
        "block_id": block.pk,
        "seat_id": seat.pk,
        "meal_id": meal.pk,
        "vehicle_id": vehicle.pk,
        "trip_id": trip.pk,
        "ride_id": ride.pk,
        "hotel_id": hotel.pk,
        "room_id": room.pk,
        "stay_id": stay.pk,
        "readiness_id": item.pk,
        "photo_id": ReadinessPhoto.objects.get(item=item).pk,
    }
