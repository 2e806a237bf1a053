"""The rows of `table.py` for Hậu cần (same shape: (method, path as in the schema): (path to
call, body, expected status per role)). The objects are `daihoi/logistics/tests/matrix.py`'s:
a readiness item of Ban Tuyên giáo's with a photo, a hotel with room 101 where the matrix's
delegate stays, a lunch, a vehicle with a trip the delegate rides, a hall with one block where
the delegate sits; and a second delegate with no room, ride or seat yet. As the pages: the
service staff (the secretariat, and the leader who chairs the service subcommittee) run
logistics; everyone in the congress reads the checklist, the meals and the seating plan; the
officer reports on Ban Tuyên giáo's item."""

from typing import Any

from daihoi.testing.matrix import ROLES, expect

C = "/congresses/{congress_id}"
L = C + "/logistics"


def api_expect(default: int, **overrides: int) -> dict[str, int]:
    return expect(default, **overrides) | {"anonymous": 401}


STAFF_ONLY = dict(officer=403, officer2=403, member=403)
READ = api_expect(200)
STAFF_READ = api_expect(200, **STAFF_ONLY)

READINESS_BODY = {"area": "flags", "title": "Treo băng rôn chào mừng", "agency": "{btg}"}
MEAL_BODY = {
    "day": "14/10/2020",
    "kind": "dinner",
    "venue": "Nhà ăn Tỉnh ủy",
    "audience": "everyone",
    "extra": 3,
}
VEHICLE_BODY = {
    "plate": "82B-000.01",
    "description": "Xe 16 chỗ",
    "capacity": 15,
    "driver": "Nguyễn Văn Tài",
    "driver_phone": "0914000111",
}
BLOCK_BODY = {"name": "Khối B", "order": 2, "rows": 2, "seats_per_row": 3}

