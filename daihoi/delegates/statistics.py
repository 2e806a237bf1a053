"""The structure of the delegates for the credentials report (báo cáo thẩm tra tư cách đại
biểu): counts and percentages by gender, age band, ethnicity, religion, education, professional
and political-theory level, years in the Party and ex-officio vs elected.

Counted over the active official delegates (chính thức) — alternates and guests are not
delegates with a vote. Ages and years in the Party are reckoned at the congress's opening day
(today when it has none): age = that year minus the year of birth; years in the Party = whole
years from the joining date to that day. One query reads the nine columns; the rest is Python,
a few milliseconds at 1,500 delegates.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from daihoi.organizations.models import Congress

from .models import Delegate

UNKNOWN = "Chưa rõ"
AGE_BANDS = [
    (None, 39, "Dưới 40 tuổi"),
    (40, 50, "Từ 40 đến 50 tuổi"),
    (51, 60, "Từ 51 đến 60 tuổi"),
    (61, None, "Trên 60 tuổi"),
]
PARTY_BANDS = [
    (None, 9, "Dưới 10 năm"),
    (10, 20, "Từ 10 đến 20 năm"),
    (21, 30, "Từ 21 đến 30 năm"),
    (31, None, "Trên 30 năm"),
]
COLUMNS = (
    "gender",
    "birth_year",
    "ethnicity",
    "religion",
    "education",
    "professional_level",
    "theory_level",
    "party_joined_on",
    "is_ex_officio",
)


@dataclass(frozen=True)
class Row:
    label: str
    count: int
    percent: Decimal

    @property
    def percent_text(self) -> str:
        return percent_text(self.percent)


@dataclass
class Table:
    title: str
    rows: list[Row] = field(default_factory=list)


@dataclass
class Statistics:
    total: int
    reference: dt.date
    tables: list[Table]


def share(count: int, total: int) -> Decimal:
    """`count` as a percentage of `total`, two decimals, halves rounded up as a clerk does
    (1 of 32 → 3.13, not the float's 3.12); 0 when there is nobody."""
    if not total:
        return Decimal("0.00")
    return (Decimal(100 * count) / Decimal(total)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def percent_text(value: Decimal) -> str:
    """12.5 → "12,50" (Vietnamese decimal comma, two decimals)."""
    return f"{value:.2f}".replace(".", ",")


def _band(value: int | None, bands: list) -> str:
    if value is None:
        return UNKNOWN
    for low, high, label in bands:
        if (low is None or value >= low) and (high is None or value <= high):
            return label
    return UNKNOWN


def whole_years(start: dt.date, end: dt.date) -> int:
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def _table(title: str, counts: Counter, total: int, order: list[str]) -> Table:
    labels = [label for label in order if counts.get(label)] + sorted(
        label for label in counts if label not in order and label != UNKNOWN
    )
    if counts.get(UNKNOWN):
        labels.append(UNKNOWN)
    return Table(
        title,
        [Row(label, counts[label], share(counts[label], total)) for label in labels],
    )


def reference_day(congress: Congress, today: dt.date) -> dt.date:
    return congress.opening_date or today


def roster_statistics(congress: Congress, today: dt.date) -> Statistics:
    reference = reference_day(congress, today)
    rows = list(
        Delegate.objects.filter(
            congress=congress, is_active=True, kind=Delegate.Kind.OFFICIAL
        ).values_list(*COLUMNS)
    )
    total = len(rows)
    gender: Counter[str] = Counter()
    age: Counter[str] = Counter()
    ethnicity: Counter[str] = Counter()
    minority: Counter[str] = Counter()
    religion: Counter[str] = Counter()
    education: Counter[str] = Counter()
    professional: Counter[str] = Counter()
    theory: Counter[str] = Counter()
    party: Counter[str] = Counter()
    mandate: Counter[str] = Counter()
    genders = dict(Delegate.Gender.choices)
    levels = dict(Delegate.Professional.choices)
    theories = dict(Delegate.Theory.choices)
    for g, birth, eth, rel, edu, prof, theo, joined, ex_officio in rows:
        gender[str(genders.get(g, UNKNOWN))] += 1
        age[_band(reference.year - birth if birth else None, AGE_BANDS)] += 1
        eth = (eth or "").strip() or UNKNOWN
        ethnicity[eth] += 1
        if eth not in ("Kinh", UNKNOWN):
            minority["Dân tộc thiểu số"] += 1
        rel = (rel or "").strip()
        religion["Không theo tôn giáo" if rel in ("", "Không") else rel] += 1
        education[(edu or "").strip() or UNKNOWN] += 1
        professional[str(levels.get(prof, UNKNOWN))] += 1
        theory[str(theories.get(theo, UNKNOWN))] += 1
        party[_band(whole_years(joined, reference) if joined else None, PARTY_BANDS)] += 1
        mandate["Đại biểu đương nhiên" if ex_officio else "Đại biểu được bầu"] += 1
    ethnic_table = _table("Dân tộc", ethnicity, total, ["Kinh"])
    if minority:
        ethnic_table.rows.insert(
            0,
            Row(
                "Dân tộc thiểu số (cộng)",
                minority["Dân tộc thiểu số"],
                share(minority["Dân tộc thiểu số"], total),
            ),
        )
    tables = [
        _table("Giới tính", gender, total, ["Nam", "Nữ"]),
        _table("Độ tuổi", age, total, [label for _, _, label in AGE_BANDS]),
        ethnic_table,
        _table("Tôn giáo", religion, total, ["Không theo tôn giáo"]),
        _table("Trình độ học vấn", education, total, ["12/12", "10/10"]),
        _table("Trình độ chuyên môn", professional, total, [str(v) for v in levels.values()]),
        _table("Trình độ lý luận chính trị", theory, total, [str(v) for v in theories.values()]),
        _table("Tuổi Đảng", party, total, [label for _, _, label in PARTY_BANDS]),
        _table("Tư cách đại biểu", mandate, total, ["Đại biểu đương nhiên", "Đại biểu được bầu"]),
    ]
    return Statistics(total=total, reference=reference, tables=tables)
