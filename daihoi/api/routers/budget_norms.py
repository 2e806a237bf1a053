"""Finance's spending norms (read by everyone; added, edited, imported by Finance), the spending
recorded against an approved estimate with its receipts, and the budget overview and Finance's
compilation (JSON, XLSX, DOCX): the budget pages' forms, services and predicates."""

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.http import FileResponse, HttpRequest, HttpResponse
from ninja import File, Form, Router, Schema, Status, UploadedFile

from daihoi.budget import permissions, report, selectors, services, spreadsheets
from daihoi.budget.forms import NormForm, NormImportForm, SpendingForm
from daihoi.budget.models import Estimate, Norm, Spending
from daihoi.core.dates import today as local_today
from daihoi.core.uploads import DOCX_CONTENT_TYPE, XLSX_CONTENT_TYPE
from daihoi.core.views import content_file, stored_file

from ..common import (
    Detail,
    access,
    answers,
    form_data,
    gate,
    listed,
    valid,
    versioned_put,
    write,
    write_versioned,
)
from ..errors import FieldErrors

router = Router(tags=["Kinh phí"])


class NormOut(Schema):
    id: int
    code: str
    name: str
    category: str
    unit: str
    max_unit_price: int
    legal_basis: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    in_force: bool
    version: int

    @staticmethod
    def resolve_in_force(norm: Norm) -> bool:
        return norm.is_valid_on(local_today())


class NormIn(Schema):
    """As the page "Định mức chi": `max_unit_price` in whole đồng (1234567 or "1.234.567"),
    dates as dd/mm/yyyy or yyyy-mm-dd."""

    code: str
    name: str
    category: str
    unit: str
    max_unit_price: int | str
    legal_basis: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None


class NormUpdateIn(NormIn):
    version: int | None = None


class NormImportOut(Schema):
    created: int
    updated: int


class SpendingFileOut(Schema):
    id: int
    original_name: str
    size: int
    content_type: str


class SpendingOut(Schema):
    id: int
    line_id: int
    agency_id: int
    spent_on: dt.date
    content: str
    amount: int
    recorded_by_id: int
    created_at: dt.datetime
    attachments: list[SpendingFileOut]


class SpendingIn(Schema):
    """`line`: an approved line of the estimate; `amount` in whole đồng; `spent_on` the day."""

    line: int
    content: str
    amount: int | str
    spent_on: str


class OverviewRow(Schema):
    agency_name: str
    estimate_id: int
    approved: int
    spent: int
    remaining: int
    percent: int
    overspent: bool


class OverspentLine(Schema):
    id: int
    estimate_id: int
    content: str
    approved_amount: int | None


class OverviewOut(Schema):
    """Approved against spent per agency (Finance and the whole congress: every agency; an
    agency: its own), and the lines spent beyond their approval."""

    rows: list[OverviewRow]
    approved: int
    spent: int
    overspent_lines: list[OverspentLine]
    own_estimate_id: int | None


class CompiledAgency(Schema):
    agency_id: int
    agency_name: str
    estimate_id: int | None
    status: str
    status_label: str
    has_tasks: bool
    requested: int | None
    approved: int | None
    spent: int
    overspent: bool
    supplement_ids: list[int]


class CompiledTotal(Schema):
    key: str
    label: str
    requested: int
    approved: int


class CompilationOut(Schema):
    by_agency: list[CompiledAgency]
    by_area: list[CompiledTotal]
    by_category: list[CompiledTotal]
    counts: dict[str, int]
    requested: int
    approved: int
    spent: int


# Norms -----------------------------------------------------------------------------------------


@listed(router, "/{congress_id}/norms/", NormOut, "Định mức, chế độ chi", page_size=100)
def norm_list(request: HttpRequest, congress_id: int) -> QuerySet[Norm]:
    return selectors.norms_of(access(request, congress_id)).order_by()


