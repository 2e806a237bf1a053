"""The reporting pages' figures and files: the consolidated report (JSON, DOCX, XLSX), the
exports of the task list and of the agencies, the scorecards, the warnings, and the compiled
answers of a report request; the same selectors, predicates and renderers as the pages."""

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema

from daihoi.core.dates import today as local_today
from daihoi.core.uploads import DOCX_CONTENT_TYPE, XLSX_CONTENT_TYPE
from daihoi.core.views import content_file
from daihoi.organizations.permissions import Access
from daihoi.planning import selectors as planning_selectors
from daihoi.planning.forms import TaskFilterForm
from daihoi.reporting import compilation, exports, permissions, report, selectors
from daihoi.reporting.forms import ConsolidatedForm, StateFilterForm
from daihoi.reporting.models import ReportRequest, SubmissionState

from ..common import Detail, access, answers, form_data, gate, valid
from .planning_schemas import AgencyRef, TaskQuery

router = Router(tags=["Báo cáo"])

WHOLE_CONGRESS_ONLY = "Trang này dành cho Thường trực, lãnh đạo và thành viên các Tiểu ban."
FILE = answers(Detail)


class AsOfQuery(Schema):
    """The day the figures are counted at (dd/mm/yyyy or yyyy-mm-dd); today when left out."""

    as_of: str | None = None


class StateQuery(Schema):
    """Only the agencies' reports in this state (as the request's page filters them)."""

    state: str | None = None


class TaskRef(Schema):
    id: int
    title: str
    deadline: dt.date | None
    lead_agency: AgencyRef | None


class AgencyCountsOut(Schema):
    agency: AgencyRef
    counts: dict[str, int]
    completion_rate: int


class AreaCountsOut(Schema):
    area: str
    label: str
    counts: dict[str, int]


class ObstacleRef(Schema):
    id: int
    task_id: int
    agency_id: int | None
    obstacle: str
    created_at: dt.datetime


class ConsolidatedOut(Schema):
    as_of: dt.date
    summary: str
    counts: dict[str, int]
    by_agency: list[AgencyCountsOut]
    by_area: list[AreaCountsOut]
    overdue: list[TaskRef]
    obstacles: list[ObstacleRef]
    open_conclusions: list[TaskRef]


class ScorecardOut(Schema):
    agency: AgencyRef
    counts: dict[str, int]
    tasks: int
    done: int
    on_time_rate: int | None
    late_tasks: int
    average_days_late: float | None
    reports_due: int
    reports_on_time: int
    reports_late: int
    reports_missing: int
    reports_on_time_rate: int | None


class WarningsOut(Schema):
    """Open tasks needing attention: red overdue, orange due within days or far behind."""

    today: dt.date
    red: list[TaskRef]
    orange: list[TaskRef]


class SnapshotOut(Schema):
    day: dt.date
    open_on_time: int
    open_overdue: int
    done_on_time: int
    done_late: int
    on_hold: int
    dropped: int
    total: int


class ChartsOut(Schema):
    """The dashboard's charts: completion by lead agency (for those who see the whole congress)
    and the task counts at the end of each of the last 60 days."""

    by_agency: list[AgencyCountsOut]
    series: list[SnapshotOut]


def _whole_congress(request: HttpRequest, congress_id: int) -> Access:
    acting = access(request, congress_id)
    gate(acting.sees_whole_congress, WHOLE_CONGRESS_ONLY)
    return acting


def _as_of(filters: AsOfQuery) -> dt.date:
    if not filters.as_of:
        return local_today()
    return valid(ConsolidatedForm(form_data(filters))).cleaned_data["as_of"]


def _counts(counts: dict[str, Any]) -> dict[str, int]:
    return {str(k): int(v) for k, v in counts.items() if isinstance(v, int)}


def _agency_counts(row: planning_selectors.AgencyRow) -> dict[str, Any]:
    return {
        "agency": row.agency,
        "counts": _counts(row.counts),
        "completion_rate": row.completion_rate,
    }


@router.get(
    "/{congress_id}/consolidated/",
    response=answers(ConsolidatedOut),
    summary="Báo cáo tổng hợp kết quả thực hiện nhiệm vụ (số liệu)",
)
def consolidated(request: HttpRequest, congress_id: int, filters: Query[AsOfQuery]) -> dict:
    acting = _whole_congress(request, congress_id)
    data = selectors.consolidated(acting, _as_of(filters))
    return {
        "as_of": data.as_of,
        "summary": report.summary_sentence(data),
        "counts": _counts(data.counts),
        "by_agency": [_agency_counts(r) for r in data.by_agency],
        "by_area": [
            {"area": r["area"], "label": str(r["label"]), "counts": _counts(r)}
            for r in data.by_area
        ],
        "overdue": data.overdue,
        "obstacles": data.obstacles,
        "open_conclusions": data.open_conclusions,
    }


@router.get(
    "/{congress_id}/consolidated/docx/",
    response=FILE,
    summary="Tải báo cáo tổng hợp (DOCX, thể thức văn bản)",
)
def consolidated_docx(
    request: HttpRequest, congress_id: int, filters: Query[AsOfQuery]
) -> HttpResponse:
    acting = _whole_congress(request, congress_id)
    as_of = _as_of(filters)
    content = report.render_docx(acting, selectors.consolidated(acting, as_of), local_today())
    return content_file(content, DOCX_CONTENT_TYPE, report.filename(as_of, "docx"))


