"""Halls, blocks, delegations in blocks and seats. A seat is never taken twice: the unique
constraint decides between racing requests (the loser is told in Vietnamese), and every write
that fills seats locks the block rows (ascending id) before reading which seats are free."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Max

from daihoi.core import audit
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require_same_congress
from daihoi.core.versioning import check_version
from daihoi.delegates.models import Delegate, Delegation
from daihoi.organizations.permissions import Access

from ..models import (
    MAX_ROWS,
    MAX_SEATS_PER_ROW,
    Block,
    BlockDelegation,
    Hall,
    LogisticsAction,
    Seat,
)
from .common import new_or_locked, require_staff, save_recorded

SEAT_TAKEN = "Ghế {seat} đã có đại biểu {name} ngồi."
KIND_ORDER: dict[str, int] = {
    Delegate.Kind.OFFICIAL: 0,
    Delegate.Kind.ALTERNATE: 1,
    Delegate.Kind.GUEST: 2,
}


@transaction.atomic
def hall_save(
    *, access: Access, hall: Hall | None = None, name: str, expected_version: int | None = None
) -> Hall:
    """Locks the hall being renamed; refuses a form opened before someone else's save."""
    require_staff(access)
    if hall is None:
        hall = Hall(congress=access.congress)
    else:
        hall = Hall.objects.select_for_update().get(pk=hall.pk)
        check_version(hall, expected_version, "Hội trường")
    require_same_congress(access.congress, hall)
    if Hall.objects.filter(congress=access.congress, name=name).exclude(pk=hall.pk).exists():
        raise BusinessError("Đã có hội trường trùng tên.", field="name")
    before = audit.snapshot(hall, ["name"]) if hall.pk else {}
    hall.name = name
    save_recorded(access, hall, LogisticsAction.HALL_SAVED, before)
    return hall


@transaction.atomic
def block_save(
    *,
    access: Access,
    hall: Hall,
    block: Block | None = None,
    expected_version: int | None = None,
    name: str,
    order: int,
    rows: int,
    seats_per_row: int,
) -> Block:
    """Locks the block; a smaller block must still hold every seat already given."""
    require_staff(access)
    require_same_congress(access.congress, hall)
    if not (1 <= rows <= MAX_ROWS and 1 <= seats_per_row <= MAX_SEATS_PER_ROW):
        raise BusinessError(
            f"Một khối có từ 1 đến {MAX_ROWS} hàng, mỗi hàng từ 1 đến {MAX_SEATS_PER_ROW} ghế.",
            field="rows",
        )
    block = new_or_locked(Block, block, expected_version, "Khối ghế", hall=hall)
    if block.pk:
        far = Seat.objects.filter(block=block).aggregate(row=Max("row"), number=Max("number"))
        if (far["row"] or 0) > rows or (far["number"] or 0) > seats_per_row:
            raise BusinessError("Khối đã có đại biểu ngồi ngoài kích thước mới.", field="rows")
    if Block.objects.filter(hall=hall, name=name).exclude(pk=block.pk).exists():
        raise BusinessError("Hội trường đã có khối trùng tên.", field="name")
    block.name, block.order, block.rows, block.seats_per_row = name, order, rows, seats_per_row
    block.save()
    audit.record(
        access,
        LogisticsAction.BLOCK_SAVED,
        hall,
        reason=f"{block.name}: {rows} hàng × {seats_per_row} ghế",
    )
    return block


@transaction.atomic
def block_delegations_set(
    *, access: Access, block: Block, delegations: Sequence[Delegation]
) -> None:
    """The block's delegations, in the order given; one taken from another block of the hall
    moves here (its seats there stay until cleared or re-seated)."""
    require_staff(access)
    hall = block.hall
    require_same_congress(access.congress, hall, *delegations)
    Block.objects.select_for_update().filter(pk=block.pk).get()
    BlockDelegation.objects.filter(block=block).delete()
    BlockDelegation.objects.filter(hall=hall, delegation__in=delegations).delete()
    BlockDelegation.objects.bulk_create(
        BlockDelegation(hall=hall, block=block, delegation=d, order=n)
        for n, d in enumerate(delegations, start=1)
    )
    audit.record(
        access,
        LogisticsAction.BLOCK_DELEGATIONS,
        hall,
        reason=f"{block.name}: {', '.join(d.name for d in delegations) or 'không đoàn nào'}",
    )


def _refuse_taken(block: Block, row: int, number: int) -> None:
    taken = Seat.objects.filter(block=block, row=row, number=number).select_related("delegate")
    if taken:
        seat = taken[0]
        raise BusinessError(
            SEAT_TAKEN.format(seat=str(seat), name=seat.delegate.full_name), field="number"
        )