@router.post(
    "/{congress_id}/norms/", response=answers(NormOut, 201), summary="Thêm định mức (Sở Tài chính)"
)
def norm_create(request: HttpRequest, congress_id: int, payload: NormIn) -> Status:
    acting = access(request, congress_id)
    gate(permissions.can_manage_norms(acting), permissions.FINANCE_ONLY)
    form = valid(NormForm(form_data(payload)))
    norm = write(request, lambda: services.norm_create(access=acting, **form.edited()))
    return Status(201, permissions.access_norm(acting, norm.pk))


@router.post(
    "/{congress_id}/norms/import/",
    response=answers(NormImportOut),
    summary="Nhập định mức từ tệp Excel (multipart; tất cả hoặc không)",
    description="Mã đã có thì cập nhật, mã mới thì thêm; lỗi từng dòng trong `errors.file`.",
)
def norm_import(request: HttpRequest, congress_id: int, file: File[UploadedFile] | None = None):
    acting = access(request, congress_id)
    gate(permissions.can_manage_norms(acting), permissions.FINANCE_ONLY)
    form = valid(NormImportForm(request.POST, request.FILES))
    try:
        result = write(
            request,
            lambda: services.norms_import(access=acting, upload=form.cleaned_data["file"]),
        )
    except services.NormImportError as error:
        raise FieldErrors({"file": [error.message, *error.errors]}) from error
    return {"created": result.created, "updated": result.updated}


@router.get(
    "/{congress_id}/norms/xlsx/",
    response=answers(Detail),
    summary="Tải định mức (XLSX)",
)
def norm_export(request: HttpRequest, congress_id: int) -> HttpResponse:
    content = spreadsheets.export_norms(selectors.norms_of(access(request, congress_id)))
    return content_file(content, XLSX_CONTENT_TYPE, "dinh-muc-chi.xlsx")


# Paths with the id come after "import/" and "xlsx/", which they would otherwise catch.


@router.get("/{congress_id}/norms/{norm_id}/", response=answers(NormOut), summary="Một định mức")
def norm_detail(request: HttpRequest, congress_id: int, norm_id: int) -> Norm:
    return permissions.access_norm(access(request, congress_id), norm_id)


@versioned_put(router, "/{congress_id}/norms/{norm_id}/", NormOut, "Sửa định mức (Sở Tài chính)")
def norm_update(
    request: HttpRequest, congress_id: int, norm_id: int, payload: NormUpdateIn
) -> Norm:
    acting = access(request, congress_id)
    norm = permissions.access_norm(acting, norm_id)
    gate(permissions.can_manage_norms(acting), permissions.FINANCE_ONLY)
    form = valid(NormForm(form_data(payload)))
    write_versioned(request, services.norm_update, form, access=acting, norm=norm, **form.edited())
    return permissions.access_norm(acting, norm_id)


# Spending ----------------------------------------------------------------------------------------


@listed(
    router,
    "/{congress_id}/estimates/{estimate_id}/spendings/",
    SpendingOut,
    "Các khoản đã chi theo dự trù (mới nhất trước)",
    ordering=("-id",),
)
def spending_list(request: HttpRequest, congress_id: int, estimate_id: int) -> QuerySet[Spending]:
    estimate = permissions.access_estimate(access(request, congress_id), estimate_id)
    return selectors.spendings_of(estimate).order_by()


@router.post(
    "/{congress_id}/estimates/{estimate_id}/spendings/",
    response=answers(SpendingOut, 201),
    summary="Ghi nhận khoản chi theo khoản đã thẩm định (multipart, kèm chứng từ)",
)
def spending_record(
    request: HttpRequest,
    congress_id: int,
    estimate_id: int,
    payload: Form[SpendingIn],
    attachments: File[list[UploadedFile]] | None = None,
) -> Status:
    acting = access(request, congress_id)
    estimate = permissions.access_estimate(acting, estimate_id)
    gate(
        permissions.can_record_spending(acting, estimate)
        and estimate.status == Estimate.Status.APPROVED,
        permissions.SPENDER_ONLY,
    )
    form = valid(
        SpendingForm(
            request.POST, request.FILES, lines=estimate.lines.filter(approved_amount__gt=0)
        )
    )
    data = form.cleaned_data
    spending = write(
        request,
        lambda: services.spending_record(
            access=acting,
            line=data["line"],
            amount=data["amount"],
            spent_on=data["spent_on"],
            content=data["content"],
            attachments=data["attachments"] or [],
        ),
    )
    return Status(201, selectors.spendings_of(estimate).get(pk=spending.pk))


