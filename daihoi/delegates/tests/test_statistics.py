"""The structure statistics against a roster counted by hand (opening day 14/10/2020)."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from docx import Document as DocxDocument
from openpyxl import load_workbook

from ..services.roster import delegate_replace
from ..statistics import percent_text, roster_statistics, share
from .helpers import make_delegate, make_delegation

D = dt.date
# (gender, birth, ethnicity, religion, education, professional, theory, joined, ex officio)
OFFICIALS = [
    ("male", 1975, "Kinh", "Không", "12/12", "master", "senior", D(2000, 5, 19), True),
    (
        "female",
        1985,
        "Xơ Đăng",
        "Không",
        "12/12",
        "university",
        "intermediate",
        D(2010, 10, 15),
        False,
    ),
    ("male", 1960, "Ba Na", "Công giáo", "12/12", "doctor", "senior", D(1985, 1, 1), True),
    ("female", 1970, "Kinh", "", "10/10", "university", "senior", D(1995, 10, 14), False),
    ("male", 1958, "Kinh", "Phật giáo", "12/12", "master", "senior", D(1990, 6, 1), False),
]


@pytest.fixture
def roster(secretariat_access):
    delegation = make_delegation(secretariat_access)
    for i, (g, birth, eth, rel, edu, prof, theo, joined, ex) in enumerate(OFFICIALS):
        make_delegate(
            secretariat_access,
            delegation,
            full_name=f"Đại biểu {i}",
            gender=g,
            birth_year=birth,
            ethnicity=eth,
            religion=rel,
            education=edu,
            professional_level=prof,
            theory_level=theo,
            party_joined_on=joined,
            is_ex_officio=ex,
        )
    # Not counted: an alternate, a guest, and an official delegate replaced by an alternate.
    make_delegate(
        secretariat_access,
        delegation,
        full_name="Dự khuyết",
        kind="alternate",
        birth_year=1990,
        party_joined_on=D(2015, 1, 1),
    )
    make_delegate(
        secretariat_access,
        delegation,
        full_name="Khách mời",
        kind="guest",
        birth_year=None,
        party_joined_on=None,
    )
    gone = make_delegate(secretariat_access, delegation, full_name="Đã thay", birth_year=1966)
    stand_in = make_delegate(
        secretariat_access,
        delegation,
        full_name="Người thay",
        kind="alternate",
        birth_year=1988,
        party_joined_on=D(2012, 2, 2),
        gender="male",
        ethnicity="Kinh",
    )
    delegate_replace(
        access=secretariat_access,
        delegate=gone,
        substitute=stand_in,
        reason="Nghỉ hưu",
        decided_on=D(2020, 9, 1),
    )
    return delegation


def _as_dict(stats):
    return {t.title: [(r.label, r.count, r.percent_text) for r in t.rows] for t in stats.tables}


def test_the_figures_match_the_hand_count(world, secretariat_access, roster):
    # The alternate who took the seat now counts: six officials.
    stats = roster_statistics(world.congress, D(2020, 9, 1))
    tables = _as_dict(stats)
    assert stats.total == 6 and stats.reference == D(2020, 10, 14)
    assert tables["Giới tính"] == [("Nam", 4, "66,67"), ("Nữ", 2, "33,33")]
    assert tables["Độ tuổi"] == [
        ("Dưới 40 tuổi", 2, "33,33"),
        ("Từ 40 đến 50 tuổi", 2, "33,33"),
        ("Từ 51 đến 60 tuổi", 1, "16,67"),
        ("Trên 60 tuổi", 1, "16,67"),
    ]
    assert tables["Dân tộc"] == [
        ("Dân tộc thiểu số (cộng)", 2, "33,33"),
        ("Kinh", 4, "66,67"),
        ("Ba Na", 1, "16,67"),
        ("Xơ Đăng", 1, "16,67"),
    ]
    assert tables["Tôn giáo"] == [
        ("Không theo tôn giáo", 4, "66,67"),
        ("Công giáo", 1, "16,67"),
        ("Phật giáo", 1, "16,67"),
    ]
    assert tables["Trình độ học vấn"] == [("12/12", 5, "83,33"), ("10/10", 1, "16,67")]
    assert tables["Trình độ chuyên môn"] == [
        ("Tiến sĩ", 1, "16,67"),
        ("Thạc sĩ", 3, "50,00"),
        ("Đại học", 2, "33,33"),
    ]
    assert tables["Trình độ lý luận chính trị"] == [
        ("Cao cấp, cử nhân", 5, "83,33"),
        ("Trung cấp", 1, "16,67"),
    ]
    # 10/2010 → 14/10/2020 is 9 whole years; 14/10/1995 → 14/10/2020 is 25.
    assert tables["Tuổi Đảng"] == [
        ("Dưới 10 năm", 2, "33,33"),
        ("Từ 10 đến 20 năm", 1, "16,67"),
        ("Từ 21 đến 30 năm", 2, "33,33"),
        ("Trên 30 năm", 1, "16,67"),
    ]
    assert tables["Tư cách đại biểu"] == [
        ("Đại biểu đương nhiên", 2, "33,33"),
        ("Đại biểu được bầu", 4, "66,67"),
    ]


def test_the_page_and_the_exports_carry_the_figures(
    world, roster, client, django_assert_max_num_queries
):
    client.force_login(world.users["secretariat"])
    with django_assert_max_num_queries(10):
        page = client.get(reverse("delegates:statistics", args=[world.congress.pk]))
    assert "66,67%" in page.content.decode()
    xlsx = client.get(reverse("delegates:statistics-xlsx", args=[world.congress.pk])).content
    cells = [
        c for row in load_workbook(io.BytesIO(xlsx)).active.iter_rows(values_only=True) for c in row
    ]
    assert "Trên 30 năm" in cells and "16,67" in cells
    docx = client.get(reverse("delegates:statistics-docx", args=[world.congress.pk])).content
    document = DocxDocument(io.BytesIO(docx))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "BÁO CÁO" in text and "BAN THẨM TRA TƯ CÁCH ĐẠI BIỂU" in "\n".join(cells)
    assert "Dân tộc thiểu số (cộng)" in cells and "33,33" in cells
    client.force_login(world.users["member"])
    assert client.get(reverse("delegates:statistics", args=[world.congress.pk])).status_code == 403


def test_a_percentage_ending_in_a_half_is_rounded_up_as_a_clerk_rounds_it():
    # 1, 3 and 13 delegates of 32: 3.125 %, 9.375 % and 40.625 % — every half goes up alike.
    assert [percent_text(share(n, 32)) for n in (1, 3, 13)] == ["3,13", "9,38", "40,63"]
    # 3 of 4,000 is 0.075 %, which a float holds as 0.07499…
    assert percent_text(share(3, 4000)) == "0,08"
    assert percent_text(share(0, 0)) == "0,00" and percent_text(share(32, 32)) == "100,00"
