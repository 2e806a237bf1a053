"""Documents for delegates: the keepers' list, upload (a PDF, or a Word file the worker turns
into one), order, withdrawal and conversion again, each reader's stamped PDF; and a delegate's
own list and copies. Every PDF carries its reader's name, as from the pages."""

import datetime as dt

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import File, Form, Query, Router, Schema, Status, UploadedFile

from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.delegates.permissions import own_delegate
from daihoi.materials import selectors, services
from daihoi.materials.forms import UploadForm
from daihoi.materials.models import Material
from daihoi.materials.permissions import (
    ONLY_KEEPERS,
    access_delegate_material,
    access_material,
    can_keep_materials,
)
from daihoi.organizations.permissions import Access, access_delegate

from ..auth import user_of
from ..common import Detail, access, answers, display, gate, listed, valid, write

router = Router(tags=["Tài liệu Đại hội"])

NO_STORE = "no-store, private"


class SessionOut(Schema):
    id: int
    title: str
    starts_at: dt.datetime


class MaterialOut(Schema):
    """A document as the delegate sees it: its session, place in the session's list, mark."""

    id: int
    session: SessionOut
    position: int
    kind: str
    kind_label: str = display("kind")
    title: str
    confidentiality: str
    confidentiality_label: str = display("confidentiality")
    pages: int


class KeptMaterialOut(MaterialOut):
    """A document as its keepers see it: also its conversion state and whether it was
    withdrawn, by whom and why."""

    state: str
    state_label: str = display("state")
    error: str
    uploaded_by: str | None
    uploaded_at: dt.datetime
    withdrawn_at: dt.datetime | None
    withdrawn_by: str | None
    withdrawal_reason: str

    @staticmethod
    def resolve_uploaded_by(material: Material) -> str | None:
        return material.uploaded_by.display_name if material.uploaded_by else None

    @staticmethod
    def resolve_withdrawn_by(material: Material) -> str | None:
        return material.withdrawn_by.display_name if material.withdrawn_by else None


class MaterialQuery(Schema):
    session: int | None = None


class UploadIn(Schema):
    """The page's form "Tải lên tài liệu" (its messages, field by field); the file as
    `upload` (PDF or Word .docx)."""

    session: int | None = None
    title: str | None = None
    kind: str | None = None
    confidentiality: str | None = None


class MoveIn(Schema):
    """`step`: "up" (one place up) or "down" among the session's documents not withdrawn."""

    step: str = "down"


class WithdrawIn(Schema):
    reason: str = ""


def _keeper(request: HttpRequest, congress_id: int) -> Access:
    acting = access(request, congress_id)
    gate(can_keep_materials(acting), ONLY_KEEPERS)
    return acting


def _kept(acting: Access, material_id: int) -> Material:
    return selectors.materials_of(acting.congress).get(pk=access_material(acting, material_id).pk)


def _pdf(request: HttpRequest, acting: Access, material: Material, reader: str) -> HttpResponse:
    """The stamped copy; who got it is audited, naming the token."""
    try:
        content = write(
            request,
            lambda: services.material_copy(access=acting, material=material, reader=reader),
        )
    except BusinessError as error:
        # As the page: no copy to give is a refusal with its reason.
        raise PermissionDenied(error.message) from None
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="tai-lieu-{material.pk}.pdf"'
    response["Cache-Control"] = NO_STORE
    return response


@listed(
    router,
    "/{congress_id}/materials/",
    KeptMaterialOut,
    "Tài liệu Đại hội (người quản lý tài liệu): mọi tài liệu, kể cả đã rút",
    description="Lọc theo phiên: `?session=`. Thứ tự trong phiên: `session.starts_at`, `position`.",
)
def material_list(
    request: HttpRequest, congress_id: int, filters: Query[MaterialQuery]
) -> QuerySet[Material]:
    acting = _keeper(request, congress_id)
    materials = selectors.materials_of(acting.congress).order_by()
    return materials.filter(session_id=filters.session) if filters.session else materials


