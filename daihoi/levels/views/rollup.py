"""The roll-up over every congress below, level by level, and a descendant read from above."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from daihoi.core.dates import today as local_today
from daihoi.core.spreadsheets import XLSX_CONTENT_TYPE, table_workbook
from daihoi.core.views import content_file, forbidden, page_context
from daihoi.organizations.models import Congress
from daihoi.organizations.permissions import Access, access_congress
from daihoi.planning import selectors as planning_selectors
from daihoi.planning.status import MAIN_CLASSES

from .. import permissions, selectors
from ..models import ScheduleState
from ..permissions import access_from_above
from ..rollup import Rollup, rollup


def _level(request: HttpRequest, congress_id: int) -> tuple[Access, Congress | None]:
    """The access and the congress the roll-up shows: the access's own, or one below it
    (`?cap=`), 404 for anything else."""
    access = access_congress(request.user, congress_id)
    if not permissions.can_oversee(access):
        return access, None
    raw = request.GET.get("cap", "")
    if not raw:
        return access, access.congress
    if not raw.isdigit():
        raise Http404
    return access, permissions.access_subordinate(access, int(raw))


@login_required
def rollup_page(request: HttpRequest, congress_id: int) -> HttpResponse:
    access, shown = _level(request, congress_id)
    if shown is None:
        return forbidden(request, permissions.READERS_ONLY)
    today = local_today()
    result = rollup(shown, today)
    trail = [c for c in selectors.ancestors(shown) if c.path.startswith(access.congress.path)]
    return render(
        request,
        "levels/rollup.html",
        page_context(
            access,
            shown=shown,
            result=result,
            trail=trail,
            open_guidance=selectors.open_guidance_tasks(shown),
            open_requests=list(selectors.requests_to_below(shown)),
            classes=MAIN_CLASSES,
            states=[(s.value, str(s.label)) for s in ScheduleState],
            today=today,
        ),
    )


HEADER = [
    "Đại hội",
    "Cấp",
    *[str(c.label) for c in MAIN_CLASSES],
    "Tổng số nhiệm vụ",
    "Tỷ lệ quá hạn (%)",
    *[str(s.label) for s in ScheduleState],
    "Báo cáo chưa gửi",
]


def _sheet_rows(result: Rollup) -> list[list]:
    rows = []
    for row in result.rows:
        counts = row.counts
        rows.append(
            [
                row.congress.name,
                row.congress.get_level_display(),
                *[counts.by_class[c] for c in MAIN_CLASSES],
                counts.total,
                round(100 * counts.overdue_share),
                *[row.states.get(s, 0) for s in ScheduleState.values],
                row.unanswered,
            ]
        )
    return rows


@login_required
def rollup_xlsx(request: HttpRequest, congress_id: int) -> HttpResponse:
    access, shown = _level(request, congress_id)
    if shown is None:
        return forbidden(request, permissions.READERS_ONLY)
    today = local_today()
    result = rollup(shown, today)
    numbers = [i for i in range(2, len(HEADER)) if i != 7]
    content = table_workbook(
        "Tổng hợp các cấp",
        HEADER,
        _sheet_rows(result),
        widths=[48, 18] + [14] * (len(HEADER) - 2),
        heading=[f"Tổng hợp Đại hội cấp dưới của {shown.name}", f"Ngày {today:%d/%m/%Y}"],
        number_columns=numbers,
        totals_label="Tổng cộng",
    )
    return content_file(content, XLSX_CONTENT_TYPE, f"tong-hop-cac-cap-{today:%Y%m%d}.xlsx")


@login_required
def descendant_dashboard(request: HttpRequest, congress_id: int) -> HttpResponse:
    """A congress below, read from above: its figures, what is overdue and due soon — nothing
    to change, no confidential document."""
    access = access_from_above(request.user, congress_id)
    today = local_today()
    return render(
        request,
        "levels/descendant.html",
        {
            "viewed": access.congress,
            "viewer": access,
            "dashboard": planning_selectors.dashboard_counts(access, today),
            "due_soon": list(planning_selectors.due_soon(access, today, limit=15)),
            "classes": MAIN_CLASSES,
            "today": today,
        },
    )
