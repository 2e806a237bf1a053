"""Budget records for the Kon Tum and Hải Dương demo congresses, built through the services.

Idempotent: norms are matched by code and estimates by agency, so loading twice adds nothing.
A congress without budget data here gets none.
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


HD_BASIS = "Quyết định số 20/2020/QĐ-UBND tỉnh Hải Dương"
HD_NORMS = [
    ("HD01", "Bồi dưỡng đại biểu dự Đại hội", Category.ALLOWANCE, "người/ngày", 200_000),
    ("HD02", "Tiền ăn đại biểu", Category.BOARD, "người/ngày", 250_000),
    ("HD03", "In tài liệu, số báo đặc biệt", Category.PRINTING, "trang", 600),
    ("HD04", "Pano, băng rôn tuyên truyền trực quan", Category.DECORATION, "tấm", 3_000_000),
    ("HD05", "Chương trình nghệ thuật chào mừng", Category.PROPAGANDA, "buổi", 50_000_000),
]
HD_ESTIMATES: list[tuple[str, str, Estimate.Status, list[DemoLine]]] = [
    (
        "Văn phòng Tỉnh ủy",
        "Dự trù kinh phí hậu cần và phòng, chống dịch phục vụ Đại hội",
        Estimate.Status.APPROVED,
        [
            ("Bồi dưỡng đại biểu dự Đại hội (3 ngày)", "HD01", None, "", 1_050, 200_000, ""),
            ("Tiền ăn đại biểu", "HD02", None, "", 1_050, 250_000, ""),
            (
                "Vật tư khử khuẩn, xét nghiệm nhanh",
                None,
                Category.SECURITY,
                "bộ",
                1_500,
                120_000,
                "",
            ),
        ],
    ),
    (
        "Sở Văn hóa, Thể thao và Du lịch",
        "Dự trù kinh phí trang trí và chương trình chào mừng",
        Estimate.Status.SUBMITTED,
        [
            ("Pano tại các cửa ngõ và nội thành", "HD04", None, "", 40, 3_000_000, ""),
            ("Chương trình nghệ thuật chào mừng", "HD05", None, "", 1, 50_000_000, ""),
        ],
    ),
    (
        "Báo Hải Dương",
        "Dự trù kinh phí số báo đặc biệt chào mừng Đại hội",
        Estimate.Status.RETURNED,
        [
            (
                "In số báo đặc biệt (12 trang × 8.000 bản)",
                "HD03",
                None,
                "",
                96_000,
                750,
                "Giấy in tăng giá",
            )
        ],
    ),
]
# By organization: legal basis, norms, estimates, how much of the first approved line is cut
# (quantity) and what was paid against it.
BUDGETS = {
    "Đảng bộ tỉnh Kon Tum": (
        BASIS,
        NORMS,
        ESTIMATES,
        (15, "Giảm còn 15 pano theo kế hoạch tuyên truyền"),
        (35_000_000, "Thanh toán đợt 1 hợp đồng làm pano"),
        "Chương trình nghệ thuật vượt định mức 40.000.000 đ/buổi; đề nghị điều chỉnh hoặc giải "
        "trình nguồn xã hội hóa.",
    ),
    "Đảng bộ tỉnh Hải Dương": (
        HD_BASIS,
        HD_NORMS,
        HD_ESTIMATES,
        (1_000, "Tính theo 1.000 đại biểu chính thức được triệu tập"),
        (120_000_000, "Tạm ứng bồi dưỡng đại biểu đợt 1"),
        "Đơn giá in vượt định mức 600 đ/trang; đề nghị tính lại theo định mức hoặc giải trình.",
    ),
}


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
    if congress.organization not in BUDGETS:
        return created
    basis, norm_rows, estimates, (cut, cut_note), (paid, paid_note), refusal = BUDGETS[
        congress.organization
    ]
    finance = _finance_access(congress)
    have = set(Norm.objects.filter(congress=congress).values_list("code", flat=True))
    for code, name, category, unit, price in norm_rows:
        if code in have:
            continue
        services.norm_create(
            access=finance,
            code=code,
            name=name,
            category=category,
            unit=unit,
            max_unit_price=price,
            legal_basis=basis,
            valid_from=dt.date(2020, 1, 1),
        )
        created["norms"] += 1
    norms = {n.code: n for n in Norm.objects.filter(congress=congress)}
    today = dt.date(2020, 9, 1)
    for agency_name, title, state, lines in estimates:
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
                comment=refusal,
            )
        elif state == Estimate.Status.APPROVED:
            decisions = [services.LineDecision(x.pk, x.amount) for x in added]
            first = added[0]
            decisions[0] = services.LineDecision(first.pk, cut * first.unit_price, cut_note)
            services.estimate_approve(access=finance, estimate=estimate, decisions=decisions)
            services.spending_record(
                access=owner,
                line=added[0],
                amount=paid,
                spent_on=today,
                content=paid_note,
            )
            created["spendings"] += 1
    return created
