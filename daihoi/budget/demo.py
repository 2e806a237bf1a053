"""Budget records for the Kon Tum demo congress, built through the services.

Idempotent: norms are matched by code and estimates by agency, so loading twice adds nothing.
"""

import datetime as dt

from django.db import transaction

from daihoi.accounts.models import Role, User
from daihoi.organizations.models import Agency, Congress, Participation
from daihoi.organizations.permissions import ADMIN, Access
from daihoi.planning.models import Task

from . import services
from .models import Category, Estimate, Norm

BASIS = "Nghị quyết số 12/2019/NQ-HĐND tỉnh Kon Tum"

NORMS = [
    ("DM01", "Bồi dưỡng đại biểu dự Đại hội", Category.ALLOWANCE, "người/ngày", 200_000),
    ("DM02", "Bồi dưỡng phục vụ, bảo vệ Đại hội", Category.ALLOWANCE, "người/ngày", 150_000),
    ("DM03", "Tiền ăn đại biểu", Category.BOARD, "người/ngày", 300_000),
    ("DM04", "In tài liệu Đại hội", Category.PRINTING, "trang", 500),
    ("DM05", "Pano, áp phích tuyên truyền", Category.DECORATION, "tấm", 3_500_000),
    ("DM06", "Hoa tươi trang trí hội trường", Category.DECORATION, "lẵng", 1_200_000),
    ("DM07", "Biểu diễn văn nghệ chào mừng", Category.PROPAGANDA, "buổi", 40_000_000),
]

# (agency name, title, final state, lines: content, norm code, category, unit, qty, price, notes)
DemoLine = tuple[str, str | None, Category | None, str, int, int, str]
ESTIMATES: list[tuple[str, str, Estimate.Status, list[DemoLine]]] = [
    (
        "Ban Tuyên giáo Tỉnh ủy",
        "Dự trù kinh phí tuyên truyền Đại hội",
        Estimate.Status.APPROVED,
        [
            ("Pano tuyên truyền tại các trục đường chính", "DM05", None, "", 20, 3_500_000, ""),
            ("In tài liệu tuyên truyền", "DM04", None, "", 40_000, 500, ""),
            ("Bồi dưỡng cộng tác viên viết bài", "DM02", None, "", 30, 150_000, ""),
        ],
    ),
    (
        "Văn phòng Tỉnh ủy",
        "Dự trù kinh phí tổ chức phục vụ Đại hội",
        Estimate.Status.SUBMITTED,
        [
            ("Bồi dưỡng đại biểu dự Đại hội (3 ngày)", "DM01", None, "", 900, 200_000, ""),
            (
                "Tiền ăn đại biểu",
                "DM03",
                None,
                "",
                900,
                350_000,
                "Giá thực phẩm tăng so với năm 2019",
            ),
            ("In tài liệu Đại hội", "DM04", None, "", 120_000, 500, ""),
            ("Hoa tươi trang trí hội trường", "DM06", None, "", 30, 1_200_000, ""),
        ],
    ),
    (
        "Sở Văn hóa, Thể thao và Du lịch",
        "Dự trù kinh phí trang trí, văn nghệ chào mừng",
        Estimate.Status.RETURNED,
        [
            (
                "Chương trình nghệ thuật chào mừng",
                "DM07",
                None,
                "",
                2,
                45_000_000,
                "Thuê thêm dàn âm thanh ngoài trời",
            ),
            ("Cờ, băng rôn trang trí đường phố", None, Category.DECORATION, "bộ", 200, 250_000, ""),
        ],
    ),
]


def _officer_access(congress: Congress, agency: Agency) -> Access:
    participation = (
        Participation.objects.filter(congress=congress, agency=agency, role=Role.AGENCY_OFFICER)
        .select_related("user")
        .first()
    )
    # An agency without an officer yet is filled in by the demo's own user, acting for it.
    user = participation.user if participation else _demo_user(congress)
    return Access(
        user, congress, Role.AGENCY_OFFICER, agency.pk, agency_is_finance=agency.is_finance
    )


def _demo_user(congress: Congress) -> User:
    """Who loads the demo when nobody of the agency is there: an administrator, else the first
    participant of the congress."""
    admin = User.objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
    if admin is not None:
        return admin
    participation = (
        Participation.objects.filter(congress=congress)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    if participation is None:
        raise ValueError("The budget demo needs an administrator or a participant to act as.")
    return participation.user


def _finance_access(congress: Congress) -> Access:
    """An officer of the Finance agency, or else the demo's user as an administrator."""
    finance = Agency.objects.filter(congress=congress, is_finance=True).first()
    participation = (
        Participation.objects.filter(congress=congress, agency=finance)
        .select_related("user")
        .first()
        if finance
        else None
    )
    if finance is not None and participation is not None:
        return Access(
            participation.user, congress, Role.AGENCY_OFFICER, finance.pk, agency_is_finance=True
        )
    return Access(_demo_user(congress), congress, ADMIN)


@transaction.atomic
def load_budget_demo(congress: Congress) -> dict[str, int]:
    """Norms, three agencies' estimates (approved, submitted, returned) and some spending."""
    created = {"norms": 0, "estimates": 0, "spendings": 0}
    finance = _finance_access(congress)
    have = set(Norm.objects.filter(congress=congress).values_list("code", flat=True))
    for code, name, category, unit, price in NORMS:
        if code in have:
            continue
        services.norm_create(
            access=finance,
            code=code,
            name=name,
            category=category,
            unit=unit,
            max_unit_price=price,
            legal_basis=BASIS,
            valid_from=dt.date(2020, 1, 1),
        )
        created["norms"] += 1
    norms = {n.code: n for n in Norm.objects.filter(congress=congress)}
    today = dt.date(2020, 9, 1)
    for agency_name, title, state, lines in ESTIMATES:
        agency = Agency.objects.filter(congress=congress, name=agency_name).first()
        if agency is None or Estimate.objects.filter(congress=congress, agency=agency).exists():
            continue
        owner = _officer_access(congress, agency)
        estimate = services.estimate_create(access=owner, title=title)
        task = Task.objects.filter(congress=congress, lead_agency=agency).order_by("id").first()
        added = []
        for content, norm_code, line_category, unit, quantity, price, notes in lines:
            added.append(
                services.estimate_line_add(
                    access=owner,
                    estimate=estimate,
                    content=content,
                    norm=norms.get(norm_code) if norm_code else None,
                    category=line_category,
                    unit=unit,
                    quantity=quantity,
                    unit_price=price,
                    notes=notes,
                    task=task,
                    today=today,
                )
            )
        created["estimates"] += 1
        services.estimate_submit(access=owner, estimate=estimate)
        if state == Estimate.Status.RETURNED:
            services.estimate_return(
                access=finance,
                estimate=estimate,
                comment="Chương trình nghệ thuật vượt định mức 40.000.000 đ/buổi; đề nghị "
                "điều chỉnh hoặc giải trình nguồn xã hội hóa.",
            )
        elif state == Estimate.Status.APPROVED:
            decisions = [services.LineDecision(x.pk, x.amount) for x in added]
            decisions[0] = services.LineDecision(
                added[0].pk, 15 * 3_500_000, "Giảm còn 15 pano theo kế hoạch tuyên truyền"
            )
            services.estimate_approve(access=finance, estimate=estimate, decisions=decisions)
            services.spending_record(
                access=owner,
                line=added[0],
                amount=35_000_000,
                spent_on=today,
                content="Thanh toán đợt 1 hợp đồng làm pano",
            )
            created["spendings"] += 1
    return created
