"""The roster of delegates (Đại biểu): the list read as the page, a delegate's record kept by the
roster keepers (add, edit with its version, photo, replacement by an alternate), the
delegations, the XLSX import (all rows or none, each problem with its row number) and the
structure statistics as JSON, XLSX and the credentials report's DOCX."""

import datetime as dt

from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from ninja import File, Router, Schema, Status, UploadedFile

from daihoi.core.audit import history_of
from daihoi.core.dates import today
from daihoi.core.models import AuditEntry
from daihoi.core.uploads import DOCX_CONTENT_TYPE, XLSX_CONTENT_TYPE
from daihoi.core.views import content_file, stored_file
from daihoi.delegates import exports
from daihoi.delegates.forms import DelegateForm, DelegationForm, ImportForm, ReplaceForm
from daihoi.delegates.models import Delegate, Delegation, Replacement
from daihoi.delegates.permissions import (
    ONLY_ROSTER_KEEPERS,
    RosterRights,
    access_delegate,
    roster_rights,
)
from daihoi.delegates.selectors import RosterFilter, delegates_for, delegations_with_counts
from daihoi.delegates.services import importing
from daihoi.delegates.services import roster as services
from daihoi.delegates.statistics import roster_statistics
from daihoi.organizations.permissions import Access

from ..common import VERSION_NOTE, access, answers, display, form_data, gate, listed, valid, write
from ..errors import WHOLE, FieldErrors
from ..forms import DelegatePhotoForm
from .history import HistoryEntryOut

router = Router(tags=["Đại biểu"])

NOT_FOR_YOU = "Danh sách đại biểu chỉ dành cho lãnh đạo, thành viên các tiểu ban và tổ điểm danh."


class DelegationRef(Schema):
    id: int
    name: str


class DelegateOut(Schema):
    """A delegate as every reader of the roster sees them (no personal data)."""

    id: int
    full_name: str
    kind: str
    kind_label: str
    is_active: bool
    position: str
    workplace: str
    delegation: DelegationRef
    has_photo: bool

    @staticmethod
    def resolve_kind_label(delegate: Delegate) -> str:
        return str(Delegate.Kind(delegate.kind).label)

    @staticmethod
    def resolve_has_photo(delegate: Delegate) -> bool:
        return bool(delegate.photo)


class DelegateDetailOut(DelegateOut):
    """A delegate's whole record, for the roster keepers; `version` for the next edit."""

    gender: str
    gender_label: str = display("gender")
    birth_year: int | None
    ethnicity: str
    religion: str
    education: str
    professional_level: str
    theory_level: str
    party_joined_on: dt.date | None
    is_ex_officio: bool
    phone: str
    version: int
    badge_issued_at: dt.datetime | None

    @staticmethod
    def resolve_badge_issued_at(delegate: Delegate) -> dt.datetime | None:
        badge = delegate.badges.filter(revoked_at__isnull=True).first()
        return badge.issued_at if badge else None


class DelegateIn(Schema):
    """As the page "Thêm đại biểu" / "Sửa": choices by their code, `delegation` by its id,
    `party_joined_on` as dd/mm/yyyy."""

    kind: str
    full_name: str
    gender: str
    delegation: int
    birth_year: int | None = None
    ethnicity: str | None = None
    religion: str | None = None
    education: str | None = None
    professional_level: str | None = None
    theory_level: str | None = None
    party_joined_on: str | None = None
    position: str | None = None
    workplace: str | None = None
    is_ex_officio: bool = False
    phone: str | None = None
    version: int | None = None


class ReplaceIn(Schema):
    substitute: int
    reason: str
    decided_on: str


class ReplacementOut(Schema):
    replaced: DelegateOut
    substitute: DelegateOut
    reason: str
    decided_on: dt.date


class DelegationOut(Schema):
    id: int
    name: str
    order: int
    official: int
    alternate: int
    guest: int


class DelegationIn(Schema):
    name: str
    order: int = 0


class ImportOut(Schema):
    created: int


class StatRowOut(Schema):
    label: str
    count: int
    percent: str


class StatTableOut(Schema):
    title: str
    rows: list[StatRowOut]


class StatisticsOut(Schema):
    """Counted over the active official delegates, at `reference` (the opening day)."""

    total: int
    reference: dt.date
    tables: list[StatTableOut]


def rights_of(request: HttpRequest, congress_id: int) -> tuple[Access, RosterRights]:
    acting = access(request, congress_id)
    return acting, roster_rights(acting)


def keeper(request: HttpRequest, congress_id: int) -> Access:
    """The roster keepers' gate, as the pages with personal data."""
    acting, rights = rights_of(request, congress_id)
    gate(rights.keeps_roster, ONLY_ROSTER_KEEPERS)
    return acting


def roster_reader(request: HttpRequest, congress_id: int) -> tuple[Access, RosterRights]:
    acting, rights = rights_of(request, congress_id)
    gate(rights.reads_roster, NOT_FOR_YOU)
    return acting, rights