@router.get(
    "/{congress_id}/consolidated/xlsx/", response=FILE, summary="Tải báo cáo tổng hợp (XLSX)"
)
def consolidated_xlsx(
    request: HttpRequest, congress_id: int, filters: Query[AsOfQuery]
) -> HttpResponse:
    acting = _whole_congress(request, congress_id)
    as_of = _as_of(filters)
    content = report.render_xlsx(selectors.consolidated(acting, as_of))
    return content_file(content, XLSX_CONTENT_TYPE, report.filename(as_of, "xlsx"))


@router.get(
    "/{congress_id}/exports/tasks/",
    response=FILE,
    summary="Tải danh sách nhiệm vụ (XLSX), lọc như danh sách",
    description="Các cột của mẫu nhập, để sửa rồi nhập lại; bộ lọc ghi trên đầu bảng.",
)
def task_xlsx(request: HttpRequest, congress_id: int, filters: Query[TaskQuery]) -> HttpResponse:
    acting = access(request, congress_id)
    today = local_today()
    form = valid(TaskFilterForm(form_data(filters), congress=acting.congress))
    tasks = planning_selectors.tasks_visible_to(acting, form.filters(), today)
    content = exports.tasks_xlsx(
        tasks[: exports.MAX_TASK_ROWS], today, exports.filters_applied(form)
    )
    return content_file(content, XLSX_CONTENT_TYPE, f"nhiem-vu-{today:%Y%m%d}.xlsx")


@router.get(
    "/{congress_id}/exports/agencies/",
    response=FILE,
    summary="Tải số nhiệm vụ theo đơn vị chủ trì (XLSX)",
)
def agency_xlsx(request: HttpRequest, congress_id: int) -> HttpResponse:
    acting = _whole_congress(request, congress_id)
    today = local_today()
    content = exports.agencies_xlsx(planning_selectors.agency_table(acting, today), today)
    return content_file(content, XLSX_CONTENT_TYPE, f"nhiem-vu-theo-don-vi-{today:%Y%m%d}.xlsx")


@router.get(
    "/{congress_id}/scorecards/",
    response=answers(list[ScorecardOut]),
    summary="Đánh giá đơn vị (đơn vị: của mình)",
    description="Một dòng mỗi đơn vị chủ trì, sắp theo tên; không phân trang như trang này.",
)
def scorecard_list(request: HttpRequest, congress_id: int) -> list[selectors.Scorecard]:
    return selectors.scorecards(access(request, congress_id), local_today())


@router.get(
    "/{congress_id}/exports/scorecards/", response=FILE, summary="Tải đánh giá đơn vị (XLSX)"
)
def scorecard_xlsx(request: HttpRequest, congress_id: int) -> HttpResponse:
    today = local_today()
    content = exports.scorecards_xlsx(
        selectors.scorecards(access(request, congress_id), today), today
    )
    return content_file(content, XLSX_CONTENT_TYPE, f"danh-gia-don-vi-{today:%Y%m%d}.xlsx")


@router.get(
    "/{congress_id}/warnings/",
    response=answers(WarningsOut),
    summary="Cảnh báo: nhiệm vụ quá hạn (đỏ), sắp đến hạn hoặc chậm tiến độ (cam)",
)
def warning_list(request: HttpRequest, congress_id: int) -> dict:
    today = local_today()
    found = selectors.warnings(access(request, congress_id), today)
    return {"today": today, "red": found.red, "orange": found.orange}


@router.get(
    "/{congress_id}/dashboard/charts/",
    response=answers(ChartsOut),
    summary="Biểu đồ: tỷ lệ hoàn thành theo đơn vị, số nhiệm vụ theo ngày",
)
def dashboard_charts(request: HttpRequest, congress_id: int) -> dict:
    acting = access(request, congress_id)
    today = local_today()
    rows = planning_selectors.agency_table(acting, today) if acting.sees_whole_congress else []
    return {
        "by_agency": [_agency_counts(r) for r in rows],
        "series": selectors.snapshot_series(acting, today),
    }


def _compiled(
    request: HttpRequest, congress_id: int, request_id: int
) -> tuple[Access, ReportRequest]:
    acting = access(request, congress_id)
    report_request = permissions.access_report_request(acting, request_id)
    gate(permissions.can_see_all_submissions(acting), WHOLE_CONGRESS_ONLY)
    return acting, report_request


@router.get(
    "/{congress_id}/report-requests/{request_id}/xlsx/",
    response=FILE,
    summary="Tải bảng tổng hợp các báo cáo của một yêu cầu (XLSX)",
)
def request_xlsx(
    request: HttpRequest, congress_id: int, request_id: int, filters: Query[StateQuery]
) -> HttpResponse:
    acting, report_request = _compiled(request, congress_id, request_id)
    today = local_today()
    state = valid(StateFilterForm(form_data(filters))).cleaned_data["state"]
    submissions = selectors.submissions_for(acting, report_request, today, state)
    label = str(SubmissionState(state).label) if state else ""
    content = exports.request_xlsx(report_request, submissions, today, label)
    return content_file(content, XLSX_CONTENT_TYPE, f"yeu-cau-bao-cao-{report_request.pk}.xlsx")


@router.get(
    "/{congress_id}/report-requests/{request_id}/docx/",
    response=FILE,
    summary="Tải báo cáo tổng hợp các đơn vị trả lời một yêu cầu (DOCX)",
)
def request_docx(request: HttpRequest, congress_id: int, request_id: int) -> HttpResponse:
    acting, report_request = _compiled(request, congress_id, request_id)
    today = local_today()
    answers_ = list(selectors.submissions_for(acting, report_request, today, ""))
    content = compilation.render_docx(acting, report_request, answers_, today)
    filename = compilation.filename(report_request, today)
    return content_file(content, DOCX_CONTENT_TYPE, filename)
