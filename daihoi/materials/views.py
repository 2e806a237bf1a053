"""Thin views of the documents for delegates: the keepers' pages (a tab of the programme) and
the delegate's pages (their own area). Every PDF goes out stamped with its reader's name and is
never cached by the browser."""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from daihoi.core.exceptions import BusinessError
from daihoi.core.views import forbidden, form_page, page_context, run_button
from daihoi.delegates.permissions import own_delegate
from daihoi.organizations.permissions import Access, access_congress, access_delegate

from . import selectors, services
from .forms import UploadForm
from .models import Material
from .permissions import (
    ONLY_KEEPERS,
    access_delegate_material,
    access_material,
    can_keep_materials,
)

NO_STORE = "no-store, private"


def _keeper(request: HttpRequest, congress_id: int) -> tuple[Access, HttpResponse | None]:
    access = access_congress(request.user, congress_id)
    return access, None if can_keep_materials(access) else forbidden(request, ONLY_KEEPERS)


def _to_list(access: Access) -> HttpResponse:
    return redirect("materials:list", congress_id=access.congress.pk)


def _material_button(
    request: HttpRequest,
    congress_id: int,
    material_id: int,
    action: Callable[[Access, Material], Any],
    success: str,
) -> HttpResponse:
    """A keeper's button on one material: runs `action` and goes back to the list."""
    access, refused = _keeper(request, congress_id)
    if refused:
        return refused
    material = access_material(access, material_id)
    return run_button(
        request, lambda: action(access, material), success=success, then=_to_list(access)
    )


def _pdf(material: Material, content: bytes) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="tai-lieu-{material.pk}.pdf"'
    response["Cache-Control"] = NO_STORE
    return response


@login_required
def material_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access, refused = _keeper(request, congress_id)
    if refused:
        return refused
    groups = selectors.by_session(selectors.materials_of(access.congress))
    return render(
        request, "materials/material_list.html", page_context(access, groups=groups, keeper=True)
    )


@login_required
def material_upload(request: HttpRequest, congress_id: int) -> HttpResponse:
    access, refused = _keeper(request, congress_id)
    if refused:
        return refused
    initial = {"session": request.GET.get("phien", "")}
    form = UploadForm(
        request.POST or None, request.FILES or None, congress=access.congress, initial=initial
    )

    def save() -> Material:
        data = form.cleaned_data
        return services.material_upload(
            access=access,
            session=data["session"],
            title=data["title"],
            kind=data["kind"],
            confidentiality=data["confidentiality"],
            upload=data["upload"],
        )

    return form_page(
        request,
        form,
        save,
        success="Đã tải lên tài liệu.",
        then=lambda material: _to_list(access),
        template="materials/material_upload.html",
        context=page_context(access, form=form, keeper=True),
    )


@login_required
@require_POST
def material_move(request: HttpRequest, congress_id: int, material_id: int) -> HttpResponse:
    step = -1 if request.POST.get("step") == "up" else 1
    return _material_button(
        request,
        congress_id,
        material_id,
        lambda access, material: services.material_move(
            access=access, material=material, step=step
        ),
        "Đã đổi thứ tự tài liệu.",
    )


@login_required
@require_POST
def material_convert(request: HttpRequest, congress_id: int, material_id: int) -> HttpResponse:
    return _material_button(
        request,
        congress_id,
        material_id,
        lambda access, material: services.material_convert_again(access=access, material=material),
        "Đã gửi tệp Word đi chuyển lại sang PDF.",
    )


@login_required
@require_POST
def material_withdraw(request: HttpRequest, congress_id: int, material_id: int) -> HttpResponse:
    reason = request.POST.get("reason", "")[:2000]
    return _material_button(
        request,
        congress_id,
        material_id,
        lambda access, material: services.material_withdraw(
            access=access, material=material, reason=reason
        ),
        "Đã rút tài liệu: đại biểu không còn xem được.",
    )


@login_required
def material_pdf(request: HttpRequest, congress_id: int, material_id: int) -> HttpResponse:
    """The keeper's copy, stamped with the keeper's name."""
    access, refused = _keeper(request, congress_id)
    if refused:
        return refused
    material = access_material(access, material_id)
    try:
        content = services.material_copy(
            access=access, material=material, reader=access.user.display_name
        )
    except BusinessError as error:
        return forbidden(request, error.message)
    return _pdf(material, content)


@login_required
def my_list(request: HttpRequest, congress_id: int) -> HttpResponse:
    access = access_delegate(request.user, congress_id)
    delegate = own_delegate(access)
    groups = selectors.by_session(selectors.materials_for(delegate))
    response = render(
        request,
        "materials/my_list.html",
        page_context(access, delegate=delegate, groups=groups),
    )
    response["Cache-Control"] = NO_STORE
    return response


@login_required
def my_pdf(request: HttpRequest, congress_id: int, material_id: int) -> HttpResponse:
    """The delegate's copy: their name, delegation and the time on every page."""
    access = access_delegate(request.user, congress_id)
    delegate = own_delegate(access)
    material = access_delegate_material(access, delegate, material_id)
    reader = f"{delegate.full_name} ({delegate.delegation.name})"
    try:
        content = services.material_copy(access=access, material=material, reader=reader)
    except BusinessError as error:
        return forbidden(request, error.message)
    return _pdf(material, content)
