"""The agency registry from an Excel sheet (the secretariat's, as the "Nhập từ Excel" page):
the template, a preview with each row's errors (nothing saved), then the confirmation of the
signed rows, all or none."""

from dataclasses import asdict

from django.http import HttpRequest, HttpResponse
from ninja import File, Router, Schema, Status, UploadedFile

from daihoi.core.uploads import XLSX_CONTENT_TYPE
from daihoi.core.views import content_file
from daihoi.organizations.forms import AgencyImportForm
from daihoi.organizations.services import importing

from ..common import answers, valid, write
from ..errors import WHOLE, FieldErrors
from .congresses import AgencyOut, manager

router = Router(tags=["Thiết lập Đại hội"])


class RowOut(Schema):
    line: int
    name: str
    short_name: str
    code: str
    parent: str
    is_finance: bool
    parent_id: int | None
    errors: list[str]


class PreviewOut(Schema):
    """`token`: the checked rows, signed, to send to `…/import/confirm/` within the hour
    (empty while any row has an error)."""

    ok: bool
    errors: list[str]
    rows: list[RowOut]
    token: str


class ConfirmIn(Schema):
    token: str


@router.get(
    "/{congress_id}/agency-import/template/",
    response=answers(None),
    summary="Tải tệp Excel mẫu để nhập cơ quan, đơn vị",
)
def agency_import_template(request: HttpRequest, congress_id: int) -> HttpResponse:
    manager(request, congress_id)
    return content_file(importing.template_xlsx(), XLSX_CONTENT_TYPE, "mau-co-quan-don-vi.xlsx")


@router.post(
    "/{congress_id}/agency-import/",
    response=answers(PreviewOut),
    summary="Đọc thử tệp Excel cơ quan, đơn vị (multipart, `file`): từng dòng và lỗi, chưa lưu",
)
def agency_import_preview(
    request: HttpRequest,
    congress_id: int,
    file: File[UploadedFile] | None = None,
) -> dict:
    acting = manager(request, congress_id)
    form = valid(AgencyImportForm({}, request.FILES))
    result = importing.read_agencies(form.cleaned_data["file"], acting.congress)
    return {
        "ok": result.ok,
        "errors": result.errors,
        "rows": [asdict(row) for row in result.rows],
        "token": importing.sign_rows(result.rows) if result.ok else "",
    }


@router.post(
    "/{congress_id}/agency-import/confirm/",
    response=answers(list[AgencyOut], 201),
    summary="Lưu các cơ quan đã đọc thử (tất cả hoặc không dòng nào)",
)
def agency_import_confirm(request: HttpRequest, congress_id: int, payload: ConfirmIn) -> Status:
    acting = manager(request, congress_id)
    try:
        rows = importing.unsign_rows(payload.token)
        created = write(request, lambda: importing.agencies_import(access=acting, rows=rows))
    except importing.AgencyImportError as error:
        raise FieldErrors({WHOLE: [error.message], "rows": error.errors}) from None
    return Status(201, created)
