"""Hậu cần through the API: meals and diets, vehicles, trips and riders, and the seating (halls,
blocks, the delegations of a block, seats given, cleared and given automatically); the pages'
rules, messages and audit trail."""

import datetime as dt

from daihoi.api.models import Scope
from daihoi.core.models import AuditEntry
from daihoi.logistics import services
from daihoi.logistics.models import BlockDelegation, DietNote, Hall, Meal, Ride, Seat, Vehicle
from daihoi.logistics.tests.helpers import accesses, roster

from .helpers import ApiClient

M, F = "male", "female"
KT = "Đoàn Đảng bộ thành phố Kon Tum"
DG = "Đoàn Đảng bộ huyện Đăk Glei"


def _base(world) -> str:
    return f"/congresses/{world.congress.pk}/logistics"


def test_the_staff_plan_meals_with_their_version_and_everyone_reads_the_counts(world):
    _, b = roster(world, ("A Lâm", M, KT), ("Y Ngọc", F, KT))
    base = _base(world)
    secretariat = ApiClient(world.users["secretariat"])
    body = {"day": "14/10/2020", "kind": "lunch", "venue": "Nhà ăn Tỉnh ủy", "audience": "everyone"}

    outside = secretariat.post(base + "/meals/", body | {"day": "01/01/2021"})
    assert outside.status_code == 400
    assert outside.json()["errors"]["day"] == [
        "Ngày phải trong khoảng 13/10/2020 – 16/10/2020 (từ ngày đón đại biểu đến hết Đại hội)."
    ]
    created = secretariat.post(base + "/meals/", body | {"extra": 5})
    assert created.status_code == 201, created.content
    meal = created.json()
    assert meal["kind_label"] == "Bữa trưa" and meal["extra"] == 5
    path = f"{base}/meals/{meal['id']}/"
    saved = secretariat.put(path, body | {"extra": 8, "version": meal["version"]})
    assert saved.status_code == 200 and saved.json()["extra"] == 8
    assert secretariat.put(path, body | {"version": meal["version"]}).status_code == 409
    assert Meal.objects.get(pk=meal["id"]).extra == 8

    diet = secretariat.post(base + "/diets/", {"delegate": b.pk, "diet": "vegetarian"})
    assert diet.status_code == 200, diet.content
    assert (
        diet.json()["diet_label"] == "Ăn chay" and diet.json()["delegate"]["full_name"] == "Y Ngọc"
    )
    assert [d["delegate"]["id"] for d in secretariat.all(base + "/diets/")] == [b.pk]
    entry = AuditEntry.objects.filter(action="diet.saved").latest("id")
    assert entry.data.get("api_token") == secretariat.token.prefix

    member = ApiClient(world.users["member"])
    [row] = member.get(base + "/meals/").json()
    assert row["roster"] == 2 and row["expected"] == 10
    assert row["diets"] == [{"diet": "Ăn chay", "count": 1}]
    assert member.get(base + "/diets/").status_code == 403
    assert member.post(base + "/meals/", body).status_code == 403

    back = secretariat.post(base + "/diets/", {"delegate": b.pk})
    assert back.status_code == 204 and not DietNote.objects.filter(delegate=b).exists()
    unknown = secretariat.post(base + "/diets/", {"delegate": 0, "diet": "vegetarian"})
    assert unknown.status_code == 400 and "delegate" in unknown.json()["errors"]