def _kept(request: HttpRequest, congress_id: int, delegate_id: int) -> tuple[Access, Delegate]:
    """A delegate of the congress (404 otherwise), then the keepers' gate, as the pages."""
    acting, rights = rights_of(request, congress_id)
    delegate = access_delegate(acting, delegate_id)
    gate(rights.keeps_roster, ONLY_ROSTER_KEEPERS)
    return acting, delegate


@listed(
    router,
    "/{congress_id}/delegates/",
    DelegateOut,
    "Danh sách đại biểu (lọc như trang: tên không dấu, đoàn, loại, cả người đã thay)",
    description="`q`: họ tên (bỏ qua dấu); `delegation`: mã đoàn; `kind`: official, alternate "
    "hoặc guest; `include_inactive=true`: cả đại biểu đã được thay thế.",
)
def delegate_list(
    request: HttpRequest,
    congress_id: int,
    q: str = "",
    delegation: int | None = None,
    kind: str = "",
    include_inactive: bool = False,
) -> QuerySet[Delegate]:
    _, rights = roster_reader(request, congress_id)
    filters = RosterFilter(
        q=q[:100], delegation_id=delegation, kind=kind, include_inactive=include_inactive
    )
    return delegates_for(rights, filters).order_by()


def _delegate_form(acting: Access, payload: DelegateIn) -> DelegateForm:
    return valid(DelegateForm(form_data(payload), congress=acting.congress))


@router.post(
    "/{congress_id}/delegates/",
    response=answers(DelegateDetailOut, 201),
    summary="Thêm một đại biểu vào danh sách",
)
def delegate_create(request: HttpRequest, congress_id: int, payload: DelegateIn) -> Status:
    acting = keeper(request, congress_id)
    form = _delegate_form(acting, payload)
    delegate = write(
        request,
        lambda: services.delegate_create(access=acting, fields=form.delegate_fields()),
    )
    return Status(201, delegate)


@router.get(
    "/{congress_id}/delegates/{delegate_id}/",
    response=answers(DelegateDetailOut),
    summary="Hồ sơ một đại biểu (thông tin cá nhân: người quản lý danh sách)",
)
def delegate_detail(request: HttpRequest, congress_id: int, delegate_id: int) -> Delegate:
    _, delegate = _kept(request, congress_id, delegate_id)
    return delegate


@router.put(
    "/{congress_id}/delegates/{delegate_id}/",
    response=answers(DelegateDetailOut),
    summary="Sửa thông tin một đại biểu",
    description=VERSION_NOTE,
)
def delegate_edit(
    request: HttpRequest, congress_id: int, delegate_id: int, payload: DelegateIn
) -> Delegate:
    acting, delegate = _kept(request, congress_id, delegate_id)
    form = _delegate_form(acting, payload)
    saved = write(
        request,
        lambda: services.delegate_update(
            access=acting,
            delegate=delegate,
            fields=form.delegate_fields(),
            version=form.expected_version(),
        ),
    )
    return saved


@listed(
    router,
    "/{congress_id}/delegates/{delegate_id}/history/",
    HistoryEntryOut,
    "Lịch sử thay đổi thông tin một đại biểu (mới nhất trước)",
    ordering=("-id",),
)
def delegate_history(
    request: HttpRequest, congress_id: int, delegate_id: int
) -> QuerySet[AuditEntry]:
    _, delegate = _kept(request, congress_id, delegate_id)
    return history_of(delegate).select_related("actor").order_by()


@router.post(
    "/{congress_id}/delegates/{delegate_id}/replace/",
    response=answers(ReplacementOut),
    summary="Thay đại biểu chính thức bằng đại biểu dự khuyết",
)
def delegate_replace(
    request: HttpRequest, congress_id: int, delegate_id: int, payload: ReplaceIn
) -> Replacement:
    acting, delegate = _kept(request, congress_id, delegate_id)
    form = valid(ReplaceForm(form_data(payload), congress=acting.congress))
    replacement = write(
        request,
        lambda: services.delegate_replace(access=acting, delegate=delegate, **form.cleaned_data),
    )
    return replacement


@router.get(
    "/{congress_id}/delegates/{delegate_id}/photo/",
    response=answers(None),
    summary="Ảnh của đại biểu (người quản lý danh sách và tổ điểm danh)",
)
def delegate_photo(request: HttpRequest, congress_id: int, delegate_id: int) -> FileResponse:
    acting, rights = rights_of(request, congress_id)
    delegate = access_delegate(acting, delegate_id)
    if not (rights.keeps_roster or rights.checks_in):
        raise Http404
    return stored_file(delegate.photo)


