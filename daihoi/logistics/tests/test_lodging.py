import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse

from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.delegates.models import Delegate

from .. import selectors, services
from ..models import Room, Stay, StayMove
from .helpers import accesses, hotel_with_rooms, roster

pytestmark = pytest.mark.django_db

M, F = Delegate.Gender.MALE, Delegate.Gender.FEMALE
KT = "Đoàn Đảng bộ thành phố Kon Tum"
DG = "Đoàn Đảng bộ huyện Đăk Glei"


def room(hotel, number):
    return Room.objects.get(hotel=hotel, number=number)


def test_a_room_takes_people_up_to_its_capacity_and_refuses_the_next(world):
    a, b, c = roster(world, ("A Lâm", M, KT), ("Y Bôn", M, KT), ("A Thuấn", M, KT))
    hotel = hotel_with_rooms(world, "101", capacity=2)
    staff = accesses(world)["secretariat"]
    services.stay_assign(access=staff, delegate=a, room=room(hotel, "101"))
    services.stay_assign(access=staff, delegate=b, room=room(hotel, "101"))
    with pytest.raises(BusinessError, match="đã đủ 2 người đêm 13/10/2020"):
        services.stay_assign(access=staff, delegate=c, room=room(hotel, "101"))
    assert Stay.objects.filter(room__hotel=hotel).count() == 2


def test_nights_that_do_not_overlap_share_a_single_bed(world):
    a, b = roster(world, ("A Lâm", M, KT), ("Y Bôn", M, KT))
    hotel = hotel_with_rooms(world, "101", capacity=1)
    staff = accesses(world)["secretariat"]
    services.stay_assign(
        access=staff,
        delegate=a,
        room=room(hotel, "101"),
        first_night=dt.date(2020, 10, 13),
        last_night=dt.date(2020, 10, 13),
    )
    services.stay_assign(
        access=staff, delegate=b, room=room(hotel, "101"), first_night=dt.date(2020, 10, 14)
    )
    with pytest.raises(BusinessError, match="Đêm nghỉ phải trong khoảng 13/10/2020 – 15/10/2020"):
        services.stay_assign(
            access=staff, delegate=b, room=room(hotel, "101"), last_night=dt.date(2020, 10, 20)
        )


def test_gender_rule_and_mixed_rooms_are_refused(world):
    man, woman = roster(world, ("A Lâm", M, KT), ("Y Ngọc", F, KT))
    staff = accesses(world)["secretariat"]
    hotel = hotel_with_rooms(world, "201", capacity=2, gender_rule="male")
    services.rooms_create(access=staff, hotel=hotel, numbers="301", capacity=2, gender_rule="any")
    with pytest.raises(BusinessError, match="dành cho đại biểu nam"):
        services.stay_assign(access=staff, delegate=woman, room=room(hotel, "201"))
    services.stay_assign(access=staff, delegate=man, room=room(hotel, "301"))
    with pytest.raises(BusinessError, match="khác giới"):
        services.stay_assign(access=staff, delegate=woman, room=room(hotel, "301"))


def test_a_move_is_kept_in_the_history_and_frees_the_old_room(world):
    a, b = roster(world, ("A Lâm", M, KT), ("Y Bôn", M, KT))
    hotel = hotel_with_rooms(world, "101-102", capacity=1)
    staff = accesses(world)["secretariat"]
    services.stay_assign(access=staff, delegate=a, room=room(hotel, "101"))
    result = services.stay_assign(
        access=staff, delegate=a, room=room(hotel, "102"), reason="Gần thang máy"
    )
    assert result.moved_from == room(hotel, "101")
    services.stay_assign(access=staff, delegate=b, room=room(hotel, "101"))
    moves = list(StayMove.objects.filter(delegate=a).order_by("pk"))
    assert [(m.from_room, m.to_room) for m in moves] == [
        (None, room(hotel, "101")),
        (room(hotel, "101"), room(hotel, "102")),
    ]
    assert "phòng 101 → 102 (Gần thang máy)" in history_of(hotel)[1].reason
    services.stay_release(access=staff, stay=Stay.objects.get(delegate=a), reason="Về sớm")
    assert StayMove.objects.filter(delegate=a, to_room=None).exists()
    assert not Stay.objects.filter(delegate=a).exists()


def test_a_replaced_delegate_gets_no_room(world):
    (a,) = roster(world, ("A Lâm", M, KT))
    Delegate.objects.filter(pk=a.pk).update(is_active=False)
    a.refresh_from_db()
    hotel = hotel_with_rooms(world, "101")
    with pytest.raises(BusinessError, match="đã được thay thế"):
        services.stay_assign(
            access=accesses(world)["secretariat"], delegate=a, room=room(hotel, "101")
        )


def test_a_room_cannot_shrink_below_who_sleeps_there(world):
    a, b = roster(world, ("A Lâm", M, KT), ("Y Bôn", M, KT))
    hotel = hotel_with_rooms(world, "101", capacity=2)
    staff = accesses(world)["secretariat"]
    for d in (a, b):
        services.stay_assign(access=staff, delegate=d, room=room(hotel, "101"))
    with pytest.raises(BusinessError, match="không giảm được sức chứa"):
        services.room_update(access=staff, room=room(hotel, "101"), capacity=1)
    with pytest.raises(BusinessError, match="không hợp quy định"):
        services.room_update(access=staff, room=room(hotel, "101"), gender_rule="female")