def test_the_staff_put_delegations_and_delegates_on_trips(world):
    a, b, c = roster(world, ("A Lâm", M, KT), ("Y Bôn", M, KT), ("Y Ngọc", F, DG))
    base = _base(world)
    leader = ApiClient(world.users["leader"])
    body = {
        "plate": "82B-000.01",
        "description": "Xe 4 chỗ",
        "capacity": 2,
        "driver": "Nguyễn Văn Tài",
        "driver_phone": "0914000111",
    }
    assert leader.post(base + "/vehicles/", body | {"capacity": 0}).json()["errors"]["capacity"]
    vehicle = leader.post(base + "/vehicles/", body | {"agency": world.agencies["vptu"].pk})
    assert vehicle.status_code == 201, vehicle.content
    vehicle_id = vehicle.json()["id"]
    assert vehicle.json()["agency"]["id"] == world.agencies["vptu"].pk
    bigger = leader.put(f"{base}/vehicles/{vehicle_id}/", body | {"capacity": 3, "version": 1})
    assert bigger.status_code == 200 and Vehicle.objects.get(pk=vehicle_id).capacity == 3
    assert leader.put(f"{base}/vehicles/{vehicle_id}/", body | {"version": 1}).status_code == 409

    trip = leader.post(
        base + "/trips/",
        {
            "vehicle": vehicle_id,
            "day": "14/10/2020",
            "departs_at": "07:00",
            "route": "Nhà khách → Hội trường",
        },
    )
    assert trip.status_code == 201, trip.content
    trip_id = trip.json()["id"]
    assert trip.json()["free"] == 3 and trip.json()["rides"] == []

    neither = leader.post(f"{base}/trips/{trip_id}/riders/", {})
    assert neither.status_code == 400
    assert neither.json()["errors"]["__all__"] == ["Hãy chọn một đoàn hoặc một đại biểu."]
    whole = leader.post(f"{base}/trips/{trip_id}/riders/", {"delegation": a.delegation_id})
    assert whole.status_code == 200, whole.content
    assert {r["delegate"]["full_name"] for r in whole.json()["rides"]} == {"A Lâm", "Y Bôn"}
    one = leader.post(f"{base}/trips/{trip_id}/riders/", {"delegate": c.pk})
    assert one.status_code == 200 and one.json()["free"] == 0
    again = leader.post(f"{base}/trips/{trip_id}/riders/", {"delegate": c.pk})
    assert again.status_code == 400
    assert again.json()["errors"]["delegate"] == ["Y Ngọc đã đi xe 82B-000.01 vào giờ này."]

    trips = leader.all(base + "/trips/", {"day": "14/10/2020"})
    assert [(t["id"], t["riders"]) for t in trips] == [(trip_id, 3)]
    assert leader.all(base + "/trips/", {"day": "15/10/2020"}) == []
    rides = leader.all(base + "/rides/", {"day": "2020-10-14"})
    assert {r["delegate"]["full_name"] for r in rides} == {"A Lâm", "Y Bôn", "Y Ngọc"}
    assert rides[0]["vehicle"]["plate"] == "82B-000.01"
    manifest = leader.get(f"{base}/vehicles/{vehicle_id}/manifest/").json()
    assert manifest["day"] == "2020-10-14" and len(manifest["trips"][0]["rides"]) == 3
    assert [v["plate"] for v in leader.all(base + "/vehicles/")] == ["82B-000.01"]

    ride_id = next(r["id"] for r in rides if r["delegate"]["id"] == b.pk)
    assert leader.delete(f"{base}/rides/{ride_id}/").status_code == 204
    assert not Ride.objects.filter(pk=ride_id).exists()
    entry = AuditEntry.objects.filter(action="trip.rider_removed").latest("id")
    assert entry.data.get("api_token") == leader.token.prefix

    officer = ApiClient(world.users["officer"])
    assert officer.get(base + "/vehicles/").status_code == 403
    reader = ApiClient(world.users["leader"], scope=Scope.READ)
    assert reader.delete(f"{base}/rides/{whole.json()['rides'][0]['id']}/").status_code == 403
    assert Ride.objects.filter(trip_id=trip_id).count() == 2


