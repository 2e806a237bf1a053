"""Congresses at every level in the demo: Hà Nội's city congress and two provinces under the
national XIII congress; Kon Tum with two districts and a few grassroots congresses on its
schedule. Idempotent: every congress is found by its parent and name first."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model

from daihoi.accounts.models import Role
from daihoi.levels import services
from daihoi.levels.models import LevelDeadline, ScheduleState
from daihoi.organizations.models import Agency, Congress, Participation
from daihoi.organizations.permissions import ADMIN, Access

from . import data

User = get_user_model()
Level = Congress.Level


@dataclass(frozen=True)
class Sub:
    name: str
    organization: str
    level: str
    ordinal: int
    planned_in: int  # days from today
    state: str = ScheduleState.NOT_STARTED
    pilot: bool = False
    held_ago: int | None = None
    place: str = "Kon Tum"


NATIONAL = ("Đảng Cộng sản Việt Nam", 13)
PROVINCES_UNDER_NATIONAL = [("Đảng bộ tỉnh Kon Tum", 15), ("Đảng bộ tỉnh Hải Dương", 17)]
HA_NOI = Sub(
    "Đại hội đại biểu Đảng bộ thành phố Hà Nội",
    "Đảng bộ thành phố Hà Nội",
    Level.PROVINCE,
    17,
    -20,
    ScheduleState.HELD,
    held_ago=20,
    place="Hà Nội",
)
KON_TUM_DISTRICTS = [
    Sub(
        "Đại hội đại biểu Đảng bộ huyện Đắk Hà",
        "Đảng bộ huyện Đắk Hà",
        Level.DISTRICT,
        18,
        12,
        ScheduleState.PREPARING,
        pilot=True,
    ),
    Sub(
        "Đại hội đại biểu Đảng bộ huyện Ngọc Hồi",
        "Đảng bộ huyện Ngọc Hồi",
        Level.DISTRICT,
        10,
        22,
        ScheduleState.PREPARING,
    ),
]
GRASSROOTS = {
    "Đảng bộ huyện Đắk Hà": [
        Sub(
            "Đại hội Đảng bộ thị trấn Đắk Hà",
            "Đảng bộ thị trấn Đắk Hà",
            Level.GRASSROOTS,
            14,
            -15,
            ScheduleState.HELD,
            pilot=True,
            held_ago=15,
        ),
        Sub("Đại hội Đảng bộ xã Hà Mòn", "Đảng bộ xã Hà Mòn", Level.GRASSROOTS, 12, 4),
    ],
    "Đảng bộ huyện Ngọc Hồi": [
        Sub("Đại hội Đảng bộ xã Bờ Y", "Đảng bộ xã Bờ Y", Level.GRASSROOTS, 11, -3),
    ],
}
SUBORDINATES = [
    sub.organization
    for sub in [HA_NOI, *KON_TUM_DISTRICTS, *(s for subs in GRASSROOTS.values() for s in subs)]
]
# Each subordinate congress's own offices: the party committee's office receives guidance.
OFFICES = [("Văn phòng cấp ủy", "VP", True), ("Ban Tuyên giáo cấp ủy", "BTG", False)]
# Demo logins of the levels: (username, full name, organization of the congress, role).
LOGINS = [
    ("dakha", "Y Thị Hoa", "Đảng bộ huyện Đắk Hà", Role.SECRETARIAT),
    ("ngochoi", "A Vương", "Đảng bộ huyện Ngọc Hồi", Role.SECRETARIAT),
]


def _find(organization: str, ordinal: int) -> Congress | None:
    return Congress.objects.filter(organization=organization, ordinal=ordinal).first()


def _subordinate(parent_access: Access, sub: Sub, today: dt.date) -> tuple[Congress, bool]:
    found = Congress.objects.filter(parent=parent_access.congress, name=sub.name).first()
    if found is not None:
        return found, False
    parent = parent_access.congress
    congress = services.subordinate_create(
        access=parent_access,
        fields=services.SubordinateFields(
            name=sub.name,
            organization=sub.organization,
            level=sub.level,
            ordinal=sub.ordinal,
            term_start=parent.term_start,
            term_end=parent.term_end,
            planned_date=today + dt.timedelta(days=sub.planned_in),
            is_pilot=sub.pilot,
        ),
    )
    if sub.state != ScheduleState.NOT_STARTED:
        services.schedule_update(
            access=parent_access,
            entry=congress.schedule_entry,
            fields=services.ScheduleFields(
                planned_date=today + dt.timedelta(days=sub.planned_in),
                is_pilot=sub.pilot,
                state=sub.state,
                held_date=today - dt.timedelta(days=sub.held_ago) if sub.held_ago else None,
            ),
        )
    if sub.level != Level.PROVINCE:
        for name, code, issuer in OFFICES:
            Agency.objects.create(congress=congress, name=name, code=code, is_issuer=issuer)
    opening = today + dt.timedelta(days=sub.planned_in)
    Congress.objects.filter(pk=congress.pk).update(opening_date=opening, place_name=sub.place)
    congress.refresh_from_db()
    return congress, True


def load_levels(today: dt.date) -> int:
    """Links the demo's congresses and fills Kon Tum's schedule; returns what it created."""
    national = _find(*NATIONAL)
    kon_tum = _find(*PROVINCES_UNDER_NATIONAL[0])
    if national is None or kon_tum is None:
        return 0
    created = 0
    admin = Access(User.objects.get(username="admin"), national, ADMIN)
    for organization, ordinal in PROVINCES_UNDER_NATIONAL:
        province = _find(organization, ordinal)
        if province is not None and province.parent_id is None:
            services.congress_set_parent(access=admin, congress=province, parent=national)
            created += 1
    secretary = User.objects.get(username="vanphong")
    national_access = Access(secretary, national, Role.SECRETARIAT)
    created += _subordinate(national_access, HA_NOI, today)[1]
    kon_tum.refresh_from_db()
    province_access = Access(secretary, kon_tum, Role.SECRETARIAT)
    for level, days, text in [
        (Level.DISTRICT, 30, "Hoàn thành đại hội cấp huyện trước Đại hội Đảng bộ tỉnh"),
        (Level.GRASSROOTS, 8, "Hoàn thành đại hội cấp cơ sở trước đại hội cấp huyện"),
    ]:
        if not LevelDeadline.objects.filter(congress=kon_tum, level=level).exists():
            services.level_deadline_set(
                access=province_access,
                level=level,
                deadline=today + dt.timedelta(days=days),
                text=text,
            )
            created += 1
    for district_sub in KON_TUM_DISTRICTS:
        district, made = _subordinate(province_access, district_sub, today)
        created += made
        district_access = Access(secretary, district, Role.SECRETARIAT)
        for sub in GRASSROOTS[district_sub.organization]:
            created += _subordinate(district_access, sub, today)[1]
    created += _logins()
    created += _guidance(province_access, today)
    created += _report_up(province_access, today)
    return created


# The provincial propaganda subcommittee's guidance for the congresses of every level, sent to
# both districts; Đắk Hà reports on the first task.
GUIDANCE_TITLE = "Hướng dẫn tuyên truyền Đại hội Đảng bộ các cấp"
GUIDANCE_ITEMS = [
    ("Treo băng rôn, khẩu hiệu chào mừng Đại hội tại trụ sở và tuyến đường chính", -15),
    ("Xây dựng chuyên mục tuyên truyền trên đài truyền thanh cơ sở", -20),
    ("Báo cáo kết quả công tác tuyên truyền về Ban Tuyên giáo Tỉnh ủy", 5),
]


def _guidance(province: Access, today: dt.date) -> int:
    from daihoi.levels.models import Guidance
    from daihoi.planning import services as planning_services
    from daihoi.planning.models import Area

    if Guidance.objects.filter(congress=province.congress, title=GUIDANCE_TITLE).exists():
        return 0
    guidance = services.guidance_create(
        access=province,
        kind=Guidance.Kind.GUIDANCE,
        title=GUIDANCE_TITLE,
        symbol="12-HD/BTGTU",
        issued_on=today - dt.timedelta(days=20),
        summary="Nội dung, hình thức tuyên truyền trước, trong và sau đại hội ở mỗi cấp.",
    )
    for title, offset in GUIDANCE_ITEMS:
        services.guidance_item_add(
            access=province,
            guidance=guidance,
            fields=services.ItemFields(title=title, area=Area.PROPAGANDA, offset_days=offset),
        )
    districts = list(
        Congress.objects.filter(parent=province.congress, level=Level.DISTRICT).order_by("pk")
    )
    send = services.guidance_send(
        access=province, guidance=guidance, congress_ids=[d.pk for d in districts]
    )
    # The demo has no worker running while it loads: deliver here, as the job would.
    services.deliver(send.pk)
    dakha = next(d for d in districts if d.organization == "Đảng bộ huyện Đắk Hà")
    reporter = Access(User.objects.get(username="dakha"), dakha, Role.SECRETARIAT)
    first = guidance.items.order_by("pk").first()
    task = first.tasks.get(recipient__congress=dakha).task  # type: ignore[union-attr]
    planning_services.task_report_progress(
        access=reporter,
        task=task,
        text="Đã treo băng rôn tại trụ sở Huyện ủy và hai tuyến đường chính.",
        percent=70,
    )
    return 1


# Kon Tum's secretariat asks both districts for figures before their congresses; Đắk Hà has
# answered, Ngọc Hồi not yet (the roll-up counts it as unanswered).
REPORT_TITLE = "Báo cáo tình hình chuẩn bị đại hội cấp huyện"
REPORT_COLUMNS: list[dict[str, Any]] = [
    {"label": "Số đảng viên", "kind": "number"},
    {"label": "Số đại biểu được triệu tập", "kind": "number"},
    {"label": "Khó khăn, vướng mắc", "kind": "text", "optional": True},
]


def _report_up(province: Access, today: dt.date) -> int:
    from daihoi.reporting import services as reporting_services
    from daihoi.reporting.models import ReportRequest

    if ReportRequest.objects.filter(congress=province.congress, title=REPORT_TITLE).exists():
        return 0
    districts = list(
        Congress.objects.filter(parent=province.congress, level=Level.DISTRICT).order_by("pk")
    )
    request = services.report_request_send(
        access=province,
        title=REPORT_TITLE,
        deadline=today + dt.timedelta(days=6),
        congress_ids=[d.pk for d in districts],
        instructions="Các huyện ủy báo cáo số liệu đảng viên, đại biểu và những khó khăn "
        "cần Ban Thường vụ Tỉnh ủy cho ý kiến.",
        columns=REPORT_COLUMNS,
    )
    dakha = next(d for d in districts if d.organization == "Đảng bộ huyện Đắk Hà")
    reporter = Access(User.objects.get(username="dakha"), dakha, Role.SECRETARIAT)
    reporting_services.submission_submit(
        access=reporter,
        submission=request.congress_recipients.get(congress=dakha).submission,
        text="Đảng bộ huyện đã hoàn thành rà soát danh sách đảng viên và dự kiến đại biểu.",
        values=["3.412", "200", "Hai xã vùng sâu chưa bố trí được hội trường"],
    )
    return 1


def _logins() -> int:
    created = 0
    for username, full_name, organization, role in LOGINS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(username=username, full_name=full_name)
            user.set_password(data.PASSWORD)
            user.save()
            created += 1
        congress = Congress.objects.get(organization=organization)
        office = Agency.objects.filter(congress=congress, is_issuer=True).first()
        _, made = Participation.objects.get_or_create(
            user=user, congress=congress, defaults={"role": role, "agency": office}
        )
        created += made
    return created


def subordinate_ids(demo_ids: list[int]) -> list[int]:
    """The congresses below the demo's own (made here), deepest first, for a reset."""
    below: list[Congress] = []
    for congress in Congress.objects.filter(pk__in=demo_ids):
        below += Congress.objects.filter(path__startswith=congress.path).exclude(pk__in=demo_ids)
    below.sort(key=lambda c: -len(c.path))
    return [c.pk for c in below]