def test_room_numbers_are_read_as_ranges_and_lists(world):
    assert services.parse_room_numbers("101-103, 201 A5") == ["101", "102", "103", "201", "A5"]
    with pytest.raises(BusinessError):
        services.parse_room_numbers("110-101")


def test_only_service_staff_assign_rooms(world):
    (a,) = roster(world, ("A Lâm", M, KT))
    hotel = hotel_with_rooms(world, "101")
    with pytest.raises(PermissionDenied):
        services.stay_assign(access=accesses(world)["member"], delegate=a, room=room(hotel, "101"))
    services.stay_assign(access=accesses(world)["leader"], delegate=a, room=room(hotel, "101"))


def test_automatic_lodging_keeps_delegations_and_genders_together_within_capacity(world):
    people = roster(
        world,
        ("A Lâm", M, KT),
        ("Y Ngọc", F, KT),
        ("A Thuấn", M, KT),
        ("Y Hoa", F, DG),
        ("A Hơ", M, DG),
        ("A Vương", M, KT),
    )
    staff = accesses(world)["secretariat"]
    hotel = hotel_with_rooms(world, "101-104", capacity=2)
    services.rooms_create(
        access=staff, hotel=hotel, numbers="201", capacity=3, gender_rule="female"
    )
    result = services.stays_auto_assign(access=staff)
    assert (result.assigned, result.without_room) == (6, 0)
    rooms: dict[str, list[Delegate]] = {}
    for stay in Stay.objects.select_related("room", "delegate"):
        rooms.setdefault(stay.room.number, []).append(stay.delegate)
    for number, guests in rooms.items():
        assert len(guests) <= room(hotel, number).capacity
        assert len({g.gender for g in guests}) == 1
    # An empty room meant for women before a room open to anyone; a delegation keeps to its own
    # rooms rather than share one with another delegation while empty rooms remain.
    assert {d.full_name for d in rooms["201"]} == {"Y Hoa"}
    assert any({d.full_name for d in g} == {"Y Ngọc"} for g in rooms.values())
    kt_men = {"A Lâm", "A Thuấn", "A Vương"}
    assert {len(kt_men & {d.full_name for d in g}) for g in rooms.values()} >= {2, 1}
    assert all(len({d.delegation_id for d in g}) == 1 for g in rooms.values())
    again = services.stays_auto_assign(access=staff)
    assert again.assigned == 0
    assert len(people) == Stay.objects.count()


def test_automatic_lodging_tells_how_many_found_no_room(world):
    roster(world, ("A Lâm", M, KT), ("A Thuấn", M, KT), ("A Vương", M, KT))
    hotel_with_rooms(world, "101", capacity=2)
    result = services.stays_auto_assign(access=accesses(world)["secretariat"])
    assert (result.assigned, result.without_room) == (2, 1)


def test_nightly_manifest_page_and_spreadsheet(world, client):
    a, b = roster(world, ("A Lâm", M, KT), ("Y Ngọc", F, DG))
    hotel = hotel_with_rooms(world, "101-102", capacity=2)
    staff = accesses(world)["secretariat"]
    services.stay_assign(access=staff, delegate=a, room=room(hotel, "101"))
    services.stay_assign(
        access=staff, delegate=b, room=room(hotel, "102"), first_night=dt.date(2020, 10, 15)
    )
    client.force_login(world.users["secretariat"])
    url = reverse("logistics:hotel-manifest", args=[world.congress.pk, hotel.pk])
    page = client.get(url, {"night": "14/10/2020"}).content.decode()
    assert "A Lâm" in page and "Y Ngọc" not in page
    xlsx = client.get(
        reverse("logistics:hotel-manifest-xlsx", args=[world.congress.pk, hotel.pk]),
        {"night": "15/10/2020"},
    )
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    values = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    assert any(r[:2] == ["101", "Không phân biệt"] and r[3] == "A Lâm" for r in values)
    assert any(r[3] == "Y Ngọc" and r[6] == "0905123456" for r in values)


def test_staff_assigns_by_the_form_and_members_are_refused(world, client):
    (a,) = roster(world, ("A Lâm", M, KT))
    hotel = hotel_with_rooms(world, "101")
    client.force_login(world.users["member"])
    url = reverse("logistics:stay-assign", args=[world.congress.pk])
    assert client.get(url).status_code == 403
    client.force_login(world.users["secretariat"])
    response = client.post(url, {"delegate": a.pk, "room": room(hotel, "101").pk})
    assert response.status_code == 302
    assert Stay.objects.get(delegate=a).room.number == "101"


def test_lodging_pages_read_in_few_queries(world, client, django_assert_max_num_queries):
    people = roster(world, *[(f"Đại biểu {n}", M if n % 2 else F, KT) for n in range(12)])
    hotel = hotel_with_rooms(world, "101-110", capacity=2)
    services.stays_auto_assign(access=accesses(world)["secretariat"])
    client.force_login(world.users["secretariat"])
    with django_assert_max_num_queries(12):
        assert client.get(reverse("logistics:lodging", args=[world.congress.pk])).status_code == 200
    with django_assert_max_num_queries(14):
        page = client.get(reverse("logistics:hotel-detail", args=[world.congress.pk, hotel.pk]))
    assert page.content.decode().count("Trả phòng của") == len(people)
    assert selectors.hotels_with_counts(accesses(world)["secretariat"])[0].lodged == 12