def test_the_staff_shape_the_hall_and_seat_delegates_everyone_reads_the_plan(world):
    a, b, c = roster(world, ("A Lâm", M, KT), ("Y Bôn", M, KT), ("Y Ngọc", F, DG))
    base = _base(world)
    secretariat = ApiClient(world.users["secretariat"])

    hall = secretariat.post(base + "/halls/", {"name": "Hội trường Trung tâm Hội nghị tỉnh"})
    assert hall.status_code == 201, hall.content
    hall_id = hall.json()["id"]
    same = secretariat.post(base + "/halls/", {"name": "Hội trường Trung tâm Hội nghị tỉnh"})
    assert same.status_code == 400 and same.json()["errors"]["name"] == [
        "Đã có hội trường trùng tên."
    ]
    renamed = secretariat.put(f"{base}/halls/{hall_id}/", {"name": "Hội trường lớn", "version": 1})
    assert renamed.status_code == 200 and Hall.objects.get(pk=hall_id).name == "Hội trường lớn"
    assert (
        secretariat.put(f"{base}/halls/{hall_id}/", {"name": "Cũ", "version": 1}).status_code == 409
    )

    block_body = {"name": "Khối A", "order": 1, "rows": 2, "seats_per_row": 2}
    too_big = secretariat.post(f"{base}/halls/{hall_id}/blocks/", block_body | {"rows": 99})
    assert too_big.status_code == 400 and "rows" in too_big.json()["errors"]
    block = secretariat.post(f"{base}/halls/{hall_id}/blocks/", block_body)
    assert block.status_code == 201, block.content
    block_id = block.json()["id"]
    wider = secretariat.put(
        f"{base}/blocks/{block_id}/", block_body | {"seats_per_row": 3, "version": 1}
    )
    assert wider.status_code == 200 and wider.json()["capacity"] == 6

    given = secretariat.put(
        f"{base}/blocks/{block_id}/delegations/", {"delegations": [a.delegation_id]}
    )
    assert given.status_code == 200, given.content
    assert [d["id"] for d in given.json()["delegations"]] == [a.delegation_id]
    assert BlockDelegation.objects.filter(block_id=block_id).count() == 1
    assert secretariat.get(f"{base}/blocks/{block_id}/delegations/").json() == given.json()

    seat = secretariat.post(
        f"{base}/halls/{hall_id}/seats/",
        {"delegate": c.pk, "block": block_id, "row": 1, "number": 1},
    )
    assert seat.status_code == 201, seat.content
    assert seat.json()["label"] == "Khối A, hàng 1, ghế 1"
    taken = secretariat.post(
        f"{base}/halls/{hall_id}/seats/",
        {"delegate": a.pk, "block": block_id, "row": 1, "number": 1},
    )
    assert taken.status_code == 400 and "number" in taken.json()["errors"]
    outside = secretariat.post(
        f"{base}/halls/{hall_id}/seats/",
        {"delegate": a.pk, "block": block_id, "row": 3, "number": 1},
    )
    assert outside.json()["errors"]["row"] == ["Khối A có 2 hàng, mỗi hàng 3 ghế."]

    auto = secretariat.post(f"{base}/halls/{hall_id}/seats/auto/")
    assert auto.status_code == 200, auto.content
    assert auto.json()["seated"] == 2 and auto.json()["without_seat"] == 0
    assert Seat.objects.filter(hall_id=hall_id).count() == 3
    entry = AuditEntry.objects.filter(action="hall.seats_auto").latest("id")
    assert entry.data.get("api_token") == secretariat.token.prefix

    member = ApiClient(world.users["member"])
    plan = member.get(f"{base}/halls/{hall_id}/").json()
    assert plan["staff"] is False and plan["unseated_count"] == 0
    [block_plan] = plan["blocks"]
    assert block_plan["taken"] == 3 and block_plan["delegations"] == [KT]
    assert {s["delegate"] for s in block_plan["seats"]} == {"A Lâm", "Y Bôn", "Y Ngọc"}
    assert [(h["block_count"], h["seated"]) for h in member.all(base + "/halls/")] == [(1, 3)]
    assert member.post(f"{base}/halls/{hall_id}/seats/auto/").status_code == 403

    cleared = secretariat.delete(f"{base}/seats/{seat.json()['id']}/")
    assert cleared.status_code == 204 and not Seat.objects.filter(delegate=c).exists()
    outsider = ApiClient(world.users["outsider"])
    assert outsider.get(f"{base}/halls/{hall_id}/").status_code == 404
    other = f"/congresses/{world.other.pk}/logistics/halls/{hall_id}/"
    assert outsider.get(other).status_code == 404


def _grow(world, people, n: int) -> None:
    """One more of each: a vehicle with a trip and two riders, two diets, a meal, a hall."""
    staff = accesses(world)["secretariat"]
    vehicle = services.vehicle_save(
        access=staff,
        plate=f"82B-000.1{n}",
        description="Xe 16 chỗ",
        capacity=15,
        driver="Nguyễn Văn Tài",
        driver_phone="0914000111",
    )
    trip = services.trip_create(
        access=staff,
        vehicle=vehicle,
        day=dt.date(2020, 10, 14),
        departs_at=dt.time(7, n),
        route="Nhà khách → Hội trường",
    )
    riders = people[2 * n : 2 * n + 2]
    services.riders_add(access=staff, trip=trip, delegates=riders)
    for person in riders:
        services.diet_set(access=staff, delegate=person, diet="vegetarian")
    services.meal_save(
        access=staff,
        day=dt.date(2020, 10, 14),
        kind="lunch",
        venue=f"Nhà ăn số {n}",
        audience="everyone",
        extra=0,
        note="",
    )
    hall = services.hall_save(access=staff, name=f"Hội trường {n}")
    services.block_save(access=staff, hall=hall, name="Khối A", order=1, rows=2, seats_per_row=3)


LISTS = ("/vehicles/", "/trips/", "/rides/", "/diets/", "/halls/", "/meals/", "/")


def test_the_logistics_lists_take_a_fixed_number_of_queries_as_rows_grow(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    people = roster(world, *[(f"Đại biểu {n}", M, KT) for n in range(6)])
    leader = ApiClient(world.users["leader"])
    base = _base(world)

    def queries() -> dict[str, int]:
        counted = {}
        for path in LISTS:
            with CaptureQueriesContext(connection) as captured:
                assert leader.get(base + path).status_code == 200, path
            counted[path] = len(captured)
        return counted

    _grow(world, people, 0)
    leader.get(base + "/")  # the token's first use is recorded once
    few = queries()
    _grow(world, people, 1)
    _grow(world, people, 2)
    many = queries()
    assert many == few and max(many.values()) <= 10, (few, many)
    assert len(leader.get(base + "/rides/").json()["results"]) == 6
    assert len(leader.get(base + "/meals/").json()) == 3
