"""The roll-up over every congress below, level by level, and a descendant read from above."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from daihoi.core.dates import today as local_today
from daihoi.core.links import link
from daihoi.core.templatetags.vn import vnnum
from daihoi.core.uploads import XLSX_CONTENT_TYPE
from daihoi.core.views import content_file, forbidden, page_context
from daihoi.organizations.models import Congress
from daihoi.organizations.permissions import Access, access_congress
from daihoi.planning import selectors as planning_selectors
from daihoi.planning.status import MAIN_CLASSES

from .. import permissions, rollup_sheet, selectors
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
            table_rows=table_rows(result, link("levels:rollup", access.congress.pk)),
            trail=trail,
            open_guidance=selectors.open_guidance_tasks(shown),
            open_requests=selectors.requests_to_below(shown),
            classes=MAIN_CLASSES,
            states=[(s.value, str(s.label)) for s in ScheduleState],
            today=today,
        ),
    )


def table_rows(result: Rollup, rollup_url: str) -> SafeString:
    """The table's rows in one pass: the national office's page has 63 rows of 13 cells, and a
    template loop costs about 25 µs a cell where this costs a few. Only numbers, the fixed
    labels and escaped names go in."""
    labels = [escape(str(c.label)) for c in MAIN_CLASSES]
    state_labels = [escape(str(s.label)) for s in ScheduleState]
    lines = []
    for row in result.rows:
        pk = row.congress.pk
        counts = "".join(
            f'<td data-label="{label}">{vnnum(n)}</td>'
            for label, n in zip(labels, row.counts.in_order, strict=True)
        )
        states = "".join(
            f'<td data-label="{label}">{vnnum(n)}</td>'
            for label, n in zip(state_labels, row.state_list, strict=True)
        )
        lines.append(
            f'<tr><td class="main"><a href="{rollup_url}?cap={pk}">{escape(row.congress.name)}</a>'
            f'<div class="small"><a href="{link("levels:descendant", pk)}">'
            f"Xem tổng quan</a></div></td>{counts}"
            f'<td data-label="Tỷ lệ quá hạn">{row.counts.overdue_percent}%</td>{states}'
            f'<td data-label="Báo cáo chưa gửi">{vnnum(row.unanswered)}</td></tr>'
        )
    return mark_safe("\n".join(lines))  # noqa: S308 (numbers, fixed labels, escaped names)


@login_required
def rollup_xlsx(request: HttpRequest, congress_id: int) -> HttpResponse:
    access, shown = _level(request, congress_id)
    if shown is None:
        return forbidden(request, permissions.READERS_ONLY)
    today = local_today()
    content = rollup_sheet.rollup_workbook(rollup(shown, today), today)
    return content_file(content, XLSX_CONTENT_TYPE, rollup_sheet.file_name(today))


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