@router.get(
    "/{congress_id}/spending-attachments/{spending_attachment_id}/",
    response=answers(Detail),
    summary="Tải chứng từ của một khoản chi",
)
def spending_attachment(
    request: HttpRequest, congress_id: int, spending_attachment_id: int
) -> FileResponse:
    attachment = permissions.access_spending_attachment(
        access(request, congress_id), spending_attachment_id
    )
    return stored_file(attachment.file, attachment.original_name)


# The overview and the compilation ------------------------------------------------------------


@router.get(
    "/{congress_id}/budget/",
    response=answers(OverviewOut),
    summary="Tổng quan kinh phí: đã duyệt và đã chi theo đơn vị",
)
def overview(request: HttpRequest, congress_id: int) -> dict[str, Any]:
    acting = access(request, congress_id)
    rows, overspent_lines = selectors.dashboard(acting)
    own = selectors.own_estimate(acting)
    return {
        "rows": rows,
        "approved": sum(r.approved for r in rows),
        "spent": sum(r.spent for r in rows),
        "overspent_lines": overspent_lines,
        "own_estimate_id": own.pk if own else None,
    }


def _compiler(request: HttpRequest, congress_id: int):
    acting = access(request, congress_id)
    gate(permissions.can_see_compilation(acting), permissions.COMPILATION_ONLY)
    return acting


@router.get(
    "/{congress_id}/budget/compilation/",
    response=answers(CompilationOut),
    summary="Bảng tổng hợp kinh phí (Sở Tài chính, lãnh đạo Đại hội)",
)
def compilation(request: HttpRequest, congress_id: int) -> dict[str, Any]:
    compiled = selectors.compilation(_compiler(request, congress_id), with_lines=False)
    return {
        "by_agency": [
            {
                "agency_id": r.agency_id,
                "agency_name": r.agency_name,
                "estimate_id": r.estimate.pk if r.estimate else None,
                "status": r.status,
                "status_label": str(r.status_label),
                "has_tasks": r.has_tasks,
                "requested": r.requested,
                "approved": r.approved,
                "spent": r.spent,
                "overspent": r.overspent,
                "supplement_ids": [s.pk for s in r.supplements],
            }
            for r in compiled.by_agency
        ],
        "by_area": compiled.by_area,
        "by_category": compiled.by_category,
        "counts": compiled.counts,
        "requested": compiled.requested,
        "approved": compiled.approved,
        "spent": compiled.spent,
    }


@router.get(
    "/{congress_id}/budget/compilation/xlsx/",
    response=answers(Detail),
    summary="Tải bảng tổng hợp kinh phí (XLSX, có từng dòng chi)",
)
def compilation_xlsx(request: HttpRequest, congress_id: int) -> HttpResponse:
    content = spreadsheets.export_compilation(
        selectors.compilation(_compiler(request, congress_id))
    )
    return content_file(
        content, XLSX_CONTENT_TYPE, f"tong-hop-kinh-phi-{local_today():%Y%m%d}.xlsx"
    )


@router.get(
    "/{congress_id}/budget/compilation/docx/",
    response=answers(Detail),
    summary="Tải báo cáo tổng hợp kinh phí (DOCX, thể thức văn bản)",
)
def compilation_docx(request: HttpRequest, congress_id: int) -> HttpResponse:
    acting = _compiler(request, congress_id)
    today = local_today()
    compiled = selectors.compilation(acting, with_lines=False)
    content = report.render_report(acting.congress, compiled, today)
    return content_file(content, DOCX_CONTENT_TYPE, report.report_filename(today))