ROWS: dict[tuple[str, str], tuple[str, Any, dict[str, int]]] = {
    ("get", L + "/"): (L + "/", None, READ),
    # The readiness checklist: everyone reads it, the staff keep it, the responsible agency's
    # officer reports on its item (with photos, multipart).
    ("get", L + "/readiness/"): (L + "/readiness/", None, READ),
    ("get", L + "/readiness/summary/"): (L + "/readiness/summary/", None, READ),
    ("post", L + "/readiness/"): (
        L + "/readiness/",
        READINESS_BODY,
        api_expect(201, **STAFF_ONLY),
    ),
    ("get", L + "/readiness/{readiness_id}/"): (L + "/readiness/{readiness_id}/", None, READ),
    ("put", L + "/readiness/{readiness_id}/"): (
        L + "/readiness/{readiness_id}/",
        READINESS_BODY,
        STAFF_READ,
    ),
    ("post", L + "/readiness/{readiness_id}/report/"): (
        L + "/readiness/{readiness_id}/report/",
        {"state": "ready", "note": "Đã treo xong"},
        api_expect(200, officer2=403, member=403),
    ),
    ("get", L + "/readiness-photos/{photo_id}/"): (L + "/readiness-photos/{photo_id}/", None, READ),
    # Lodging: the staff's only.
    **{
        ("get", L + path): (L + path, None, STAFF_READ)
        for path in (
            "/lodging/",
            "/lodging/waiting/",
            "/hotels/{hotel_id}/",
            "/hotels/{hotel_id}/manifest/",
            "/hotels/{hotel_id}/manifest/xlsx/",
        )
    },
    ("post", L + "/lodging/auto/"): (L + "/lodging/auto/", None, STAFF_READ),
    ("post", L + "/hotels/"): (
        L + "/hotels/",
        {"name": "Nhà khách Tỉnh ủy", "address": "Kon Tum"},
        api_expect(201, **STAFF_ONLY),
    ),
    ("put", L + "/hotels/{hotel_id}/"): (
        L + "/hotels/{hotel_id}/",
        {"name": "Khách sạn Đăk Bla", "phone": "02603862222"},
        STAFF_READ,
    ),
    ("post", L + "/hotels/{hotel_id}/rooms/"): (
        L + "/hotels/{hotel_id}/rooms/",
        {"numbers": "201-202", "capacity": 2, "gender_rule": "any"},
        api_expect(201, **STAFF_ONLY),
    ),
    ("put", L + "/rooms/{room_id}/"): (
        L + "/rooms/{room_id}/",
        {"number": "101", "capacity": 3, "gender_rule": "any"},
        STAFF_READ,
    ),
    ("post", L + "/stays/"): (
        L + "/stays/",
        {"delegate": "{logistics_delegate_id}", "room": "{room_id}"},
        STAFF_READ,
    ),
    ("delete", L + "/stays/{stay_id}/"): (
        L + "/stays/{stay_id}/",
        None,
        api_expect(204, **STAFF_ONLY),
    ),
    # Meals: the counts are everyone's; the diets are personal (the staff's).
    ("get", L + "/meals/"): (L + "/meals/", None, READ),
    ("post", L + "/meals/"): (L + "/meals/", MEAL_BODY, api_expect(201, **STAFF_ONLY)),
    ("put", L + "/meals/{meal_id}/"): (L + "/meals/{meal_id}/", MEAL_BODY, STAFF_READ),
    ("get", L + "/diets/"): (L + "/diets/", None, STAFF_READ),
    ("post", L + "/diets/"): (
        L + "/diets/",
        {"delegate": "{logistics_delegate_id}", "diet": "vegetarian"},
        STAFF_READ,
    ),
    # Transport: the staff's only.
    **{
        ("get", L + path): (L + path, None, STAFF_READ)
        for path in (
            "/vehicles/",
            "/vehicles/{vehicle_id}/manifest/",
            "/trips/",
            "/trips/{trip_id}/",
            "/rides/",
        )
    },
    ("post", L + "/vehicles/"): (
        L + "/vehicles/",
        VEHICLE_BODY | {"plate": "82B-000.02"},
        api_expect(201, **STAFF_ONLY),
    ),
    ("put", L + "/vehicles/{vehicle_id}/"): (
        L + "/vehicles/{vehicle_id}/",
        VEHICLE_BODY | {"capacity": 16},
        STAFF_READ,
    ),
    ("post", L + "/trips/"): (
        L + "/trips/",
        {
            "vehicle": "{vehicle_id}",
            "day": "14/10/2020",
            "departs_at": "13:30",
            "route": "Hội trường → Nhà khách",
        },
        api_expect(201, **STAFF_ONLY),
    ),
    ("post", L + "/trips/{trip_id}/riders/"): (
        L + "/trips/{trip_id}/riders/",
        {"delegate": "{logistics_delegate_id}"},
        STAFF_READ,
    ),
    ("delete", L + "/rides/{ride_id}/"): (
        L + "/rides/{ride_id}/",
        None,
        api_expect(204, **STAFF_ONLY),
    ),
    # Seating: everyone reads the halls and the plan; the staff shape them and seat delegates.
    ("get", L + "/halls/"): (L + "/halls/", None, READ),
    ("get", L + "/halls/{hall_id}/"): (L + "/halls/{hall_id}/", None, READ),
    ("post", L + "/halls/"): (
        L + "/halls/",
        {"name": "Hội trường 2"},
        api_expect(201, **STAFF_ONLY),
    ),
    ("put", L + "/halls/{hall_id}/"): (
        L + "/halls/{hall_id}/",
        {"name": "Hội trường lớn Trung tâm Hội nghị tỉnh"},
        STAFF_READ,
    ),
    ("post", L + "/halls/{hall_id}/blocks/"): (
        L + "/halls/{hall_id}/blocks/",
        BLOCK_BODY,
        api_expect(201, **STAFF_ONLY),
    ),
    ("put", L + "/blocks/{block_id}/"): (
        L + "/blocks/{block_id}/",
        BLOCK_BODY | {"name": "Khối A", "order": 1},
        STAFF_READ,
    ),
    ("get", L + "/blocks/{block_id}/delegations/"): (
        L + "/blocks/{block_id}/delegations/",
        None,
        STAFF_READ,
    ),
    ("put", L + "/blocks/{block_id}/delegations/"): (
        L + "/blocks/{block_id}/delegations/",
        {"delegations": ["{logistics_delegation_id}"]},
        STAFF_READ,
    ),
    ("post", L + "/halls/{hall_id}/seats/"): (
        L + "/halls/{hall_id}/seats/",
        {"delegate": "{logistics_delegate_id}", "block": "{block_id}", "row": 2, "number": 1},
        api_expect(201, **STAFF_ONLY),
    ),
    ("post", L + "/halls/{hall_id}/seats/auto/"): (
        L + "/halls/{hall_id}/seats/auto/",
        None,
        STAFF_READ,
    ),
    ("delete", L + "/seats/{seat_id}/"): (
        L + "/seats/{seat_id}/",
        None,
        api_expect(204, **STAFF_ONLY),
    ),
}

# The agency's report takes its photos.
MULTIPART = ("/readiness/{readiness_id}/report/",)

SIGNED_IN_400 = {r: 400 for r in ROLES} | {"anonymous": 401}
NOT_POSTED = {r: 405 for r in ROLES}
# What the POST-only operations answer a signed-in session posting a form: those reading a JSON
# body refuse it (400); the buttons without a body answer as through a token; the report's form
# has no such state (400) for those who may report; edits and removals take no POST at all.
SESSION_POSTS: dict[str, dict[str, int]] = {
    "readiness_report": api_expect(400, officer2=403, member=403),
    "lodging_auto": STAFF_READ,
    "seats_auto": STAFF_READ,
    **{
        name: SIGNED_IN_400
        for name in (
            "hotel_create",
            "rooms_add",
            "stay_assign",
            "trip_riders_add",
            "block_create",
            "seat_assign",
        )
    },
    **{
        name: NOT_POSTED
        for name in (
            "room_update",
            "stay_release",
            "meal_update",
            "vehicle_update",
            "ride_remove",
            "block_update",
            "seat_clear",
        )
    },
}