@transaction.atomic
def seat_assign(*, access: Access, delegate: Delegate, block: Block, row: int, number: int) -> Seat:
    """Seats a delegate (or moves them to this seat). Locks the block row; the constraint
    `seat_taken_once` still refuses a seat a racing request took."""
    require_staff(access)
    locked = Block.objects.select_for_update().select_related("hall").get(pk=block.pk)
    require_same_congress(access.congress, delegate, locked.hall)
    if not delegate.is_active:
        raise BusinessError("Đại biểu đã được thay thế, không còn dự Đại hội.", field="delegate")
    if not (1 <= row <= locked.rows and 1 <= number <= locked.seats_per_row):
        raise BusinessError(
            f"{locked.name} có {locked.rows} hàng, mỗi hàng {locked.seats_per_row} ghế.",
            field="row",
        )
    _refuse_taken(locked, row, number)
    Seat.objects.filter(hall=locked.hall, delegate=delegate).delete()
    try:
        with transaction.atomic():
            seat = Seat.objects.create(
                hall=locked.hall, block=locked, row=row, number=number, delegate=delegate
            )
    except IntegrityError:
        raise BusinessError("Ghế này vừa được xếp cho đại biểu khác; hãy tải lại.") from None
    audit.record(
        access,
        LogisticsAction.SEAT_ASSIGNED,
        locked.hall,
        reason=f"{delegate.full_name}: {seat}",
    )
    return seat


@transaction.atomic
def seat_clear(*, access: Access, seat: Seat) -> None:
    require_staff(access)
    locked = (
        Seat.objects.select_for_update()
        .select_related("hall", "block", "delegate")
        .filter(pk=seat.pk, hall__congress=access.congress)
        .first()
    )
    if locked is None:
        raise BusinessError("Chỗ ngồi này đã được bỏ.")
    audit.record(
        access, LogisticsAction.SEAT_CLEARED, locked.hall, reason=f"{locked.delegate}: {locked}"
    )
    locked.delete()


@dataclass(frozen=True)
class SeatingResult:
    seated: int
    without_seat: int


def _free_seats(block: Block, taken: set[tuple[int, int]]) -> list[tuple[int, int]]:
    return [
        (row, number)
        for row in range(1, block.rows + 1)
        for number in range(1, block.seats_per_row + 1)
        if (row, number) not in taken
    ]


@transaction.atomic
def seats_auto(*, access: Access, hall: Hall) -> SeatingResult:
    """Each block's delegations, in order, fill its free seats row by row from the stage:
    official delegates first, then alternates, then guests, by name. Locks the hall's blocks."""
    require_staff(access)
    require_same_congress(access.congress, hall)
    blocks = list(Block.objects.select_for_update().filter(hall=hall).order_by("pk"))
    seated_ids = set(Seat.objects.filter(hall=hall).values_list("delegate_id", flat=True))
    taken: dict[int, set[tuple[int, int]]] = {b.pk: set() for b in blocks}
    for block_id, row, number in Seat.objects.filter(hall=hall).values_list(
        "block_id", "row", "number"
    ):
        taken[block_id].add((row, number))
    links = BlockDelegation.objects.filter(hall=hall).order_by("block__order", "order")
    by_delegation: dict[int, list[Delegate]] = {}
    for delegate in Delegate.objects.filter(
        congress=access.congress, is_active=True, delegation__in=links.values("delegation")
    ).order_by("name_key", "pk"):
        if delegate.pk not in seated_ids:
            by_delegation.setdefault(delegate.delegation_id, []).append(delegate)
    new: list[Seat] = []
    waiting = 0
    free = {b.pk: _free_seats(b, taken[b.pk]) for b in blocks}
    block_of = {b.pk: b for b in blocks}
    for link in links:
        people = sorted(by_delegation.get(link.delegation_id, []), key=lambda d: KIND_ORDER[d.kind])
        places = free[link.block_id]
        for delegate in people:
            if not places:
                waiting += 1
                continue
            row, number = places.pop(0)
            new.append(
                Seat(
                    hall=hall,
                    block=block_of[link.block_id],
                    row=row,
                    number=number,
                    delegate=delegate,
                )
            )
    Seat.objects.bulk_create(new)
    audit.record(
        access,
        LogisticsAction.SEATS_AUTO,
        hall,
        reason=f"Xếp tự động {len(new)} chỗ ngồi"
        + (f"; {waiting} đại biểu chưa có ghế" if waiting else ""),
    )
    return SeatingResult(len(new), waiting)
