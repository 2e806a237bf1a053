import datetime as dt

import pytest
from django.urls import reverse

from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.delegates.models import Delegate

from .. import selectors, services
from ..models import Audience, Diet, MealKind, Ride
from .helpers import accesses, roster

pytestmark = pytest.mark.django_db

M, F = Delegate.Gender.MALE, Delegate.Gender.FEMALE
KT = "Đoàn Đảng bộ thành phố Kon Tum"
DG = "Đoàn Đảng bộ huyện Đăk Glei"
OPENING = dt.date(2020, 10, 14)


def vehicle(world, plate="82B-001.23", capacity=2):
    return services.vehicle_save(
        access=accesses(world)["secretariat"],
        plate=plate,
        description="Xe 16 chỗ",
        capacity=capacity,
        driver="Nguyễn Văn Tài",
        driver_phone="0914000111",
        agency=world.agencies["vptu"],
    )


def trip(world, car, at=dt.time(7, 0)):
    return services.trip_create(
        access=accesses(world)["secretariat"],
        vehicle=car,
        day=OPENING,
        departs_at=at,
        route="Nhà khách Tỉnh ủy → Hội trường",
    )


def test_expected_meals_count_the_roster_by_audience_plus_extra_with_diets(world):
    people = roster(world, ("A Lâm", M, KT), ("Y Ngọc", F, KT), ("A Hơ", M, DG), ("Y Hoa", F, DG))
    staff = accesses(world)["secretariat"]
    Delegate.objects.filter(pk=people[3].pk).update(kind=Delegate.Kind.GUEST)
    Delegate.objects.filter(pk=people[2].pk).update(is_active=False)
    services.diet_set(access=staff, delegate=people[0], diet=Diet.VEGETARIAN)
    services.diet_set(access=staff, delegate=people[3], diet=Diet.NO_PORK, note="Kiêng")
    for kind, audience in (
        (MealKind.LUNCH, Audience.EVERYONE),
        (MealKind.DINNER, Audience.DELEGATES),
    ):
        services.meal_save(
            access=staff,
            day=OPENING,
            kind=kind,
            venue="Nhà ăn Tỉnh ủy",
            audience=audience,
            extra=10,
            note="",
        )
    lunch, dinner = sorted(selectors.meal_rows(staff), key=lambda r: r.meal.kind, reverse=True)
    # Lunch: A Lâm, Y Ngọc and the guest Y Hoa (A Hơ was replaced) + 10; dinner: no guest.
    assert (lunch.meal.kind, lunch.roster, lunch.expected) == ("lunch", 3, 13)
    assert lunch.diets == [("Không ăn thịt lợn", 1), ("Ăn chay", 1)]
    assert (dinner.roster, dinner.expected, dinner.diets) == (2, 12, [("Ăn chay", 1)])
    services.diet_set(access=staff, delegate=people[0], diet="")
    assert not people[0].__class__.objects.filter(pk=people[0].pk, diet__isnull=False).exists()
    assert "Bỏ chế độ ăn riêng" in history_of(people[0])[0].reason


def test_a_meal_outside_the_congress_days_or_twice_at_a_venue_is_refused(world):
    roster(world)
    staff = accesses(world)["secretariat"]

    def lunch(day: dt.date):
        return services.meal_save(
            access=staff,
            day=day,
            kind=MealKind.LUNCH,
            venue="Nhà ăn",
            audience=Audience.EVERYONE,
            extra=0,
            note="",
        )

    with pytest.raises(BusinessError, match="13/10/2020 – 16/10/2020"):
        lunch(dt.date(2020, 10, 20))
    lunch(OPENING)
    with pytest.raises(BusinessError, match="Đã có bữa này"):
        lunch(OPENING)


def test_a_trip_carries_no_more_than_its_seats_and_refuses_the_whole_delegation(world):
    roster(world, ("A Lâm", M, KT), ("Y Ngọc", F, KT), ("A Vương", M, KT), ("A Hơ", M, DG))
    staff = accesses(world)["secretariat"]
    car = vehicle(world, capacity=2)
    run = trip(world, car)
    kt = Delegate.objects.filter(delegation__name=KT)[0].delegation
    with pytest.raises(BusinessError, match="chỉ còn 2 chỗ, không xếp được 3 người"):
        services.riders_add_delegation(access=staff, trip=run, delegation=kt)
    assert not Ride.objects.exists()
    a_ho = Delegate.objects.get(full_name="A Hơ")
    services.riders_add(access=staff, trip=run, delegates=[a_ho])
    lam = Delegate.objects.get(full_name="A Lâm")
    services.riders_add(access=staff, trip=run, delegates=[lam])
    with pytest.raises(BusinessError, match="chỉ còn 0 chỗ"):
        services.riders_add(
            access=staff, trip=run, delegates=[Delegate.objects.get(full_name="Y Ngọc")]
        )
    with pytest.raises(BusinessError, match="không giảm số chỗ"):
        services.vehicle_save(
            access=staff,
            vehicle=car,
            plate=car.plate,
            description=car.description,
            capacity=1,
            driver=car.driver,
            driver_phone=car.driver_phone,
        )


