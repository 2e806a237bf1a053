import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.delegates.models import Delegate, Delegation

from .. import selectors, services
from ..models import Block, Seat
from .helpers import accesses, hall_with_blocks, roster

pytestmark = pytest.mark.django_db

M, F = Delegate.Gender.MALE, Delegate.Gender.FEMALE
KT = "Đoàn Đảng bộ thành phố Kon Tum"
DG = "Đoàn Đảng bộ huyện Đăk Glei"


def test_a_seat_taken_is_refused_and_a_delegate_moves_rather_than_sits_twice(world):
    a, b = roster(world, ("A Lâm", M, KT), ("Y Ngọc", F, KT))
    hall = hall_with_blocks(world, ("Khối A", 2, 3))
    block = hall.blocks.get()
    staff = accesses(world)["secretariat"]
    services.seat_assign(access=staff, delegate=a, block=block, row=1, number=1)
    with pytest.raises(BusinessError, match="đã có đại biểu A Lâm ngồi"):
        services.seat_assign(access=staff, delegate=b, block=block, row=1, number=1)
    services.seat_assign(access=staff, delegate=a, block=block, row=2, number=3)
    assert list(Seat.objects.values_list("row", "number")) == [(2, 3)]
    with pytest.raises(BusinessError, match="2 hàng, mỗi hàng 3 ghế"):
        services.seat_assign(access=staff, delegate=b, block=block, row=3, number=1)


def test_the_database_itself_refuses_a_seat_twice(world):
    a, b = roster(world, ("A Lâm", M, KT), ("Y Ngọc", F, KT))
    hall = hall_with_blocks(world, ("Khối A", 2, 3))
    block = hall.blocks.get()
    Seat.objects.create(hall=hall, block=block, row=1, number=1, delegate=a)
    with pytest.raises(IntegrityError), transaction.atomic():
        Seat.objects.create(hall=hall, block=block, row=1, number=1, delegate=b)


def test_automatic_seating_fills_each_delegations_block_row_by_row_officials_first(world):
    people = roster(
        world,
        ("A Lâm", M, KT),
        ("Y Ngọc", F, KT),
        ("A Vương", M, KT),
        ("A Hơ", M, DG),
        ("Y Hoa", F, DG),
    )
    Delegate.objects.filter(full_name="A Lâm").update(kind=Delegate.Kind.GUEST)
    staff = accesses(world)["secretariat"]
    hall = hall_with_blocks(world, ("Khối A", 2, 2), ("Khối B", 1, 1))
    a, b = hall.blocks.order_by("order")
    kt, dg = Delegation.objects.get(name=KT), Delegation.objects.get(name=DG)
    services.block_delegations_set(access=staff, block=a, delegations=[kt])
    services.block_delegations_set(access=staff, block=b, delegations=[dg])
    result = services.seats_auto(access=staff, hall=hall)
    assert (result.seated, result.without_seat) == (4, 1)
    seats = {
        s.delegate.full_name: (s.block.name, s.row, s.number)
        for s in Seat.objects.select_related("block", "delegate")
    }
    # Officials by name first (A Vương, Y Ngọc), the guest after them.
    assert seats["A Vương"] == ("Khối A", 1, 1)
    assert seats["Y Ngọc"] == ("Khối A", 1, 2)
    assert seats["A Lâm"] == ("Khối A", 2, 1)
    assert seats["A Hơ"] == ("Khối B", 1, 1) and "Y Hoa" not in seats
    again = services.seats_auto(access=staff, hall=hall)
    assert (again.seated, again.without_seat) == (0, 1)
    assert len(people) - 1 == Seat.objects.count()


def test_a_delegation_sits_in_one_block_of_a_hall(world):
    roster(world, ("A Lâm", M, KT))
    staff = accesses(world)["secretariat"]
    hall = hall_with_blocks(world, ("Khối A", 1, 1), ("Khối B", 1, 1))
    a, b = hall.blocks.order_by("order")
    kt = Delegation.objects.get(name=KT)
    services.block_delegations_set(access=staff, block=a, delegations=[kt])
    services.block_delegations_set(access=staff, block=b, delegations=[kt])
    assert [p.delegations for p in selectors.hall_plan(hall)] == [[], [KT]]


def test_a_block_cannot_shrink_under_seated_delegates(world):
    (a,) = roster(world, ("A Lâm", M, KT))
    staff = accesses(world)["secretariat"]
    hall = hall_with_blocks(world, ("Khối A", 3, 3))
    block = hall.blocks.get()
    services.seat_assign(access=staff, delegate=a, block=block, row=3, number=2)
    with pytest.raises(BusinessError, match="ngoài kích thước mới"):
        services.block_save(
            access=staff, hall=hall, block=block, name="Khối A", order=1, rows=2, seats_per_row=3
        )


def test_only_staff_seat_delegates(world):
    (a,) = roster(world, ("A Lâm", M, KT))
    hall = hall_with_blocks(world, ("Khối A", 1, 1))
    with pytest.raises(PermissionDenied):
        services.seat_assign(
            access=accesses(world)["member"], delegate=a, block=hall.blocks.get(), row=1, number=1
        )


def test_everyone_reads_the_plan_in_few_queries_and_only_staff_see_controls(
    world, client, django_assert_max_num_queries
):
    roster(world, *[(f"Đại biểu {n}", M, KT) for n in range(10)])
    staff = accesses(world)["secretariat"]
    hall = hall_with_blocks(world, ("Khối A", 4, 5), ("Khối B", 4, 5))
    services.block_delegations_set(
        access=staff, block=Block.objects.get(name="Khối A"), delegations=[Delegation.objects.get()]
    )
    services.seats_auto(access=staff, hall=hall)
    url = reverse("logistics:hall-plan", args=[world.congress.pk, hall.pk])
    client.force_login(world.users["member"])
    with django_assert_max_num_queries(10):
        page = client.get(url).content.decode()
    assert page.count('class="seat taken"') == 10 and page.count('class="seat"') == 30
    assert "Xếp chỗ tự động" not in page
    client.force_login(world.users["secretariat"])
    with django_assert_max_num_queries(14):
        page = client.get(url).content.decode()
    assert "Xếp chỗ tự động" in page
    with django_assert_max_num_queries(8):
        assert client.get(reverse("logistics:halls", args=[world.congress.pk])).status_code == 200


def test_each_seated_delegate_on_the_plan_has_a_button_that_frees_exactly_their_seat(world, client):
    roster(world, ("A Lâm", M, KT), ("Y Ngọc", M, KT))
    staff = accesses(world)["secretariat"]
    hall = hall_with_blocks(world, ("Khối A", 1, 4))
    for number, delegate in enumerate(Delegate.objects.order_by("full_name"), start=1):
        services.seat_assign(
            access=staff, delegate=delegate, block=hall.blocks.get(), row=1, number=number
        )
    lam = Seat.objects.get(delegate__full_name="A Lâm")
    client.force_login(world.users["secretariat"])
    page = client.get(reverse("logistics:hall-plan", args=[world.congress.pk, hall.pk]))
    button = reverse("logistics:seat-clear", args=[world.congress.pk, lam.pk])
    assert f'formaction="{button}"' in page.content.decode()
    client.post(button)
    assert list(Seat.objects.values_list("delegate__full_name", flat=True)) == ["Y Ngọc"]