@router.post(
    "/{congress_id}/materials/",
    response=answers(KeptMaterialOut, 201),
    summary="Tải lên tài liệu (multipart): PDF sẵn sàng ngay, tệp Word được chuyển sang PDF",
    description="Tệp Word: `state` là `converting` đến khi tiến trình nền chuyển xong "
    "(`ready`) hoặc không chuyển được (`failed`).",
)
def material_upload(
    request: HttpRequest,
    congress_id: int,
    payload: Form[UploadIn],
    upload: File[UploadedFile] | None = None,
) -> Status:
    acting = _keeper(request, congress_id)
    form = valid(UploadForm(request.POST, request.FILES, congress=acting.congress))
    data = form.cleaned_data
    material = write(
        request,
        lambda: services.material_upload(
            access=acting,
            session=data["session"],
            title=data["title"],
            kind=data["kind"],
            confidentiality=data["confidentiality"],
            upload=data["upload"],
        ),
    )
    return Status(201, _kept(acting, material.pk))


@router.get(
    "/{congress_id}/materials/{material_id}/",
    response=answers(KeptMaterialOut),
    summary="Một tài liệu (người quản lý tài liệu): trạng thái chuyển PDF, đã rút hay chưa",
)
def material_detail(request: HttpRequest, congress_id: int, material_id: int) -> Material:
    return _kept(_keeper(request, congress_id), material_id)


@router.post(
    "/{congress_id}/materials/{material_id}/move/",
    response=answers(KeptMaterialOut),
    summary="Đổi thứ tự tài liệu trong phiên (lên hoặc xuống một bậc)",
)
def material_move(
    request: HttpRequest, congress_id: int, material_id: int, payload: MoveIn
) -> Material:
    acting = _keeper(request, congress_id)
    material = access_material(acting, material_id)
    step = -1 if payload.step == "up" else 1
    write(request, lambda: services.material_move(access=acting, material=material, step=step))
    return _kept(acting, material_id)


@router.post(
    "/{congress_id}/materials/{material_id}/withdraw/",
    response=answers(KeptMaterialOut),
    summary="Rút tài liệu: đại biểu không còn xem được (tài liệu vẫn được lưu)",
)
def material_withdraw(
    request: HttpRequest, congress_id: int, material_id: int, payload: WithdrawIn
) -> Material:
    acting = _keeper(request, congress_id)
    material = access_material(acting, material_id)
    reason = payload.reason[:2000]
    write(
        request,
        lambda: services.material_withdraw(access=acting, material=material, reason=reason),
    )
    return _kept(acting, material_id)


@router.post(
    "/{congress_id}/materials/{material_id}/convert/",
    response=answers(KeptMaterialOut, 202),
    summary="Chuyển lại tệp Word sang PDF (sau một lần chuyển không được)",
)
def material_convert(request: HttpRequest, congress_id: int, material_id: int) -> Status:
    acting = _keeper(request, congress_id)
    material = access_material(acting, material_id)
    write(request, lambda: services.material_convert_again(access=acting, material=material))
    return Status(202, _kept(acting, material_id))


@router.get(
    "/{congress_id}/materials/{material_id}/pdf/",
    response=answers(Detail),
    summary="Tải PDF của tài liệu, có dấu tên người tải trên mọi trang",
)
def material_pdf(request: HttpRequest, congress_id: int, material_id: int) -> HttpResponse:
    acting = _keeper(request, congress_id)
    material = access_material(acting, material_id)
    return _pdf(request, acting, material, acting.user.display_name)


@listed(
    router,
    "/{congress_id}/my-materials/",
    MaterialOut,
    "Tài liệu của tôi (đại biểu): tài liệu các phiên mình được triệu tập",
    description="Chỉ tài liệu đã sẵn sàng, chưa rút. Thứ tự trong phiên: `session.starts_at`, "
    "`position`.",
)
def my_material_list(request: HttpRequest, congress_id: int) -> QuerySet[Material]:
    delegate = own_delegate(access_delegate(user_of(request), congress_id))
    return selectors.materials_for(delegate).order_by()


@router.get(
    "/{congress_id}/my-materials/{material_id}/pdf/",
    response=answers(Detail),
    summary="Tải bản tài liệu của đại biểu: họ tên, đoàn và thời điểm tải trên mọi trang",
)
def my_material_pdf(request: HttpRequest, congress_id: int, material_id: int) -> HttpResponse:
    acting = access_delegate(user_of(request), congress_id)
    delegate = own_delegate(acting)
    material = access_delegate_material(acting, delegate, material_id)
    return _pdf(request, acting, material, f"{delegate.full_name} ({delegate.delegation.name})")