def test_a_delegate_rides_one_trip_at_a_time(world):
    (lam,) = roster(world, ("A Lâm", M, KT))
    staff = accesses(world)["secretariat"]
    first = trip(world, vehicle(world, "82B-001.23"))
    second = trip(world, vehicle(world, "82B-002.34"))
    services.riders_add(access=staff, trip=first, delegates=[lam])
    with pytest.raises(BusinessError, match="đã đi xe 82B-001.23 vào giờ này"):
        services.riders_add(access=staff, trip=second, delegates=[lam])
    later = trip(world, second.vehicle, at=dt.time(17, 0))
    services.riders_add(access=staff, trip=later, delegates=[lam])
    assert [r.trip.vehicle.plate for r in selectors.rides_of_day(staff, OPENING)] == [
        "82B-001.23",
        "82B-002.34",
    ]


def test_only_service_staff_run_transport(world):
    roster(world)
    with pytest.raises(PermissionDenied):
        services.vehicle_save(
            access=accesses(world)["member"],
            plate="82B",
            description="Xe",
            capacity=4,
            driver="A",
            driver_phone="1",
        )


def test_staff_fill_a_trip_by_delegation_on_its_page_and_print_the_manifest(
    world, client, django_assert_max_num_queries
):
    roster(world, ("A Lâm", M, KT), ("Y Ngọc", F, KT), ("A Hơ", M, DG))
    car = vehicle(world, capacity=30)
    run = trip(world, car)
    kt = Delegate.objects.filter(delegation__name=KT)[0].delegation
    client.force_login(world.users["secretariat"])
    url = reverse("logistics:trip-detail", args=[world.congress.pk, run.pk])
    response = client.post(url, {"delegation": kt.pk})
    assert response.status_code == 302
    assert Ride.objects.filter(trip=run).count() == 2
    page = client.get(url).content.decode()
    assert "còn 28/30 chỗ" in page
    manifest = reverse("logistics:vehicle-manifest", args=[world.congress.pk, car.pk])
    with django_assert_max_num_queries(10):
        text = client.get(manifest, {"day": "14/10/2020"}).content.decode()
    assert "A Lâm" in text and "Y Ngọc" in text and "A Hơ" not in text
    with django_assert_max_num_queries(10):
        listed = client.get(
            reverse("logistics:rides-day", args=[world.congress.pk]), {"day": "14/10/2020"}
        )
    assert listed.content.decode().count("82B-001.23") == 2
    with django_assert_max_num_queries(10):
        assert (
            client.get(reverse("logistics:transport", args=[world.congress.pk])).status_code == 200
        )
    with django_assert_max_num_queries(10):
        assert client.get(reverse("logistics:meals", args=[world.congress.pk])).status_code == 200


def test_members_read_meal_counts_but_not_diets_or_vehicles(world, client):
    roster(world)
    client.force_login(world.users["member"])
    assert client.get(reverse("logistics:meals", args=[world.congress.pk])).status_code == 200
    assert client.get(reverse("logistics:diets", args=[world.congress.pk])).status_code == 403
    assert client.get(reverse("logistics:transport", args=[world.congress.pk])).status_code == 403


def test_a_days_meals_read_breakfast_lunch_dinner_in_that_order(world):
    roster(world)
    staff = accesses(world)["secretariat"]
    for kind in (MealKind.DINNER, MealKind.TEA, MealKind.LUNCH, MealKind.BREAKFAST):
        services.meal_save(
            access=staff,
            day=OPENING,
            kind=kind,
            venue="Nhà ăn Tỉnh ủy",
            audience=Audience.EVERYONE,
            extra=0,
            note="",
        )
    kinds = [row.meal.kind for row in selectors.meal_rows(staff)]
    assert kinds == ["breakfast", "lunch", "dinner", "tea"]