@router.post(
    "/{congress_id}/delegates/{delegate_id}/photo/",
    response=answers(DelegateDetailOut),
    summary="Tải ảnh đại biểu lên (multipart, `photo`: JPG hoặc PNG; `version` tùy chọn)",
)
def delegate_photo_upload(
    request: HttpRequest,
    congress_id: int,
    delegate_id: int,
    photo: File[UploadedFile] | None = None,
) -> Delegate:
    acting, delegate = _kept(request, congress_id, delegate_id)
    form = valid(DelegatePhotoForm(request.POST, request.FILES))
    fields = services.DelegateFields(
        **{name: getattr(delegate, name) for name in services.EDITABLE}
    )
    saved = write(
        request,
        lambda: services.delegate_update(
            access=acting,
            delegate=delegate,
            fields=fields,
            photo=form.cleaned_data["photo"],
            version=form.cleaned_data["version"],
        ),
    )
    return saved


@listed(
    router,
    "/{congress_id}/delegations/",
    DelegationOut,
    "Các đoàn đại biểu và số đại biểu từng loại",
)
def delegation_list(request: HttpRequest, congress_id: int) -> QuerySet[Delegation]:
    acting = keeper(request, congress_id)
    return delegations_with_counts(acting.congress.pk).order_by()


@router.post(
    "/{congress_id}/delegations/",
    response=answers(DelegationOut, 201),
    summary="Thêm đoàn đại biểu",
)
def delegation_create(request: HttpRequest, congress_id: int, payload: DelegationIn) -> Status:
    acting = keeper(request, congress_id)
    form = valid(
        DelegationForm({"order": payload.order, **form_data(payload)}, congress=acting.congress)
    )
    made = write(request, lambda: services.delegation_create(access=acting, **form.cleaned_data))
    return Status(201, delegations_with_counts(acting.congress.pk).get(pk=made.pk))


@router.post(
    "/{congress_id}/roster-import/",
    response=answers(ImportOut, 201),
    summary="Nhập danh sách đại biểu từ tệp Excel theo mẫu (multipart, `file`)",
    description="Cả tệp hoặc không dòng nào: dòng nào có lỗi thì không lưu gì và trả về 400, "
    "`errors.rows` liệt kê từng lỗi kèm số dòng (“Dòng 3: …”), như trang “Nhập danh sách”.",
)
def roster_import(
    request: HttpRequest, congress_id: int, file: File[UploadedFile] | None = None
) -> Status:
    acting = keeper(request, congress_id)
    form = valid(ImportForm({}, request.FILES))
    result = write(
        request, lambda: importing.roster_import(access=acting, upload=form.cleaned_data["file"])
    )
    if result.errors:
        raise FieldErrors(
            {
                WHOLE: ["Tệp có lỗi; chưa nhập đại biểu nào. Hãy sửa các dòng dưới đây."],
                "rows": [
                    f"Dòng {number}: {message}" if number else message
                    for number, message in result.errors
                ],
            }
        )
    return Status(201, {"created": result.created})


@router.get(
    "/{congress_id}/roster-import/template/",
    response=answers(None),
    summary="Tải tệp Excel mẫu để nhập danh sách đại biểu",
)
def roster_template(request: HttpRequest, congress_id: int) -> HttpResponse:
    keeper(request, congress_id)
    return content_file(
        importing.template_workbook(), XLSX_CONTENT_TYPE, "mau-danh-sach-dai-bieu.xlsx"
    )


def _statistics(request: HttpRequest, congress_id: int):
    acting = keeper(request, congress_id)
    return acting, roster_statistics(acting.congress, today())


@router.get(
    "/{congress_id}/delegate-statistics/",
    response=answers(StatisticsOut),
    summary="Cơ cấu đại biểu chính thức (giới tính, tuổi, dân tộc, trình độ, tuổi Đảng…)",
)
def delegate_statistics(request: HttpRequest, congress_id: int) -> dict:
    _, stats = _statistics(request, congress_id)
    return {
        "total": stats.total,
        "reference": stats.reference,
        "tables": [
            {
                "title": table.title,
                "rows": [
                    {"label": r.label, "count": r.count, "percent": r.percent_text}
                    for r in table.rows
                ],
            }
            for table in stats.tables
        ],
    }


@router.get(
    "/{congress_id}/delegate-statistics/xlsx/",
    response=answers(None),
    summary="Cơ cấu đại biểu, tệp Excel",
)
def delegate_statistics_xlsx(request: HttpRequest, congress_id: int) -> HttpResponse:
    acting, stats = _statistics(request, congress_id)
    return content_file(
        exports.statistics_xlsx(acting.congress, stats),
        XLSX_CONTENT_TYPE,
        f"co-cau-dai-bieu-{stats.reference:%Y%m%d}.xlsx",
    )


@router.get(
    "/{congress_id}/delegate-statistics/docx/",
    response=answers(None),
    summary="Báo cáo thẩm tra tư cách đại biểu, tệp Word",
)
def delegate_statistics_docx(request: HttpRequest, congress_id: int) -> HttpResponse:
    acting, stats = _statistics(request, congress_id)
    return content_file(
        exports.statistics_docx(acting.congress, stats, today()),
        DOCX_CONTENT_TYPE,
        f"bao-cao-tham-tra-tu-cach-dai-bieu-{today():%Y%m%d}.docx",
    )
