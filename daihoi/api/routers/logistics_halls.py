"""Hậu cần — seating: the halls and a hall's plan (everyone in the congress reads and prints it),
and the service staff's work on it: halls and blocks, the delegations seated in a block, a
delegate given a seat or cleared from it, the automatic seating."""

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Schema, Status

from daihoi.logistics import permissions, selectors, services
from daihoi.logistics.forms import BlockDelegationsForm, BlockForm, HallForm, SeatForm
from daihoi.logistics.models import Block, Hall, Seat
from daihoi.organizations.permissions import Access

from ..common import (
    access,
    answers,
    form_data,
    listed,
    removal,
    removed,
    valid,
    versioned_put,
    write,
    write_versioned,
)
from .logistics_lodging import DelegateRef, L, Ref, staff

router = Router(tags=["Hậu cần"])


class HallOut(Schema):
    id: int
    name: str
    version: int


class HallRowOut(HallOut):
    block_count: int
    seated: int


class BlockOut(Schema):
    id: int
    hall_id: int
    name: str
    order: int
    rows: int
    seats_per_row: int
    capacity: int
    version: int


class SeatCellOut(Schema):
    """A taken seat of the plan (free seats are those of the block's rows × seats not listed)."""

    id: int
    row: int
    number: int
    delegate: str
    delegation: str


class BlockPlanOut(Schema):
    block: BlockOut
    delegations: list[str]
    taken: int
    seats: list[SeatCellOut]


class HallPlanOut(Schema):
    """The hall's plan from the stage, block by block from the left; `staff`: the caller shapes
    it (the service staff)."""

    hall: HallOut
    blocks: list[BlockPlanOut]
    unseated_count: int
    staff: bool


class BlockDelegationsOut(Schema):
    block: BlockOut
    delegations: list[Ref]


class SeatOut(Schema):
    id: int
    hall_id: int
    block_id: int
    row: int
    number: int
    delegate: DelegateRef
    label: str

    @staticmethod
    def resolve_label(obj: Seat) -> str:
        return str(obj)


class AutoSeatingOut(Schema):
    seated: int
    without_seat: int
    detail: str


class HallIn(Schema):
    name: str
    version: int | None = None


class BlockIn(Schema):
    """As the page "Thêm khối ghế": `order` from the left, rows × seats per row."""

    name: str
    order: int = 1
    rows: int
    seats_per_row: int
    version: int | None = None


class BlockDelegationsIn(Schema):
    """The delegations seated in the block (ids); an empty list: none."""

    delegations: list[int] = []


class SeatIn(Schema):
    delegate: int
    block: int
    row: int
    number: int


def _plan(acting: Access, hall: Hall) -> dict:
    return {
        "hall": hall,
        "blocks": [
            {
                "block": plan.block,
                "delegations": plan.delegations,
                "taken": plan.taken,
                "seats": [
                    {
                        "id": cell.pk,
                        "row": cell.row,
                        "number": cell.number,
                        "delegate": cell.name,
                        "delegation": cell.delegation,
                    }
                    for _, seats in plan.rows
                    for _, cell in seats
                    if cell is not None
                ],
            }
            for plan in selectors.hall_plan(hall)
        ],
        "unseated_count": selectors.unseated_delegates(acting, hall).count(),
        "staff": permissions.is_service_staff(acting),
    }


def _block_delegations(block: Block) -> dict:
    names = block.delegations.select_related("delegation").order_by("order", "pk")
    return {
        "block": block,
        "delegations": [{"id": d.delegation.pk, "name": d.delegation.name} for d in names],
    }


@listed(router, L + "/halls/", HallRowOut, "Các hội trường, số khối ghế và số đại biểu đã xếp chỗ")
def hall_list(request: HttpRequest, congress_id: int) -> QuerySet[Hall]:
    return selectors.halls_of(access(request, congress_id)).order_by()


@router.post(L + "/halls/", response=answers(HallOut, 201), summary="Thêm hội trường")
def hall_create(request: HttpRequest, congress_id: int, payload: HallIn) -> Status:
    acting = staff(request, congress_id)
    form = valid(HallForm(form_data(payload)))
    return Status(201, write(request, lambda: services.hall_save(access=acting, **form.edited())))


@router.get(
    L + "/halls/{hall_id}/",
    response=answers(HallPlanOut),
    summary="Sơ đồ chỗ ngồi của hội trường (để xem và in)",
)
def hall_plan(request: HttpRequest, congress_id: int, hall_id: int) -> dict:
    acting = access(request, congress_id)
    return _plan(acting, permissions.access_hall(acting, hall_id))


