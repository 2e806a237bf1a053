"""The hall's seating plan (everyone in the congress reads and prints it) and the staff's
pages to shape the hall, give blocks to delegations and seat delegates."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from daihoi.core.audit import history_of
from daihoi.core.versioning import edit_initial
from daihoi.core.views import page_context, run_button
from daihoi.organizations.permissions import access_congress

from .. import permissions, selectors, services
from ..forms import BlockDelegationsForm, BlockForm, HallForm, SeatForm
from ..models import Hall
from .common import simple_form_page
from .lodging import staff_access


def _plan_url(hall: Hall) -> str:
    return reverse("logistics:hall-plan", args=[hall.congress_id, hall.pk])


@login_required
def halls(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    context = page_context(
        access, halls=selectors.halls_of(access), staff=permissions.is_service_staff(access)
    )
    return render(request, "logistics/halls.html", context)


@login_required
def hall_form(request: HttpRequest, congress_id: int, hall_id: int | None = None) -> HttpResponse:
    access = staff_access(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    hall = permissions.access_hall(access, hall_id) if hall_id else None
    form = HallForm(request.POST or None, initial=edit_initial(hall, HallForm))
    back = reverse("logistics:halls", args=[congress_id])
    return simple_form_page(
        request,
        access,
        form,
        lambda: services.hall_save(
            access=access, hall=hall, expected_version=form.expected_version(), **form.edited()
        ),
        success="Đã lưu hội trường.",
        then=lambda saved: redirect(_plan_url(saved)),
        title="Sửa hội trường" if hall else "Thêm hội trường",
        back=back,
    )


def _seat_clear_url(congress_id: int) -> dict[str, str]:
    """The "Bỏ chỗ" address around the seat's id, reversed once for the ~1,500 buttons of a
    national congress's plan (which share one form and one CSRF token)."""
    head, tail = reverse("logistics:seat-clear", args=[congress_id, 0]).rsplit("/0/", 1)
    return {"head": head + "/", "tail": "/" + tail}


@login_required
def hall_plan(request: HttpRequest, congress_id: int, hall_id: int) -> HttpResponse:
    access = access_congress(request.user, congress_id)
    hall = permissions.access_hall(access, hall_id)
    staff = permissions.is_service_staff(access)
    unseated = selectors.unseated_delegates(access, hall)
    context = page_context(
        access,
        hall=hall,
        blocks=selectors.hall_plan(hall),
        staff=staff,
        seat_clear=_seat_clear_url(congress_id) if staff else None,
        unseated_count=unseated.count(),
        entries=history_of(hall)[:20] if staff else [],
    )
    return render(request, "logistics/hall_plan.html", context)


@login_required
def block_form(
    request: HttpRequest, congress_id: int, hall_id: int | None = None, block_id: int | None = None
) -> HttpResponse:
    access = staff_access(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    block = permissions.access_block(access, block_id) if block_id else None
    hall = block.hall if block else permissions.access_hall(access, hall_id or 0)
    form = BlockForm(request.POST or None, initial=edit_initial(block, BlockForm))
    return simple_form_page(
        request,
        access,
        form,
        lambda: services.block_save(
            access=access,
            hall=hall,
            block=block,
            expected_version=form.expected_version(),
            **form.edited(),
        ),
        success="Đã lưu khối ghế.",
        title=f"Sửa {block.name}" if block else f"Thêm khối ghế — {hall.name}",
        back=_plan_url(hall),
    )


@login_required
def block_delegations(request: HttpRequest, congress_id: int, block_id: int) -> HttpResponse:
    access = staff_access(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    block = permissions.access_block(access, block_id)
    current = list(block.delegations.values_list("delegation_id", flat=True))
    form = BlockDelegationsForm(
        request.POST or None, initial={"delegations": current}, congress=access.congress
    )
    return simple_form_page(
        request,
        access,
        form,
        lambda: services.block_delegations_set(
            access=access, block=block, delegations=list(form.cleaned_data["delegations"])
        ),
        success="Đã phân khối cho các đoàn.",
        title=f"Các đoàn ngồi ở {block.name}",
        back=_plan_url(block.hall),
    )


@login_required
def seat_assign(request: HttpRequest, congress_id: int, hall_id: int) -> HttpResponse:
    access = staff_access(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    hall = permissions.access_hall(access, hall_id)
    keys = ("delegate", "block", "row", "number")
    initial = {k: request.GET[k] for k in keys if request.GET.get(k, "").isdigit()}
    form = SeatForm(request.POST or None, initial=initial, hall=hall)
    return simple_form_page(
        request,
        access,
        form,
        lambda: services.seat_assign(access=access, **form.cleaned_data),
        success="Đã xếp chỗ ngồi.",
        title=f"Xếp chỗ ngồi — {hall.name}",
        back=_plan_url(hall),
    )


@login_required
@require_POST
def seat_clear(request: HttpRequest, congress_id: int, seat_id: int) -> HttpResponse:
    access = staff_access(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    seat = permissions.access_seat(access, seat_id)
    return run_button(
        request,
        lambda: services.seat_clear(access=access, seat=seat),
        success=f"Đã bỏ chỗ ngồi của {seat.delegate.full_name}.",
        then=redirect(_plan_url(seat.hall)),
    )


@login_required
@require_POST
def seats_auto(request: HttpRequest, congress_id: int, hall_id: int) -> HttpResponse:
    access = staff_access(request, congress_id)
    if isinstance(access, HttpResponse):
        return access
    hall = permissions.access_hall(access, hall_id)

    def told(result: services.SeatingResult) -> str:
        text = f"Đã xếp tự động {result.seated} chỗ ngồi."
        if result.without_seat:
            text += f" Còn {result.without_seat} đại biểu chưa có ghế: khối của đoàn đã kín."
        return text

    return run_button(
        request,
        lambda: services.seats_auto(access=access, hall=hall),
        success=told,
        then=redirect(_plan_url(hall)),
    )
