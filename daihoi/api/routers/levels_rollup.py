"""The roll-up over the congresses below (JSON and XLSX, drilled down one level with `cap`) and
a congress below read from above: the parent's secretariat and leaders read, change nothing."""

from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema

from daihoi.core.dates import today as local_today
from daihoi.core.uploads import XLSX_CONTENT_TYPE
from daihoi.core.views import content_file
from daihoi.levels import permissions, rollup_sheet
from daihoi.levels.permissions import access_from_above
from daihoi.levels.rollup import Counts, Rollup, rollup
from daihoi.levels.selectors import ancestors
from daihoi.organizations.models import Congress
from daihoi.planning import selectors as planning_selectors

from ..auth import user_of
from ..common import Detail, access, answers, gate
from .planning import dashboard_of
from .planning_schemas import DashboardOut

router = Router(tags=["Các cấp Đại hội"])


class CongressRef(Schema):
    id: int
    name: str
    level: str


class CountsOut(Schema):
    by_class: dict[str, int]
    total: int
    overdue: int
    overdue_percent: int
    awaiting: int

    @staticmethod
    def of(counts: Counts) -> "CountsOut":
        return CountsOut(
            by_class=counts.by_class,
            total=counts.total,
            overdue=counts.overdue,
            overdue_percent=counts.overdue_percent,
            awaiting=counts.awaiting,
        )


class RollupRowOut(Schema):
    congress: CongressRef
    counts: CountsOut
    states: dict[str, int]
    unanswered: int


class WorstOut(Schema):
    congress: CongressRef
    total: int
    overdue: int
    percent: int


class RollupOut(Schema):
    """The figures of the shown congress's subtree, one row per congress directly below."""

    congress: CongressRef
    trail: list[CongressRef]
    total: CountsOut
    own: CountsOut
    rows: list[RollupRowOut]
    worst: list[WorstOut]
    states: dict[str, int]


class DescendantDashboardOut(DashboardOut):
    congress: CongressRef


def _ref(congress: Congress) -> CongressRef:
    return CongressRef(id=congress.pk, name=congress.name, level=congress.level)


def _shown(request: HttpRequest, congress_id: int, cap: int | None) -> tuple[Congress, Congress]:
    """The access's congress and the one the roll-up shows: its own, or one below (`cap`)."""
    acting = access(request, congress_id)
    gate(permissions.can_oversee(acting), permissions.READERS_ONLY)
    shown = acting.congress if cap is None else permissions.access_subordinate(acting, cap)
    return acting.congress, shown


def _out(own: Congress, result: Rollup) -> RollupOut:
    trail = [c for c in ancestors(result.congress) if c.path.startswith(own.path)]
    return RollupOut(
        congress=_ref(result.congress),
        trail=[_ref(c) for c in trail],
        total=CountsOut.of(result.total),
        own=CountsOut.of(result.own),
        rows=[
            RollupRowOut(
                congress=_ref(r.congress),
                counts=CountsOut.of(r.counts),
                states=r.states,
                unanswered=r.unanswered,
            )
            for r in result.rows
        ],
        worst=[
            WorstOut(congress=_ref(w.congress), total=w.total, overdue=w.overdue, percent=w.percent)
            for w in result.worst
        ],
        states=result.states,
    )


@router.get(
    "/{congress_id}/rollup/",
    response=answers(RollupOut),
    summary="Tổng hợp các Đại hội cấp dưới (nhiệm vụ theo tình trạng, lịch, báo cáo chưa gửi)",
    description="`cap`: xem tổng hợp của một Đại hội cấp dưới (đi sâu từng cấp).",
)
def rollup_json(request: HttpRequest, congress_id: int, cap: int | None = None) -> RollupOut:
    own, shown = _shown(request, congress_id, cap)
    return _out(own, rollup(shown, local_today()))


@router.get(
    "/{congress_id}/rollup/xlsx/",
    response=answers(Detail),
    summary="Tải bảng tổng hợp các cấp (XLSX)",
)
def rollup_xlsx(request: HttpRequest, congress_id: int, cap: int | None = None) -> HttpResponse:
    _, shown = _shown(request, congress_id, cap)
    today = local_today()
    content = rollup_sheet.rollup_workbook(rollup(shown, today), today)
    return content_file(content, XLSX_CONTENT_TYPE, rollup_sheet.file_name(today))


@router.get(
    "/{congress_id}/from-above/",
    response=answers(DescendantDashboardOut),
    summary="Tổng quan một Đại hội cấp dưới, xem từ cấp trên (chỉ đọc)",
    description="Thường trực, Văn phòng và lãnh đạo tiểu ban của Đại hội cấp trên đọc số liệu "
    "và nhiệm vụ sắp đến hạn; người của chính Đại hội đó đọc như trang của mình.",
)
def descendant_dashboard(request: HttpRequest, congress_id: int) -> dict:
    acting = access_from_above(user_of(request), congress_id)
    # As its page: the 15 tasks due soonest.
    due = list(planning_selectors.due_soon(acting, local_today(), limit=15))
    return dashboard_of(acting) | {"congress": _ref(acting.congress), "due_soon": due}