@versioned_put(router, L + "/halls/{hall_id}/", HallOut, "Sửa hội trường")
def hall_update(request: HttpRequest, congress_id: int, hall_id: int, payload: HallIn) -> Hall:
    acting = staff(request, congress_id)
    hall = permissions.access_hall(acting, hall_id)
    form = valid(HallForm(form_data(payload)))
    return write_versioned(
        request, services.hall_save, form, access=acting, hall=hall, **form.edited()
    )


@router.post(
    L + "/halls/{hall_id}/blocks/", response=answers(BlockOut, 201), summary="Thêm khối ghế"
)
def block_create(request: HttpRequest, congress_id: int, hall_id: int, payload: BlockIn) -> Status:
    acting = staff(request, congress_id)
    hall = permissions.access_hall(acting, hall_id)
    form = valid(BlockForm(form_data(payload)))
    block = write(request, lambda: services.block_save(access=acting, hall=hall, **form.edited()))
    return Status(201, block)


@router.post(
    L + "/halls/{hall_id}/seats/",
    response=answers(SeatOut, 201),
    summary="Xếp chỗ ngồi cho một đại biểu (khối, hàng, ghế số)",
)
def seat_assign(request: HttpRequest, congress_id: int, hall_id: int, payload: SeatIn) -> Status:
    acting = staff(request, congress_id)
    hall = permissions.access_hall(acting, hall_id)
    form = valid(SeatForm(form_data(payload), hall=hall))
    seat = write(request, lambda: services.seat_assign(access=acting, **form.cleaned_data))
    return Status(201, permissions.access_seat(acting, seat.pk))


@router.post(
    L + "/halls/{hall_id}/seats/auto/",
    response=answers(AutoSeatingOut),
    summary="Xếp chỗ tự động: các đại biểu chưa có ghế vào khối của đoàn mình",
)
def seats_auto(request: HttpRequest, congress_id: int, hall_id: int) -> dict:
    acting = staff(request, congress_id)
    hall = permissions.access_hall(acting, hall_id)
    result = write(request, lambda: services.seats_auto(access=acting, hall=hall))
    text = f"Đã xếp tự động {result.seated} chỗ ngồi."
    if result.without_seat:
        text += f" Còn {result.without_seat} đại biểu chưa có ghế: khối của đoàn đã kín."
    return {"seated": result.seated, "without_seat": result.without_seat, "detail": text}


@versioned_put(router, L + "/blocks/{block_id}/", BlockOut, "Sửa khối ghế")
def block_update(request: HttpRequest, congress_id: int, block_id: int, payload: BlockIn) -> Block:
    acting = staff(request, congress_id)
    block = permissions.access_block(acting, block_id)
    form = valid(BlockForm(form_data(payload)))
    return write_versioned(
        request,
        services.block_save,
        form,
        access=acting,
        hall=block.hall,
        block=block,
        **form.edited(),
    )


@router.get(
    L + "/blocks/{block_id}/delegations/",
    response=answers(BlockDelegationsOut),
    summary="Các đoàn ngồi ở khối ghế",
)
def block_delegations(request: HttpRequest, congress_id: int, block_id: int) -> dict:
    acting = staff(request, congress_id)
    return _block_delegations(permissions.access_block(acting, block_id))


@router.put(
    L + "/blocks/{block_id}/delegations/",
    response=answers(BlockDelegationsOut),
    summary="Phân khối ghế cho các đoàn",
)
def block_delegations_set(
    request: HttpRequest, congress_id: int, block_id: int, payload: BlockDelegationsIn
) -> dict:
    acting = staff(request, congress_id)
    block = permissions.access_block(acting, block_id)
    form = valid(BlockDelegationsForm(form_data(payload), congress=acting.congress))
    write(
        request,
        lambda: services.block_delegations_set(
            access=acting, block=block, delegations=list(form.cleaned_data["delegations"])
        ),
    )
    return _block_delegations(block)


@removal(router, L + "/seats/{seat_id}/", "Bỏ chỗ ngồi của đại biểu")
def seat_clear(request: HttpRequest, congress_id: int, seat_id: int) -> Status:
    acting = staff(request, congress_id)
    seat = permissions.access_seat(acting, seat_id)
    return removed(request, lambda: services.seat_clear(access=acting, seat=seat))
